"""What a PDF font says about its glyphs: how far each one advances, how tall it is, and which
characters it stands for, read from the font dictionary so that any PDF can be measured.

Simple fonts (TrueType, Type1, Type3) take one byte per glyph and give widths in /Widths from
/FirstChar (the 14 standard fonts may leave them out: their widths are ReportLab's); composite
(Type0) fonts take two bytes and give widths in their descendant's /W, /DW. Characters come from
/ToUnicode, else from the font's encoding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_STANDARD = {"/WinAnsiEncoding": "cp1252", "/MacRomanEncoding": "mac_roman"}


@dataclass
class FontMetrics:
    """One font's glyphs: `glyphs(data)` splits a shown string into (width in em, characters, takes the word spacing)."""

    code_bytes: int = 1
    widths: dict[int, float] = field(default_factory=dict)  # code -> advance in em
    default_width: float = 0.5
    unicode: dict[int, str] = field(default_factory=dict)
    encoding: str = "latin-1"
    ascent: float = 0.75  # above the baseline, in em
    descent: float = -0.25  # below it (negative), in em
    _table: dict[int, tuple[float, str, bool]] = field(default_factory=dict)  # each code, once worked out

    def glyphs(self, data: bytes) -> list[tuple[float, str, bool]]:
        step, table = self.code_bytes, self._table
        codes = data if step == 1 else [int.from_bytes(data[at : at + step], "big") for at in range(0, len(data) - step + 1, step)]
        try:
            return [table[code] for code in codes]
        except KeyError:
            for code in codes:
                if code not in table:
                    table[code] = (self.widths.get(code, self.default_width), self._text(code), step == 1 and code == 32)
            return [table[code] for code in codes]

    def _text(self, code: int) -> str:
        text = self.unicode.get(code)
        if text is None:
            if self.code_bytes != 1:
                return ""
            text = bytes([code]).decode(self.encoding, "replace")
        return text


def font_metrics(font) -> FontMetrics:
    """The metrics of the font dictionary `font`."""
    font = font.get_object()
    subtype = font.get("/Subtype")
    metrics = FontMetrics()
    descriptor = font.get("/FontDescriptor")
    if subtype == "/Type0":
        metrics.code_bytes = 2
        descendant = font["/DescendantFonts"][0].get_object()
        descriptor = descendant.get("/FontDescriptor")
        metrics.default_width = float(descendant.get("/DW", 1000)) / 1000
        metrics.widths = _cid_widths(descendant.get("/W"))
    else:
        encoding = font.get("/Encoding")
        encoding = encoding.get_object() if encoding is not None else None
        if hasattr(encoding, "get") and not isinstance(encoding, str):
            encoding = encoding.get("/BaseEncoding")
        metrics.encoding = _STANDARD.get(str(encoding), "latin-1")
        scale = 1 / 1000
        if subtype == "/Type3":
            matrix = [float(v) for v in font.get("/FontMatrix", [0.001, 0, 0, 0.001, 0, 0])]
            scale, height = matrix[0], matrix[3] or matrix[0]
        if "/Widths" in font:
            first = int(font.get("/FirstChar", 0))
            metrics.widths = {first + i: float(w) * scale for i, w in enumerate(font["/Widths"].get_object())}
            if descriptor is not None:
                metrics.default_width = float(descriptor.get_object().get("/MissingWidth", 0)) * scale
        else:
            _standard_font(metrics, str(font.get("/BaseFont", "")).lstrip("/"))
    if descriptor is not None:
        _heights(metrics, descriptor.get_object())
    elif subtype == "/Type3" and "/FontBBox" in font:
        bottom, top = float(font["/FontBBox"][1]), float(font["/FontBBox"][3])
        metrics.ascent, metrics.descent = top * height, min(0.0, bottom * height)
    if "/ToUnicode" in font:
        metrics.unicode = _to_unicode(font["/ToUnicode"].get_object().get_data())
    return metrics


def _heights(metrics: FontMetrics, descriptor) -> None:
    ascent, descent = descriptor.get("/Ascent"), descriptor.get("/Descent")
    box = descriptor.get("/FontBBox")
    if (not ascent or descent is None) and box is not None:
        ascent, descent = box[3], box[1]
    if ascent:
        metrics.ascent = float(ascent) / 1000
    if descent is not None:
        metrics.descent = min(0.0, float(descent) / 1000)


def _standard_font(metrics: FontMetrics, name: str) -> None:
    """Widths of one of the 14 standard fonts, which a PDF may name without giving its widths."""
    from reportlab.pdfbase import pdfmetrics

    try:
        face = pdfmetrics.getFont(name)
    except (KeyError, ValueError, AttributeError):
        return  # not a standard font: every glyph keeps the default width
    for code in range(32, 256):
        text = bytes([code]).decode(metrics.encoding, "replace")
        metrics.widths[code] = face.stringWidth(text, 1000) / 1000
    metrics.ascent, metrics.descent = face.face.ascent / 1000, face.face.descent / 1000


def _cid_widths(entries) -> dict[int, float]:
    """A composite font's /W array: `c [w1 w2 ...]` and `first last w` entries."""
    widths: dict[int, float] = {}
    if entries is None:
        return widths
    entries = [entry.get_object() for entry in entries.get_object()]
    at = 0
    while at + 1 < len(entries):
        first, following = int(entries[at]), entries[at + 1]
        if isinstance(following, list):
            for offset, width in enumerate(following):
                widths[first + offset] = float(width) / 1000
            at += 2
        elif at + 2 < len(entries):
            for code in range(first, min(int(following), first + 65536) + 1):
                widths[code] = float(entries[at + 2]) / 1000
            at += 3
        else:
            break
    return widths


def _to_unicode(data: bytes) -> dict[int, str]:
    """The code -> text map of a ToUnicode CMap (its bfchar and bfrange sections)."""
    found: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        values = _HEX.findall(block)
        for code, text in zip(values[0::2], values[1::2]):
            found[_number(code)] = _utf16(text)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for line in re.finditer(rb"<([0-9A-Fa-f\s]*)>\s*<([0-9A-Fa-f\s]*)>\s*(\[[^\]]*\]|<[0-9A-Fa-f\s]*>)", block):
            first, last = _number(line.group(1)), _number(line.group(2))
            target = line.group(3)
            if target.startswith(b"["):
                for offset, text in enumerate(_HEX.findall(target)):
                    found[first + offset] = _utf16(text)
            else:
                start = _utf16(target[1:-1])
                for offset in range(min(last - first, 65535) + 1):
                    found[first + offset] = start[:-1] + chr(min(ord(start[-1]) + offset, 0x10FFFF)) if start else ""
    return found


def _number(hex_digits: bytes) -> int:
    digits = b"".join(hex_digits.split())
    return int(digits, 16) if digits else 0


def _utf16(hex_digits: bytes) -> str:
    digits = b"".join(hex_digits.split())
    if len(digits) % 4:
        digits = digits.rjust(len(digits) + 4 - len(digits) % 4, b"0")
    return bytes.fromhex(digits.decode()).decode("utf-16-be", "replace")
