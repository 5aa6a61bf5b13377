"""A ReportLab canvas that can draw things whose content is known only at the end.

Page numbers in the contents and "page N of M" footers depend on the whole
document. The canvas holds every finished page back (its content is kept, not
written); when the document is saved, each deferred drawing is made and put
into its page's content at the place it was deferred from, so it is drawn
with the position and state in force there and is read in that order. The
document is laid out in a single pass, and nothing but the text itself is
added to the PDF for the numbers.

The canvas also marks what it draws (see tagging.py) and, at save, writes the
structure tree it was given, so the PDF is tagged. A paragraph's lines end in
a space, so words either side of a line break stay two words for a screen
reader and for text copied out.

For a print shop, ReportLab's crop-mark support puts each page on a larger sheet (see
print_shop.py); the canvas moves form fields with the page, as ReportLab does links, and
marks the crop marks as artifacts.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.pdfbase.pdfdoc import Annotation, PDFArray, PDFName, PDFPage, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

from handbook.render.structure import Element, document_root
from handbook.render.structure_pdf import page_keys, write_structure
from handbook.render.tagging import PAGE_MARKS, Marker

Drawer = Callable[[Canvas], None]
_OWN = frozenset({"_held", "_deferred", "_total", "tags", "structure", "_page_keys"})  # this class's, not a page's state
_PAGE_KEYS = [*PDFPage.__NoDefault__, "StructParents", "Tabs"]  # what a page dictionary may hold (ReportLab's, and these)


class SpacedLines(PDFTextObject):
    """A text object whose lines, as ReportLab's paragraphs write them, end in a space (a word break)."""

    def _textOut(self, text, TStar=0):
        if TStar and not text.endswith(" "):
            text += " "
        PDFTextObject._textOut(self, text, TStar)


class HandbookCanvas(Canvas):
    """A Canvas whose pages are written at save, after the deferred drawings are put into them."""

    def __init__(self, *args, structure: Element | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[tuple[dict, list[tuple[int, Drawer]]]] = []
        self._deferred: list[tuple[int, Drawer]] = []
        self._total: int | None = None
        self._page_keys: dict[int, int] = {}
        self.structure = structure if structure is not None else document_root()
        self.tags = Marker(self)
        self.tags.begin_page()

    def beginText(self, x=0, y=0, direction=None):
        return SpacedLines(self, x, y, direction=direction)

    def defer(self, draw: Drawer) -> None:
        """Have `draw(canvas)` run when the document is saved, as if it were drawn here and now."""
        self._deferred.append((len(self._code), draw))
        self.tags.drawn()

    def _addAnnotation(self, annotation, name=None, addtopage=1):
        """Add the annotation as ReportLab does, filed in the structure under what is being drawn."""
        if isinstance(annotation, Annotation):  # ReportLab's own link class: its dictionary takes no further keys
            annotation = annotation.Dict()
        widget = annotation["Subtype"] == PDFName("Widget")
        border = sheet_border(self)
        if widget and border:  # ReportLab moves a link's rectangle onto a larger sheet, not a form field's
            annotation["Rect"] = PDFArray([value + border for value in annotation["Rect"].sequence])
        super()._addAnnotation(annotation, name, addtopage)
        if not addtopage:
            return  # not on this page: nothing for a reader to meet here
        key = self.tags.annotate(annotation, self._annotationrefs[-1], "Form" if widget else "Link")
        annotation["StructParent"] = key
        if not widget and not getattr(annotation.dict.get("Contents"), "s", ""):
            # A link says where it leads: its web address, unless its maker gave a description.
            action = annotation.dict.get("A")
            annotation["Contents"] = action["URI"] if action is not None and "URI" in action.dict else PDFString("Link")

    def _setAnnotations(self, page) -> None:
        super()._setAnnotations(page)
        page.__NoDefault__ = _PAGE_KEYS
        page.StructParents = self._page_keys.get(self._pageNumber)
        if page.Annots:
            page.Tabs = PDFName("S")  # keys move through links and fields in structure order

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
        self.tags.end_page()
        self._held.append((state, self._deferred))
        self._deferred = []
        # Links and bookmarks made on later pages refer to pages by their number in the file.
        self._doc.pageCounter += 1
        self._startPage()
        self.tags.begin_page()

    def save(self) -> None:
        if not self.tags.page_is_blank():
            self.showPage()
        self._total = len(self._held)
        self._doc.pageCounter -= self._total
        self._page_keys = page_keys(self.tags)
        for state, deferred in self._held:
            self.__dict__.update(state)
            for at, draw in reversed(deferred):
                self._code[at:at] = self._drawn_apart(draw)
            self._write_page()
        self._held.clear()
        write_structure(self._doc, self.structure, self.tags)
        super().save()

    def _write_page(self) -> None:
        """Add the page to the document as ReportLab does; crop marks, which it draws after the page's
        own drawing and outside any marked content, become artifacts."""
        code = self._code  # ReportLab adds the sheet's offset and the marks to this list, then starts a new one
        drawn = len(code)
        Canvas.showPage(self)
        if not getattr(self._cropMarks, "markLength", 0):
            return
        page = self._doc.Pages.pages[-1]
        marks = "\n".join(code[drawn + 3 : -1])  # after the offset's q and cm, the page's drawing and its Q; before the final space
        at = page.stream.rindex(marks)
        page.stream = f"{page.stream[:at]}{PAGE_MARKS}\n{marks}\nEMC{page.stream[at + len(marks) :]}"

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


def sheet_border(canvas: Canvas) -> float:
    """How far ReportLab has moved the page in from its sheet's edge (a print shop's bleed and crop marks); 0 for office printing."""
    return canvas._getCmShift() or 0
