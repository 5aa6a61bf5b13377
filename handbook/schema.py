"""The JSON Schemas in schema/, for editors: generated from the declarations, never written by hand.

    python -m handbook.schema            # rewrite schema/*.schema.json (what `make schema` runs)

tests/test_schema.py fails when a committed file differs from what this module generates.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

from handbook.blocks import KINDS

FOLDER = Path(__file__).resolve().parent.parent / "schema"

TEXT = {
    "type": "string",
    "minLength": 1,
    "description": "Text with inline markup: **bold**, *italic*, [label](https://...).",
}
TEXT_LIST = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}


def section_schema() -> dict:
    """The schema of a section file: a title and its blocks, each block one of the registered kinds."""
    kind_defs: dict = {}
    for kind in KINDS:
        kind_defs.update(kind.defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://handbook.invalid/schema/section.schema.json",
        "title": "handbook section file (sections/*.yaml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "blocks"],
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "blocks": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/block"}},
        },
        "$defs": {
            "text": TEXT,
            "textList": TEXT_LIST,
            "block": {
                "type": "object",
                "minProperties": 1,
                "maxProperties": 1,
                "additionalProperties": False,
                "properties": {kind.name: kind.schema for kind in KINDS},
            },
            **kind_defs,
        },
    }


SCHEMAS: dict[str, Callable[[], dict]] = {
    "section.schema.json": section_schema,
}


def as_text(schema: dict) -> str:
    """A schema as it is written to its file."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path = FOLDER) -> list[Path]:
    """Write every schema in SCHEMAS into `folder`; return the files written."""
    written = []
    for name, make in SCHEMAS.items():
        path = folder / name
        path.write_text(as_text(make()), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER):
        print(f"wrote {path}")
