"""Images as a printer needs them: upright, and no denser than 300 dpi at the size they are printed.

A photo from a phone placed two inches wide carries ten times the pixels a
printer can use; downsampling it keeps the PDF small and quick to write.
Images up to three times the density a printer uses are passed through untouched (a
JPEG goes into the PDF byte for byte, and an image placed twice is stored once).

What goes into the PDF for an image (decoded, turned upright, downsampled, compressed, named by
a digest of its pixels) is prepared once per file content and print size in a process and reused
by every document that draws it: a school's logo on both covers of a hundred editions is prepared
once (`draw_image`).
"""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import NamedTuple

from reportlab.platypus import Flowable

from handbook import cache
from handbook.render.structure import Element
from handbook.render.tagging import Tagged

PRINT_DPI = 300
MIN_DPI = 150  # below this an image prints visibly blurred: build and preflight warn
DOWNSAMPLE_ABOVE = 3 * PRINT_DPI  # denser than this is shrunk to PRINT_DPI; up to it, the original is kept


def draw_image(canvas, path: Path, x: float, y: float, width: float, height: float, orientation: int = 1) -> None:
    """Draw the image file at `path` in the box at (`x`, `y`), `width` x `height` points, as ReportLab's
    `drawImage(..., mask="auto")` would, from what `_prepared` made of the file's bytes for that size."""
    import copy

    prepared = _prepared(path.read_bytes(), width, height, orientation)
    doc = canvas._doc
    registered = doc.getXObjectName(prepared.name)
    if registered not in doc.idToObject:
        # The first time in this document: register copies (the compressed bytes are shared), as drawImage does.
        xobject = copy.copy(prepared.xobject)
        canvas._setXObjects(xobject)
        doc.Reference(xobject, registered)
        doc.addForm(prepared.name, xobject)
        if prepared.smask is not None:
            smask = copy.copy(prepared.smask)
            masked = doc.getXObjectName(smask.name)
            if masked in doc.idToObject:
                from reportlab.pdfbase.pdfdoc import PDFObjectReference

                xobject.smask = PDFObjectReference(masked)
            else:
                canvas._setXObjects(smask)
                xobject.smask = doc.Reference(smask, masked)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{registered} Do")
    canvas.restoreState()
    canvas._formsinuse.append(prepared.name)


class PreparedImage(NamedTuple):
    """An image as the PDF holds it: its name (a digest of its pixels and mask), its XObject and soft mask."""

    name: str
    xobject: object
    smask: object | None


@cache.memo(maxsize=8)
def _prepared(data: bytes, width: float, height: float, orientation: int) -> PreparedImage:
    """The image in `data` printed at `width` x `height` points, as ReportLab's drawImage would make it, made once."""
    from reportlab.lib.utils import _digester
    from reportlab.pdfbase.pdfdoc import PDFImageXObject

    reader = print_ready(data, width, height, orientation)
    pixels = reader.getRGBData()  # which also finds the alpha channel
    alpha = reader._dataA
    name = _digester(pixels + (alpha.getRGBData() if alpha else b"auto"))
    xobject = PDFImageXObject(name, reader, mask="auto")
    xobject.name = name
    smask = getattr(xobject, "_smask", None)
    if smask is not None:
        del xobject._smask
    return PreparedImage(name, xobject, smask)


def print_ready(data: bytes, width: float, height: float, orientation: int = 1):
    """An ImageReader for the image file `data` printed at `width` x `height` points: the file itself, or a prepared copy."""
    from PIL import Image as PILImage
    from PIL import ImageOps
    from reportlab.lib.utils import ImageReader

    with PILImage.open(io.BytesIO(data)) as picture:
        kind = picture.format
        upright_size = picture.size[::-1] if orientation in (5, 6, 7, 8) else picture.size
        limit = (math.ceil(width / 72 * PRINT_DPI), math.ceil(height / 72 * PRINT_DPI))
        ceiling = DOWNSAMPLE_ABOVE / PRINT_DPI
        too_dense = upright_size[0] > limit[0] * ceiling and upright_size[1] > limit[1] * ceiling
        if orientation == 1 and not too_dense:
            # A reader of the bytes, not of the path: ReportLab names an image by its file name otherwise,
            # and the same project built in another folder would give other bytes.
            return ImageReader(io.BytesIO(data))
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


def pixel_size(path: Path, orientation: int = 1) -> tuple[int, int]:
    """The image's width and height in pixels as it is shown (turned upright)."""
    from PIL import Image as PILImage

    with PILImage.open(path) as picture:
        return picture.size[::-1] if orientation in (5, 6, 7, 8) else picture.size


class PlacedImage(Tagged, Flowable):
    """An image block drawn at a fixed size, prepared for print (`draw_image`); the content of its Figure `tag`."""

    def __init__(self, block, width: float, height: float, tag: Element | None = None) -> None:
        super().__init__()
        self.tag = tag
        self.block = block
        self.width, self.height = width, height
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        draw_image(self.canv, self.block.path, 0, 0, self.width, self.height, self.block.orientation)
