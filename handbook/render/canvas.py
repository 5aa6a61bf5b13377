"""A ReportLab canvas that can draw things whose content is known only at the end.

Page numbers in the contents and "page N of M" footers are drawn as named
PDF form XObjects: the page refers to the form as it is laid out, and the
form's content is drawn once the whole document is known, so the document is
laid out in a single pass.
"""

from __future__ import annotations

from typing import Callable

from reportlab.pdfgen.canvas import Canvas

Drawer = Callable[[Canvas], None]
FORM_REACH = 300  # points a deferred form may draw from its origin in any direction


class HandbookCanvas(Canvas):
    """A Canvas whose forms may be filled in when the document is saved."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._deferred: list[tuple[str, Drawer]] = []
        self._total: int | None = None

    def defer(self, name: str, draw: Drawer) -> None:
        """Place form `name` at the current origin; `draw` fills it in when the document is saved."""
        self.doForm(name)
        self._deferred.append((name, draw))

    @property
    def page_count(self) -> int:
        """Pages finished so far; while deferred forms are drawn, the document's total."""
        if self._total is not None:
            return self._total
        return self.getPageNumber() - (0 if self._code else 1)

    def save(self) -> None:
        if self._code:
            self.showPage()
        self._total = self.page_count
        for name, draw in self._deferred:
            # Forms are drawn around their origin (numbers are right-aligned at 0), so the box spans both sides.
            self.beginForm(name, -FORM_REACH, -FORM_REACH, FORM_REACH, FORM_REACH)
            draw(self)
            self.endForm()
        self._deferred.clear()
        super().save()
