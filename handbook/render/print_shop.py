"""Print-shop output: bleed past the trim on every side, the page boxes that say where to cut, and crop marks.

The pages are laid out at their trim size as ever. ReportLab's crop-mark support makes each sheet
larger by a border on every side and moves the page's drawing in by as much; the TrimBox is the
page, the BleedBox the trim with the bleed around it. Colour that reaches the page edge is drawn on
into the bleed (`drawing.fill_to_edge`), so a sheet cut a little off its trim shows no white sliver.
Crop marks are ReportLab's, at the corners of the trim and outside the bleed; the canvas marks them
as page artifacts.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.model import Print
from handbook.page_sizes import BLEED

MARKS_BORDER = 36.0  # the sheet around the trim when there are crop marks: 0.5 in
MARK_LENGTH = 18.0  # each mark 0.25 in long, ending 0.25 in from the trim: outside the bleed
MARK_WIDTH = 0.25  # a hairline, as printers' marks are


class CropMarks:
    """What ReportLab's canvas reads to enlarge the sheet and draw crop marks (its `cropMarks`)."""

    markColor = "black"
    markWidth = MARK_WIDTH
    bleedWidth = 0  # ReportLab would scale the page up to fill its bleed; handbook draws into the bleed itself

    def __init__(self, border: float, mark_length: float) -> None:
        self.borderWidth = border
        self.markLength = mark_length
        self.markLast = 1 if mark_length else 0  # the marks' drawing follows the page's (ReportLab fails asked for none)


@dataclass(frozen=True)
class PrintShop:
    """Where a page's trim and bleed lie on the sheet a print shop gets, in points."""

    bleed: float  # past the trim, on every side
    bleed_text: str  # the bleed as printers say it: "0.125 in", "3 mm"
    crop_marks: bool

    @property
    def border(self) -> float:
        """The sheet around the trim: the bleed alone, or room for crop marks outside it."""
        return MARKS_BORDER if self.crop_marks else self.bleed

    def boxes(self, width: float, height: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
        """The TrimBox and the BleedBox of a page `width` by `height` on its sheet."""
        at, bleed = self.border, self.bleed
        return (at, at, at + width, at + height), (at - bleed, at - bleed, at + width + bleed, at + height + bleed)

    def document_options(self, width: float, height: float) -> dict:
        """What ReportLab's document template takes for these boxes and marks."""
        trim, bleed = self.boxes(width, height)
        return {"cropMarks": CropMarks(self.border, MARK_LENGTH if self.crop_marks else 0), "trimBox": trim, "bleedBox": bleed}


def print_shop(page_size: str, setup: Print) -> PrintShop | None:
    """The print-shop layout of pages of `page_size`, or None for office printing (the page as it is)."""
    if not setup.for_print_shop:
        return None
    bleed, said = BLEED[page_size]
    return PrintShop(bleed, said, setup.crop_marks)
