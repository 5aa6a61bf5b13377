"""Checklist items: items to tick, each with optional sub-items and a note or due date."""

from __future__ import annotations

from handbook.model import ChecklistItem
from handbook.nodes import Mapping, Node
from handbook.validate.fields import Reader, became_mapping, closest, join, split_by_colon

ITEM_KEYS = ("text", "note", "due", "items")
MAX_LEVELS = 2  # items and their sub-items


def read_items(read: Reader, node: Node | None, path: str, depth: int) -> tuple[ChecklistItem, ...]:
    found = read.items(node, path, lambda item, p: _item(read, item, p, depth))
    return tuple(item for item in found if item is not None)


def _item(read: Reader, node: Node, path: str, depth: int) -> ChecklistItem | None:
    if not isinstance(node, Mapping):
        text = read.inline(node, path, required=True)
        return ChecklistItem(text) if text else None
    meant = split_by_colon(node)
    key = node.keys()[0] if meant else ""
    if meant and key not in ITEM_KEYS and not (key.islower() and closest(key, ITEM_KEYS)):  # `- txt: ...` is a misspelt key
        read.error(node.where, path, became_mapping(meant))
        return None
    fields = read.mapping(node, path, ITEM_KEYS, required=("text",))
    if fields is None:
        return None
    if fields.get("note") is not None and fields.get("due") is not None:
        read.error(node.where, path, "has both note: and due:; give one of them")
    text = read.inline(fields.get("text"), join(path, "text"), required=True)
    note = read.text(fields.get("note"), join(path, "note"))
    due = read.text(fields.get("due"), join(path, "due"))
    sub_items: tuple[ChecklistItem, ...] = ()
    if fields.get("items") is not None:
        if depth >= MAX_LEVELS:
            read.error(
                fields.get("items").where,
                join(path, "items"),
                "sub-items cannot have sub-items of their own; keep checklists two levels deep",
            )
        else:
            sub_items = read_items(read, fields.get("items"), join(path, "items"), depth + 1)
    return ChecklistItem(text, note=note, due=due, items=sub_items) if text else None
