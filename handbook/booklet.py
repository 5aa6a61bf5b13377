"""Saddle-stitch imposition: pages two-up on sheets twice as wide, in the order a folded stack reads.

Printed double-sided (flip on the short edge), stacked, folded in the middle
and stapled, the sheets read 1, 2, 3, ... A document is padded with blank
pages to a multiple of four. Given a sheet size, the pages are instead scaled
down to fit two on that sheet turned sideways (Letter pages on Letter make a
half-Letter booklet, A4 pages on A4 an A5 one), for an ordinary office printer.
"""

from __future__ import annotations

from typing import BinaryIO

# What the booklet keeps of the document's identity: its language, the title shown in a viewer's
# window and the XMP metadata. The pages themselves lose their order and their tags, so a
# booklet is for the printer, not the file to post online.
_IDENTITY = ("/Lang", "/ViewerPreferences", "/Metadata")


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


def placement(page: tuple[float, float], sheet: tuple[float, float] | None) -> tuple[tuple[float, float], float, float, float]:
    """The printed side's (width, height), and the scale, left offset and bottom offset of each half's page.

    Without a sheet the side is two pages wide at full size; with a sheet (portrait width, height)
    the side is that sheet turned sideways and each page is scaled to fit its half, centred.
    """
    width, height = page
    if sheet is None:
        return (2 * width, height), 1.0, 0.0, 0.0
    side_width, side_height = sheet[1], sheet[0]
    half = side_width / 2
    scale = min(half / width, side_height / height)
    return (side_width, side_height), scale, (half - width * scale) / 2, (side_height - height * scale) / 2


def impose(source: BinaryIO, out: BinaryIO, keep_last: bool = False, sheet: tuple[float, float] | None = None) -> int:
    """Write the booklet of the PDF in `source` to `out`; return the number of printed sides.

    `sheet` is the (width, height) of the paper to scale two pages onto; None keeps them full size.
    """
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject

    reader = PdfReader(source)
    page_size = (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height))
    (side_width, side_height), scale, left_margin, bottom = placement(page_size, sheet)
    writer = PdfWriter()
    for left, right in booklet_order(len(reader.pages), keep_last):
        side = writer.add_blank_page(width=side_width, height=side_height)
        for number, offset in ((left, left_margin), (right, side_width / 2 + left_margin)):
            if number is not None:
                place = Transformation().scale(scale, scale).translate(tx=offset, ty=bottom)
                side.merge_transformed_page(reader.pages[number - 1], place)
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items() if key != "/Producer"})
    source_root = reader.trailer["/Root"]
    for key in _IDENTITY:
        if key in source_root:
            writer.root_object[NameObject(key)] = source_root.raw_get(key).clone(writer)
    writer.compress_identical_objects()
    writer.write(out)
    return len(writer.pages)
