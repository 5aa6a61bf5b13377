"""The quote block: `- quote: text`, or with who said it."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.registry import BlockKind, text_or_fields
from handbook.model import Block, Inline
from handbook.nodes import Scalar
from handbook.problems import Where
from handbook.validate.fields import join


@dataclass(frozen=True, eq=False, repr=False)
class Quote(Block):
    """A quotation, with who said it."""

    text: Inline
    where: Where
    by: str = ""


def validate(ctx, node, path: str) -> Quote | None:
    if isinstance(node, Scalar):
        text = ctx.read.inline(node, path, required=True)
        return Quote(text, node.where) if text else None
    fields = ctx.read.mapping(node, path, ("text", "by"), required=("text",))
    if fields is None:
        return None
    text = ctx.read.inline(fields.get("text"), join(path, "text"), required=True)
    by = ctx.read.text(fields.get("by"), join(path, "by"))
    return Quote(text, node.where, by=by) if text else None


def render(block: Quote, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from reportlab.platypus import KeepTogether, Spacer

    from handbook.render.inline import text_markup, to_markup
    from handbook.render.paragraphs import MemoParagraph

    group = ctx.parent.add("BlockQuote")
    flowables = [MemoParagraph(f"\u201c{to_markup(block.text, ctx.link_colour)}\u201d", ctx.styles["quote"], tag=group.add("P"))]
    if block.by:
        flowables.append(MemoParagraph(f"\u2014 {text_markup(block.by)}", ctx.styles["quote_by"], tag=group.add("P")))
    else:
        flowables.append(Spacer(1, 10))
    return [KeepTogether(flowables)]


KIND = BlockKind(
    name="quote",
    model=Quote,
    validate=validate,
    render=render,
    schema=text_or_fields(by={"type": "string"}),
    summary="a quotation, with who said it",
)
