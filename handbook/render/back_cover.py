"""The back cover of a school's edition: the school, how to reach it, and a QR code to its website."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook.l10n import _
from handbook.model import Handbook, School
from handbook.problems import Problem
from handbook.render.drawing import MARGIN_SIDE, draw_image_fitted, draw_paragraph, fill_to_edge
from handbook.render.fit import Lines, Placed, characters_too_many, fit_column, too_long, wrap_words
from handbook.render.inline import URL_BREAKS, text_markup, url_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.qr import draw_qr
from handbook.render.structure import Element
from handbook.render.theme import Styles

QR_SIZE = 1.6 * inch


def logo_text(school_name: str) -> str:
    """The alternative text of a school's logo."""
    return _("Logo of {school}").format(school=school_name) if school_name else _("School logo")


def has_back_cover(handbook: Handbook) -> bool:
    return handbook.school is not None and bool(handbook.school.contact or handbook.school.name)


def draw_back_cover(
    canvas,
    handbook: Handbook,
    styles: Styles,
    width: float,
    height: float,
    part: Element,
    layout: BackCoverLayout | None = None,
    bleed: float = 0,
) -> None:
    """Contact panel with the school's logo and name, its contact lines, and a QR code when there is a website.

    Read in `part` from the top: the invitation, the school, how to reach it, the QR code, then the band at the foot.
    `layout` is `back_cover_layout`'s for these, when it was made already. The band runs `bleed` points past
    the page's edges, for a print shop.
    """
    school = handbook.school
    assert school is not None
    layout = layout or back_cover_layout(handbook, styles, width, height)
    heading = part.add("H1")
    logo_tag = part.add("Figure", alt=logo_text(school.name))
    name_tag = part.add("H2")
    contacts = part.add("Div")
    footer = part.add("Div")
    canvas.saveState()
    band = BAND
    canvas.setFillColor(styles.primary)
    fill_to_edge(canvas, 0, 0, width, band, (width, height), bleed)
    canvas.setFillColor(styles.accent)
    fill_to_edge(canvas, 0, band, width, 6, (width, height), bleed)
    title, edition = styles["back_title"], styles["back_edition"]
    canvas.setFillColor(title.textColor)  # the edition's too: its style inherits the colour
    (title_lines, _size, title_baseline), *edition_lines = layout.band
    canvas.setFont(title.fontName, title_lines.size)
    with canvas.tags.content(footer.add("P")):
        _draw_band_lines(canvas, title_lines, title_baseline)
    canvas.setFont(edition.fontName, edition_lines[0][0].size if edition_lines else edition.fontSize)
    if edition_lines:
        with canvas.tags.content(footer.add("P")):
            _draw_band_lines(canvas, edition_lines[0][0], edition_lines[0][2])

    top = height - 1.3 * inch
    text_width = width - 2 * MARGIN_SIDE
    invitation = MemoParagraph(_("Questions? We are here to help."), styles["h1"], tag=heading)
    y = draw_paragraph(invitation, canvas, MARGIN_SIDE, top, text_width) - 18
    if school.logo:
        with canvas.tags.content(logo_tag):
            draw_image_fitted(canvas, school.logo, MARGIN_SIDE, y - 1.1 * inch, 2.4 * inch, 1.1 * inch)
        y -= 1.1 * inch + 16
    name, *lines = layout.column
    name_style, *line_styles = layout.styles
    y = draw_paragraph(MemoParagraph(name.markup(name.text, name_style), name_style, tag=name_tag), canvas, MARGIN_SIDE, y, name.width) - 10
    for item, style, link in zip(lines, line_styles, layout.links, strict=True):
        line_tag = contacts.add("P")
        line = MemoParagraph(item.markup(item.text, style), style, tag=line_tag)
        bottom = draw_paragraph(line, canvas, MARGIN_SIDE, y, item.width)
        if link:
            with canvas.tags.content(line_tag):
                canvas.linkURL(link, (MARGIN_SIDE, bottom, MARGIN_SIDE + item.width, y), relative=0, thickness=0)
        y = bottom - 6
    if school.contact.website:
        qr = contacts.add("Div")
        _draw_qr(canvas, school.contact.website, styles, width - MARGIN_SIDE - QR_SIZE, top - QR_SIZE - 70, qr)
    canvas.restoreState()


def _draw_band_lines(canvas, lines: Lines, baseline: float) -> None:
    """Each line from the left margin, the first at `baseline`; each but the last ends in a space, so
    its last word and the next line's first stay two words."""
    for index, line in enumerate(lines.lines):
        canvas.drawString(MARGIN_SIDE, baseline - index * lines.leading, line if index == len(lines.lines) - 1 else line + " ")


BAND = 1.2 * inch  # the height of the band at the foot of the back cover
BACK_FLOORS = {"title": 10, "edition": 8, "school.name": 13, "contact": 9}  # points: the smallest each is set


@dataclass(frozen=True)
class BackCoverLayout:
    """The back cover as it fits its texts: the band's lines (lines, style, first baseline), the school's name and
    contact lines with their styles and links, and what does not fit."""

    band: tuple[tuple[Lines, ParagraphStyle, float], ...]
    column: tuple[Placed, ...]
    styles: tuple[ParagraphStyle, ...]
    links: tuple[str, ...]
    problems: tuple[Problem, ...]


def back_cover_layout(handbook: Handbook, styles: Styles, width: float, height: float) -> BackCoverLayout:
    """Fit the back cover's texts: the title and edition in the band, the name and contacts above it, beside the QR code."""
    school = handbook.school
    assert school is not None
    text_width = width - 2 * MARGIN_SIDE
    band, band_problems = _band_layout(handbook, styles, text_width)
    contact_width = text_width - (QR_SIZE + 0.4 * inch if school.contact.website else 0)
    contact_style = styles["body"].clone("contact", fontSize=11.5, leading=16, splitLongWords=0)
    regular = styles.fonts.regular

    def named(text: str, style) -> str:
        return text_markup(text)

    def labelled(label: str, breaks: str = ""):
        def markup(text: str, style) -> str:
            if breaks:
                lead = stringWidth(label, styles.fonts.bold, style.fontSize) + stringWidth("\u2003", regular, style.fontSize)
                text = url_markup(text, contact_width, regular, style.fontSize, first_width=contact_width - lead, breaks=breaks)
            else:
                text = text_markup(text)
            return f"<b>{label}</b>\u2003{text}"

        return markup

    column = [Placed("school.name", school.name, named, styles["back_name"], BACK_FLOORS["school.name"], contact_width, 10)]
    links = []
    for field, label, value, link, breaks in _contact_lines(school):
        column.append(Placed(field, value, labelled(label, breaks), contact_style, BACK_FLOORS["contact"], contact_width, 6))
        links.append(link)
    # From under the school's logo, as drawn, down to above the band with room to spare.
    top = height - 1.3 * inch - styles["h1"].leading - 18 - (1.1 * inch + 16 if school.logo else 0)
    fitted = fit_column(column, top - BAND - 6 - 0.3 * inch)
    problems = band_problems + [
        too_long(handbook.place(item.field), item.field, item.text, count, item.floor, "the back cover") for item, count in fitted.too_long
    ]
    return BackCoverLayout(band, tuple(column), fitted.styles, tuple(links), tuple(problems))


def _band_layout(handbook: Handbook, styles: Styles, width: float) -> tuple[tuple, list[Problem]]:
    """The title and edition in the band: each as large as lets both fit, down to their floors.

    Set as they are at their own sizes on one line each, the title's baseline is 2 pt over the band's middle
    and the edition's 15 pt under the title's; more lines keep the middle of the two where it is.
    """
    title, edition = styles["back_title"], styles["back_edition"]
    texts = [handbook.title, handbook.edition]

    def laid_out(texts: list[str], factor: float):
        sizes = (max(BACK_FLOORS["title"], title.fontSize * factor), max(BACK_FLOORS["edition"], edition.fontSize * factor))
        parts = []
        for text, style, size in zip(texts, (title, edition), sizes, strict=True):
            if text:
                words = wrap_words(text, style.fontName, size, width)
                if words is None:
                    return None
                parts.append((Lines(tuple(words), size, size * 1.25), style))
        if not parts:
            return ()
        gap = 15 * factor
        span = sum((len(lines.lines) - 1) * lines.leading for lines, _ in parts) + gap * (len(parts) - 1)
        first = BAND / 2 + (2 if len(parts) == 1 else -5.5) + span / 2
        if first + 0.75 * parts[0][0].size > BAND - 8 or first - span - 0.25 * parts[-1][0].size < 0.25 * inch + 6:
            return None
        placed, baseline = [], first
        for lines, style in parts:
            placed.append((lines, style, baseline))
            baseline -= (len(lines.lines) - 1) * lines.leading + gap
        return tuple(placed)

    smallest = min(BACK_FLOORS[name] / style.fontSize for name, style in (("title", title), ("edition", edition)))
    factor = 1.0
    while factor >= smallest:
        found = laid_out(texts, factor)
        if found is not None:
            return found, []
        factor -= 0.025
    fields = [("title", title), ("edition", edition)]
    order = sorted(range(2), key=lambda i: -stringWidth(texts[i], fields[i][1].fontName, fields[i][1].fontSize))
    problems = [
        too_long(handbook.place(fields[i][0]), fields[i][0], texts[i], count, BACK_FLOORS[fields[i][0]], "the back cover's band")
        for i, count in characters_too_many(texts, order, lambda shorter: laid_out(shorter, smallest) is not None)
    ]
    return laid_out([texts[0], ""], smallest) or (), problems


def _contact_lines(school: School) -> list[tuple[str, str, str, str, str]]:
    """Each contact line: its field, label, value, what it links to, and where it may break inside a word."""
    contact = school.contact
    lines = []
    if contact.address:
        lines.append(("school.address", _("Visit"), contact.address, "", ""))
    if contact.phone:
        lines.append(("school.phone", _("Call"), contact.phone, "", ""))
    if contact.email:
        lines.append(("school.email", _("Email"), contact.email, f"mailto:{contact.email}", "@.-"))
    if contact.website:
        lines.append(("school.website", _("Web"), contact.website, contact.website, URL_BREAKS))
    return lines


def _draw_qr(canvas, url: str, styles: Styles, x: float, y: float, part: Element) -> None:
    """A QR code to `url`, with the address printed under it for readers without a camera; a linked figure in `part`."""
    link = part.add("Link")
    with canvas.tags.content(link.add("Figure", alt=_("QR code linking to {address}").format(address=url))):
        canvas.setFillColor(colors.black)
        draw_qr(canvas, url, x, y, QR_SIZE)
    with canvas.tags.content(link):
        canvas.linkURL(url, (x, y, x + QR_SIZE, y + QR_SIZE), relative=0, thickness=0)
    # Set flush right under the code, whose right edge is the margin: a caption wider than the code stays inside it.
    style = styles["caption"].clone("qr", fontName=styles.fonts.regular, alignment=2, splitLongWords=0)
    width = QR_SIZE + 0.3 * inch  # up to 0.1 in short of the contact column (0.4 in left of the code)
    scan = _("Scan for more, or visit")
    caption = MemoParagraph(f"{scan}<br/>{url_markup(url, width, style.fontName, style.fontSize)}", style, tag=part.add("P"))
    draw_paragraph(caption, canvas, x + QR_SIZE - width, y - 6, width)
