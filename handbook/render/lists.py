"""Lists whose structure a screen reader can follow: L, and for each item LI with its label (Lbl) and body (LBody)."""

from __future__ import annotations

from reportlab.platypus import ListFlowable, ListItem
from reportlab.platypus.flowables import _listWrapOn

from handbook.render.structure import Element
from handbook.render.tagging import TaggedLabel

NUMBERING = {"bullet": "Disc", "1": "Decimal"}  # ReportLab's bullet types, as /ListNumbering says them


class TaggedList(ListFlowable):
    """A ListFlowable whose items' bullets or numbers are drawn as their Lbl elements.

    It is measured without the document's frame: ReportLab copies the frame (deeply) for each
    measurement in case an item adds content to it, which a list of paragraphs never does.
    """

    def wrap(self, aW, aH):
        if self._dims != aW:
            self.width, self.height = _listWrapOn(self._content, aW, None)
            self._dims = aW
        return self.width, self.height

    def _makeLIIndenter(self, flowable, bullet, params=None):
        label = getattr(flowable, "label_tag", None)
        if bullet is not None and label is not None:
            bullet = TaggedLabel(bullet, label)
        return super()._makeLIIndenter(flowable, bullet, params)


def tagged_list(parent: Element, paragraphs: list, bulletType: str, **options) -> TaggedList:
    """A list of `paragraphs` (made with no tag), tagged as an L in `parent`: each paragraph an item's LBody."""
    element = parent.add("L", attributes={"O": "List", "ListNumbering": NUMBERING.get(bulletType, "None")})
    for paragraph in paragraphs:
        item = element.add("LI")
        paragraph.label_tag = item.add("Lbl")
        paragraph.tag = item.add("LBody")
    return TaggedList([ListItem(p) for p in paragraphs], bulletType=bulletType, **options)
