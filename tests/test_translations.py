"""Translated sections: the edition's language picks them, and a changed source makes them stale until marked current."""

from __future__ import annotations

import textwrap

from click.testing import CliRunner

from handbook.cli import main
from handbook.loader import load_bytes
from handbook.problems import Problems
from tests.conftest import page_texts, ua_problems

SOURCE = """\
title: Introduction
blocks:
  - paragraph: Medical coders turn health records into codes.
  - bullets: [Read charts, Assign codes]
"""

TRANSLATED = """\
# Traducción revisada por la oficina
title: Introducción
blocks:
  - paragraph: Los codificadores médicos convierten historias clínicas en códigos.
  - bullets: [Leer historias, Asignar códigos]
"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def spanish_project(project, *, marked: bool = True):
    """A guide of two sections, both translated into Spanish; the translations marked current unless told not to."""
    project.write("sections/introduction.yaml", SOURCE)
    project.write("sections/pay.yaml", "title: Pay\nblocks:\n  - paragraph: Pay depends on experience.\n")
    project.write("sections/es/introduction.yaml", TRANSLATED)
    project.write("sections/es/pay.yaml", "title: Sueldo\nblocks:\n  - paragraph: El sueldo depende de la experiencia.\n")
    project.manifest("sections/introduction.yaml", "sections/pay.yaml")
    project.write("es/handbook.yaml", "title: Guía de prueba\n")
    if marked:
        result = invoke("translations", "--mark-current", "sections/es/introduction.yaml", "sections/es/pay.yaml", "es/handbook.yaml")
        assert result.exit_code == 0, result.output


def test_a_spanish_edition_prints_the_translations(project):
    spanish_project(project)
    result = invoke("build", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(project.root / "es.pdf"))
    assert "Los codificadores médicos convierten historias clínicas en códigos." in text
    assert "Sueldo" in text and "Asignar códigos" in text
    assert "Medical coders" not in text and "Pay depends" not in text
    assert ua_problems(project.root / "es.pdf") == []


def test_the_english_edition_is_the_same_with_translations_beside_it(project):
    spanish_project(project)
    assert invoke("build", "-o", "with.pdf").exit_code == 0
    for file in (project.root / "sections" / "es").iterdir():
        file.unlink()
    assert invoke("build", "-o", "without.pdf").exit_code == 0
    assert (project.root / "with.pdf").read_bytes() == (project.root / "without.pdf").read_bytes()


def test_a_changed_source_is_a_warning_at_the_translates_line_saying_what_changed(project):
    spanish_project(project)
    assert invoke("check", "--language", "es").stderr == ""
    project.write(
        "sections/introduction.yaml",
        """\
        title: Introduction to coding
        blocks:
          - paragraph: Medical coders turn health records into codes every day.
          - bullets: [Read charts, Assign codes]
          - callout: Certification helps.
        """,
    )
    result = invoke("check", "--language", "es")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "sections/es/introduction.yaml:2: warning: translates: sections/introduction.yaml has changed since this translation was "
        "marked current: its title changed; block 1 (paragraph) edited; block 3 (callout) added; bring the translation up to date, "
        "then run handbook translations --mark-current sections/es/introduction.yaml"
    ]
    strict = invoke("check", "--language", "es", "--strict")
    assert strict.exit_code == 1
    assert "sections/es/introduction.yaml:2: warning: translates: sections/introduction.yaml has changed" in strict.output

    before = (project.root / "sections/es/introduction.yaml").read_bytes()
    assert invoke("translations", "--mark-current", "sections/es/introduction.yaml").exit_code == 0
    after = (project.root / "sections/es/introduction.yaml").read_bytes()
    assert after != before
    # Only the lines of translates: changed; the comment, title and blocks are the bytes they were.
    kept = [
        line for line in after.splitlines(keepends=True) if not line.startswith((b"translates:", b"  file:", b"  digest:", b"  outline:"))
    ]
    assert b"".join(kept) == TRANSLATED.encode()
    # Marked current, it is compared with its source as it is: the callout added there is not here.
    assert invoke("check", "--language", "es").stderr.splitlines() == [
        "sections/es/introduction.yaml:7: warning: blocks: block 3 of the source (callout) is not here; a translation keeps the blocks "
        "of sections/introduction.yaml, the same kinds in the same order"
    ]


def test_mark_current_adds_translates_after_leading_comments_and_keeps_the_rest(project):
    spanish_project(project, marked=False)
    result = invoke("translations", "--mark-current", "sections/es/introduction.yaml")
    assert result.exit_code == 0, result.output
    text = (project.root / "sections/es/introduction.yaml").read_text(encoding="utf-8")
    head, rest = text.split("\ntitle:", 1)
    assert head.startswith("# Traducción revisada por la oficina\ntranslates:\n  file: sections/introduction.yaml\n  digest: ")
    assert "title:" + rest == TRANSLATED.split("\n", 1)[1]


def test_a_translation_not_marked_is_a_warning(project):
    spanish_project(project, marked=False)
    result = invoke("check", "--language", "es")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[1] == (
        "sections/es/introduction.yaml:1: warning: translates: this translation does not say which version of "
        "sections/introduction.yaml it translates; once it matches the source, run handbook translations --mark-current "
        "sections/es/introduction.yaml"
    )


def test_a_missing_translation_is_an_error_at_the_line_that_lists_the_section(project):
    spanish_project(project)
    (project.root / "sections/es/pay.yaml").unlink()
    result = invoke("build", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "handbook.yaml:4: sections[2]: 'sections/pay.yaml' has no translation into es: sections/es/pay.yaml is not there; "
        "translate it there, or list 'pay' under translation_fallback to print it as written"
    )
    assert not (project.root / "es.pdf").exists()


def test_translation_fallback_prints_a_section_as_written(project):
    spanish_project(project)
    (project.root / "sections/es/pay.yaml").unlink()
    project.manifest("sections/introduction.yaml", "sections/pay.yaml", extra="translation_fallback: [pay]\n")
    result = invoke("build", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(project.root / "es.pdf"))
    assert "Los codificadores médicos" in text and "Pay depends on experience." in text


def test_translation_fallback_names_a_listed_section(project):
    spanish_project(project)
    project.manifest("sections/introduction.yaml", "sections/pay.yaml", extra="translation_fallback: [salary]\n")
    result = invoke("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "handbook.yaml:2: translation_fallback: no section 'salary' in this guide; expected one of introduction, pay"
    )


def test_a_region_folder_comes_before_the_language_folder(project):
    spanish_project(project)
    project.write("sections/es-MX/pay.yaml", "title: Salario\nblocks:\n  - paragraph: El salario depende de la experiencia.\n")
    assert invoke("build", "--language", "es-MX", "-o", "mx.pdf").exit_code == 0
    text = "\n".join(page_texts(project.root / "mx.pdf"))
    assert "El salario depende" in text and "Los codificadores médicos" in text


def test_handbook_translations_lists_every_state(project):
    spanish_project(project)
    project.write("sections/extra.yaml", "title: Extra\nblocks:\n  - paragraph: More.\n")
    project.write("sections/steps.yaml", "title: Steps\nblocks:\n  - paragraph: First.\n")
    project.write("sections/es/steps.yaml", "title: Pasos\nblocks:\n  - paragraph: Primero.\n")
    project.write("sections/es/old.yaml", "title: Viejo\nblocks:\n  - paragraph: Nada.\n")
    project.manifest("sections/introduction.yaml", "sections/pay.yaml", "sections/steps.yaml", "sections/extra.yaml")
    project.write("sections/pay.yaml", "title: Pay\nblocks:\n  - paragraph: Pay depends on experience.\n  - paragraph: New.\n")
    result = invoke("translations", "--language", "es")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "up to date  es/handbook.yaml",
        "up to date  sections/es/introduction.yaml",
        "stale       sections/es/pay.yaml: block 2 (paragraph) added",
        "not marked  sections/es/steps.yaml",
        "missing     sections/es/extra.yaml",
        "extra       sections/es/old.yaml: no section of this edition has this file name",
        "es: 2 up to date, 1 stale, 1 not marked, 1 missing, 1 extra",
    ]


def test_handbook_translations_needs_a_language_other_than_english(project):
    spanish_project(project)
    result = invoke("translations")
    assert result.exit_code == 1
    assert "name the translation's language, such as --language es" in result.output


def test_a_schools_own_section_is_translated_beside_it(project):
    spanish_project(project)
    project.write("schools/riverside/visit.yaml", "title: Visit us\nblocks:\n  - paragraph: Come to room 12.\n")
    project.write("schools/riverside/es/visit.yaml", "title: Visítenos\nblocks:\n  - paragraph: Venga al salón 12.\n")
    project.write(
        "schools/riverside.yaml",
        "handbook: ../handbook.yaml\nschool: {name: Riverside High School}\nlanguage: es\n"
        "add:\n  - {file: riverside/visit.yaml, after: pay}\n",
    )
    result = invoke("build", "--school", "schools/riverside.yaml", "-o", "r.pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(project.root / "r.pdf"))
    assert "Venga al salón 12." in text and "Come to room" not in text and "Sueldo" in text


def _node(text: str):
    return load_bytes(textwrap.dedent(text).encode(), "x.yaml", Problems())


def test_changes_name_removed_and_edited_blocks_by_position():
    from handbook.validate import translations

    old = _node("title: T\nblocks:\n  - paragraph: A\n  - callout: B\n  - paragraph: C\n")
    recorded = _node(translations.outline_yaml("sections/x.yaml", old)).get("translates")
    assert translations.changes(recorded, old) == []
    new = _node("title: T\nblocks:\n  - paragraph: A\n  - paragraph: C, edited\n")
    assert translations.changes(recorded, new) == ["block 2 (callout) removed", "block 2 (paragraph) edited"]
    comment_only = _node("# a note\ntitle:   T\nblocks:\n- paragraph: A\n- callout: B\n- paragraph: C\n")
    assert translations.changes(recorded, comment_only) == []


def test_mark_current_names_a_translation_without_its_source_and_writes_nothing(project):
    spanish_project(project, marked=False)
    project.write("sections/es/gone.yaml", "title: Nada\nblocks:\n  - paragraph: Nada.\n")
    before = (project.root / "sections/es/introduction.yaml").read_bytes()
    result = invoke("translations", "--mark-current", "sections/es/introduction.yaml", "sections/es/gone.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "sections/es/gone.yaml:1: its source sections/gone.yaml is not there; a translation lives in a language folder beside "
        "its source (sections/es/introduction.yaml translates sections/introduction.yaml)"
    )
    assert (project.root / "sections/es/introduction.yaml").read_bytes() == before
    assert invoke("translations", "--mark-current").exit_code == 2


def test_mark_current_keeps_windows_line_endings(project):
    spanish_project(project, marked=False)
    path = project.root / "sections/es/introduction.yaml"
    path.write_bytes(TRANSLATED.replace("\n", "\r\n").encode())
    assert invoke("translations", "--mark-current", "sections/es/introduction.yaml").exit_code == 0
    data = path.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n") and data.endswith(TRANSLATED.split("\n", 1)[1].replace("\n", "\r\n").encode())
    assert invoke("check", "--language", "es").stderr.count("introduction.yaml") == 0


PAY = """\
title: Pay
blocks:
  - paragraph: Pay depends on experience.
  - salary_table:
      source: BLS
      period: "2024"
      rows:
        - {label: Median, annual: 42630}
"""


def test_a_translation_gives_its_sources_figures_exactly(project):
    spanish_project(project)
    project.write("sections/pay.yaml", PAY)
    spanish = PAY.replace("title: Pay", "title: Sueldo").replace("Pay depends on experience.", "El sueldo depende de la experiencia.")
    project.write("sections/es/pay.yaml", spanish.replace("42630", "42360"))
    assert invoke("translations", "--mark-current", "sections/es/pay.yaml").exit_code == 0
    result = invoke("check", "--language", "es")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "sections/es/pay.yaml:9: blocks[2].salary_table.rows[1]: gives annual 42,360 where sections/pay.yaml gives annual 42,630; "
        "a translation gives its source's figures exactly, and translates only the words",
        "1 problem found.",
    ]
    project.write("sections/es/pay.yaml", spanish)
    assert invoke("translations", "--mark-current", "sections/es/pay.yaml").exit_code == 0
    assert invoke("check", "--language", "es", "--strict").exit_code == 0


def test_a_translation_with_other_blocks_than_its_source_is_a_warning(project):
    spanish_project(project)
    project.write("sections/es/introduction.yaml", TRANSLATED.replace("  - bullets: [Leer historias, Asignar códigos]\n", ""))
    assert invoke("translations", "--mark-current", "sections/es/introduction.yaml").exit_code == 0
    result = invoke("check", "--language", "es")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "sections/es/introduction.yaml:7: warning: blocks: block 2 of the source (bullets) is not here; a translation keeps the blocks "
        "of sections/introduction.yaml, the same kinds in the same order"
    ]


def test_a_translated_section_that_cannot_be_read_is_said_once_not_again_by_a_profile_that_overrides_it(project):
    spanish_project(project)
    project.write("sections/es/introduction.yaml", 'title: "Introducción\nblocks:\n  - paragraph: Hola.\n')
    project.write(
        "schools/north.yaml",
        "school: {name: North High}\ntranslation_fallback: [north]\noverride:\n  - {section: introduction, block: 1, paragraph: Hi.}\n",
    )
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in result.output.splitlines()[:-1]] == ["sections/es/introduction.yaml"]


def test_a_language_nothing_is_translated_into_is_one_error_for_the_whole_guide(project):
    spanish_project(project)
    result = invoke("check", "--language", "vi")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "handbook.yaml:1: no file of this guide is translated into vi yet: there is no vi/ folder beside handbook.yaml or its sections; "
        "translate them there (docs/translating.md), or print them as written by listing them: "
        "translation_fallback: [handbook, introduction, pay]",
        "1 problem found.",
    ]
