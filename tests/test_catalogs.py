"""The message catalogs: every string the code marks is in the template and translated in every language, and nothing else."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from handbook import catalogs, l10n


def read(path):
    with path.open("rb") as po:
        return read_po(po)


def test_the_template_holds_every_marked_string_of_the_code():
    """A new `_()` string fails here until `make catalogs` is run; a removed one too."""
    in_code = {m.id for m in catalogs.extracted() if m.id}
    assert "Contents" in in_code and "Page {page} of {pages}" in in_code
    assert {m.id for m in read(catalogs.TEMPLATE) if m.id} == in_code


@pytest.mark.parametrize("language", l10n.available())
def test_every_catalog_translates_every_string_and_keeps_its_placeholders(language):
    in_code = {m.id for m in catalogs.extracted() if m.id}
    catalog = read(l10n.catalog_path(language))
    messages = {m.id: m for m in catalog if m.id}
    assert set(messages) == in_code, "run make catalogs, then translate what it added"
    untranslated = [m.id for m in messages.values() if not m.string]
    fuzzy = [m.id for m in messages.values() if m.fuzzy]
    assert not untranslated and not fuzzy, f"untranslated: {untranslated}; fuzzy: {fuzzy}"
    for message in messages.values():
        assert set(re.findall(r"\{\w+\}", message.string)) == set(re.findall(r"\{\w+\}", message.id)), message.id
        assert message.string.count("<br/>") == message.id.count("<br/>"), message.id


def test_spanish_is_a_catalog():
    assert "es" in l10n.available()
