"""The inline markup allowed in text: **bold**, *italic* and [label](https://link).

Everything else is text and prints as written: `&`, `<` and `>` are never
markup. A backslash makes the next `*`, `[`, `]` or `\\` literal. Links may
use http, https or mailto only.
"""

from __future__ import annotations

import re

from handbook.model import Inline, Span

LINK_SCHEMES = ("http://", "https://", "mailto:")
_LINK = re.compile(r"\[([^\[\]]+)\]\(([^\s)]+)\)")
_ESCAPABLE = "*[]\\"


class MarkupError(ValueError):
    """The text's markup is malformed; the message says how to fix it."""


def parse_inline(text: str) -> Inline:
    """Turn text with inline markup into spans; raise MarkupError when it is malformed."""
    spans: list[Span] = []
    buffer: list[str] = []
    bold = italic = False
    opened: dict[str, int] = {}
    i = 0

    def flush() -> None:
        if buffer:
            spans.append(Span("".join(buffer), bold=bold, italic=italic))
            buffer.clear()

    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and text[i + 1] in _ESCAPABLE:
            buffer.append(text[i + 1])
            i += 2
            continue
        if char == "[":
            match = _LINK.match(text, i)
            if match:
                label, target = match.groups()
                if not target.lower().startswith(LINK_SCHEMES):
                    raise MarkupError(f"link target '{target}' is not allowed; links must start with http://, https:// or mailto:")
                flush()
                spans.append(Span(label, bold=bold, italic=italic, link=target))
                i = match.end()
                continue
        if char == "*":
            marker = "**" if text.startswith("**", i) else "*"
            before = text[i - 1] if i > 0 else " "
            after = text[i + len(marker)] if i + len(marker) < len(text) else " "
            is_open = bold if marker == "**" else italic
            if is_open and not before.isspace():
                flush()
                if marker == "**":
                    bold = False
                else:
                    italic = False
                opened.pop(marker, None)
                i += len(marker)
                continue
            if not is_open and not after.isspace():
                flush()
                if marker == "**":
                    bold = True
                else:
                    italic = True
                opened[marker] = i + 1
                i += len(marker)
                continue
        buffer.append(char)
        i += 1
    if opened:
        marker, column = min(opened.items(), key=lambda item: item[1])
        name = "bold" if marker == "**" else "italic"
        raise MarkupError(
            f"'{marker}' opens {name} text at column {column} but is never closed; "
            f"close it with '{marker}', or write '\\*' for a literal asterisk"
        )
    flush()
    return tuple(spans)


def plain_text(inline: Inline) -> str:
    """The words of inline text without any markup."""
    return "".join(span.text for span in inline)
