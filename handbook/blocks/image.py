"""The image block: a PNG or JPEG from the project with alt text, an optional caption and a width."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.blocks.registry import BlockKind
from handbook.model import Block
from handbook.problems import Where
from handbook.validate.assets import inspect_image
from handbook.validate.fields import join


@dataclass(frozen=True, eq=False, repr=False)
class Image(Block):
    """A picture with an optional caption, sized to the text width at most."""

    path: Path
    alt: str
    where: Where
    caption: str = ""
    width: float = 1.0  # fraction of the text width
    orientation: int = 1  # EXIF orientation: 1 is upright as stored


def validate(ctx, node, path: str) -> Image | None:
    fields = ctx.read.mapping(node, path, ("file", "alt", "caption", "width"), required=("file", "alt"))
    if fields is None:
        return None
    file_node = fields.get("file")
    name = ctx.read.file_name(file_node, join(path, "file"))
    alt = ctx.read.text(fields.get("alt"), join(path, "alt"))
    caption = ctx.read.text(fields.get("caption"), join(path, "caption"))
    width = ctx.read.number(fields.get("width"), join(path, "width"), minimum=0.05)
    if width is not None and width > 1:
        ctx.read.error(
            fields.get("width").where, join(path, "width"), f"expected a fraction of the text width from 0.05 to 1; got {width:g}"
        )
        width = None
    if not name or not alt:
        return None
    found = inspect_image(ctx.read, file_node, join(path, "file"), name, ctx.root)
    if found is None:
        return None
    return Image(found[0], alt, node.where, caption=caption, width=width or 1.0, orientation=found[1])


def image_size(block: Image, frame_width: float, frame_height: float) -> tuple[float, float]:
    """The size an image block prints at, in points: its share of the text width, at most 60% of the text height."""
    from handbook.render.images import pixel_size

    pixels_wide, pixels_high = pixel_size(block.path, block.orientation)
    width = frame_width * block.width
    height = width * pixels_high / pixels_wide
    limit = frame_height * 0.6
    if height > limit:
        width, height = width * limit / height, limit
    return width, height


def render(block: Image, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from reportlab.platypus import KeepTogether, Spacer

    from handbook.render.images import PlacedImage
    from handbook.render.inline import text_markup
    from handbook.render.paragraphs import MemoParagraph

    width, height = image_size(block, ctx.width, ctx.height)
    flowables = [PlacedImage(block, width, height, tag=ctx.parent.add("Figure", alt=block.alt))]
    if block.caption:
        flowables += [Spacer(1, 4), MemoParagraph(text_markup(block.caption), ctx.styles["caption"], tag=ctx.parent.add("P"))]
    return [KeepTogether(flowables), Spacer(1, 10)]


def files(block: Image) -> tuple[Path, ...]:
    return (block.path,)


KIND = BlockKind(
    name="image",
    model=Image,
    validate=validate,
    render=render,
    files=files,
    schema={
        "type": "object",
        "additionalProperties": False,
        "required": ["file", "alt"],
        "properties": {
            "file": {"type": "string", "description": "A PNG or JPEG inside the project, e.g. assets/images/coder.png."},
            "alt": {"type": "string", "minLength": 1},
            "caption": {"type": "string"},
            "width": {"type": "number", "minimum": 0.05, "maximum": 1},
        },
    },
    summary="a picture from the project folder, with alt text and an optional caption",
)
