"""One validator per block kind: a loaded node in, a model block out.

A block in a section file is a one-key mapping whose key names its kind,
e.g. `- paragraph: Some text`. Adding a kind is one entry in BLOCK_KINDS.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from handbook.loader import Mapping, Node, Scalar
from handbook.model import (
    Block,
    Bullets,
    Callout,
    Checklist,
    Image,
    Paragraph,
    Quote,
    SalaryRow,
    SalaryTable,
    Steps,
)
from handbook.validate.assets import check_image
from handbook.validate.fields import Reader, describe, join, suggest


@dataclass(frozen=True)
class BlockContext:
    """What a block validator needs besides its node: where problems go and the project root."""

    read: Reader
    root: Path


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
    name = ctx.read.text(file_node, join(path, "file"))
    alt = ctx.read.text(fields.get("alt"), join(path, "alt"))
    caption = ctx.read.text(fields.get("caption"), join(path, "caption"))
    width = ctx.read.number(fields.get("width"), join(path, "width"), minimum=0.05)
    if width is not None and width > 1:
        ctx.read.error(fields.get("width").where, join(path, "width"), f"expected a fraction of the text width from 0.05 to 1; got {width:g}")
        width = None
    if not name or not alt:
        return None
    resolved = check_image(ctx.read, file_node, join(path, "file"), name, ctx.root)
    if resolved is None:
        return None
    return Image(resolved, alt, node.where, caption=caption, width=width or 1.0)


def _salary_row(ctx: BlockContext, node: Node, path: str) -> SalaryRow | None:
    fields = ctx.read.mapping(node, path, ("label", "annual", "hourly", "qualifier"), required=("label",))
    if fields is None:
        return None
    label = ctx.read.text(fields.get("label"), join(path, "label"))
    annual = ctx.read.number(fields.get("annual"), join(path, "annual"))
    hourly = ctx.read.number(fields.get("hourly"), join(path, "hourly"))
    qualifier = ctx.read.choice(fields.get("qualifier"), join(path, "qualifier"), ("", "more than", "less than"), "")
    if annual is None and hourly is None and fields.get("annual") is None and fields.get("hourly") is None:
        ctx.read.error(node.where, path, "has no figure; expected an annual or an hourly wage")
        return None
    return SalaryRow(label, annual=annual, hourly=hourly, qualifier=qualifier) if label else None


def salary_table(ctx: BlockContext, node: Node, path: str) -> Block | None:
    fields = ctx.read.mapping(node, path, ("title", "source", "period", "rows"), required=("source", "period", "rows"))
    if fields is None:
        return None
    title = ctx.read.text(fields.get("title"), join(path, "title"))
    source = ctx.read.text(fields.get("source"), join(path, "source"))
    period = ctx.read.text(fields.get("period"), join(path, "period"))
    rows = ctx.read.items(fields.get("rows"), join(path, "rows"), lambda item, p: _salary_row(ctx, item, p))
    rows = tuple(row for row in rows if row is not None)
    if not rows or not source or not period:
        return None
    return SalaryTable(rows, source, period, node.where, title=title)


def checklist(ctx: BlockContext, node: Node, path: str) -> Block | None:
    if not isinstance(node, Mapping):
        items = _inline_list(ctx, node, path)
        return Checklist(items, node.where) if items else None
    fields = ctx.read.mapping(node, path, ("title", "items"), required=("items",))
    if fields is None:
        return None
    title = ctx.read.text(fields.get("title"), join(path, "title"))
    items = _inline_list(ctx, fields.get("items"), join(path, "items"))
    return Checklist(items, node.where, title=title) if items else None


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
