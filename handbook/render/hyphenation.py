"""Long words in narrow places (a table's label column, a checklist's note column, chart labels), broken with a hyphen.

A word too long for its column is broken where the edition's language allows, with pyphen's
dictionaries (LibreOffice's, which ReportLab itself hyphenates with): in a paragraph by ReportLab
(its style's `hyphenationLang`, here a hyphenator that breaks only the words too long for the
column), in a chart label here. Words that fit are never broken, and a language pyphen has no
dictionary for is not hyphenated: its long words are broken between letters, as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

_LETTERS = re.compile(r"(?P<before>\W*)(?P<letters>[^\W\d_]+)(?P<after>\W*)")
MIN_WORD = 5  # letters: a shorter word is never broken (as ReportLab's hyphenationMinWordLength)


def dictionary_for(tag: str) -> str:
    """The pyphen dictionary for BCP 47 `tag`, by region then language ('es-MX' -> 'es', 'en-US' -> 'en_US'); '' when there is none."""
    import pyphen

    return pyphen.language_fallback(tag) or ""


@lru_cache(maxsize=8)
def _hyphenator(dictionary: str):
    import pyphen

    return pyphen.Pyphen(lang=dictionary)


def breaks(word: str, dictionary: str) -> list[tuple[str, str]]:
    """Where `word` may be broken with a hyphen, as (head, tail) pairs, the longest head first; none without a dictionary.

    Punctuation around the letters stays with them ('(certificación),' -> '(certifi', 'cación),').
    """
    match = _LETTERS.fullmatch(word)
    if not dictionary or match is None or len(match["letters"]) < MIN_WORD:
        return []
    before, letters, after = match.group("before", "letters", "after")
    return [(before + head, tail + after) for head, tail in _hyphenator(dictionary).iterate(letters)]


@dataclass(frozen=True)
class LongWords:
    """A ReportLab hyphenator (a style's `hyphenationLang`) that breaks only `words`, with `dictionary`."""

    words: frozenset[str]
    dictionary: str

    def __call__(self, word: str) -> list[tuple[str, str]]:
        # What is left of a long word after a break is broken again when it is still too long.
        match = _LETTERS.fullmatch(word)
        if match is None or not any(long.endswith(match["letters"]) for long in self.words):
            return []
        return breaks(word, self.dictionary)


def breaks_words(style: ParagraphStyle) -> bool:
    """Whether `style` (from `narrow_style`) breaks long words: their paragraph's structure element then says its text
    whole (ActualText), so that it is read and searched as written, not as the pieces on its lines."""
    return isinstance(getattr(style, "hyphenationLang", ""), LongWords)


def narrow_style(style: ParagraphStyle, text: str, width: float, dictionary: str) -> ParagraphStyle:
    """`style` for plain `text` in a column `width` points wide: itself when every word fits, else a copy that
    hyphenates the words too long for it (with `dictionary`, when there is one)."""
    if not dictionary:
        return style
    long = frozenset(
        match["letters"]
        for word in text.split()
        if stringWidth(word, style.fontName, style.fontSize) > width and (match := _LETTERS.fullmatch(word)) is not None
    )
    if not long:
        return style
    # embeddedHyphenation 2: a long word that cannot start at the end of a line is broken on the next, not cut between letters.
    return style.clone(f"{style.name}_hyphenated", hyphenationLang=LongWords(long, dictionary), embeddedHyphenation=2)
