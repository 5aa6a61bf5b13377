"""Checklists: a square to tick beside each item (a PDF form checkbox when fillable), the title kept with the first item."""

from __future__ import annotations

from contextlib import nullcontext
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Spacer

from handbook import model
from handbook.l10n import _
from handbook.render.context import RenderContext
from handbook.render.hyphenation import breaks_words, narrow_style
from handbook.render.inline import text_markup, to_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.structure import Element
from handbook.render.tables import styled_table

if TYPE_CHECKING:  # the kind's module imports this renderer when it renders: only its type is needed here
    from handbook.blocks.checklist import Checklist

BOX = 11  # points
INSET = 1.5


class TickBox(Flowable):
    """A square to tick: drawn empty for pen and paper (an artifact), or with a form checkbox that prints its
    tick (the one kid of its Form element `tag`)."""

    def __init__(self, colour, field_name: str | None = None, tooltip: str = "", tag: Element | None = None) -> None:
        super().__init__()
        self.tag = tag
        self.colour = colour
        self.field_name = field_name
        self.tooltip = tooltip

    def wrap(self, available_width, available_height):
        return BOX, BOX

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(self.colour)
        canvas.setLineWidth(1.2)
        canvas.rect(0, 0, BOX, BOX, stroke=1, fill=0)
        if self.field_name:
            tags = getattr(canvas, "tags", None)
            with tags.content(self.tag) if tags is not None and self.tag is not None else nullcontext():
                self._checkbox()

    def _checkbox(self) -> None:
        from reportlab.lib import colors

        canvas = self.canv
        # Inset so the widget, which viewers draw above the page, leaves the printed square whole.
        canvas.acroForm.checkbox(
            name=self.field_name,
            tooltip=self.tooltip[:200],
            x=INSET,
            y=INSET,
            size=BOX - 2 * INSET,
            relative=True,
            buttonStyle="check",
            borderWidth=0,
            borderColor=None,
            fillColor=colors.white,
            textColor=self.colour,
            annotationFlags="print",
            fieldFlags="",
            forceBorder=False,
        )


def render_checklist(block: Checklist, ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    note_width = 1.4 * 72 if block.note_heading else 0
    box_width = BOX + 10
    text_width = ctx.width - box_width - note_width
    commands = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), 4),
        ("TOPPADDING", (1, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    rows = []
    title = MemoParagraph(text_markup(block.title), styles["h2"], tag=ctx.parent.add("H2")) if block.title else None
    parts = _item_elements(block, ctx.parent)
    for number, (depth, item) in enumerate(_flatten(block.items), start=1):
        form, text_tag, note_tag = parts[id(item)]
        box = TickBox(styles.primary, f"{ctx.scope}.item{number}" if block.fillable else None, tooltip=_tooltip_text(item), tag=form)
        text = MemoParagraph(to_markup(item.text, ctx.link_colour), styles["list_item"], tag=text_tag)
        if depth:
            # A sub-item: its own box and text, one box-width further right.
            nested = styled_table(
                [[box, text]],
                [box_width, text_width - box_width],
                styles,
                commands[:2] + [("TOPPADDING", (0, 0), (0, 0), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)],
            )
            cells = ["", nested]
        else:
            cells = [box, text]
        if note_width:
            note = block.note_text(item)
            note_style = styles["caption"].clone("check_note", alignment=0, fontName=styles.fonts.regular)
            note_style = narrow_style(note_style, note, note_width, ctx.hyphenation)
            if breaks_words(note_style) and not note_tag.actual_text:
                note_tag.actual_text = note
            cells.append(MemoParagraph(text_markup(note), note_style, tag=note_tag))
        rows.append(cells)
    widths = [box_width, text_width] + ([note_width] if note_width else [])
    head: list[Flowable] = [title] if title else []
    if note_width:
        words = _(block.note_heading)
        heading_style = styles["caption"].clone("check_heading", alignment=0, fontName=styles.fonts.bold)
        heading = MemoParagraph(text_markup(words), narrow_style(heading_style, words, note_width, ctx.hyphenation))
        rows.insert(0, ["", "", heading])
    # The title and the first item travel together; the rest may split across pages.
    first = 2 if note_width else 1
    head.append(styled_table(rows[:first], widths, styles, commands, hAlign="LEFT"))
    flowables: list[Flowable] = [KeepTogether(head)]
    if len(rows) > first:
        flowables.append(styled_table(rows[first:], widths, styles, commands, hAlign="LEFT"))
    return flowables + [Spacer(1, 10)]


def _item_elements(block: Checklist, parent: Element) -> dict[int, tuple[Element | None, Element, Element]]:
    """The structure of a checklist, a list in `parent`: for each item (by id), its form field's element
    (when fillable), and those of its text and of its note; sub-items are a list inside their item."""
    # The column heading is drawn once above the notes; each due date is read with what it is.
    found = {}

    def items_of(items, into: Element) -> None:
        listed = into.add("L", attributes={"O": "List", "ListNumbering": "None"})
        for item in items:
            entry = listed.add("LI")
            form = entry.add("Lbl").add("Form") if block.fillable else None
            body = entry.add("LBody")
            text = body.add("P")
            due = item.due and block.note_heading == "Due"
            note = body.add("P", actual_text=_("Due {date}").format(date=item.due) if due else "")
            found[id(item)] = (form, text, note)
            if item.items:
                items_of(item.items, body)

    items_of(block.items, parent)
    return found


def _flatten(items: tuple[model.ChecklistItem, ...], depth: int = 0):
    for item in items:
        yield depth, item
        yield from _flatten(item.items, depth + 1)


def _tooltip_text(item: model.ChecklistItem) -> str:
    return "".join(span.text for span in item.text)
