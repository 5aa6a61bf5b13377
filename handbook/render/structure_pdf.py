"""Writing a handbook's structure tree into its PDF with ReportLab's own objects.

The tree becomes a /StructTreeRoot in the catalog; each element a /StructElem; each page's
marked content and each annotation is found again from its /StructParents or /StructParent key
through the /ParentTree. Elements that nothing was drawn for are left out.

A handbook has a few hundred structure elements. ReportLab's general dictionaries would spend
more time formatting them than the pages' text takes, so each is written straight to bytes once
every object it refers to has its number.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFObject, PDFString

from handbook.render.structure import Annotated, Element, Marked
from handbook.render.tagging import Marker


class Written(PDFObject):
    """A PDF object whose bytes are known before the document is formatted."""

    data = b""

    def format(self, document) -> bytes:
        return self.data


def page_keys(marker: Marker) -> dict[int, int]:
    """Each page with marked content, and its key in the parent tree; annotations' keys follow."""
    return {page: len(marker.annotations) + index for index, page in enumerate(sorted(marker.contents))}


def with_content(root: Element) -> list[Element]:
    """The elements of `root`'s tree that something was drawn for, in reading order."""
    kept: list[Element] = []

    def visit(element: Element) -> bool:
        start = len(kept)
        kept.append(element)
        drawn = False
        for kid in element.kids:
            drawn = (visit(kid) if isinstance(kid, Element) else True) or drawn
        if not drawn:
            del kept[start:]
        return drawn

    visit(root)
    return kept


def write_structure(document, root: Element, marker: Marker) -> None:
    """Add `root`'s tree (as drawn through `marker`) to ReportLab's `document` and mark the document tagged
    (unless nothing was drawn as any element's content)."""
    kept = with_content(root)
    if not kept:
        return
    written = [Written() for _ in kept]
    for number, obj in enumerate(written, start=1):
        document.Reference(obj, f"StructElem{number}")
    tree = Written()
    document.Reference(tree, "StructTreeRoot")
    numbers = document.idToObjectNumberAndVersion

    def ref(name: str) -> str:
        number, generation = numbers[name]
        return f"{number} {generation} R"

    for number, element in enumerate(kept, start=1):
        element.ref = ref(f"StructElem{number}")
    tree_ref = ref("StructTreeRoot")
    on_pages = set(marker.contents) | {annotation.page for annotation, _ in marker.annotations}
    pages = {page: ref(f"Page{page}") for page in on_pages}  # how ReportLab names page `page` (1-based)
    annotations = {id(kid): ref(kid.ref.name) for kid, _ in marker.annotations}
    for element, obj in zip(kept, written):
        obj.data = _element(element, element.parent.ref if element.parent is not None else tree_ref, pages, annotations, document)
    nums = [f"{key} {element.ref}" for key, (_, element) in enumerate(marker.annotations)]
    for page, key in page_keys(marker).items():
        nums.append(f"{key} [{' '.join(element.ref for element in marker.contents[page])}]")
    next_key = len(marker.annotations) + len(marker.contents)
    tree.data = (
        f"<< /Type /StructTreeRoot /K {root.ref} /ParentTree << /Nums [{' '.join(nums)}] >> /ParentTreeNextKey {next_key} >>"
    ).encode("latin-1")
    catalog = document.Catalog
    catalog.StructTreeRoot = tree
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})


def _element(element: Element, parent: str, pages: dict[int, str], annotations: dict[int, str], document) -> bytes:
    first_page = None
    kids = []
    for kid in element.kids:
        kind = type(kid)
        if kind is Marked:
            if first_page is None:
                first_page = kid.page
            kids.append(str(kid.mcid) if kid.page == first_page else f"<< /Type /MCR /Pg {pages[kid.page]} /MCID {kid.mcid} >>")
        elif kind is Annotated:
            kids.append(f"<< /Type /OBJR /Pg {pages[kid.page]} /Obj {annotations[id(kid)]} >>")
        elif kid.ref:  # an element something was drawn for
            kids.append(kid.ref)
    if first_page is None:
        first_page = next((kid.page for kid in element.kids if type(kid) is Annotated), None)
    # One kid is written as itself, as most PDF writers do (and some checkers expect).
    text = f"<< /Type /StructElem /S /{element.role} /P {parent} /K {kids[0] if len(kids) == 1 else '[' + ' '.join(kids) + ']'}"
    if first_page is not None:
        text += f" /Pg {pages[first_page]}"
    if not (element.alt or element.actual_text or element.lang or element.attributes):
        return (text + " >>").encode("latin-1")
    out = [text.encode("latin-1")]
    for key, value in (("Alt", element.alt), ("ActualText", element.actual_text), ("Lang", element.lang)):
        if value:
            out.append(f" /{key} ".encode("latin-1") + PDFString(value).format(document))
    if element.attributes:
        attributes = " ".join(f"/{key} {_value(value)}" for key, value in element.attributes.items())
        out.append(f" /A << {attributes} >>".encode("latin-1"))
    out.append(b" >>")
    return b"".join(out)


def _value(value) -> str:
    """An attribute's value as PDF: names for words, arrays for sequences, numbers as they are."""
    if isinstance(value, str):
        return "/" + value
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(_value(v) for v in value) + "]"
    return f"{value:g}" if isinstance(value, float) else str(value)
