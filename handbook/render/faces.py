"""TrueType faces for ReportLab, quick to load and quick to embed, and the bundled families registered with it.

ReportLab parses a face's tables on every run, about 15 ms a face. What it
derives is plain data, so it is kept in handbook's cache, named by the font
file's bytes, and a later run rebuilds the TTFont from it in about 2 ms. The
bytes read to name the entry are the bytes embedded: metrics and glyphs always
come from one reading of the file. The rebuilt face also remembers
the subsets it has made: a batch of editions embeds the same characters of
the same faces over and over, and a subset is a pure function of the face
and its characters.

Each embedded subset's ToUnicode map lists only the codes the subset uses, so
text extraction and screen readers never meet a code that stands for U+0000.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from hashlib import sha256  # loaded by ReportLab anyway; quicker than BLAKE2b on a whole font file
from io import BytesIO
from pathlib import Path
from weakref import WeakKeyDictionary

from reportlab import Version
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTEncoding, TTFNameBytes, TTFont, TTFontFace

from handbook import cache
from handbook.fonts import FONT_FAMILIES
from handbook.resources import fonts_dir

SUBSETS_KEPT = 64  # per face; the memo starts afresh when full


@dataclass(frozen=True, eq=False)
class FontFamily:
    """The four faces of one family, by the names they are registered under."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


def register_family(family: str) -> FontFamily:
    """Register `family`'s four faces and map bold/italic onto them; repeat calls are free."""
    names = FontFamily(
        regular=family,
        bold=f"{family}-Bold",
        italic=f"{family}-Italic",
        bold_italic=f"{family}-BoldItalic",
    )
    if family in pdfmetrics.getRegisteredFontNames():
        return names
    files = FONT_FAMILIES[family]
    for face, name in (("regular", names.regular), ("bold", names.bold), ("italic", names.italic), ("bold_italic", names.bold_italic)):
        pdfmetrics.registerFont(truetype(name, fonts_dir() / files[face]))
    pdfmetrics.registerFontFamily(family, normal=names.regular, bold=names.bold, italic=names.italic, boldItalic=names.bold_italic)
    return names


class SubsetMemoFace(TTFontFace):
    """A TTFontFace rebuilt from stored state that makes each distinct subset once."""

    def makeSubset(self, subset):
        if not cache.enabled():
            return super().makeSubset(subset)
        made = vars(self).setdefault("_subsets", {})
        key = tuple(subset)
        if key not in made:
            if len(made) >= SUBSETS_KEPT:
                made.clear()
            made[key] = super().makeSubset(subset)
        return made[key]


_UNUSED_CODE = re.compile(r"^<[0-9A-F]{2}> <0000>\n", re.MULTILINE)
_CHAR_COUNT = re.compile(r"^\d+ beginbfchar$", re.MULTILINE)


class MappedFont(TTFont):
    """A TTFont whose subsets' ToUnicode maps leave out the codes a subset does not use.

    ReportLab keeps the first 32 codes of a font's first subset free and maps each of them to
    U+0000, which PDF/UA forbids (a reader would be told of a character that is not there).
    """

    def addObjects(self, doc):
        state = self.state.get(doc)
        subsets = [list(subset) for subset in state.subsets] if state is not None else []
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            name = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX)).decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + name]
            stream.content = used_codes_only(stream.content, len(subset) - subset.count(0))


def used_codes_only(cmap: str, used: int) -> str:
    """ReportLab's ToUnicode CMap without the codes mapped to U+0000; `used` is how many codes remain."""
    return _CHAR_COUNT.sub(f"{used} beginbfchar", _UNUSED_CODE.sub("", cmap))


def truetype(name: str, path: Path) -> TTFont:
    """ReportLab's TTFont for the font file at `path`, registered as `name`.

    The file is read once: its bytes name the cache entry and are the bytes embedded.
    """
    data = path.read_bytes()
    name_in_cache = cache.key([sha256(data).digest()], f"reportlab {Version}")
    stored = cache.fetch("face", name_in_cache)
    if isinstance(stored, dict):
        try:
            font = _rebuilt_font(name, str(path), stored)
            font.face._ttf_data = data
            return font
        except (KeyError, TypeError, ValueError, AttributeError, ZeroDivisionError):
            pass  # stored by another shape of code: parse again
    parsed = TTFont(name, BytesIO(data))  # only read from: the font used is rebuilt from its state
    state = _font_state(parsed)
    cache.store("face", name_in_cache, state)
    font = _rebuilt_font(name, str(path), state)
    font.face._ttf_data = data
    return font


_NOT_STORED = {"fontName", "face", "encoding", "state", "filename", "_ttf_data", "_pdfScale"}


def _font_state(font) -> dict:
    """A parsed TTFont as plain data, without the file's bytes and what is rebuilt from them."""
    face = {k: v for k, v in vars(font.face).items() if k not in _NOT_STORED}
    return {
        "font": {k: v for k, v in vars(font).items() if k not in _NOT_STORED},
        "face": face,
        "names": [k for k, v in face.items() if isinstance(v, TTFNameBytes)],
    }


def _rebuilt_font(name: str, filename: str, stored: dict):
    """The TTFont that parsing the file would give, from its stored state (the file is read when needed)."""
    face = SubsetMemoFace.__new__(SubsetMemoFace)
    vars(face).update(stored["face"])
    for key in stored["names"]:
        setattr(face, key, TTFNameBytes(getattr(face, key)))
    face.filename = filename
    scale = 1000 / face.unitsPerEm
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = MappedFont.__new__(MappedFont)
    vars(font).update(stored["font"])
    font.fontName, font.face, font.encoding, font.state = name, face, TTEncoding(), WeakKeyDictionary()
    return font
