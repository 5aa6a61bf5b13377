"""What is drawn on the page around the text: the cover, running headers and footers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook.model import Handbook
from handbook.page_sizes import PAGE_SIZES
from handbook.problems import Problem
from handbook.render.back_cover import BackCoverLayout, back_cover_layout, draw_back_cover, logo_text
from handbook.render.drawing import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP, draw_image_fitted, draw_paragraph, fill_to_edge
from handbook.render.fit import (
    ELLIPSIS,
    Lines,
    Placed,
    any_page_number,
    fit_column,
    fit_lines,
    page_of,
    split_width,
    tightest,
    too_long,
    widest_page_number,
)
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
        layout = self.cover_layout
        canvas.saveState()
        panel_bottom = layout.panel_bottom
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
        styles = layout.styles
        if self.handbook.career:
            kicker = MemoParagraph(text_markup(self.handbook.career.upper()), styles["career"], tag=career_tag)
            y = draw_paragraph(kicker, canvas, MARGIN_SIDE, y, text_width) - 14
        title = MemoParagraph(text_markup(self.handbook.title), styles["title"], tag=title_tag)
        y = draw_paragraph(title, canvas, MARGIN_SIDE, y, text_width * 0.85) - 14
        if self.handbook.subtitle:
            subtitle = MemoParagraph(text_markup(self.handbook.subtitle), styles["subtitle"], tag=subtitle_tag)
            draw_paragraph(subtitle, canvas, MARGIN_SIDE, y, text_width * 0.85)
        y = panel_bottom - 0.9 * inch
        if school and school.logo:
            logo_height = 1.2 * inch
            with canvas.tags.content(logo_tag):
                draw_image_fitted(canvas, school.logo, MARGIN_SIDE, y - logo_height + 16, 2.6 * inch, logo_height)
            y -= logo_height + 6
        if self.handbook.organisation:
            org = MemoParagraph(text_markup(self.handbook.organisation), styles["organisation"], tag=part.add("P"))
            y = draw_paragraph(org, canvas, MARGIN_SIDE, y, text_width) - 6
        if self.handbook.edition:
            edition = MemoParagraph(text_markup(self.handbook.edition), styles["edition"], tag=part.add("P"))
            draw_paragraph(edition, canvas, MARGIN_SIDE, y, text_width)
        canvas.setFillColor(s.accent)
        canvas.rect(MARGIN_SIDE, MARGIN_BOTTOM, 0.6 * inch, 4, stroke=0, fill=1)
        canvas.restoreState()

    @cached_property
    def cover_layout(self) -> CoverLayout:
        """Where the cover's panel ends and the size of each of its texts: see `cover_layout`."""
        return cover_layout(self.handbook, self.styles, self.page_width, self.page_height)

    def problems(self) -> list[Problem]:
        """Each text of the covers that is too long for its place even at its smallest size."""
        found = list(self.cover_layout.problems)
        if self.back_part is not None:
            found += self.back_layout.problems
        return tightest(found)

    def back(self, canvas, doc) -> None:
        assert self.back_part is not None
        draw_back_cover(canvas, self.handbook, self.styles, self.page_width, self.page_height, self.back_part, self.back_layout, self.bleed)

    @cached_property
    def back_layout(self) -> BackCoverLayout:
        """The size of each text of the back cover: see `back_cover_layout`."""
        return back_cover_layout(self.handbook, self.styles, self.page_width, self.page_height)

    def running(self, canvas, doc) -> None:
        """Header (handbook title, current section) and footer (organisation, page N of M): artifacts."""
        with canvas.tags.artifact(pagination("Header")):
            self._header(canvas, doc)
        with canvas.tags.artifact(pagination("Footer")):
            self._footer(canvas)

    def _header(self, canvas, doc) -> None:
        """The handbook's title on the left, the section on the right, each in its own room, on the rule."""
        s, w, h = self.styles, self.page_width, self.page_height
        canvas.saveState()
        left, right = s["running"], s["running_section"]
        top = h - MARGIN_TOP + 22
        title, section = self.handbook.title, doc.running_section()
        widths = split_width(
            w - 2 * MARGIN_SIDE,
            RUNNING_GAP,
            stringWidth(title, left.fontName, left.fontSize),
            stringWidth(section, right.fontName, right.fontSize) if section else -RUNNING_GAP,
        )
        canvas.setFont(s.fonts.regular, 8.5)
        canvas.setFillColor(s.muted)
        # A part on two lines grows upwards, into the margin: its last line stays on the rule.
        _draw_lines(canvas, running_lines(title, left, widths[0]), left.fontName, MARGIN_SIDE, top, up=True)
        if section:
            lines = running_lines(section, right, widths[1])
            canvas.setFont(right.fontName, lines.size)
            canvas.setFillColor(right.textColor)
            _draw_lines(canvas, lines, right.fontName, w - MARGIN_SIDE, top, up=True, right=True)
        canvas.setStrokeColor(s.rule)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_SIDE, top - 7, w - MARGIN_SIDE, top - 7)
        canvas.restoreState()

    def _footer(self, canvas) -> None:
        """The organisation and edition on the left, "Page N of M" on the right, each in its own room.

        The page count is known only when the document is saved: a footer line that fits beside the
        widest page number any handbook has is drawn now; a longer one is laid out then, beside the
        widest page number of this handbook.
        """
        s, w = self.styles, self.page_width
        footer_left = footer_line(self.handbook.organisation, self.handbook.edition)
        page = canvas.getPageNumber()
        style = s["running"]
        room = w - 2 * MARGIN_SIDE - RUNNING_GAP
        if stringWidth(footer_left, style.fontName, style.fontSize) > room - any_page_number(style.fontName, style.fontSize):
            canvas.defer(lambda c: self._draw_footer(c, footer_left, page))
            return
        canvas.saveState()
        canvas.setStrokeColor(s.rule)
        canvas.setLineWidth(0.6)
        bottom = MARGIN_BOTTOM - 30
        canvas.line(MARGIN_SIDE, bottom + 12, w - MARGIN_SIDE, bottom + 12)
        canvas.setFont(s.fonts.regular, 8.5)
        canvas.setFillColor(s.muted)
        if footer_left:
            canvas.drawString(MARGIN_SIDE, bottom, footer_left)
        canvas.saveState()
        canvas.translate(w - MARGIN_SIDE, bottom)
        canvas.defer(lambda c: _draw_page_of(c, s, page))
        canvas.restoreState()
        canvas.restoreState()

    def _draw_footer(self, canvas, text: str, page: int) -> None:
        """A footer whose line needs the room the page number leaves: on two lines, growing upwards, the rule above them."""
        s, w = self.styles, self.page_width
        style = s["running"]
        number_width = widest_page_number(canvas.page_count, style.fontName, style.fontSize)
        lines = running_lines(text, style, w - 2 * MARGIN_SIDE - RUNNING_GAP - number_width)
        bottom = MARGIN_BOTTOM - 30
        rule = bottom + 12 + lines.leading * (len(lines.lines) - 1)
        canvas.setStrokeColor(s.rule)
        canvas.setLineWidth(0.6)
        canvas.line(MARGIN_SIDE, rule, w - MARGIN_SIDE, rule)
        canvas.setFont(style.fontName, lines.size)
        canvas.setFillColor(s.muted)
        _draw_lines(canvas, lines, style.fontName, MARGIN_SIDE, bottom, up=True)
        canvas.translate(w - MARGIN_SIDE, bottom)
        _draw_page_of(canvas, s, page)


@dataclass(frozen=True)
class CoverLayout:
    """The cover as it fits its texts: where the panel ends, each text's style by field, and what does not fit."""

    panel_bottom: float
    styles: dict[str, ParagraphStyle]
    problems: tuple[Problem, ...]


PANEL_PAD = 0.4 * inch  # the least room between the panel's last line and its bottom edge
COVER_FLOORS = {"career": 9, "title": 23, "subtitle": 12, "organisation": 11, "edition": 9}  # points: the smallest each is set


def cover_layout(handbook: Handbook, styles: Styles, width: float, height: float) -> CoverLayout:
    """Fit the cover's texts: the panel grows downwards for a long title, as far as the texts under it let it,
    then the panel's texts are set smaller down to their floors; so are the organisation and edition in their room."""
    text_width = width - 2 * MARGIN_SIDE
    school = handbook.school
    organisation = "school.name" if school else "organisation"

    def plain(text: str, style) -> str:
        return text_markup(text)

    def capitals(text: str, style) -> str:
        return text_markup(text.upper())

    panel = [
        Placed("career", handbook.career, capitals, styles["cover_career"], COVER_FLOORS["career"], text_width, 14),
        Placed("title", handbook.title, plain, styles["cover_title"], COVER_FLOORS["title"], text_width * 0.85, 14),
        Placed("subtitle", handbook.subtitle, plain, styles["cover_subtitle"], COVER_FLOORS["subtitle"], text_width * 0.85),
    ]
    lower = [
        Placed(organisation, handbook.organisation, plain, styles["cover_organisation"], COVER_FLOORS["organisation"], text_width, 6),
        Placed("edition", handbook.edition, plain, styles["cover_meta"], COVER_FLOORS["edition"], text_width),
    ]
    top, natural_bottom = height - 1.5 * inch, height * 0.42
    logo = 1.2 * inch + 6 if school and school.logo else 0
    lowest = MARGIN_BOTTOM + 4 + 0.3 * inch  # above the accent mark at the foot of the page
    under = fit_column(lower, natural_bottom - 0.9 * inch - logo - lowest)
    deepest = lowest + under.height + logo + 0.9 * inch  # the lowest the panel may end, its texts under it
    inside = fit_column(panel, top - PANEL_PAD - deepest)
    panel_bottom = min(natural_bottom, max(deepest, top - inside.height - PANEL_PAD))
    problems = [
        too_long(handbook.place(item.field), item.field, item.text, count, item.floor, "the cover")
        for item, count in (*inside.too_long, *under.too_long)
    ]
    names = ("career", "title", "subtitle", "organisation", "edition")
    return CoverLayout(panel_bottom, dict(zip(names, (*inside.styles, *under.styles), strict=True)), tuple(problems))


RUNNING_GAP = 18  # points at least between the two parts of a header or footer
RUNNING_FLOOR = 7  # points: the smallest a header's or footer's words are set


def running_lines(text: str, style, width: float) -> Lines:
    """A header's or footer's part in `width`: one line, else two, set smaller down to RUNNING_FLOOR, else shortened.

    Two lines at full size break after a middle dot where they can, so that each part of a footer
    (the organisation, the edition) reads whole on its line.
    """
    lines = fit_lines(text, style.fontName, style.fontSize, style.leading, RUNNING_FLOOR, width)
    if len(lines.lines) == 2 and lines.size == style.fontSize:
        parts = text.split(FOOTER_SEPARATOR)
        for cut in range(len(parts) - 1, 0, -1):
            first, second = FOOTER_SEPARATOR.join(parts[:cut]) + FOOTER_SEPARATOR.rstrip(), FOOTER_SEPARATOR.join(parts[cut:])
            if all(stringWidth(line, style.fontName, style.fontSize) <= width for line in (first, second)):
                return Lines((first, second), lines.size, lines.leading)
    return lines


def _draw_lines(canvas, lines: Lines, font: str, x: float, y: float, *, up: bool = False, right: bool = False) -> None:
    """Draw `lines` in `font` from `x` (their right end when `right`), the first at `y`, or with `up` the last at `y`.

    Each line but the last ends in a space, so its last word and the next line's first stay two words.
    """
    count = len(lines.lines)
    if (canvas._fontname, canvas._fontsize) != (font, lines.size):
        canvas.setFont(font, lines.size)
    for index, line in enumerate(lines.lines):
        baseline = y + (count - 1 - index) * lines.leading if up else y - index * lines.leading
        text = line if index == count - 1 else line + " "
        if right:
            canvas.drawRightString(x + (stringWidth(" ", font, lines.size) if index < count - 1 else 0), baseline, text)
        else:
            canvas.drawString(x, baseline, text)


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
    canvas.drawRightString(0, 0, page_of(page, canvas.page_count))


def shortened_running_texts(handbook: Handbook, styles: Styles) -> list[Problem]:
    """A warning for each text that the running header or footer can hold only shortened with "…", even on two
    lines at the smallest size: the reader sees it whole on the cover and in the PDF's metadata, not on every page.

    The footer is measured beside the widest page number of a handbook of up to 99 pages.
    """
    width = PAGE_SIZES[handbook.page_size][0] - 2 * MARGIN_SIDE
    left, right = styles["running"], styles["running_section"]
    found: list[Problem] = []

    def warn(where, field: str, text: str, place: str) -> None:
        found.append(
            Problem(
                where,
                f"{field}: '{_cut(text)}' is too long for the running {place} even on two lines at {RUNNING_FLOOR:g} pt, so it is "
                f"shortened there with '\u2026' (the cover shows it whole); shorten it to see it whole on every page",
                warning=True,
            )
        )

    footer = footer_line(handbook.organisation, handbook.edition)
    room = width - RUNNING_GAP - widest_page_number(99, left.fontName, left.fontSize)
    if footer and running_lines(footer, left, room).lines[-1].endswith(ELLIPSIS):
        warn(handbook.place("school.name" if handbook.school else "organisation"), "footer", footer, "footer")
    title_width = stringWidth(handbook.title, left.fontName, left.fontSize)
    title_shortened = False
    for section in handbook.sections:
        widths = split_width(width, RUNNING_GAP, title_width, stringWidth(section.title, right.fontName, right.fontSize))
        if running_lines(section.title, right, widths[1]).lines[-1].endswith(ELLIPSIS):
            warn(section.where, "title", section.title, "header")
        title_shortened = title_shortened or running_lines(handbook.title, left, widths[0]).lines[-1].endswith(ELLIPSIS)
    if title_shortened:
        warn(handbook.place("title"), "title", handbook.title, "header")
    return found


def _cut(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "\u2026"
