"""The bundled font families: the files of their faces and the characters those faces can draw.

What validation needs to know about fonts, without ReportLab; registering the faces
with ReportLab is rendering's part (`render/faces.py`).
"""

from __future__ import annotations

from handbook import cache
from handbook.resources import fonts_dir

FONT_FAMILIES: dict[str, dict[str, str]] = {
    "Lato": {
        "regular": "Lato-Regular.ttf",
        "bold": "Lato-Bold.ttf",
        "italic": "Lato-Italic.ttf",
        "bold_italic": "Lato-BoldItalic.ttf",
    },
}


def font_files(family: str) -> list:
    """The font files a family is drawn from (for dependency lists)."""
    return [fonts_dir() / name for name in FONT_FAMILIES[family].values()]


@cache.memo(maxsize=4)
def covered_characters(family: str) -> frozenset[int]:
    """The code points every face of `family` can draw, read from the fonts' cmap tables.

    Only each face's cmap table is read (a few kilobytes): its bytes name the cache
    entry, so `handbook check` reads neither the whole fonts nor parses the tables twice.
    """
    tables = [_cmap_table(fonts_dir() / name) for name in FONT_FAMILIES[family].values()]
    name = cache.key(tables, "coverage 1", code=("fonts.py",))
    points = cache.fetch("coverage", name)
    if not isinstance(points, frozenset):
        points = frozenset.intersection(*(_cmap_code_points(table) for table in tables))
        cache.store("coverage", name, points)
    return points


def _cmap_table(path) -> bytes:
    """The bytes of a TrueType font's cmap table, read without the rest of the file."""
    import struct

    with open(path, "rb") as font:
        header = font.read(12)
        tables = struct.unpack(">H", header[4:6])[0]
        directory = font.read(16 * tables)
        for i in range(tables):
            tag, _checksum, offset, length = struct.unpack(">4sIII", directory[16 * i : 16 * i + 16])
            if tag == b"cmap":
                font.seek(offset)
                return font.read(length)
    raise ValueError(f"{path}: a TrueType font without a cmap table")


def _cmap_code_points(data: bytes) -> frozenset[int]:
    """Code points in a cmap table's Unicode subtable (format 4 or 12); a few ms."""
    import struct

    cmap = 0
    subtables = {}
    for i in range(struct.unpack(">H", data[cmap + 2 : cmap + 4])[0]):
        platform, encoding, offset = struct.unpack(">HHI", data[cmap + 4 + 8 * i : cmap + 12 + 8 * i])
        subtables[(platform, encoding)] = cmap + offset
    if (3, 10) in subtables:
        start = subtables[(3, 10)]
        groups = struct.unpack(">I", data[start + 12 : start + 16])[0]
        points: set[int] = set()
        for g in range(groups):
            first, last, glyph = struct.unpack(">III", data[start + 16 + 12 * g : start + 28 + 12 * g])
            points.update(c for c in range(first, last + 1) if glyph + c - first)
        return frozenset(points)
    start = subtables[(3, 1)]
    segments = struct.unpack(">H", data[start + 6 : start + 8])[0] // 2
    ends = struct.unpack(f">{segments}H", data[start + 14 : start + 14 + 2 * segments])
    starts_at = start + 16 + 2 * segments
    starts = struct.unpack(f">{segments}H", data[starts_at : starts_at + 2 * segments])
    deltas = struct.unpack(f">{segments}h", data[starts_at + 2 * segments : starts_at + 4 * segments])
    offsets_at = starts_at + 4 * segments
    offsets = struct.unpack(f">{segments}H", data[offsets_at : offsets_at + 2 * segments])
    points = set()
    for s, (first, last, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
        for c in range(first, last + 1):
            if c == 0xFFFF:
                continue
            if offset == 0:
                glyph = (c + delta) & 0xFFFF
            else:
                at = offsets_at + 2 * s + offset + 2 * (c - first)
                glyph = struct.unpack(">H", data[at : at + 2])[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                points.add(c)
    return frozenset(points)
