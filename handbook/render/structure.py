"""The logical structure of a handbook, as assistive technology reads it.

A tree of elements in reading order (the order of the YAML: cover, contents,
sections and their blocks), each with a standard PDF structure type (H1, P,
L, Table, Figure, ...). Rendering makes the elements as it makes the
flowables, so the order of the tree never depends on where things land on the
pages; drawing then gives each element its content (marked-content pieces of
pages, annotations). Plain data: nothing here knows ReportLab.
"""

from __future__ import annotations

from typing import NamedTuple


class Marked(NamedTuple):
    """A piece of a page's content: the marked-content sequence `mcid` on page `page` (1-based)."""

    page: int
    mcid: int


class Annotated(NamedTuple):
    """An annotation (link, form field) on page `page`; `ref` is how the PDF refers to it."""

    page: int
    ref: object


class Element:
    """A structure element: its type, what it holds, and how it is described.

    A handbook makes hundreds of these for each edition: a plain class with slots, quick to make.
    """

    __slots__ = ("role", "parent", "alt", "actual_text", "lang", "attributes", "kids", "ref")

    def __init__(
        self,
        role: str,
        parent: Element | None = None,
        *,
        alt: str = "",  # alternative text: what a figure shows, said in words
        actual_text: str = "",  # the words its content stands for, where the glyphs alone would mislead
        lang: str = "",  # BCP 47, where it differs from the document's
        attributes: dict[str, object] | None = None,  # e.g. {"O": "Table", "Scope": "Column"}
    ) -> None:
        self.role = role
        self.parent = parent
        self.alt = alt
        self.actual_text = actual_text
        self.lang = lang
        self.attributes = attributes
        self.kids: list[Element | Marked | Annotated] = []
        self.ref = ""  # how the PDF refers to it ("12 0 R"), once it is written there

    def add(self, role: str, **details) -> Element:
        """A new element of type `role`, the last of this element's children."""
        element = Element(role, self, **details)
        self.kids.append(element)
        return element

    def __repr__(self) -> str:
        return f"<{self.role} {len(self.kids)} kids>"


def document_root() -> Element:
    """The root of a handbook's tree."""
    return Element("Document")
