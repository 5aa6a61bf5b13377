"""Resolve and check files that content refers to (images), inside the project only."""

from __future__ import annotations

import io
import os
from pathlib import Path

from handbook import cache
from handbook.nodes import Node
from handbook.problems import shown_name
from handbook.validate.fields import Reader
from handbook.validate.paths import find

IMAGE_FORMATS = ("PNG", "JPEG")
MAX_IMAGE_PIXELS = 60_000_000


def resolve_inside(read: Reader, node: Node, path: str, name: str, root: Path) -> Path | None:
    """The file `name` relative to `root`; a problem if it is absent, not a file or outside the project."""
    candidate = Path(name)
    if candidate.is_absolute():
        read.error(
            node.where,
            path,
            f"'{shown_name(name)}' is an absolute path; expected a path relative to the project folder, such as assets/logo.png",
        )
        return None
    if not Path(os.path.realpath(root / candidate)).is_relative_to(os.path.realpath(root)):
        read.error(
            node.where, path, f"'{shown_name(name)}' points outside the project folder; expected a file inside it, such as assets/logo.png"
        )
        return None
    found = find(read, node, path, name, root, expected="an image file", example="assets/logo.png")
    if found is not None:
        read.saw(found)
    return found


def check_image(read: Reader, node: Node, path: str, name: str, root: Path) -> Path | None:
    """An image file inside the project that Pillow can decode, in a format a PDF can hold."""
    found = inspect_image(read, node, path, name, root)
    return found[0] if found else None


def inspect_image(read: Reader, node: Node, path: str, name: str, root: Path) -> tuple[Path, int] | None:
    """Like check_image, with the EXIF orientation the image is stored in (1: upright)."""
    resolved = resolve_inside(read, node, path, name, root)
    if resolved is None:
        return None
    if resolved.suffix.lower() == ".svg":
        read.error(node.where, path, f"'{name}' is an SVG drawing; expected a PNG or JPEG image (export the SVG as PNG)")
        return None
    try:
        data = resolved.read_bytes()
    except OSError:
        data = b""
    reason, orientation = image_facts(data)
    if reason:
        read.error(node.where, path, f"'{name}' {reason}")
        return None
    return resolved, orientation if orientation in range(1, 9) else 1


@cache.memo(maxsize=16)
def image_facts(data: bytes) -> tuple[str, int]:
    """What is wrong with the image file `data` ("" when nothing) and the EXIF orientation it is stored in.

    Decoding the whole image is what finds a truncated file; it is done once per file content in a
    process, so a school's logo in a hundred editions is decoded once.
    """
    import warnings

    from PIL import Image as PILImage
    from PIL import UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow's own bomb warning; the pixel limit below is the check that counts.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as picture:
                kind = picture.format
                width, height = picture.size
                if kind not in IMAGE_FORMATS:
                    return f"is a {kind} image; expected PNG or JPEG", 1
                if width * height > MAX_IMAGE_PIXELS:
                    return f"is {width}x{height} pixels; expected at most {MAX_IMAGE_PIXELS:,} pixels", 1
                picture.load()
                orientation = picture.getexif().get(0x0112, 1) if kind == "JPEG" else 1
    except PILImage.DecompressionBombError:
        return f"declares far more pixels than an image may have; expected at most {MAX_IMAGE_PIXELS:,} pixels", 1
    except UnidentifiedImageError:
        return "cannot be read as an image (cannot identify image file); expected a valid PNG or JPEG file", 1
    except (OSError, SyntaxError, ValueError):
        return "cannot be read as an image (the file is truncated or damaged); expected a valid PNG or JPEG file", 1
    return "", orientation if orientation in range(1, 9) else 1
