"""Paragraphs that do not repeat work: markup parsed once per style, lines broken once per width.

ReportLab parses a paragraph's markup with an HTML parser whenever one is
made, and breaks it into lines whenever it is wrapped; a table wraps each cell
several times, and every edition in a batch has the same base guide. Here a
paragraph in one of a theme's named styles takes its parsed fragments from the
style's memo (each paragraph gets its own copies), and a paragraph wrapped
again at the width it was last wrapped at keeps the lines it has.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

MEMO_LIMIT = 1024  # parsed paragraphs kept per theme; the memo starts afresh when full


class ParagraphMemo:
    """Parsed fragments of paragraph markup, by markup and style."""

    def __init__(self, limit: int = MEMO_LIMIT) -> None:
        self._parsed: dict[tuple[str, int], tuple[ParagraphStyle, list]] = {}
        self._limit = limit

    def fragments(self, markup: str, style: ParagraphStyle) -> list:
        """Fresh copies of the fragments ReportLab parses `markup` into in `style`."""
        key = (markup, id(style))
        known = self._parsed.get(key)
        if known is None or known[0] is not style:
            if len(self._parsed) >= self._limit:
                self._parsed.clear()
            known = self._parsed[key] = (style, Paragraph(markup, style).frags)
        return [fragment.clone() for fragment in known[1]]

    def __len__(self) -> int:
        return len(self._parsed)


class MemoStyle(ParagraphStyle):
    """A named style of a theme; paragraphs in it share the theme's memo. Its clones have none."""

    memo: ParagraphMemo | None = None

    def clone(self, name, parent=None, **changes):
        copy = super().clone(name, parent, **changes)
        copy.memo = None  # a one-off variant: its paragraphs are parsed as they come
        return copy


class MemoParagraph(Paragraph):
    """A Paragraph that reuses parsed markup (in a MemoStyle) and keeps its lines when re-wrapped at the same width."""

    def __init__(self, text, style=None, bulletText=None, frags=None, *args, **kwargs) -> None:
        memo = getattr(style, "memo", None)
        if frags is None and memo is not None and text is not None:
            frags = memo.fragments(text, style)
        super().__init__(text, style, bulletText, frags, *args, **kwargs)
        self._wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):
        # The lines depend on the width alone; splitting may drop them (del blPara), so check they are there.
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        return size
