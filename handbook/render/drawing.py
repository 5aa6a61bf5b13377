"""Drawing on a page at a given place, outside the flow of text: paragraphs, images, and the margins they keep to."""

from __future__ import annotations

from reportlab.lib.units import inch
from reportlab.platypus import Paragraph

from handbook.render.images import draw_image, pixel_size

MARGIN_SIDE = 0.85 * inch
MARGIN_TOP = 1.0 * inch
MARGIN_BOTTOM = 0.95 * inch


def draw_image_fitted(canvas, path, x: float, y: float, max_width: float, max_height: float) -> float:
    """Draw the image at `path` as large as fits the box, aligned bottom-left; return its width."""
    pixels_wide, pixels_high = pixel_size(path)
    scale = min(max_width / pixels_wide, max_height / pixels_high)
    width, height = pixels_wide * scale, pixels_high * scale
    draw_image(canvas, path, x, y, width, height)
    return width


def draw_paragraph(paragraph: Paragraph, canvas, x: float, top: float, width: float) -> float:
    """Draw `paragraph` with its top at `top`; return the y of its bottom."""
    _, height = paragraph.wrapOn(canvas, width, 1000)
    paragraph.drawOn(canvas, x, top - height)
    return top - height


def fill_to_edge(canvas, x: float, y: float, width: float, height: float, page: tuple[float, float], bleed: float) -> None:
    """Fill a rectangle in the current colour; each of its sides that lies on the page's edge runs on `bleed`
    points past it, into a print shop's bleed (with no bleed, the rectangle as given)."""
    if bleed:
        right, top = x + width, y + height
        x, y = (x - bleed if x <= 0 else x), (y - bleed if y <= 0 else y)
        right, top = (right + bleed if right >= page[0] else right), (top + bleed if top >= page[1] else top)
        width, height = right - x, top - y
    canvas.rect(x, y, width, height, stroke=0, fill=1)
