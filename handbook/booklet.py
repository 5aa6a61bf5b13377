"""Saddle-stitch imposition: pages two-up on sheets twice as wide, in the order a folded stack reads.

Printed double-sided (flip on the short edge), stacked, folded in the middle
and stapled, the sheets read 1, 2, 3, ... A document is padded with blank
pages to a multiple of four. Given a sheet size, the pages are instead scaled
down to fit two on that sheet turned sideways (Letter pages on Letter make a
half-Letter booklet, A4 pages on A4 an A5 one), for an ordinary office printer.

A document made for a print shop (pages with bleed, see render/print_shop.py) becomes a booklet
for a print shop: each printed side is the two pages at full size with the bleed around the
whole sheet, cut at the fold, where the pages meet, and with TrimBox and BleedBox (and crop marks
when asked) for the sheet, so the shop prints it on larger paper and trims it as it trims a page.
"""

from __future__ import annotations

from typing import BinaryIO

from handbook.render.print_shop import MARK_LENGTH, MARKS_BORDER, CropMarks

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


def impose(
    source: BinaryIO, out: BinaryIO, keep_last: bool = False, sheet: tuple[float, float] | None = None, crop_marks: bool = False
) -> int:
    """Write the booklet of the PDF in `source` to `out`; return the number of printed sides.

    `sheet` is the (width, height) of the paper to scale two pages onto; None keeps them full size.
    Pages with bleed (a TrimBox inside a larger BleedBox) give sides with bleed around the sheet, and
    with `crop_marks` crop marks outside it.
    """
    from pypdf import PdfReader, PdfWriter, Transformation
    from pypdf.generic import NameObject, RectangleObject

    reader = PdfReader(source)
    trim = reader.pages[0].trimbox  # the page itself: the MediaBox when there is no TrimBox
    page_size = (float(trim.width), float(trim.height))
    bleed = float(trim.left) - float(reader.pages[0].bleedbox.left)
    (side_width, side_height), scale, left_margin, bottom = placement(page_size, sheet)
    border = (MARKS_BORDER if crop_marks else bleed) if bleed else 0
    marks = _crop_marks(side_width, side_height, border) if bleed and crop_marks else None
    # Each page keeps its bleed on the outer sides of the sheet and is cut at the fold.
    width, height = page_size[0] + 2 * bleed, page_size[1] + 2 * bleed
    halves = ((0, width - bleed), (bleed, width))
    writer = PdfWriter()
    for left, right in booklet_order(len(reader.pages), keep_last):
        side = writer.add_blank_page(width=side_width + 2 * border, height=side_height + 2 * border)
        if marks is not None:
            side.merge_page(marks)
        for number, offset, (cut_left, cut_right) in ((left, left_margin, halves[0]), (right, side_width / 2 + left_margin, halves[1])):
            if number is not None:
                page = reader.pages[number - 1]
                if bleed:
                    page.cropbox = RectangleObject((cut_left, 0, cut_right, height))  # what merging keeps of the page
                place = Transformation().scale(scale, scale).translate(tx=offset + border - bleed, ty=bottom + border - bleed)
                side.merge_transformed_page(page, place)
        if bleed:
            side.trimbox = RectangleObject((border, border, border + side_width, border + side_height))
            side.bleedbox = RectangleObject((border - bleed, border - bleed, border + side_width + bleed, border + side_height + bleed))
    if reader.metadata:
        writer.add_metadata({key: value for key, value in reader.metadata.items() if key != "/Producer"})
    source_root = reader.trailer["/Root"]
    for key in _IDENTITY:
        if key in source_root:
            writer.root_object[NameObject(key)] = source_root.raw_get(key).clone(writer)
    writer.compress_identical_objects()
    writer.write(out)
    return len(writer.pages)


def _crop_marks(width: float, height: float, border: float):
    """A sheet `border` larger than `width` by `height` on every side, with ReportLab's crop marks at its trim."""
    import io

    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ContentStream
    from reportlab.pdfgen.canvas import Canvas

    drawn = io.BytesIO()
    canvas = Canvas(drawn, pagesize=(width, height), cropMarks=CropMarks(border, MARK_LENGTH), invariant=1)
    canvas.showPage()
    canvas.save()
    page = PdfWriter(clone_from=PdfReader(drawn)).pages[0]
    # The canvas sets a default font in a text object with no text; only the marks are kept.
    content, kept, in_text = ContentStream(page.get_contents(), None), [], False
    for operands, operator in content.operations:
        if operator in (b"BT", b"ET"):
            in_text = operator == b"BT"
        elif not in_text:
            kept.append((operands, operator))
    content.operations = kept
    page.replace_contents(content)
    del page["/Resources"]["/Font"]
    return page
