"""A ReportLab canvas that can draw things whose content is known only at the end.

Page numbers in the contents and "page N of M" footers depend on the whole
document. The canvas holds every finished page back (its content is kept, not
written); when the document is saved, each deferred drawing is made and put
into its page's content at the place it was deferred from, so it is drawn
with the position and state in force there and is read in that order. The
document is laid out in a single pass, and nothing but the text itself is
added to the PDF for the numbers.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfgen.canvas import Canvas

Drawer = Callable[[Canvas], None]
_OWN = frozenset({"_held", "_deferred", "_total"})  # this class's attributes, not a page's state


class HandbookCanvas(Canvas):
    """A Canvas whose pages are written at save, after the deferred drawings are put into them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[tuple[dict, list[tuple[int, Drawer]]]] = []
        self._deferred: list[tuple[int, Drawer]] = []
        self._total: int | None = None

    def defer(self, draw: Drawer) -> None:
        """Have `draw(canvas)` run when the document is saved, as if it were drawn here and now."""
        self._deferred.append((len(self._code), draw))

    @property
    def acroForm(self):
        """The document's form, made when first used (as ReportLab's Canvas does), drawing each checkbox look once."""
        form = self.__dict__.get("AcroForm")
        if form is None:
            from handbook.render.forms import SharedAppearanceForm  # ReportLab's forms only for a fillable checklist

            form = self.AcroForm = SharedAppearanceForm(self)
            self._doc._catalog.AcroForm = form
        return form

    @property
    def page_count(self) -> int:
        """Pages finished so far; while deferred drawings run, the document's total."""
        if self._total is not None:
            return self._total
        return len(self._held)

    def showPage(self) -> None:
        state = {key: value for key, value in self.__dict__.items() if key not in _OWN}
        self._held.append((state, self._deferred))
        self._deferred = []
        # Links and bookmarks made on later pages refer to pages by their number in the file.
        self._doc.pageCounter += 1
        self._startPage()

    def save(self) -> None:
        if self._code:
            self.showPage()
        self._total = len(self._held)
        self._doc.pageCounter -= self._total
        for state, deferred in self._held:
            self.__dict__.update(state)
            for at, draw in reversed(deferred):
                self._code[at:at] = self._drawn_apart(draw)
            Canvas.showPage(self)
        self._held.clear()
        super().save()

    def _drawn_apart(self, draw: Drawer) -> list[str]:
        """The page operators `draw` makes, in a saved and restored graphics state."""
        page_code, self._code = self._code, []
        try:
            self.saveState()
            draw(self)
            self.restoreState()
            return self._code
        finally:
            self._code = page_code
