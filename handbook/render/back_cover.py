"""The back cover of a school's edition: the school, how to reach it, and a QR code to its website."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook.model import Handbook, School
from handbook.render.drawing import MARGIN_SIDE, draw_image_fitted, draw_paragraph, fill_to_edge
from handbook.render.inline import text_markup, url_markup
from handbook.render.paragraphs import MemoParagraph
from handbook.render.structure import Element
from handbook.render.theme import Styles

QR_SIZE = 1.6 * inch


def logo_text(school_name: str) -> str:
    """The alternative text of a school's logo."""
    return f"Logo of {school_name}" if school_name else "School logo"


def has_back_cover(handbook: Handbook) -> bool:
    return handbook.school is not None and bool(handbook.school.contact or handbook.school.name)


def draw_back_cover(canvas, handbook: Handbook, styles: Styles, width: float, height: float, part: Element, bleed: float = 0) -> None:
    """Contact panel with the school's logo and name, its contact lines, and a QR code when there is a website.

    Read in `part` from the top: the invitation, the school, how to reach it, the QR code, then the band at the foot.
    The band runs `bleed` points past the page's edges, for a print shop.
    """
    school = handbook.school
    assert school is not None
    heading = part.add("H1")
    logo_tag = part.add("Figure", alt=logo_text(school.name))
    name_tag = part.add("H2")
    contacts = part.add("Div")
    footer = part.add("Div")
    canvas.saveState()
    band = 1.2 * inch
    canvas.setFillColor(styles.primary)
    fill_to_edge(canvas, 0, 0, width, band, (width, height), bleed)
    canvas.setFillColor(styles.accent)
    fill_to_edge(canvas, 0, band, width, 6, (width, height), bleed)
    title, edition = styles["back_title"], styles["back_edition"]
    canvas.setFillColor(title.textColor)  # the edition's too: its style inherits the colour
    canvas.setFont(title.fontName, title.fontSize)
    with canvas.tags.content(footer.add("P")):
        canvas.drawString(MARGIN_SIDE, band / 2 + 2, handbook.title)
    canvas.setFont(edition.fontName, edition.fontSize)
    if handbook.edition:
        with canvas.tags.content(footer.add("P")):
            canvas.drawString(MARGIN_SIDE, band / 2 - 13, handbook.edition)

    top = height - 1.3 * inch
    text_width = width - 2 * MARGIN_SIDE
    invitation = MemoParagraph("Questions? We are here to help.", styles["h1"], tag=heading)
    y = draw_paragraph(invitation, canvas, MARGIN_SIDE, top, text_width) - 18
    if school.logo:
        with canvas.tags.content(logo_tag):
            draw_image_fitted(canvas, school.logo, MARGIN_SIDE, y - 1.1 * inch, 2.4 * inch, 1.1 * inch)
        y -= 1.1 * inch + 16
    y = draw_paragraph(MemoParagraph(text_markup(school.name), styles["back_name"], tag=name_tag), canvas, MARGIN_SIDE, y, text_width) - 10
    contact_width = text_width - (QR_SIZE + 0.4 * inch if school.contact.website else 0)
    contact_style = styles["body"].clone("contact", fontSize=11.5, leading=16, splitLongWords=0)
    for label, value, link in _contact_lines(school):
        text = text_markup(value)
        if value == school.contact.website:
            lead = stringWidth(label, styles.fonts.bold, 11.5) + stringWidth("\u2003", styles.fonts.regular, 11.5)
            text = url_markup(value, contact_width, styles.fonts.regular, 11.5, first_width=contact_width - lead)
        line_tag = contacts.add("P")
        line = MemoParagraph(f"<b>{label}</b>\u2003{text}", contact_style, tag=line_tag)
        bottom = draw_paragraph(line, canvas, MARGIN_SIDE, y, contact_width)
        if link:
            with canvas.tags.content(line_tag):
                canvas.linkURL(link, (MARGIN_SIDE, bottom, MARGIN_SIDE + contact_width, y), relative=0, thickness=0)
        y = bottom - 6
    if school.contact.website:
        qr = contacts.add("Div")
        _draw_qr(canvas, school.contact.website, styles, width - MARGIN_SIDE - QR_SIZE, top - QR_SIZE - 70, qr)
    canvas.restoreState()


def _contact_lines(school: School) -> list[tuple[str, str, str]]:
    contact = school.contact
    lines = []
    if contact.address:
        lines.append(("Visit", contact.address, ""))
    if contact.phone:
        lines.append(("Call", contact.phone, ""))
    if contact.email:
        lines.append(("Email", contact.email, f"mailto:{contact.email}"))
    if contact.website:
        lines.append(("Web", contact.website, contact.website))
    return lines


def _draw_qr(canvas, url: str, styles: Styles, x: float, y: float, part: Element) -> None:
    """A QR code to `url`, with the address printed under it for readers without a camera; a linked figure in `part`."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Rect

    # The widget lays out the modules; drawing its squares straight onto the page
    # keeps renderPDF from setting its default (unembedded) font.
    widget = QrCodeWidget(url, barLevel="M", barWidth=QR_SIZE, barHeight=QR_SIZE)
    link = part.add("Link")
    with canvas.tags.content(link.add("Figure", alt=f"QR code linking to {url}")):
        canvas.setFillColor(colors.black)
        for shape in widget.draw().contents:
            if isinstance(shape, Rect) and shape.fillColor is not None:
                canvas.rect(x + shape.x, y + shape.y, shape.width, shape.height, stroke=0, fill=1)
    with canvas.tags.content(link):
        canvas.linkURL(url, (x, y, x + QR_SIZE, y + QR_SIZE), relative=0, thickness=0)
    style = styles["caption"].clone("qr", fontName=styles.fonts.regular, alignment=1, splitLongWords=0)
    width = QR_SIZE + 0.6 * inch
    caption = MemoParagraph(
        f"Scan for more, or visit<br/>{url_markup(url, width, style.fontName, style.fontSize)}", style, tag=part.add("P")
    )
    draw_paragraph(caption, canvas, x - 0.3 * inch, y - 6, width)
