"""The page sizes a handbook is made in, by the names `page_size:` and `--sheet` accept, in points.

Also the paper preflight recognises in a finished PDF: these sizes, two pages side by
side on one sheet (a booklet at full size), and a sheet turned sideways (a booklet
scaled onto ordinary paper).
"""

from __future__ import annotations

_MM = 72.0 / 2.54 * 0.1  # computed as ReportLab does, so sizes match its own to the last bit

LETTER = (612.0, 792.0)
A4 = (210 * _MM, 297 * _MM)

PAGE_SIZES: dict[str, tuple[float, float]] = {"letter": LETTER, "a4": A4}

# A print shop's bleed on every side of a page of each size, in points, and as its printers say it:
# 0.125 in for inch paper (Lulu, Amazon KDP), 3 mm for metric paper.
BLEED: dict[str, tuple[float, str]] = {"letter": (0.125 * 72, "0.125 in"), "a4": (3 * _MM, "3 mm")}


def _points(width: float, height: float) -> tuple[int, int]:
    return round(width), round(height)


# Known paper by its size in whole points: its name and its nominal size in inches
# (A4 is 8.27 x 11.69 in; its size in points, 595.28 x 841.89, is rounded in some PDFs).
KNOWN_PAPER: dict[tuple[int, int], tuple[str, float, float]] = {
    _points(*LETTER): ("Letter", 8.5, 11),
    _points(*A4): ("A4", 8.27, 11.69),
    _points(LETTER[1], 2 * LETTER[0]): ("Tabloid (two Letter pages)", 11, 17),
    _points(A4[1], 2 * A4[0]): ("A3 (two A4 pages)", 11.69, 16.54),
    _points(2 * LETTER[0], LETTER[1]): ("Tabloid (two Letter pages)", 17, 11),
    _points(2 * A4[0], A4[1]): ("A3 (two A4 pages)", 16.54, 11.69),
    _points(LETTER[1], LETTER[0]): ("Letter sideways (two half-Letter pages)", 11, 8.5),
    _points(A4[1], A4[0]): ("A4 sideways (two A5 pages)", 11.69, 8.27),
}
