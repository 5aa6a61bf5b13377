"""What every block renderer is given: the styles and the size of the text frame."""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.render.structure import Element, document_root
from handbook.render.theme import Styles


@dataclass(frozen=True, eq=False)
class RenderContext:
    """What every block renderer is given."""

    styles: Styles
    width: float  # text frame width, points
    height: float  # text frame height, points
    link_colour: str
    scope: str = "handbook"  # unique per block: names its form fields
    parent: Element = field(default_factory=document_root)  # the structure element a block's elements go in, in order
    hyphenation: str = ""  # the pyphen dictionary long words in narrow places are broken with: the edition's language's, or none
