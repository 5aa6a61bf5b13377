"""Keeping a heading on one page with the start of what it introduces, when together they fit on a page."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, ListFlowable, Table

from handbook.blocks.paragraph import Paragraph

BIG = 0xFFFFFF  # the height offered when measuring: room for anything


class KeepWithStart(KeepTogether):
    """Flowables kept on one page together with the start of the last of them, when that much fits on a page.

    The start of the last is its first item (a list), its heading rows and first row (a table), or all of
    it. ReportLab's KeepTogether moves everything it holds to a new page whenever the whole does not fit,
    even what is taller than a page, and leaves the page before mostly empty; here, what must fit is only
    the flowables before the last and the start of the last, and when that is taller than `page_height`
    the flowables flow on as they would without it.
    """

    def __init__(self, flowables: list[Flowable], page_height: float) -> None:
        super().__init__(flowables)
        self._page_height = page_height

    def wrap(self, aW, aH):
        self._H = stacked_height(self._content, aW, self.canv, start_of_last=True)
        self._H0 = _height(self._content[0], aW, self.canv)
        self._wrapInfo = (aW, aH)
        return aW, BIG  # never drawn whole: split hands the flowables on

    def split(self, aW, aH):
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H > self._page_height:
            return list(self._content)
        return super().split(aW, aH)


def stacked_height(flowables: list[Flowable], width: float, canvas=None, start_of_last: bool = False) -> float:
    """The height `flowables` take one after another at `width`, the space between them included
    (up to the start of the last one, with `start_of_last`)."""
    total, after = 0.0, 0.0
    for number, flowable in enumerate(flowables):
        height = _height(flowable, width, canvas)
        if start_of_last and number == len(flowables) - 1:
            height = _start_height(flowable, width, canvas, height)
        if number:
            total += max(flowable.getSpaceBefore(), after)  # the frame overlaps a space after with the next space before
        total += height
        after = flowable.getSpaceAfter()
    return total


def _height(flowable: Flowable, width: float, canvas) -> float:
    _, height = flowable.wrapOn(canvas, width, BIG)
    return flowable._H if isinstance(flowable, KeepTogether) else height


def _start_height(flowable: Flowable, width: float, canvas, height: float) -> float:
    """How much of `flowable` must fit on a page for it to have begun there."""
    if isinstance(flowable, ListFlowable):
        items = flowable.split(width, BIG)
        return _height(items[0], width, canvas) if items else height
    if isinstance(flowable, Table) and getattr(flowable, "_rowHeights", None):
        return sum(flowable._rowHeights[: flowable.repeatRows + 1])
    return height


def keep_heading_with_start(
    heading: Flowable, blocks: list[tuple[object, list[Flowable]]], leads: tuple[type, ...], page_height: float
) -> list[Flowable]:
    """A section's heading and flowables, the heading kept with its introduction and the start of its first
    substantial block (one of `leads`) when only paragraphs come between them and that much fits on a page."""
    flowables = [heading] + [f for _, rendered in blocks for f in rendered]
    count = 1
    for block, rendered in blocks:
        if isinstance(block, leads):
            # The block's first flowable, and those that keep with the next before it (a title).
            lead = next((n for n, f in enumerate(rendered, start=1) if not f.getKeepWithNext()), len(rendered))
            count += lead
            kept = KeepWithStart(flowables[:count], page_height)
            kept._handbook_origin = getattr(heading, "_handbook_origin", "")
            return [kept, *flowables[count:]]
        if not isinstance(block, Paragraph):
            break
        count += len(rendered)
    return flowables
