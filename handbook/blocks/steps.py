"""The steps block: `- steps: [step, ...]`, a numbered list."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.bullets import inline_list, render_list
from handbook.blocks.registry import BlockKind
from handbook.model import Block, Inline
from handbook.problems import Where


@dataclass(frozen=True, eq=False, repr=False)
class Steps(Block):
    """A numbered list of steps."""

    items: tuple[Inline, ...]
    where: Where


def validate(ctx, node, path: str) -> Steps | None:
    items = inline_list(ctx, node, path)
    return Steps(items, node.where) if items else None


def render(block: Steps, ctx) -> list:
    number = ctx.styles["step_number"]
    return render_list(
        block.items,
        ctx,
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=number.fontName,
        bulletColor=number.textColor,
        bulletFontSize=number.fontSize,
    )


KIND = BlockKind(
    name="steps",
    model=Steps,
    validate=validate,
    render=render,
    schema={"$ref": "#/$defs/textList"},
    summary="a numbered list of steps",
    leads=True,
)
