"""Paragraphs that do not repeat work: markup parsed once per style, lines broken once per width.

ReportLab parses a paragraph's markup with an HTML parser whenever one is
made, and breaks it into lines whenever it is wrapped; a table wraps each cell
several times, and every edition in a batch has the same base guide. A
paragraph in one of a theme's named styles takes its parsed fragments from the
style's memo (its own copies of them), and the lines an earlier paragraph with
the same markup and style was broken into at the same width. The lines are
only read after they are made (drawing and splitting build new objects), so
paragraphs can share them.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from handbook.render.structure import Element
from handbook.render.tagging import Tagged

MEMO_LIMIT = 1024  # paragraphs kept per theme; the memo starts afresh when full
# A paragraph's own, never handed to another by the memo; the canvas it was measured on included.
_NOT_LAYOUT = frozenset({"_made", "tag", "label_tag", "_marked", "canv"})


class ParagraphMemo:
    """Parsed fragments of paragraph markup by markup and style, and its lines by width.

    Entries age by document: what neither the document being made nor the one before it used is
    dropped when the next begins (`new_document`), so a process that makes document after document
    of a changing text (`handbook watch`, a batch of schools) keeps the paragraphs in use, not every
    version it ever saw; `limit` bounds what one document may add.
    """

    def __init__(self, limit: int = MEMO_LIMIT) -> None:
        self._parsed: dict[tuple[str, int], tuple[ParagraphStyle, list]] = {}
        self._laid_out: dict[tuple, tuple[ParagraphStyle, dict]] = {}
        self._parsed_before: dict[tuple[str, int], tuple[ParagraphStyle, list]] = {}
        self._laid_out_before: dict[tuple, tuple[ParagraphStyle, dict]] = {}
        self._limit = limit

    def new_document(self) -> None:
        """Begin a document: what the last one used is kept for this one, what only earlier ones used is dropped."""
        self._parsed_before, self._parsed = self._parsed, {}
        self._laid_out_before, self._laid_out = self._laid_out, {}

    def fragments(self, markup: str, style: ParagraphStyle) -> list:
        """Fresh copies of the fragments ReportLab parses `markup` into in `style`."""
        key = (markup, id(style))
        known = _used(self._parsed, self._parsed_before, key)
        if known is None or known[0] is not style:
            self._make_room()
            known = self._parsed[key] = (style, Paragraph(markup, style).frags)
        return [fragment.clone() for fragment in known[1]]

    def layout(self, markup: str, style: ParagraphStyle, width: float) -> dict | None:
        """What wrapping a paragraph of `markup` in `style` at `width` set on it, if one was."""
        known = _used(self._laid_out, self._laid_out_before, _layout_key(markup, style, width))
        return known[1] if known is not None and known[0] is style else None

    def remember_layout(self, markup: str, style: ParagraphStyle, width: float, state: dict) -> None:
        self._make_room()
        self._laid_out[_layout_key(markup, style, width)] = (style, state)

    def _make_room(self) -> None:
        if len(self._parsed) + len(self._laid_out) >= self._limit:
            self._parsed.clear()
            self._laid_out.clear()

    def __len__(self) -> int:
        return len(self._parsed) + len(self._laid_out) + len(self._parsed_before) + len(self._laid_out_before)


def _layout_key(markup: str, style: ParagraphStyle, width: float) -> tuple:
    """Lines depend on the markup, the style, the width and the language words are hyphenated in (its hyphenator)."""
    return (markup, id(style), width, getattr(style, "hyphenationLang", ""))


def _used(current: dict, before: dict, key):
    """The entry under `key`, moved into `current` if the last document had it."""
    known = current.get(key)
    if known is None:
        known = before.pop(key, None)
        if known is not None:
            current[key] = known
    return known


class MemoStyle(ParagraphStyle):
    """A named style of a theme; paragraphs in it share the theme's memo. Its clones have none."""

    memo: ParagraphMemo | None = None

    def clone(self, name, parent=None, **changes):
        copy = super().clone(name, parent, **changes)
        copy.memo = None  # a one-off variant: its paragraphs are parsed as they come
        return copy


class MemoParagraph(Tagged, Paragraph):
    """A Paragraph that reuses parsed markup and lines (in a MemoStyle), and keeps its lines when re-wrapped at the same width.

    Its drawing is the content of the structure element `tag`, and so is each piece it is split into.
    """

    def __init__(self, text, style=None, bulletText=None, frags=None, *args, tag: Element | None = None, **kwargs) -> None:
        self.tag = tag
        memo = getattr(style, "memo", None)
        # Pieces made by splitting a paragraph come with their fragments and are not remembered.
        self._memo = memo if frags is None and text is not None and not bulletText else None
        if self._memo is not None:
            frags = self._memo.fragments(text, style)
        super().__init__(text, style, bulletText, frags, *args, **kwargs)
        self._wrapped: tuple[float, tuple[float, float]] | None = None
        # What a wrap hands on is measured against the paragraph as made, not as last wrapped:
        # a later wrap may leave a value as it was (the same int height), and a paragraph
        # laid out from the memo must still get it.
        self._made = dict(vars(self)) if self._memo is not None else None

    def split(self, availWidth, availHeight):
        pieces = super().split(availWidth, availHeight)
        for piece in pieces:
            piece.tag = self.tag
        return pieces

    def wrap(self, availWidth, availHeight):
        # The lines depend on the width alone; splitting may drop them (del blPara), so check they are there.
        if self._wrapped is not None and self._wrapped[0] == availWidth and hasattr(self, "blPara"):
            return self._wrapped[1]
        known = self._memo.layout(self.text, self.style, availWidth) if self._memo is not None else None
        if known is not None:
            vars(self).update(known)
            return self._wrapped[1]
        size = super().wrap(availWidth, availHeight)
        self._wrapped = (availWidth, size)
        if self._memo is not None:
            made = self._made
            changed = {k: v for k, v in vars(self).items() if k not in _NOT_LAYOUT and made.get(k, made) is not v}
            self._memo.remember_layout(self.text, self.style, availWidth, changed)
        return size
