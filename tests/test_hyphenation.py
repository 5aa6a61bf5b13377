"""Long words in narrow places break with a hyphen in the edition's language, and only there."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from handbook.build import build_handbook, validated
from handbook.render.document import render_pdf
from handbook.render.hyphenation import breaks, dictionary_for
from tests.conftest import page_texts, ua_problems
from tests.test_structure import struct_elems

LONG = "electroencefalográficamente"  # wider than a table's label column and a checklist's note column
TABLE = f"""
- salary_table:
    title: Salarios
    source: BLS
    period: May 2024
    rows:
      - {{label: Técnicos {LONG} certificados, annual: {{pct10: 37890, pct25: 45130, median: 56880, pct75: 72110, pct90: 89650, mean: 60100}}, employment: 1200}}
      - {{label: Todas las ocupaciones, annual: {{pct10: 29120, pct25: 45130, median: 47840, pct75: 72110, pct90: 114400, mean: 60100}}, employment: 1200}}
- checklist:
    items:
      - text: Compara los programas.
        note: Pide el registro {LONG} firmado
      - text: Ask about externships.
        note: Ask the electroencephalographers
"""


def guide(project, language: str):
    project.manifest(project.section("intro", TABLE), extra=f"language: {language}\ntranslation_fallback: [intro, handbook]\n")
    return project.root / "handbook.yaml"


def text_of(pdf) -> str:
    return "\n".join(page_texts(pdf))


def test_the_dictionary_is_the_tags_region_then_its_language_and_none_for_a_language_pyphen_lacks():
    assert [dictionary_for(tag) for tag in ("es", "es-MX", "en-US", "pt-BR")] == ["es", "es", "en_US", "pt_BR"]
    assert dictionary_for("vi") == dictionary_for("tlh") == ""
    assert breaks("(responsabilidades),", "es")[1] == ("(responsabili", "dades),")
    assert breaks("responsabilidades", "") == [] and breaks("Hola", "es") == [] and breaks("42,630", "es") == []


def test_a_spanish_word_too_long_for_a_table_cell_or_a_note_breaks_with_a_hyphen(project):
    result = build_handbook(guide(project, "es"), project.root / "es.pdf")
    text = text_of(result.output)
    assert "Técnicos electroencefalo-\ngráficamente certificados" in text  # the salary table's label column
    assert "Pide el registro electro-\nencefalográficamente\nfirmado" in text  # the checklist's note column
    assert "Todas las ocupaciones\n" in text and "Compara los programas.\n" in text  # words that fit are left whole
    # Read aloud and searched as written: the cell and the note say their words whole.
    said = [(str(element["/S"]), str(element["/ActualText"])) for element in struct_elems(result.output) if "/ActualText" in element]
    assert said == [
        ("/TH", f"Técnicos {LONG} certificados"),
        ("/P", f"Pide el registro {LONG} firmado"),
        ("/P", "Ask the electroencephalographers"),
    ]
    assert ua_problems(result.output) == []


def test_an_english_edition_hyphenates_its_long_words_with_english_rules(project):
    text = text_of(build_handbook(guide(project, "en-US"), project.root / "en.pdf").output)
    assert "Ask the electroen-\ncephalographers" in text
    assert "Técnicos electroence-\nfalográficamente\ncertificados" in text  # a word of another language breaks by the edition's rules


def test_a_language_pyphen_does_not_know_breaks_no_word_with_a_hyphen(project):
    result = build_handbook(guide(project, "vi"), project.root / "vi.pdf")
    text = text_of(result.output)
    assert "-\n" not in text
    assert "Técnicos electroencefal\nográficamente" in text  # cut between letters, as before, and nothing said about it
    assert [w for w in result.warnings if "hyphen" in w.message] == []


@pytest.mark.slow
def test_a_table_built_in_english_then_spanish_in_one_process_is_the_spanish_of_a_fresh_process(project, tmp_path, monkeypatch):
    """What the paragraph memo keeps from the English edition never changes the Spanish one."""
    env = {"SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    manifest = guide(project, "en-US")
    fresh = tmp_path / "fresh.pdf"
    subprocess.run(
        [sys.executable, "-m", "handbook", "build", str(manifest), "-o", str(fresh), "--language", "es"],
        check=True,
        env=env,
        capture_output=True,
        cwd=project.root,
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    outputs = []
    for language in ("en-US", "es"):
        out = io.BytesIO()
        render_pdf(validated(manifest, language=language).handbook, out)
        outputs.append(out.getvalue())
    assert outputs[0] != outputs[1]
    assert outputs[1] == fresh.read_bytes()
