"""QR codes drawn as vector squares: the modules of a URL's code, found once per URL in a process.

segno (BSD) encodes: three times as quick as ReportLab's encoder, and only its matrix is used,
so the code stays vector with no font of its own. A hundred editions that share a web address
encode it once; editions with their own addresses pay a few milliseconds each.
"""

from __future__ import annotations

import itertools

from handbook import cache

QUIET_ZONE = 4  # modules of white around the code, as the standard asks


@cache.memo(maxsize=64)
def dark_runs(url: str) -> tuple[int, tuple[tuple[int, int, int], ...]]:
    """The side of `url`'s QR code in modules (error correction level M) and its dark runs (row, column, length), from the top."""
    import segno

    code = segno.make(url, error="m", micro=False, boost_error=False)
    runs = []
    for row, modules in enumerate(code.matrix):
        column = 0
        for dark, group in itertools.groupby(bool(module) for module in modules):
            length = sum(1 for _ in group)
            if dark:
                runs.append((row, column, length))
            column += length
    return len(code.matrix), tuple(runs)


def draw_qr(canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code of `url` in the current fill colour, in the square of side `size` at (`x`, `y`), its quiet zone included."""
    canvas.drawPath(qr_path(url, x, y, size), stroke=0, fill=1)


@cache.memo(maxsize=64)
def qr_path(url: str, x: float, y: float, size: float):
    """The dark modules of `url`'s code as one path of rectangles, filled at once."""
    from reportlab.pdfgen.pathobject import PDFPathObject

    side, runs = dark_runs(url)
    module = size / (side + 2 * QUIET_ZONE)
    path = PDFPathObject()
    for row, column, length in runs:
        path.rect(x + (column + QUIET_ZONE) * module, y + size - (row + QUIET_ZONE + 1) * module, length * module, module)
    return path
