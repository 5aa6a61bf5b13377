"""The bullets block: `- bullets: [item, ...]`, an unordered list."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.registry import BlockKind
from handbook.model import Block, Inline
from handbook.problems import Where


@dataclass(frozen=True, eq=False, repr=False)
class Bullets(Block):
    """An unordered list."""

    items: tuple[Inline, ...]
    where: Where


def inline_list(ctx, node, path: str) -> tuple[Inline, ...]:
    """A list of inline texts, each required; what bullets and steps hold."""
    items = ctx.read.items(node, path, lambda item, p: ctx.read.inline(item, p, required=True))
    return tuple(item for item in items if item)


def render_list(items: tuple[Inline, ...], ctx, **options) -> list:
    """A list of inline texts as a ReportLab list, drawn with `options` (bullet or number)."""
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from reportlab.platypus import Spacer

    from handbook.render.inline import to_markup
    from handbook.render.lists import tagged_list
    from handbook.render.paragraphs import MemoParagraph

    style = ctx.styles["list_item"]
    paragraphs = [MemoParagraph(to_markup(item, ctx.link_colour), style) for item in items]
    return [tagged_list(ctx.parent, paragraphs, leftIndent=18, spaceAfter=6, **options), Spacer(1, 4)]


def validate(ctx, node, path: str) -> Bullets | None:
    items = inline_list(ctx, node, path)
    return Bullets(items, node.where) if items else None


def render(block: Bullets, ctx) -> list:
    return render_list(
        block.items,
        ctx,
        bulletType="bullet",
        start="\u2022",
        bulletFontName=ctx.styles.fonts.bold,
        bulletColor=ctx.styles.accent,
        bulletFontSize=11,
    )


KIND = BlockKind(
    name="bullets",
    model=Bullets,
    validate=validate,
    render=render,
    schema={"$ref": "#/$defs/textList"},
    summary="an unordered list",
    leads=True,
)
