"""One renderer per block kind: a model block in, ReportLab flowables out."""

from __future__ import annotations

from typing import Callable

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, ListItem, Spacer

from handbook import model
from handbook.render.checklist import render_checklist
from handbook.render.context import RenderContext
from handbook.render.images import pixel_size, print_ready
from handbook.render.inline import text_markup, to_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.salary import render_salary_table
from handbook.render.tables import styled_table


def render_paragraph(block: model.Paragraph, ctx: RenderContext) -> list[Flowable]:
    return [MemoParagraph(to_markup(block.text, ctx.link_colour), ctx.styles["body"])]


def _list(items: tuple[model.Inline, ...], ctx: RenderContext, **options) -> list[Flowable]:
    style = ctx.styles["list_item"]
    entries = [ListItem(MemoParagraph(to_markup(item, ctx.link_colour), style)) for item in items]
    return [ListFlowable(entries, leftIndent=18, spaceAfter=6, **options), Spacer(1, 4)]


def render_bullets(block: model.Bullets, ctx: RenderContext) -> list[Flowable]:
    return _list(
        block.items, ctx, bulletType="bullet", start="\u2022",
        bulletFontName=ctx.styles.fonts.bold, bulletColor=ctx.styles.accent, bulletFontSize=11,
    )


def render_steps(block: model.Steps, ctx: RenderContext) -> list[Flowable]:
    return _list(
        block.items, ctx, bulletType="1", bulletFormat="%s.",
        bulletFontName=ctx.styles.fonts.bold, bulletColor=ctx.styles.primary, bulletFontSize=10.5,
    )


def _boxed(content: list[Flowable], ctx: RenderContext, bar) -> Flowable:
    return styled_table([[content]], [ctx.width], ctx.styles, [
        ("BACKGROUND", (0, 0), (-1, -1), ctx.styles.tint),
        ("LINEBEFORE", (0, 0), (0, -1), 4, bar),
        ("LEFTPADDING", (0, 0), (-1, -1), 14),
        ("RIGHTPADDING", (0, 0), (-1, -1), 12),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ])


def render_callout(block: model.Callout, ctx: RenderContext) -> list[Flowable]:
    title = block.title or ("Tip" if block.tone == "tip" else "Note")
    bar = ctx.styles.accent if block.tone == "tip" else ctx.styles.primary
    content = [
        MemoParagraph(text_markup(title), ctx.styles["callout_title"]),
        MemoParagraph(to_markup(block.text, ctx.link_colour), ctx.styles["callout"]),
    ]
    return [Spacer(1, 4), _boxed(content, ctx, bar), Spacer(1, 10)]


def render_quote(block: model.Quote, ctx: RenderContext) -> list[Flowable]:
    flowables: list[Flowable] = [MemoParagraph(f"\u201c{to_markup(block.text, ctx.link_colour)}\u201d", ctx.styles["quote"])]
    if block.by:
        flowables.append(MemoParagraph(f"\u2014 {text_markup(block.by)}", ctx.styles["quote_by"]))
    else:
        flowables.append(Spacer(1, 10))
    return [KeepTogether(flowables)]


class PlacedImage(Flowable):
    """An image drawn at a fixed size, prepared for print by render.images."""

    def __init__(self, block: model.Image, width: float, height: float) -> None:
        super().__init__()
        self.block = block
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        source = print_ready(self.block.path, self.width, self.height, self.block.orientation)
        self.canv.drawImage(source, 0, 0, self.width, self.height, mask="auto")


def image_size(block: model.Image, frame_width: float, frame_height: float) -> tuple[float, float]:
    """The size an image block prints at, in points: its share of the text width, at most 60% of the text height."""
    pixels_wide, pixels_high = pixel_size(block.path, block.orientation)
    width = frame_width * block.width
    height = width * pixels_high / pixels_wide
    limit = frame_height * 0.6
    if height > limit:
        width, height = width * limit / height, limit
    return width, height


def render_image(block: model.Image, ctx: RenderContext) -> list[Flowable]:
    width, height = image_size(block, ctx.width, ctx.height)
    flowables: list[Flowable] = [PlacedImage(block, width, height)]
    if block.caption:
        flowables += [Spacer(1, 4), MemoParagraph(text_markup(block.caption), ctx.styles["caption"])]
    return [KeepTogether(flowables), Spacer(1, 10)]


RENDERERS: dict[type, Callable[[object, RenderContext], list[Flowable]]] = {
    model.Paragraph: render_paragraph,
    model.Bullets: render_bullets,
    model.Steps: render_steps,
    model.Callout: render_callout,
    model.Quote: render_quote,
    model.Image: render_image,
    model.SalaryTable: render_salary_table,
    model.Checklist: render_checklist,
}

# Substantial blocks: a section's heading stays on one page with the start of the first of these
# and the paragraphs that introduce it, not only with its first paragraph.
LEADS: tuple[type, ...] = (model.Bullets, model.Steps, model.SalaryTable, model.Checklist)


def render_block(block: model.Block, ctx: RenderContext) -> list[Flowable]:
    return RENDERERS[type(block)](block, ctx)
