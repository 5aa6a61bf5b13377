"""Marking what is drawn: each piece of a page is either content of a structure element or an artifact.

A page begins as an artifact (rules, panels, running headers and footers, page numbers), and stays one
until a tagged flowable draws: its drawing becomes a marked-content sequence with its own number on the
page (MCID), recorded as a kid of the flowable's element. Nothing drawn is ever left unmarked. A
flowable drawn a second time (a table's heading row repeated on the next page) is an artifact there:
its words are in the tree once.
"""

from __future__ import annotations

from handbook.render.structure import Annotated, Element, Marked

ARTIFACT = "/Artifact BMC"
LAYOUT = "/Artifact <</Type /Layout>> BDC"
PAGE_MARKS = "/Artifact <</Type /Page>> BDC"  # printers' marks outside the page: crop marks


def pagination(subtype: str) -> str:
    """The opening of an artifact that is part of a page's running header or footer."""
    return f"/Artifact <</Type /Pagination /Subtype /{subtype}>> BDC"


class Marker:
    """Marks a canvas's drawing as structure content or artifacts, and records which is which."""

    def __init__(self, canvas) -> None:
        self._canvas = canvas
        self._open: list[Element | str] = []  # what is open, innermost last: an element, or an artifact's opening
        self._opened_at: int | None = None  # where the innermost sequence began, while nothing is drawn in it
        self._opened_mark: Marked | None = None  # the element's content that sequence is
        self.contents: dict[int, list[Element]] = {}  # page -> the element of each MCID on it
        self.annotations: list[tuple[Annotated, Element]] = []  # in the order they were made

    # Pages ---------------------------------------------------------------------------------

    def begin_page(self) -> None:
        """A page starts: what is drawn is an artifact until something tagged draws."""
        self._open = [ARTIFACT]
        self._start(ARTIFACT)

    def page_is_blank(self) -> bool:
        """Whether nothing has been drawn on the page begun last."""
        code = self._canvas._code
        return not code or (len(code) == 1 and self._opened_at == 0)

    def end_page(self) -> None:
        """A page is finished: close what is open."""
        self._close()
        self._open = []

    # Drawing -------------------------------------------------------------------------------

    def begin(self, element: Element, flowable=None) -> None:
        """What is drawn until `end` is `element`'s content (an artifact when `flowable` was drawn before)."""
        what: Element | str = element
        if flowable is not None:
            if getattr(flowable, "_marked", False):
                what = LAYOUT
            else:
                flowable._marked = True
        self._close()
        self._open.append(what)
        self._start(what)

    def end(self) -> None:
        """Close what `begin` opened; drawing goes on as what was open before."""
        self._close()
        self._open.pop()
        self._start(self._open[-1])

    def content(self, element: Element, flowable=None) -> Marker:
        """`with marker.content(element):` marks what is drawn inside as `element`'s content (an artifact
        when `flowable` was drawn before)."""
        self.begin(element, flowable)
        return self

    def artifact(self, opening: str = LAYOUT) -> Marker:
        """`with marker.artifact():` marks what is drawn inside as an artifact (`opening` says of what kind)."""
        self._close()
        self._open.append(opening)
        self._start(opening)
        return self

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc) -> None:
        self.end()

    def drawn(self) -> None:
        """Something was put into the page that the marker did not see (a drawing deferred to this place)."""
        self._opened_at = None

    def annotate(self, annotation, ref, role: str) -> int:
        """File the annotation just added to the page under the open element, in an element of type `role`
        (Link, Form) unless the open element is one; return the annotation's key in the parent tree."""
        # One made outside any element's content (none of handbook's are) is filed at the end of the document.
        element = next((e for e in reversed(self._open) if isinstance(e, Element)), self._canvas.structure)
        if element.role != role:
            element = element.add(role)
        page = self._canvas.getPageNumber()
        kid = Annotated(page, ref)
        element.kids.append(kid)
        self.annotations.append((kid, element))
        return len(self.annotations) - 1

    # Sequences -----------------------------------------------------------------------------

    def _start(self, what: Element | str) -> None:
        code = self._canvas._code
        if isinstance(what, Element):
            page = self._canvas._pageNumber
            marked = self.contents.setdefault(page, [])
            mcid = len(marked)
            marked.append(what)
            self._opened_mark = Marked(page, mcid)
            what.kids.append(self._opened_mark)
            code.append(f"/{what.role} <</MCID {mcid}>> BDC")
        else:
            code.append(what)
            self._opened_mark = None
        self._opened_at = len(code) - 1

    def _close(self) -> None:
        """End the innermost sequence; one in which nothing was drawn is taken out again."""
        code = self._canvas._code
        if self._opened_at is not None and self._opened_at == len(code) - 1:
            del code[-1]
            mark = self._opened_mark
            if mark is not None:
                self.contents[mark.page].pop()
                kids = self._open[-1].kids
                del kids[max(i for i, kid in enumerate(kids) if kid is mark)]
        else:
            code.append("EMC")
        self._opened_at = None


class Tagged:
    """A flowable whose drawing is the content of its structure element `tag` (none: drawn as it comes)."""

    tag: Element | None = None

    def drawOn(self, canvas, x, y, _sW=0):
        marker = getattr(canvas, "tags", None)
        if marker is None or self.tag is None:
            return super().drawOn(canvas, x, y, _sW)
        marker.begin(self.tag, self)
        try:
            return super().drawOn(canvas, x, y, _sW)
        finally:
            marker.end()


class TaggedLabel:
    """A list's bullet or number drawn as the content of the item's Lbl element."""

    def __init__(self, bullet, tag: Element) -> None:
        self._bullet = bullet
        self.tag = tag

    def __getattr__(self, name):
        return getattr(self._bullet, name)

    def drawOn(self, indenter, canvas, x, y, _sW=0):
        marker = getattr(canvas, "tags", None)
        if marker is None:
            return self._bullet.drawOn(indenter, canvas, x, y, _sW)
        with marker.content(self.tag, self):
            return self._bullet.drawOn(indenter, canvas, x, y, _sW)
