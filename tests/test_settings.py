"""Each setting is declared once, and validation, the model and `explain` read the declarations."""

from __future__ import annotations

from handbook import settings
from handbook.model import Handbook, Theme
from handbook.validate.handbook import MANIFEST_KEYS, THEME_KEYS
from handbook.validate.profile import PROFILE_KEYS, SCHOOL_KEYS


def test_validation_reads_its_keys_from_the_declarations():
    assert MANIFEST_KEYS == tuple(settings.MANIFEST)
    assert THEME_KEYS == tuple(settings.THEME)
    assert PROFILE_KEYS == tuple(settings.PROFILE)
    assert SCHOOL_KEYS == tuple(settings.SCHOOL)


def test_the_model_defaults_are_the_declared_ones():
    handbook = Handbook(title="T", sections=())
    for name, setting in settings.explained().items():
        if setting.required:
            continue
        value: object = handbook
        for part in name.split("."):
            value = getattr(value, part)
        assert value == setting.default, name
    assert Theme().primary == settings.THEME["primary"].default


def test_a_profile_may_replace_exactly_the_settings_declared_for_both():
    shared = {name for name, s in settings.MANIFEST.items() if s.where == settings.BOTH}
    assert set(settings.profile_settings()) == shared
    assert all(settings.PROFILE[name] is settings.MANIFEST[name] for name in shared)  # declared once
    assert settings.required(settings.PROFILE) == ("school",)
    assert settings.required(settings.MANIFEST) == ("title", "sections")


def test_every_setting_has_a_one_line_doc_and_a_known_kind():
    for group in settings.TABLES.values():
        for name, setting in group.items():
            assert setting.doc and "\n" not in setting.doc and setting.doc.endswith("."), name
            assert setting.kind == "choice" or setting.kind == "number" or setting.kind in settings._VALUES, name
            assert not setting.choices or setting.default in setting.choices, name


def test_the_key_tables_in_the_docs_are_the_generated_ones():
    from tests.conftest import ROOT

    docs = (ROOT / "docs/format.md").read_text(encoding="utf-8")
    for group in settings.TABLES:
        assert f"<!-- settings:{group} -->" in docs, group
    assert docs == settings.fill_tables(docs), "docs/format.md's key tables are out of date; run make schema"


def test_a_changed_declaration_changes_its_table_row():
    text = "before\n<!-- settings:theme -->\n| stale |\n<!-- /settings:theme -->\nafter\n"
    filled = settings.fill_tables(text)
    assert "| stale |" not in filled and filled.startswith("before\n") and filled.endswith("after\n")
    assert (
        '| `accent` | a quoted hex colour such as `"#1d4e89"` | `#e07a1f` | manifest and profile | Bars, bullets and tip boxes. |' in filled
    )
