"""One validator per block kind: a loaded node in, a model block out.

A block in a section file is a one-key mapping whose key names its kind,
e.g. `- paragraph: Some text`. Adding a kind is one entry in BLOCK_KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from handbook.model import Block, Bullets, Callout, Image, Paragraph, Quote, Steps
from handbook.nodes import Mapping, Node, Scalar
from handbook.validate.assets import inspect_image
from handbook.validate.checklist import checklist
from handbook.validate.fields import Reader, describe, join, suggest
from handbook.validate.salary import salary_table


@dataclass(frozen=True, eq=False)
class BlockContext:
    """What a block validator needs besides its node: where problems go, the project root, and the
    build date and age limit that salary figures are checked against."""

    read: Reader
    root: Path
    today: date | None = None
    stale_after_years: float = 3


BlockValidator = Callable[[BlockContext, Node, str], Block | None]


def paragraph(ctx: BlockContext, node: Node, path: str) -> Block | None:
    text = ctx.read.inline(node, path, required=True)
    return Paragraph(text, node.where) if text else None


def _inline_list(ctx: BlockContext, node: Node, path: str) -> tuple:
    items = ctx.read.items(node, path, lambda item, p: ctx.read.inline(item, p, required=True))
    return tuple(item for item in items if item)


def bullets(ctx: BlockContext, node: Node, path: str) -> Block | None:
    items = _inline_list(ctx, node, path)
    return Bullets(items, node.where) if items else None


def steps(ctx: BlockContext, node: Node, path: str) -> Block | None:
    items = _inline_list(ctx, node, path)
    return Steps(items, node.where) if items else None


def callout(ctx: BlockContext, node: Node, path: str) -> Block | None:
    if isinstance(node, Scalar):
        text = ctx.read.inline(node, path, required=True)
        return Callout(text, node.where) if text else None
    fields = ctx.read.mapping(node, path, ("text", "title", "tone"), required=("text",))
    if fields is None:
        return None
    text = ctx.read.inline(fields.get("text"), join(path, "text"), required=True)
    title = ctx.read.text(fields.get("title"), join(path, "title"))
    tone = ctx.read.choice(fields.get("tone"), join(path, "tone"), ("tip", "note"), "tip")
    return Callout(text, node.where, title=title, tone=tone) if text else None


def quote(ctx: BlockContext, node: Node, path: str) -> Block | None:
    if isinstance(node, Scalar):
        text = ctx.read.inline(node, path, required=True)
        return Quote(text, node.where) if text else None
    fields = ctx.read.mapping(node, path, ("text", "by"), required=("text",))
    if fields is None:
        return None
    text = ctx.read.inline(fields.get("text"), join(path, "text"), required=True)
    by = ctx.read.text(fields.get("by"), join(path, "by"))
    return Quote(text, node.where, by=by) if text else None


def image(ctx: BlockContext, node: Node, path: str) -> Block | None:
    fields = ctx.read.mapping(node, path, ("file", "alt", "caption", "width"), required=("file", "alt"))
    if fields is None:
        return None
    file_node = fields.get("file")
    name = ctx.read.file_name(file_node, join(path, "file"))
    alt = ctx.read.text(fields.get("alt"), join(path, "alt"))
    caption = ctx.read.text(fields.get("caption"), join(path, "caption"))
    width = ctx.read.number(fields.get("width"), join(path, "width"), minimum=0.05)
    if width is not None and width > 1:
        ctx.read.error(fields.get("width").where, join(path, "width"), f"expected a fraction of the text width from 0.05 to 1; got {width:g}")
        width = None
    if not name or not alt:
        return None
    found = inspect_image(ctx.read, file_node, join(path, "file"), name, ctx.root)
    if found is None:
        return None
    return Image(found[0], alt, node.where, caption=caption, width=width or 1.0, orientation=found[1])


BLOCK_KINDS: dict[str, BlockValidator] = {
    "paragraph": paragraph,
    "bullets": bullets,
    "steps": steps,
    "callout": callout,
    "quote": quote,
    "image": image,
    "salary_table": salary_table,
    "checklist": checklist,
}


def read_block(ctx: BlockContext, node: Node, path: str) -> Block | None:
    """Dispatch one `- kind: value` entry to the validator of its kind."""
    kinds = ", ".join(BLOCK_KINDS)
    if not isinstance(node, Mapping) or len(node.entries) != 1:
        ctx.read.error(node.where, path, f"expected one block written as '- kind: content' with kind one of {kinds}; got {describe(node)}")
        return None
    key, value = node.entries[0]
    validator = BLOCK_KINDS.get(key.text)
    if validator is None:
        ctx.read.error(key.where, path, f"unknown block kind '{key.text}'; expected one of {kinds}{suggest(key.text, BLOCK_KINDS)}")
        return None
    return validator(ctx, value, join(path, key.text))
