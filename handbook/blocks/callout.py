"""The callout block: a boxed tip or note, `- callout: text` or with a title and tone."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.registry import BlockKind, text_or_fields
from handbook.model import Block, Inline
from handbook.nodes import Scalar
from handbook.problems import Where
from handbook.validate.fields import join

TONES = ("tip", "note")


@dataclass(frozen=True, eq=False, repr=False)
class Callout(Block):
    """A boxed tip or note, with an optional title."""

    text: Inline
    where: Where
    title: str = ""
    tone: str = "tip"  # "tip" or "note"


def validate(ctx, node, path: str) -> Callout | None:
    if isinstance(node, Scalar):
        text = ctx.read.inline(node, path, required=True)
        return Callout(text, node.where) if text else None
    fields = ctx.read.mapping(node, path, ("text", "title", "tone"), required=("text",))
    if fields is None:
        return None
    text = ctx.read.inline(fields.get("text"), join(path, "text"), required=True)
    title = ctx.read.text(fields.get("title"), join(path, "title"))
    tone = ctx.read.choice(fields.get("tone"), join(path, "tone"), TONES, "tip")
    return Callout(text, node.where, title=title, tone=tone) if text else None


def render(block: Callout, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from reportlab.platypus import Spacer

    from handbook.l10n import _
    from handbook.render.inline import text_markup, to_markup
    from handbook.render.paragraphs import MemoParagraph
    from handbook.render.tables import styled_table

    title = block.title or (_("Tip") if block.tone == "tip" else _("Note"))
    bar = ctx.styles.accent if block.tone == "tip" else ctx.styles.primary
    group = ctx.parent.add("Div")  # read as its title (a heading) and its text
    content = [
        MemoParagraph(text_markup(title), ctx.styles["callout_title"], tag=group.add("H2")),
        MemoParagraph(to_markup(block.text, ctx.link_colour), ctx.styles["callout"], tag=group.add("P")),
    ]
    box = styled_table(
        [[content]],
        [ctx.width],
        ctx.styles,
        [
            ("BACKGROUND", (0, 0), (-1, -1), ctx.styles.tint),
            ("LINEBEFORE", (0, 0), (0, -1), 4, bar),
            ("LEFTPADDING", (0, 0), (-1, -1), 14),
            ("RIGHTPADDING", (0, 0), (-1, -1), 12),
            ("TOPPADDING", (0, 0), (-1, -1), 9),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
        ],
    )
    return [Spacer(1, 4), box, Spacer(1, 10)]


KIND = BlockKind(
    name="callout",
    model=Callout,
    validate=validate,
    render=render,
    schema=text_or_fields(title={"type": "string"}, tone={"enum": list(TONES)}),
    summary="a tip or note in a tinted box",
)
