"""The JSON Schemas in schema/, generated from the block kinds and the setting declarations; one function per schema.

`python -m handbook.schema [PROJECT]` (`make schema`) writes every schema in SCHEMAS
and the key tables of docs/format.md; a test fails when the committed copies differ.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from handbook import settings
from handbook.blocks import KINDS
from handbook.languages import TAG_PATTERN
from handbook.settings import BOTH, Setting

_COLOUR = "^#[0-9a-fA-F]{6}$"

# What a declaration's kind does not say: the structure of list items, and patterns.
_DETAIL: dict[str, dict] = {
    "school.website": {"pattern": "^https?://"},
    "add": {
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["file"],
            "oneOf": [{"required": ["after"]}, {"required": ["before"]}],
            "properties": {"file": {"type": "string"}, "after": {"type": "string"}, "before": {"type": "string"}},
        },
    },
    "replace": {
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["section", "file"],
            "properties": {"section": {"type": "string"}, "file": {"type": "string"}},
        },
    },
    "override": {
        "items": {
            "type": "object",
            "required": ["section", "block"],
            "properties": {"section": {"type": "string"}, "block": {"type": "integer", "minimum": 1}},
        },
    },
}

_STRINGS = {"type": "array", "items": {"type": "string"}}
_KINDS: dict[str, dict] = {
    "text": {"type": "string"},
    "file": {"type": "string"},
    "colour": {"type": "string", "pattern": _COLOUR},
    "number": {"type": "number"},
    "keywords": {"oneOf": [{"type": "string"}, _STRINGS]},
    "files": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"type": "string"}},
    "variables": {"type": "object", "additionalProperties": {"type": "string"}},
    "names": _STRINGS,
    "list": {"type": "array"},
    "language": {"type": "string", "pattern": TAG_PATTERN},
    "languages": {"type": "array", "uniqueItems": True, "items": {"type": "string", "pattern": TAG_PATTERN}},
    "flag": {"type": "boolean"},
}


def _property(setting: Setting, path: str, in_profile: bool) -> dict:
    """One key's schema; in a profile a manifest setting has no default of its own (the base guide's applies)."""
    if setting.kind == "mapping":
        group = settings.PARTS[setting.name]
        found = _object(group, f"{path}.", in_profile)
    elif setting.kind == "choice":
        found = {"enum": list(setting.choices)}
    else:
        found = json.loads(json.dumps(_KINDS[setting.kind]))  # a copy
    if setting.kind == "text" and setting.required:
        found["minLength"] = 1
    if setting.minimum is not None:
        found["minimum"] = setting.minimum
    found.update(_DETAIL.get(path, {}))
    if setting.default not in (None, "", ()) and not (in_profile and setting.where == BOTH):
        found["default"] = setting.default
    found["description"] = setting.doc
    return found


def _object(group: dict[str, Setting], prefix: str, in_profile: bool) -> dict:
    found: dict = {"type": "object", "additionalProperties": False}
    required = settings.required(group)
    if required:
        found["required"] = list(required)
    found["properties"] = {name: _property(s, prefix + name, in_profile) for name, s in group.items()}
    return found


def _document(name: str, title: str, body: dict) -> dict:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://handbook.invalid/schema/{name}",
        "title": title,
        **body,
    }


def manifest_schema() -> dict:
    """A handbook manifest (handbook.yaml)."""
    return _document("manifest.schema.json", "handbook manifest (handbook.yaml)", _object(settings.MANIFEST, "", False))


def profile_schema() -> dict:
    """A school profile (schools/*.yaml)."""
    return _document("profile.schema.json", "handbook school profile (schools/*.yaml)", _object(settings.PROFILE, "", True))


TEXT = {
    "type": "string",
    "minLength": 1,
    "description": "Text with inline markup: **bold**, *italic*, [label](https://...).",
}
TEXT_LIST = {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/text"}}


def section_schema() -> dict:
    """A section file: a title and its blocks, each block one of the registered kinds."""
    kind_defs: dict = {}
    for kind in KINDS:
        kind_defs.update(kind.defs)
    body = {
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "blocks"],
        "properties": {
            "title": {"type": "string", "minLength": 1},
            "blocks": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/block"}},
            "translates": {
                "description": "In a translated section (sections/es/NAME.yaml): the version of its source it translates. "
                "Written by handbook translations --mark-current; do not edit by hand.",
                "type": "object",
            },
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
    return _document("section.schema.json", "handbook section file (sections/*.yaml)", body)


# Each file in schema/ that is generated, and the function that makes it.
SCHEMAS = {
    "manifest.schema.json": manifest_schema,
    "profile.schema.json": profile_schema,
    "section.schema.json": section_schema,
}


def text(name: str) -> str:
    """The generated text of schema/`name`."""
    return json.dumps(SCHEMAS[name](), indent=2, ensure_ascii=False) + "\n"


def write(project: Path) -> list[Path]:
    """Write every generated schema and the key tables of docs/format.md under `project`; the files changed."""
    wanted = {project / "schema" / name: text(name) for name in SCHEMAS}
    docs = project / "docs" / "format.md"
    wanted[docs] = settings.fill_tables(docs.read_text(encoding="utf-8"))
    changed = []
    for path, content in wanted.items():
        if not path.is_file() or path.read_text(encoding="utf-8") != content:
            path.write_text(content, encoding="utf-8")
            changed.append(path)
    return changed


if __name__ == "__main__":
    for path in write(Path(sys.argv[1] if len(sys.argv) > 1 else ".")):
        print(f"wrote {path}")
