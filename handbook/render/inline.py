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
