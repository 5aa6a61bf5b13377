"""What a block kind is: everything the pipeline knows about one kind, declared together.

Each kind's module (paragraph.py, salary_table.py, ...) ends with `KIND = BlockKind(...)`, and
handbook/blocks/__init__.py lists the kinds in order. Validation, rendering, depfiles, the JSON
Schema, the property tests and the docs' list of kinds all read these declarations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.model import Block


def no_facts(block: Block) -> tuple:
    """A block of words only: a translation says them in its own words."""
    return ()


def no_files(block: Block) -> tuple[Path, ...]:
    """The files a block depends on, for a kind whose content is all in its section file."""
    return ()


def text_or_fields(**properties: dict) -> dict:
    """The schema of a block written as its text alone, or as a mapping of `text` and `properties`."""
    fields = {"text": {"$ref": "#/$defs/text"}, **properties}
    return {
        "oneOf": [
            {"$ref": "#/$defs/text"},
            {"type": "object", "additionalProperties": False, "required": ["text"], "properties": fields},
        ]
    }


@dataclass(frozen=True, eq=False, repr=False)
class BlockKind:
    """One kind of block: its YAML name and model type, how it is validated and rendered, the files
    it depends on, and its JSON Schema fragment."""

    name: str  # the key of `- name: content` in a section file
    model: type  # the dataclass validation makes and rendering reads
    validate: Callable[[Any, Any, str], Block | None]  # (BlockContext, node, path) -> block, or None after a problem
    render: Callable[[Any, Any], list]  # (block, RenderContext) -> ReportLab flowables
    schema: dict  # the JSON Schema of the block's content (the value of its one key)
    summary: str  # one line for the docs' list of kinds
    files: Callable[[Any], tuple[Path, ...]] = no_files  # what a depfile must list for a block
    facts: Callable[[Any], tuple] = no_facts  # what a translation keeps exactly as its source has it (figures, not words)
    defs: dict = field(default_factory=dict)  # JSON Schema definitions `schema` refers to as #/$defs/<name>
    leads: bool = False  # substantial: a section's heading is kept with its start, not only with a paragraph
