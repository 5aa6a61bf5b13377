"""A manifest's and a profile's own words in an edition's language: es/handbook.yaml, schools/es/NAME.yaml."""

from __future__ import annotations

from click.testing import CliRunner
from pypdf import PdfReader

from handbook.cli import main
from tests.conftest import page_texts, ua_problems

SECTION = "title: Introduction\nblocks:\n  - paragraph: Medical coders turn health records into codes.\n"
SPANISH_SECTION = "title: Introducción\nblocks:\n  - paragraph: Los codificadores médicos convierten historias en códigos.\n"
SPANISH_WORDS = "title: Guía de codificación\nsubtitle: Para estudiantes\nedition: Edición de la feria\n"
PROFILE = """\
handbook: ../handbook.yaml
school: {name: North High, address: 1 Main Street}
edition: Spring Fair
variables:
  room: Room 12
override:
  - section: introduction
    block: 1
    paragraph: Come and see us in {var.room}.
"""
SPANISH_PROFILE = """\
edition: Feria de primavera
variables:
  room: el salón 12
override:
  - section: introduction
    block: 1
    paragraph: Ven a vernos en {var.room}.
"""


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def guide(project, *, words: str | None = SPANISH_WORDS, extra: str = "") -> None:
    """A guide of one section, translated into Spanish with its own words (unless `words` is None), all marked current."""
    project.write("sections/introduction.yaml", SECTION)
    project.write("sections/es/introduction.yaml", SPANISH_SECTION)
    project.write(
        "handbook.yaml",
        f"title: Coding Guide\nsubtitle: For students\nedition: Fair edition\n{extra}sections:\n  - sections/introduction.yaml\n",
    )
    marked = ["sections/es/introduction.yaml"]
    if words is not None:
        project.write("es/handbook.yaml", words)
        marked.append("es/handbook.yaml")
    assert invoke("translations", "--mark-current", *marked).exit_code == 0


def school(project, spanish: str | None = SPANISH_PROFILE) -> None:
    project.write("schools/north.yaml", PROFILE)
    if spanish is not None:
        project.write("schools/es/north.yaml", spanish)
        assert invoke("translations", "--mark-current", "schools/es/north.yaml").exit_code == 0


def test_a_spanish_edition_takes_the_manifests_words_from_its_translation(project):
    guide(project)
    result = invoke("build", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    pages = page_texts(project.root / "es.pdf")
    assert "Guía de codificación" in pages[0] and "Para estudiantes" in pages[0] and "Edición de la feria" in pages[0]
    assert not any(word in page for page in pages for word in ("Coding Guide", "For students", "Fair edition"))
    assert PdfReader(project.root / "es.pdf").metadata.title == "Guía de codificación"
    # the English edition is as it was
    assert invoke("build", "-o", "en.pdf").exit_code == 0
    assert "Coding Guide" in page_texts(project.root / "en.pdf")[0]


def test_a_missing_manifest_translation_is_an_error_unless_it_may_fall_back(project):
    guide(project, words=None)
    result = invoke("build", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "handbook.yaml:1: 'handbook.yaml' has no translation into es: es/handbook.yaml is not there; translate its title, subtitle, "
        "career, organisation, edition and keywords into es there, or list 'handbook' under translation_fallback to print them as written"
    )
    assert not (project.root / "es.pdf").exists()
    guide(project, words=None, extra="translation_fallback: [handbook]\n")
    assert invoke("build", "--language", "es", "-o", "es.pdf").exit_code == 0
    assert "Coding Guide" in page_texts(project.root / "es.pdf")[0]


def test_a_translation_gives_every_word_its_source_gives_and_nothing_else(project):
    guide(project, words="title: Guía\ntheme: {primary: '#000000'}\n")
    result = invoke("check", "--language", "es")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        "es/handbook.yaml:6: theme: unknown key; expected one of translates, title, subtitle, career, organisation, edition, keywords"
        in lines
    )
    assert "es/handbook.yaml:1: subtitle: is missing; handbook.yaml gives subtitle: at line 2, so its translation gives it too" in lines
    assert "es/handbook.yaml:1: edition: is missing; handbook.yaml gives edition: at line 3, so its translation gives it too" in lines


def test_a_changed_manifest_word_makes_its_translation_stale(project):
    guide(project)
    assert invoke("check", "--language", "es", "--strict").exit_code == 0
    project.write(
        "handbook.yaml",
        "title: Coding Guide\nsubtitle: For every student\nedition: Fair edition\nsections:\n  - sections/introduction.yaml\n",
    )
    result = invoke("check", "--language", "es")
    assert result.exit_code == 0
    assert result.stderr.splitlines()[0] == (
        "es/handbook.yaml:1: warning: translates: handbook.yaml has changed since this translation was marked current: subtitle edited; "
        "bring the translation up to date, then run handbook translations --mark-current es/handbook.yaml"
    )
    assert invoke("check", "--language", "es", "--strict").exit_code == 1
    # a setting that is not words (the page size) does not make it stale
    guide(project, extra="page_size: a4\n")
    project.write("handbook.yaml", (project.root / "handbook.yaml").read_text().replace("a4", "letter"))
    assert invoke("check", "--language", "es", "--strict").exit_code == 0


def test_a_spanish_school_edition_takes_the_profiles_words_from_its_translation(project):
    guide(project)
    school(project)
    result = invoke("build", "--school", "schools/north.yaml", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(project.root / "es.pdf"))
    assert "Feria de primavera" in text and "Ven a vernos en el salón 12." in text
    assert "Spring Fair" not in text and "Room 12" not in text and "Come and see us" not in text
    assert "North High" in text  # its name stays as it is
    assert ua_problems(project.root / "es.pdf") == []


def test_a_profile_with_words_needs_its_translation(project):
    guide(project)
    school(project, spanish=None)
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "schools/north.yaml:1: 'schools/north.yaml' has no translation into es: schools/es/north.yaml is not there; translate its "
        "words into es there, or list 'north' under translation_fallback to print them as written"
    )
    project.write("schools/north.yaml", PROFILE + "translation_fallback: [north]\n")
    assert invoke("check", "--school", "schools/north.yaml", "--language", "es").exit_code == 0
    # a profile with nothing but names and colours needs none
    project.write("schools/plain.yaml", "school: {name: Plain High}\ntheme: {primary: '#224466'}\n")
    assert invoke("check", "--school", "schools/plain.yaml", "--language", "es").exit_code == 0


def test_a_profile_translation_names_the_same_variables_and_overrides(project):
    guide(project)
    school(project, "variables:\n  rooom: el salón 12\noverride:\n  - section: introduction\n    block: 2\n    paragraph: Hola.\n")
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "schools/es/north.yaml:6: variables.rooom: schools/north.yaml has no variables.rooom to translate; did you mean 'room'?" in lines
    assert (
        "schools/es/north.yaml:5: variables: gives no translation of room; schools/north.yaml has variables.room at line 5, "
        "so its translation gives it too"
    ) in lines
    assert (
        "schools/es/north.yaml:1: edition: is missing; schools/north.yaml gives edition: at line 3, so its translation gives it too"
        in lines
    )
    assert lines[-2:] == [
        "schools/es/north.yaml:8: override[1]: replaces section introduction block 2, but override 1 of schools/north.yaml replaces "
        "section introduction block 1; a translation replaces the same blocks, in the same order",
        "4 problems found.",
    ]


def test_an_override_of_another_block_is_an_error(project):
    guide(project)
    project.write("sections/introduction.yaml", SECTION + "  - paragraph: More.\n")
    project.write("sections/es/introduction.yaml", SPANISH_SECTION + "  - paragraph: Más.\n")
    assert invoke("translations", "--mark-current", "sections/es/introduction.yaml").exit_code == 0
    school(project, SPANISH_PROFILE.replace("block: 1", "block: 2"))
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "schools/es/north.yaml:9: override[1]: replaces section introduction block 2, but override 1 of schools/north.yaml replaces "
        "section introduction block 1; a translation replaces the same blocks, in the same order",
        "1 problem found.",
    ]


def test_a_changed_profile_word_makes_its_translation_stale_and_is_listed(project):
    guide(project)
    school(project)
    project.write("schools/north.yaml", PROFILE.replace("Room 12", "Room 14"))
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 0
    assert (
        "schools/es/north.yaml:1: warning: translates: schools/north.yaml has changed since this translation was marked current: "
        "variables.room edited; bring the translation up to date, then run handbook translations --mark-current schools/es/north.yaml"
    ) in result.stderr.splitlines()
    listed = invoke("translations", "--school", "schools/north.yaml", "--language", "es").output.splitlines()
    assert listed[:3] == [
        "up to date  es/handbook.yaml",
        "stale       schools/es/north.yaml: variables.room edited",
        "up to date  sections/es/introduction.yaml",
    ]


def test_a_guide_written_in_spanish_prints_its_files_as_written_in_spanish(project):
    project.write("sections/introduction.yaml", SPANISH_SECTION)
    project.write("handbook.yaml", "title: Guía\nlanguage: es\nsections:\n  - sections/introduction.yaml\n")
    result = invoke("build", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    assert "Los codificadores médicos" in "\n".join(page_texts(project.root / "es.pdf"))
    # its English edition is its translation
    result = invoke("build", "--language", "en", "-o", "en.pdf")
    assert result.exit_code == 1
    assert "handbook.yaml:1: no file of this guide is translated into en yet: there is no en/ folder" in result.output


def test_the_depfile_names_the_translations_and_their_sources(project):
    guide(project)
    school(project)
    result = invoke("build", "--school", "schools/north.yaml", "--language", "es", "-o", "es.pdf", "--depfile", "es.d")
    assert result.exit_code == 0, result.output
    named = (project.root / "es.d").read_text().split("\n\n")[0]
    for file in ("handbook.yaml", "es/handbook.yaml", "schools/north.yaml", "schools/es/north.yaml"):
        assert f"  {file} \\" in named
    for file in ("sections/introduction.yaml", "sections/es/introduction.yaml"):
        assert f"  {file} \\" in named


def test_check_without_a_language_checks_every_language_the_guide_asks_for(project):
    guide(project, extra="translations: [es]\n")
    result = invoke("check")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "handbook.yaml: ok (1 section, in en-US and es)\n", "")
    project.write("sections/introduction.yaml", SECTION.replace("turn health records", "turn patient records"))
    result = invoke("check")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "sections/es/introduction.yaml:1: warning: translates: sections/introduction.yaml has changed since this translation was marked "
        "current: block 1 (paragraph) edited; bring the translation up to date, then run handbook translations --mark-current "
        "sections/es/introduction.yaml"
    ]
    assert invoke("check", "--strict").exit_code == 1


def test_batch_builds_every_language_a_profile_asks_for_and_names_each(project):
    guide(project, extra="translations: [es]\n")
    school(project)
    result = invoke("batch", "schools/north.yaml", "-o", "out", "--translations", "--list")
    assert (result.exit_code, result.output) == (0, "out/north.pdf\nout/north.es.pdf\n")
    assert not (project.root / "out").exists()
    result = invoke("batch", "schools/north.yaml", "-o", "out", "--translations", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "Spring Fair" in page_texts(project.root / "out/north.pdf")[0]
    assert "Feria de primavera" in page_texts(project.root / "out/north.es.pdf")[0]
    # make asks for one edition by its language
    (project.root / "out/north.es.pdf").unlink()
    result = invoke("batch", "--edition", "schools/north.yaml", "es", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in (project.root / "out").iterdir()) == ["north.es.pdf", "north.pdf"]
    result = invoke("batch", "--edition", "schools/north.yaml", "e_s", "-o", "out")
    assert result.exit_code == 2 and "e_s" in result.output


def test_a_profiles_translation_fallback_adds_to_the_guides(project):
    guide(project)
    project.write("schools/north/visit.yaml", "title: Visit us\nblocks:\n  - paragraph: Come to room 12.\n")
    profile = "school: {name: North High}\nadd:\n  - {file: north/visit.yaml, after: introduction}\n"
    project.write("schools/north.yaml", profile)
    result = invoke("check", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 1
    assert "schools/north.yaml:3: add: 'schools/north/visit.yaml' has no translation into es" in result.output
    project.write("schools/north.yaml", profile + "translation_fallback: [visit]\n")
    result = invoke("build", "--school", "schools/north.yaml", "--language", "es", "-o", "es.pdf")
    assert result.exit_code == 0, result.output
    text = "\n".join(page_texts(project.root / "es.pdf"))
    assert "Come to room 12." in text and "Los codificadores médicos" in text


def test_a_batch_says_each_warning_once(project):
    guide(project, extra="translations: [es]\n")
    school(project)
    project.write("schools/south.yaml", PROFILE.replace("North High", "South High"))
    project.write("schools/es/south.yaml", SPANISH_PROFILE)
    assert invoke("translations", "--mark-current", "schools/es/south.yaml").exit_code == 0
    project.write("sections/introduction.yaml", SECTION + "  - paragraph: More.\n")
    result = invoke("batch", "schools/north.yaml", "schools/south.yaml", "--translations", "-o", "out", "-j", "1")
    assert result.exit_code == 0, result.output
    stale = [line for line in result.stderr.splitlines() if "has changed since" in line]
    assert stale == [
        "sections/es/introduction.yaml:1: warning: translates: sections/introduction.yaml has changed since this translation was marked "
        "current: block 2 (paragraph) added; bring the translation up to date, then run handbook translations --mark-current "
        "sections/es/introduction.yaml"
    ]


def test_translations_and_one_language_for_all_are_either_or(project):
    guide(project)
    school(project)
    result = invoke("batch", "schools/north.yaml", "--translations", "--language", "es", "-o", "out")
    assert result.exit_code == 2 and "give either --translations" in result.output


def test_an_edition_depends_on_the_catalog_of_its_language(project):
    guide(project)
    assert invoke("build", "--language", "es", "-o", "es.pdf", "--depfile", "es.d").exit_code == 0
    assert "handbook/locale/es/LC_MESSAGES/handbook.po \\" in (project.root / "es.d").read_text()
    assert invoke("build", "-o", "en.pdf", "--depfile", "en.d").exit_code == 0
    assert "handbook.po" not in (project.root / "en.d").read_text()


def test_explain_in_a_language_says_where_each_word_of_that_edition_comes_from(project):
    guide(project)
    school(project)
    result = invoke("explain", "--school", "schools/north.yaml", "--language", "es")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "title  Guía de codificación  <- base es/handbook.yaml:5" in lines
    assert "edition  Feria de primavera  <- profile schools/es/north.yaml:5" in lines
    assert "language  es  <- the command line (--language)" in lines
    assert (
        "section 1: introduction  Introducción  <- base sections/es/introduction.yaml; block 1 overridden (profile schools/es/north.yaml:9)"
        in lines
    )
