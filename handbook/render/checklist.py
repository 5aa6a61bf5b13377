"""Checklists: an empty square to tick beside each item, the title kept with the first item."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Spacer

from handbook import model
from handbook.render.context import RenderContext
from handbook.render.inline import text_markup, to_markup
from handbook.render.tables import styled_table

BOX = 11  # points


class TickBox(Flowable):
    """An empty square a student ticks with a pen."""

    def __init__(self, colour) -> None:
        super().__init__()
        self.colour = colour

    def wrap(self, available_width, available_height):
        return BOX, BOX

    def draw(self) -> None:
        self.canv.setStrokeColor(self.colour)
        self.canv.setLineWidth(1.2)
        self.canv.rect(0, 0, BOX, BOX, stroke=1, fill=0)


def render_checklist(block: model.Checklist, ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    rows = [[TickBox(styles.primary), Paragraph(to_markup(item, ctx.link_colour), styles["list_item"])] for item in block.items]
    table = styled_table(rows, [BOX + 12, ctx.width - BOX - 12], styles, [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), 4),
        ("TOPPADDING", (1, 0), (1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ], hAlign="LEFT")
    flowables: list[Flowable] = []
    if block.title:
        flowables.append(Paragraph(text_markup(block.title), styles["h2"]))
    return flowables + [table, Spacer(1, 10)]
