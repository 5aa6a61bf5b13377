"""Saddle-stitch imposition: pages two-up on sheets twice as wide, in the order a folded stack reads.

Printed double-sided (flip on the short edge), stacked, folded in the middle
and stapled, the sheets read 1, 2, 3, ... A document is padded with blank
pages to a multiple of four.
"""

from __future__ import annotations

from typing import BinaryIO


def booklet_order(pages: int, keep_last: bool = False) -> list[tuple[int | None, int | None]]:
    """The (left, right) source pages, 1-based, of each printed side in order; None is a blank.

    Blank pages pad the end, or with `keep_last` go before the last page so that a back
    cover stays on the outside.
    """
    total = -(-pages // 4) * 4
    positions: list[int | None] = list(range(1, pages + 1)) + [None] * (total - pages)
    if keep_last and total > pages and pages > 1:
        positions = positions[: pages - 1] + [None] * (total - pages) + [pages]
    sides = []
    for sheet in range(total // 4):
        front = (positions[total - 2 * sheet - 1], positions[2 * sheet])
        back = (positions[2 * sheet + 1], positions[total - 2 * sheet - 2])
        sides += [front, back]
    return sides


def impose(source: BinaryIO, out: BinaryIO, keep_last: bool = False) -> int:
    """Write the booklet of the PDF in `source` to `out`; return the number of printed sides."""
    from pypdf import PdfReader, PdfWriter, Transformation

    reader = PdfReader(source)
    width = float(reader.pages[0].mediabox.width)
    height = float(reader.pages[0].mediabox.height)
    writer = PdfWriter()
    for left, right in booklet_order(len(reader.pages), keep_last):
        side = writer.add_blank_page(width=2 * width, height=height)
        for number, offset in ((left, 0.0), (right, width)):
            if number is not None:
                side.merge_transformed_page(reader.pages[number - 1], Transformation().translate(tx=offset, ty=0))
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items() if key != "/Producer"})
    writer.compress_identical_objects()
    writer.write(out)
    return len(writer.pages)
