"""The shipped JSON Schemas are what handbook/schema.py generates, and agree with the validator on the default
guide, the school profiles and the block kinds."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from handbook.blocks import KINDS
from handbook.schema import SCHEMAS, manifest_schema, profile_schema, text
from handbook.validate.handbook import MANIFEST_KEYS
from tests.conftest import DEFAULT_MANIFEST, ROOT

SCHEMAS_FOLDER = ROOT / "schema"


def schema(name: str) -> dict:
    loaded = json.loads((SCHEMAS_FOLDER / name).read_text())
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schemas_are_the_generated_ones(name):
    assert (SCHEMAS_FOLDER / name).read_text(encoding="utf-8") == text(name), f"schema/{name} is out of date; run make schema"


def test_generated_schemas_name_each_declared_default_and_doc():
    manifest = manifest_schema()["properties"]
    assert manifest["page_size"] == {"enum": ["letter", "a4"], "default": "letter", "description": "The paper the pages are laid out for."}
    assert manifest["theme"]["properties"]["primary"]["default"] == "#1d4e89"
    assert "default" not in profile_schema()["properties"]["theme"]["properties"]["primary"]  # the base guide's applies


def test_section_schema_accepts_every_section_of_the_guide_and_the_schools():
    section_schema = schema("section.schema.json")
    # schools/es/ holds the profiles' own texts in Spanish, not sections
    files = sorted((ROOT / "sections").glob("*.yaml")) + sorted(p for p in (ROOT / "schools").glob("*/*.yaml") if p.parent.name != "es")
    assert files
    for path in files:
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), section_schema)


def test_default_manifest_and_sections_match_the_schemas():
    manifest = yaml.safe_load(DEFAULT_MANIFEST.read_text())
    jsonschema.validate(manifest, schema("manifest.schema.json"))
    section_schema = schema("section.schema.json")
    for name in manifest["sections"]:
        jsonschema.validate(yaml.safe_load((ROOT / name).read_text()), section_schema)


def test_schemas_name_the_same_keys_and_block_kinds_as_the_validator():
    assert set(schema("manifest.schema.json")["properties"]) == set(MANIFEST_KEYS)
    assert set(schema("section.schema.json")["$defs"]["block"]["properties"]) == {kind.name for kind in KINDS}


def test_schema_rejects_an_unknown_block_kind():
    section = {"title": "T", "blocks": [{"paragrph": "x"}]}
    errors = list(jsonschema.Draft202012Validator(schema("section.schema.json")).iter_errors(section))
    assert errors


def test_schemas_name_the_keys_of_salary_tables_and_checklists():
    from handbook.blocks.checklist import CHECKLIST_KEYS
    from handbook.blocks.salary_table import TABLE_KEYS
    from handbook.validate.checklist import ITEM_KEYS
    from handbook.validate.salary import ROW_KEYS

    blocks = schema("section.schema.json")["$defs"]["block"]["properties"]
    table = blocks["salary_table"]["properties"]
    assert set(table) == set(TABLE_KEYS)
    assert set(table["rows"]["items"]["properties"]) == set(ROW_KEYS)
    assert set(blocks["checklist"]["oneOf"][1]["properties"]) == set(CHECKLIST_KEYS)
    item = schema("section.schema.json")["$defs"]["checkItem"]["oneOf"][1]["properties"]
    assert set(item) == set(ITEM_KEYS)


def test_profile_schema_accepts_the_examples_and_names_the_validator_keys():
    from handbook.validate.profile import PROFILE_KEYS, SCHOOL_KEYS

    profile_schema = schema("profile.schema.json")
    assert set(profile_schema["properties"]) == set(PROFILE_KEYS)
    assert set(profile_schema["properties"]["school"]["properties"]) == set(SCHOOL_KEYS)
    for example in sorted((ROOT / "schools").glob("*.yaml")):
        jsonschema.validate(yaml.safe_load(example.read_text()), profile_schema)


def test_make_schema_writes_the_schemas_and_the_docs_tables(tmp_path):
    import subprocess
    import sys

    (tmp_path / "schema").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "schema/manifest.schema.json").write_text("{}\n")
    (tmp_path / "docs/format.md").write_text("# Format\n<!-- settings:school -->\n<!-- /settings:school -->\n")
    result = subprocess.run([sys.executable, "-m", "handbook.schema", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    for name in SCHEMAS:
        assert (tmp_path / "schema" / name).read_text(encoding="utf-8") == text(name)
    assert "| `website` |" in (tmp_path / "docs/format.md").read_text()
    again = subprocess.run([sys.executable, "-m", "handbook.schema", str(tmp_path)], capture_output=True, text=True)
    assert again.stdout == ""  # nothing left to change
