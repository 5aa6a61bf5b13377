"""The paragraph block: `- paragraph: text` with inline markup."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.registry import BlockKind
from handbook.model import Block, Inline
from handbook.problems import Where


@dataclass(frozen=True, eq=False, repr=False)
class Paragraph(Block):
    """A paragraph of inline text."""

    text: Inline
    where: Where


def validate(ctx, node, path: str) -> Paragraph | None:
    text = ctx.read.inline(node, path, required=True)
    return Paragraph(text, node.where) if text else None


def render(block: Paragraph, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from handbook.render.inline import to_markup
    from handbook.render.paragraphs import MemoParagraph

    return [MemoParagraph(to_markup(block.text, ctx.link_colour), ctx.styles["body"], tag=ctx.parent.add("P"))]


KIND = BlockKind(
    name="paragraph",
    model=Paragraph,
    validate=validate,
    render=render,
    schema={"$ref": "#/$defs/text"},
    summary="a paragraph of text with inline markup",
)
