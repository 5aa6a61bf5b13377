"""The checklist block: items a reader ticks, on paper or as form checkboxes when fillable.

Items are read by validate/checklist.py and drawn by render/checklist.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.blocks.registry import BlockKind
from handbook.l10n import N_, _
from handbook.model import Block, ChecklistItem
from handbook.nodes import Mapping
from handbook.problems import Where
from handbook.validate.checklist import read_items
from handbook.validate.fields import Reader, join

CHECKLIST_KEYS = ("title", "items", "fillable")


@dataclass(frozen=True, eq=False, repr=False)
class Checklist(Block):
    """Items a reader ticks: on paper, or as form checkboxes when fillable."""

    items: tuple[ChecklistItem, ...]
    where: Where
    title: str = ""
    fillable: bool = False

    @property
    def note_heading(self) -> str:
        """The heading of the column beside the items: "Due" when only due dates are in it, "Note" when
        any note is (a due date beside notes then reads "Due March 1"), or "" when no item has either."""

        def walk(items):
            for item in items:
                yield item
                yield from walk(item.items)

        flat = list(walk(self.items))
        return N_("Note") if any(i.note for i in flat) else N_("Due") if any(i.due for i in flat) else ""

    def note_text(self, item: ChecklistItem) -> str:
        """What the column beside the items says for `item`, to fit under `note_heading`."""
        if item.due and self.note_heading != "Due":
            return _("Due {date}").format(date=item.due)
        return item.due or item.note


def validate(ctx, node, path: str) -> Checklist | None:
    read: Reader = ctx.read
    if not isinstance(node, Mapping):
        items = read_items(read, node, path, 1)
        return Checklist(items, node.where) if items else None
    fields = read.mapping(node, path, CHECKLIST_KEYS, required=("items",))
    if fields is None:
        return None
    title = read.text(fields.get("title"), join(path, "title"))
    fillable = read.flag(fields.get("fillable"), join(path, "fillable"), False)
    items = read_items(read, fields.get("items"), join(path, "items"), 1)
    if not items:
        return None
    return Checklist(items, node.where, title=title, fillable=fillable)


def render(block: Checklist, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from handbook.render.checklist import render_checklist

    return render_checklist(block, ctx)


def _item_schema(nested: bool) -> dict:
    properties = {"text": {"$ref": "#/$defs/text"}, "note": {"type": "string"}, "due": {"type": "string"}}
    if nested:  # sub-items, one level deep
        properties["items"] = {"type": "array", "minItems": 1, "items": _item_schema(False)}
    return {
        "oneOf": [
            {"$ref": "#/$defs/text"},
            {"type": "object", "additionalProperties": False, "required": ["text"], "properties": properties},
        ]
    }


ITEMS = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/checkItem"}}

KIND = BlockKind(
    name="checklist",
    model=Checklist,
    validate=validate,
    render=render,
    schema={
        "oneOf": [
            ITEMS,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["items"],
                "properties": {"title": {"type": "string"}, "fillable": {"type": "boolean", "default": False}, "items": ITEMS},
            },
        ]
    },
    defs={"checkItem": _item_schema(True)},
    summary="items to tick, with optional sub-items and a note or due date; fillable on screen",
    leads=True,
)
