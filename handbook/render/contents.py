"""The contents page entries and the section headings they point to."""

from __future__ import annotations

from reportlab.platypus import Flowable

from handbook.render.inline import text_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.structure import Element
from handbook.render.theme import Styles

NUMBER_COLUMN = 36  # points reserved at the right for the page number
LEADER_DOT_SPACING = 5  # points between the dots of a contents leader


def section_key(index: int) -> str:
    """The PDF destination name of section `index`."""
    return f"section-{index + 1}"


class SectionHeading(Flowable):
    """A section's title with an accent bar above it; it marks where the section starts."""

    def __init__(self, index: int, title: str, styles: Styles, tag: Element | None = None) -> None:
        super().__init__()
        self.index = index
        self.title = title
        self.styles = styles
        self.keepWithNext = 1
        self._paragraph = MemoParagraph(text_markup(title), styles["h1"], tag=tag)
        self._bar = 10

    def wrap(self, available_width, available_height):
        self.width = available_width
        _, height = self._paragraph.wrap(available_width, available_height)
        self.height = height + self._bar
        return self.width, self.height

    def getSpaceBefore(self) -> float:
        return self.styles["h1"].spaceBefore

    def getSpaceAfter(self) -> float:
        return self.styles["h1"].spaceAfter

    def draw(self) -> None:
        self.canv.setFillColor(self.styles.accent)
        self.canv.rect(0, self.height - 4, 42, 4, stroke=0, fill=1)
        self._paragraph.drawOn(self.canv, 0, 0)


class ContentsEntry(Flowable):
    """One line of the contents: title, dot leader, and a page number filled in after layout.

    In the structure, an entry of `contents` (TOCI) holding a link to the section: its title and page number.
    """

    def __init__(self, index: int, title: str, styles: Styles, pages: dict[int, int], contents: Element | None = None) -> None:
        super().__init__()
        self.index = index
        self.title = title
        self.styles = styles
        self.pages = pages
        style = styles["toc_entry"]
        self.link = (contents or Element("TOC")).add("TOCI").add("Link")
        self._paragraph = MemoParagraph(f"<b>{index + 1}</b>\u2003{text_markup(title)}", style, tag=self.link)
        self._gap = 10

    def wrap(self, available_width, available_height):
        self.width = available_width
        _, height = self._paragraph.wrap(available_width - NUMBER_COLUMN - 12, available_height)
        self.height = height + self._gap
        return self.width, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.styles["toc_entry"]
        self._paragraph.drawOn(canvas, 0, self._gap)
        baseline = self._gap + self._paragraph.height - style.leading + (style.leading - style.fontSize) / 2 + 1
        lines = getattr(self._paragraph, "blPara", None)
        last_width = self._last_line_width(lines)
        start, end = last_width + 8, self.width - NUMBER_COLUMN
        if end > start:
            # The leader is a dotted line, not text: quick to draw, and what a reader copies
            # from the contents is the title and its page, without a run of full stops.
            canvas.saveState()
            canvas.setStrokeColor(self.styles.rule)
            canvas.setLineWidth(1.5)
            canvas.setLineCap(1)  # round caps make each zero-length dash a dot
            canvas.setDash([0, LEADER_DOT_SPACING])
            canvas.line(start, baseline + 1.5, end, baseline + 1.5)
            canvas.restoreState()
        with canvas.tags.content(self.link):
            canvas.saveState()
            canvas.translate(self.width, baseline)
            canvas.defer(self._draw_number)
            canvas.restoreState()
            canvas.linkRect(self.title, section_key(self.index), (0, 0, self.width, self.height), relative=1, thickness=0)

    def _last_line_width(self, lines) -> float:
        if lines is None or not lines.lines:
            return 0.0
        last = lines.lines[-1]
        extra = last[0] if isinstance(last, tuple) else last.extraSpace
        return self._paragraph.width - extra

    def _draw_number(self, canvas) -> None:
        style = self.styles["toc_number"]
        canvas.setFont(style.fontName, style.fontSize)
        canvas.setFillColor(style.textColor)
        canvas.drawRightString(0, 0, str(self.pages.get(self.index, "")))
