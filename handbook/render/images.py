"""Images as a printer needs them: upright, and no denser than 300 dpi at the size they are printed.

A photo from a phone placed two inches wide carries ten times the pixels a
printer can use; downsampling it keeps the PDF small and quick to write.
Images up to three times the density a printer uses are passed through untouched (a
JPEG goes into the PDF byte for byte, and an image placed twice is stored once).
"""

from __future__ import annotations

import io
import math
from pathlib import Path

from reportlab.platypus import Flowable

from handbook import cache
from handbook.render.structure import Element
from handbook.render.tagging import Tagged

PRINT_DPI = 300
MIN_DPI = 150  # below this an image prints visibly blurred: build and preflight warn
DOWNSAMPLE_ABOVE = 3 * PRINT_DPI  # denser than this is shrunk to PRINT_DPI; up to it, the original is kept


def print_ready(path: Path, width: float, height: float, orientation: int = 1):
    """An ImageReader for `path` printed at `width` x `height` points: the file itself, or a prepared copy.

    A file used as it is comes from `_as_is`, so an image drawn twice (a school's logo, on
    the front and the back cover) has its pixels decoded once.
    """
    from PIL import Image as PILImage
    from PIL import ImageOps
    from reportlab.lib.utils import ImageReader

    with PILImage.open(path) as picture:
        kind = picture.format
        upright_size = picture.size[::-1] if orientation in (5, 6, 7, 8) else picture.size
        limit = (math.ceil(width / 72 * PRINT_DPI), math.ceil(height / 72 * PRINT_DPI))
        ceiling = DOWNSAMPLE_ABOVE / PRINT_DPI
        too_dense = upright_size[0] > limit[0] * ceiling and upright_size[1] > limit[1] * ceiling
        if orientation == 1 and not too_dense:
            return _as_is(path.read_bytes())
        image = ImageOps.exif_transpose(picture) if orientation != 1 else picture.copy()
    if too_dense:
        scale = max(limit[0] / image.width, limit[1] / image.height)
        image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))), PILImage.LANCZOS)
    if kind == "JPEG":
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=92)
        buffer.seek(0)
        return ImageReader(buffer)
    return ImageReader(image)


@cache.memo(maxsize=4)
def _as_is(data: bytes):
    """A reader of the file's bytes as they are, kept while a later file has the same bytes."""
    from reportlab.lib.utils import ImageReader

    # An ImageReader, not the path: ReportLab names an image by its file name otherwise,
    # and the same project built in another folder would give other bytes.
    return ImageReader(io.BytesIO(data))


def pixel_size(path: Path, orientation: int = 1) -> tuple[int, int]:
    """The image's width and height in pixels as it is shown (turned upright)."""
    from PIL import Image as PILImage

    with PILImage.open(path) as picture:
        return picture.size[::-1] if orientation in (5, 6, 7, 8) else picture.size


class PlacedImage(Tagged, Flowable):
    """An image block drawn at a fixed size, prepared for print by print_ready; the content of its Figure `tag`."""

    def __init__(self, block, width: float, height: float, tag: Element | None = None) -> None:
        super().__init__()
        self.tag = tag
        self.block = block
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        source = print_ready(self.block.path, self.width, self.height, self.block.orientation)
        self.canv.drawImage(source, 0, 0, self.width, self.height, mask="auto")
