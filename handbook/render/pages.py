"""What is drawn on the page around the text: the cover, running headers and footers."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.units import inch

from handbook.model import Handbook
from handbook.render.back_cover import draw_back_cover, logo_text
from handbook.render.drawing import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, draw_image_fitted, draw_paragraph, fill_to_edge
from handbook.render.inline import text_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.structure import Element
from handbook.render.tagging import pagination
from handbook.render.theme import Styles
from handbook.style_sheet import COVER_PATTERN_ALPHA


@dataclass(frozen=True)
class PageDecor:
    """Draws the fixed parts of each kind of page for one handbook.

    The covers' words go into their structure elements (`cover`, `back`); shapes, headers and
    footers are artifacts.
    """

    handbook: Handbook
    styles: Styles
    page_width: float
    page_height: float
    cover_part: Element
    back_part: Element | None = None
    bleed: float = 0  # how far colour that reaches the page edge runs past it, for a print shop

    def cover(self, canvas, doc) -> None:
        """Title panel in the primary colour, accent band, organisation and edition below."""
        s, w, h = self.styles, self.page_width, self.page_height
        canvas.saveState()
        panel_bottom = h * 0.42
        canvas.setFillColor(s.primary)
        fill_to_edge(canvas, 0, panel_bottom, w, h - panel_bottom, (w, h), self.bleed)
        canvas.setFillColor(s.accent)
        fill_to_edge(canvas, 0, panel_bottom - 10, w, 10, (w, h), self.bleed)
        # A quiet pattern of rising bars: a career that grows.
        canvas.saveState()
        canvas.setFillColor(colors.Color(1, 1, 1, alpha=COVER_PATTERN_ALPHA))
        for i, height in enumerate((0.10, 0.16, 0.23, 0.31, 0.40)):
            bar_width = w * 0.05
            x = w - MARGIN_SIDE - (5 - i) * bar_width * 1.35
            canvas.rect(x, panel_bottom + 26, bar_width, h * height, stroke=0, fill=1)
        canvas.restoreState()
        text_width = w - 2 * MARGIN_SIDE
        y = h - 1.5 * inch
        # Read in this order: the title first, then what it is about, then who made it.
        part, school = self.cover_part, self.handbook.school
        title_tag = part.add("H1")
        subtitle_tag = part.add("P")
        # The career line is printed in capitals; it is read as written.
        career_tag = part.add("P", actual_text=self.handbook.career)
        logo_tag = part.add("Figure", alt=logo_text(school.name) if school else "")
        if self.handbook.career:
            kicker = MemoParagraph(text_markup(self.handbook.career.upper()), s["cover_career"], tag=career_tag)
            y = draw_paragraph(kicker, canvas, MARGIN_SIDE, y, text_width) - 14
        title = MemoParagraph(text_markup(self.handbook.title), s["cover_title"], tag=title_tag)
        y = draw_paragraph(title, canvas, MARGIN_SIDE, y, text_width * 0.85) - 14
        if self.handbook.subtitle:
            subtitle = MemoParagraph(text_markup(self.handbook.subtitle), s["cover_subtitle"], tag=subtitle_tag)
            draw_paragraph(subtitle, canvas, MARGIN_SIDE, y, text_width * 0.85)
        y = panel_bottom - 0.9 * inch
        if school and school.logo:
            logo_height = 1.2 * inch
            with canvas.tags.content(logo_tag):
                draw_image_fitted(canvas, school.logo, MARGIN_SIDE, y - logo_height + 16, 2.6 * inch, logo_height)
            y -= logo_height + 6
        if self.handbook.organisation:
            org = MemoParagraph(text_markup(self.handbook.organisation), s["cover_organisation"], tag=part.add("P"))
            y = draw_paragraph(org, canvas, MARGIN_SIDE, y, text_width) - 6
        if self.handbook.edition:
            edition = MemoParagraph(text_markup(self.handbook.edition), s["cover_meta"], tag=part.add("P"))
            draw_paragraph(edition, canvas, MARGIN_SIDE, y, text_width)
        canvas.setFillColor(s.accent)
        canvas.rect(MARGIN_SIDE, MARGIN_BOTTOM, 0.6 * inch, 4, stroke=0, fill=1)
        canvas.restoreState()

    def back(self, canvas, doc) -> None:
        assert self.back_part is not None
        draw_back_cover(canvas, self.handbook, self.styles, self.page_width, self.page_height, self.back_part, self.bleed)

    def running(self, canvas, doc) -> None:
        """Header (handbook title, current section) and footer (organisation, page N of M): artifacts."""
        with canvas.tags.artifact(pagination("Header")):
            self._header(canvas, doc)
        with canvas.tags.artifact(pagination("Footer")):
            self._footer(canvas)

    def _header(self, canvas, doc) -> None:
        s, w, h = self.styles, self.page_width, self.page_height
        canvas.saveState()
        canvas.setFont(s.fonts.regular, 8.5)
        canvas.setFillColor(s.muted)
        top = h - MARGIN_TOP + 22
        canvas.drawString(MARGIN_SIDE, top, self.handbook.title)
        section = doc.running_section()
        if section:
            style = s["running_section"]
            canvas.setFont(style.fontName, style.fontSize)
            canvas.setFillColor(style.textColor)
            canvas.drawRightString(w - MARGIN_SIDE, top, section)
        canvas.setStrokeColor(s.rule)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_SIDE, top - 7, w - MARGIN_SIDE, top - 7)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        s, w = self.styles, self.page_width
        canvas.saveState()
        canvas.setStrokeColor(s.rule)
        canvas.setLineWidth(0.6)
        bottom = MARGIN_BOTTOM - 30
        canvas.line(MARGIN_SIDE, bottom + 12, w - MARGIN_SIDE, bottom + 12)
        canvas.setFont(s.fonts.regular, 8.5)
        canvas.setFillColor(s.muted)
        footer_left = footer_line(self.handbook.organisation, self.handbook.edition)
        if footer_left:
            canvas.drawString(MARGIN_SIDE, bottom, footer_left)
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.translate(w - MARGIN_SIDE, bottom)
        canvas.defer(lambda c: _draw_page_of(c, s, page))
        canvas.restoreState()
        canvas.restoreState()


FOOTER_SEPARATOR = " \u00b7 "


def footer_line(*texts: str) -> str:
    """The footer's parts joined by middle dots, each said once.

    The parts are the texts split at their own middle dots; a part is left out when an earlier part says
    the same, or when another part contains it as whole words ("Riverside High School" twice, or
    "Riverside" beside "Riverside High School").
    """
    parts: list[str] = []
    for text in texts:
        parts += [part.strip() for part in text.split("\u00b7") if part.strip()]
    kept: list[str] = []
    for index, part in enumerate(parts):
        said_elsewhere = any(
            _says(other, part) and (len(other) > len(part) or (other.casefold() == part.casefold() and other_index < index))
            for other_index, other in enumerate(parts)
            if other_index != index
        )
        if not said_elsewhere:
            kept.append(part)
    return FOOTER_SEPARATOR.join(kept)


def _says(text: str, part: str) -> bool:
    """Whether `text` contains `part` as whole words, ignoring case and runs of spaces."""
    import re

    words = r"\s+".join(re.escape(word) for word in part.split())
    return re.search(rf"(?<!\w){words}(?!\w)", text, re.IGNORECASE) is not None


def _draw_page_of(canvas, styles: Styles, page: int) -> None:
    canvas.setFont(styles.fonts.regular, 8.5)
    canvas.setFillColor(styles.muted)
    canvas.drawRightString(0, 0, f"Page {page} of {canvas.page_count}")
