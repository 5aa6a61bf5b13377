"""Inline spans to ReportLab paragraph markup, with every character of text escaped."""

from __future__ import annotations

from handbook.model import Inline


def escape(text: str) -> str:
    """Text safe inside ReportLab paragraph markup.

    (xml.sax.saxutils does the same, but importing it pulls in urllib and ssl: 20 ms at start-up.)
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(value: str) -> str:
    """An attribute value in double quotes, with quotes and markup characters escaped."""
    return '"' + escape(value).replace('"', "&quot;") + '"'


def to_markup(inline: Inline, link_colour: str = "#1d4e89") -> str:
    """ReportLab markup for `inline`; text never becomes markup, whatever it contains."""
    parts = []
    for span in inline:
        piece = escape(span.text)
        if span.link:
            piece = f"<a href={quoteattr(span.link)} color={quoteattr(link_colour)}><u>{piece}</u></a>"
        if span.italic:
            piece = f"<i>{piece}</i>"
        if span.bold:
            piece = f"<b>{piece}</b>"
        parts.append(piece)
    return "".join(parts)


def text_markup(text: str) -> str:
    """Plain text, escaped for a ReportLab paragraph."""
    return escape(text)


URL_BREAKS = "/.-"  # where a web address may be broken between lines: after one of these


def url_lines(
    url: str, width: float, font_name: str, font_size: float, first_width: float | None = None, breaks: str = URL_BREAKS
) -> list[str]:
    """`url` broken into lines no wider than `width` (`first_width` for the first), only after one of `breaks`.

    ReportLab would otherwise cut an address that does not fit anywhere, even inside a word. A piece
    between two break points that is wider than a line is kept whole.
    """
    import re

    from reportlab.pdfbase.pdfmetrics import stringWidth

    marks = re.escape(breaks)
    pieces = re.findall(rf"[^{marks}]*[{marks}]+|[^{marks}]+$", url)
    lines = [""]
    for piece in pieces:
        room = first_width if first_width is not None and len(lines) == 1 else width
        if lines[-1] and stringWidth(lines[-1] + piece, font_name, font_size) > room:
            lines.append(piece)
        else:
            lines[-1] += piece
    return lines


def url_markup(url: str, width: float, font_name: str, font_size: float, first_width: float | None = None, breaks: str = URL_BREAKS) -> str:
    """Paragraph markup for `url` with a line break at each place `url_lines` breaks it."""
    return "<br/>".join(text_markup(line) for line in url_lines(url, width, font_name, font_size, first_width, breaks))
