"""Writing a handbook's structure tree into its PDF with ReportLab's own objects.

The tree becomes a /StructTreeRoot in the catalog; each element a /StructElem; each page's
marked content and each annotation is found again from its /StructParents or /StructParent key
through the /ParentTree. Elements that nothing was drawn for are left out.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString

from handbook.render.structure import Annotated, Element, Marked
from handbook.render.tagging import Marker


def page_ref(page: int) -> PDFObjectReference:
    """How ReportLab refers to page `page` (1-based)."""
    return PDFObjectReference(f"Page{page}")


def page_keys(marker: Marker) -> dict[int, int]:
    """Each page with marked content, and its key in the parent tree; annotations' keys follow."""
    return {page: len(marker.annotations) + index for index, page in enumerate(sorted(marker.contents))}


def write_structure(document, root: Element, marker: Marker) -> None:
    """Add `root`'s tree (as drawn through `marker`) to ReportLab's `document` and mark the document tagged
    (unless nothing was drawn as any element's content)."""
    if not root.has_content():
        return
    refs: dict[int, PDFObjectReference] = {}
    kept = [element for element in root.elements() if element.has_content()]
    for number, element in enumerate(kept, start=1):
        refs[id(element)] = PDFObjectReference(f"StructElem{number}")
    tree_ref = PDFObjectReference("StructTreeRoot")
    for element in kept:
        parent = refs[id(element.parent)] if element.parent is not None else tree_ref
        document.Reference(_element(element, parent, refs), refs[id(element)].name)
    nums: list = []
    for key, (_, element) in enumerate(marker.annotations):
        nums += [key, refs[id(element)]]
    for page, key in page_keys(marker).items():
        nums += [key, PDFArray([refs[id(element)] for element in marker.contents[page]])]
    tree = PDFDictionary(
        {
            "Type": PDFName("StructTreeRoot"),
            "K": refs[id(root)],
            "ParentTree": PDFDictionary({"Nums": PDFArray(nums)}),
            "ParentTreeNextKey": len(marker.annotations) + len(marker.contents),
        }
    )
    document.Reference(tree, tree_ref.name)
    catalog = document.Catalog
    catalog.StructTreeRoot = tree_ref
    catalog.MarkInfo = PDFDictionary({"Marked": "true"})


def _element(element: Element, parent: PDFObjectReference, refs: dict[int, PDFObjectReference]) -> PDFDictionary:
    first_page = next((kid.page for kid in element.kids if not isinstance(kid, Element)), None)
    kids = []
    for kid in element.kids:
        if isinstance(kid, Element):
            if id(kid) in refs:
                kids.append(refs[id(kid)])
        elif isinstance(kid, Marked):
            if kid.page == first_page:
                kids.append(kid.mcid)
            else:
                kids.append(PDFDictionary({"Type": PDFName("MCR"), "Pg": page_ref(kid.page), "MCID": kid.mcid}))
        elif isinstance(kid, Annotated):
            kids.append(PDFDictionary({"Type": PDFName("OBJR"), "Pg": page_ref(kid.page), "Obj": kid.ref}))
    # One kid is written as itself, as most PDF writers do (and some checkers expect).
    entries = {"Type": PDFName("StructElem"), "S": PDFName(element.role), "P": parent, "K": kids[0] if len(kids) == 1 else PDFArray(kids)}
    if first_page is not None:
        entries["Pg"] = page_ref(first_page)
    if element.alt:
        entries["Alt"] = PDFString(element.alt)
    if element.actual_text:
        entries["ActualText"] = PDFString(element.actual_text)
    if element.lang:
        entries["Lang"] = PDFString(element.lang)
    if element.attributes:
        entries["A"] = PDFDictionary({key: _value(value) for key, value in element.attributes.items()})
    return PDFDictionary(entries)


def _value(value):
    """An attribute's value as PDF: names for words, arrays for sequences, numbers as they are."""
    if isinstance(value, str):
        return PDFName(value)
    if isinstance(value, (list, tuple)):
        return PDFArray([_value(v) for v in value])
    return value
