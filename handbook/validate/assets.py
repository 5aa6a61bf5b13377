"""Resolve and check files that content refers to (images), inside the project only."""

from __future__ import annotations

from pathlib import Path

from handbook.loader import Node, display_path
from handbook.validate.fields import Reader

IMAGE_FORMATS = ("PNG", "JPEG")
MAX_IMAGE_PIXELS = 60_000_000


def resolve_inside(read: Reader, node: Node, path: str, name: str, root: Path) -> Path | None:
    """The file `name` relative to `root`; a problem if it is absent, not a file or outside the project."""
    candidate = Path(name)
    if candidate.is_absolute():
        read.error(node.where, path, f"'{name}' is an absolute path; expected a path relative to the project folder, such as assets/logo.png")
        return None
    resolved = (root / candidate).resolve()
    if not resolved.is_relative_to(root.resolve()):
        read.error(node.where, path, f"'{name}' points outside the project folder; expected a file inside it, such as assets/logo.png")
        return None
    if not resolved.exists():
        read.error(node.where, path, f"file '{name}' not found; expected it relative to {display_path(root)}")
        return None
    if not resolved.is_file():
        read.error(node.where, path, f"'{name}' is a directory; expected a file")
        return None
    return resolved


def check_image(read: Reader, node: Node, path: str, name: str, root: Path) -> Path | None:
    """An image file inside the project that Pillow can decode, in a format a PDF can hold."""
    resolved = resolve_inside(read, node, path, name, root)
    if resolved is None:
        return None
    if resolved.suffix.lower() == ".svg":
        read.error(node.where, path, f"'{name}' is an SVG drawing; expected a PNG or JPEG image (export the SVG as PNG)")
        return None
    from PIL import Image as PILImage

    try:
        with PILImage.open(resolved) as picture:
            kind = picture.format
            width, height = picture.size
            if kind not in IMAGE_FORMATS:
                read.error(node.where, path, f"'{name}' is a {kind} image; expected PNG or JPEG")
                return None
            if width * height > MAX_IMAGE_PIXELS:
                read.error(node.where, path, f"'{name}' is {width}x{height} pixels; expected at most {MAX_IMAGE_PIXELS:,} pixels")
                return None
            picture.load()
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError) as exc:
        read.error(node.where, path, f"'{name}' cannot be read as an image ({exc}); expected a valid PNG or JPEG file")
        return None
    return resolved
