"""The tool's own words and numbers in the edition's language: a Spanish build, a language without a catalog, --language."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner
from pypdf import PdfReader

from handbook import l10n, money
from handbook.build import build_handbook
from handbook.cli import main
from handbook.model import Figure
from tests.conftest import DEFAULT_MANIFEST, ROOT, page_texts, ua_problems


def spanish_catalog() -> dict[str, str]:
    with l10n.catalog_path("es").open("rb") as po:
        return {m.id: m.string for m in read_po(po) if m.id}


def tool_words(message: str) -> re.Pattern | None:
    """A pattern for a message as printed (its placeholders any text, its line breaks any space); None when no word is left."""
    literal = re.sub(r"\{\w+\}", "\0", message)
    if not re.search(r"[A-Za-z]{3}", literal.replace("\0", "")):
        return None
    parts = [r"\s+".join(re.escape(word) for word in piece.replace("<br/>", " ").split()) for piece in literal.split("\0")]
    return re.compile(r"(?<![A-Za-z])" + r".+?".join(parts) + r"(?![A-Za-z])", re.DOTALL)


def without_content(text: str) -> str:
    """`text` with every short text of the default guide's files taken out: a label, title or callout title may be
    written as a tool string is ("Tip", "Median annual wage"), and stays English in a Spanish build for now."""
    import yaml

    def strings(node):
        if isinstance(node, str):
            yield node
        elif isinstance(node, dict):
            for value in node.values():
                yield from strings(value)
        elif isinstance(node, list):
            for value in node:
                yield from strings(value)

    files = [DEFAULT_MANIFEST, *sorted((ROOT / "sections").glob("*.yaml"))]
    written = {s for path in files for s in strings(yaml.safe_load(path.read_text(encoding="utf-8"))) if len(s) <= 80}
    for part in sorted(written, key=len, reverse=True):
        text = text.replace(part, " ")
    return text


@pytest.fixture(scope="module")
def spanish_pdf(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("es") / "guia.pdf"
    manifest = DEFAULT_MANIFEST
    if not (ROOT / "sections" / "es").is_dir():
        # Until the guide's sections are translated, its sections print as written around the Spanish frame.
        project = tmp_path_factory.mktemp("guide")
        for name in ("sections", "assets"):
            shutil.copytree(ROOT / name, project / name)
        stems = ", ".join(path.stem for path in sorted((ROOT / "sections").glob("*.yaml")))
        manifest = project / "handbook.yaml"
        manifest.write_text(DEFAULT_MANIFEST.read_text(encoding="utf-8") + f"translation_fallback: [{stems}]\n", encoding="utf-8")
    build_handbook(manifest, out, language="es")
    return out


def test_a_spanish_build_speaks_spanish(spanish_pdf):
    pages = page_texts(spanish_pdf)
    assert pages[1].startswith("Contenido\n")
    for number, text in enumerate(pages[1:], start=2):
        assert f"Página {number} de {len(pages)}" in text
    salary = next(text for text in pages if "Potencial salarial\n" in text and "Fuente:" in text)  # the Spanish guide's section
    assert "Al año" in salary and "Por hora" in salary
    with l10n.speaking("es"):
        median, hourly = l10n.annual(42630), l10n.hourly(20.50)
    assert (median, hourly) == ("42.630\xa0US$", "20,50\xa0US$")  # what Babel's CLDR data gives for es
    assert median.replace("\xa0", " ") in salary and hourly.replace("\xa0", " ") in salary
    assert "más de 73.370 US$" in salary
    assert "2.080 horas" in salary


def test_no_english_tool_string_is_left_in_a_spanish_build(spanish_pdf, default_pdf):
    text, english = (without_content("\n".join(page_texts(pdf))) for pdf in (spanish_pdf, default_pdf))
    left, checked = [], 0
    for msgid, msgstr in spanish_catalog().items():
        pattern = tool_words(msgid)
        if msgstr == msgid or pattern is None:
            continue
        if pattern.search(text):
            left.append(msgid)
        checked += pattern.search(english) is not None  # the English build prints it: the check can fail
    assert not left, f"English tool strings in the Spanish build: {left}"
    assert checked >= 8


def test_a_spanish_pdf_is_tagged_in_spanish(spanish_pdf):
    assert PdfReader(spanish_pdf).trailer["/Root"]["/Lang"] == "es"
    assert ua_problems(spanish_pdf) == []


def test_money_and_counts_follow_the_locale():
    assert (money.annual(42630), money.hourly(20.5), money.count(Figure(186400))) == ("$42,630", "$20.50", "186,400")
    with l10n.speaking("es-US"):
        assert (money.annual(42630), money.hourly(20.5), money.count(Figure(186400))) == ("$42,630", "$20.50", "186,400")
        assert money.figure_text(Figure(239200, "top_coded"), "annual") == "$239,200 o más"
    with l10n.speaking("es-MX"):
        assert (money.annual(42630), money.hourly(20.5)) == ("USD42,630", "USD20.50")
        assert money.figure_text(Figure(None, "not_available"), "annual") == "no disponible"
    with l10n.speaking("es"):
        assert money.with_qualifier(money.annual(73370), "more than") == "más de 73.370\xa0US$"
        assert money.count(Figure(186400)) == "186.400"
    assert money.annual(42630) == "$42,630"  # outside a build: English again


def test_a_region_falls_back_to_its_language_and_english_is_the_source():
    assert l10n.catalog_for("es-MX") == l10n.catalog_for("es") == "es"
    assert l10n.catalog_for("en-US") is None and l10n.has_catalog("en-GB")
    assert not l10n.has_catalog("fr-CA")
    with l10n.speaking("fr"):
        assert l10n._("Contents") == "Contents" and money.annual(42630) == "$42,630"
    with l10n.speaking("es-MX"):
        assert l10n._("Contents") == "Contenido"


def test_the_chart_is_described_in_the_language_of_the_edition(project):
    from handbook.blocks.salary_table import SalaryTable
    from handbook.model import SalaryRow, Wage
    from handbook.problems import Where
    from handbook.render.salary_chart import chart_text

    row = SalaryRow("Coders", wages=(Wage("median", Figure(42630), Figure(20.5, "derived")),))
    block = SalaryTable(rows=(row,), source="", period="", where=Where("s.yaml", 1), chart="bars")
    assert chart_text(block) == "Bar chart of pay per year: Coders, median $42,630."
    with l10n.speaking("es"):
        assert chart_text(block) == "Gráfico de barras del salario anual: Coders, mediana 42.630\xa0US$."


# These guides are about the tool's own words: their one section prints as written in every language.
FALLBACK = "translation_fallback: [intro, handbook]\n"  # a guide written in one language, built in others as written


def run(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_language_without_a_catalog_builds_in_english_with_one_warning(project, tmp_path):
    section = project.section("intro", "- paragraph: Hello.")
    project.manifest(section, extra="language: fr\n" + FALLBACK)
    result = run("build", "-o", "out.pdf")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert warnings == [f"handbook.yaml:2: warning: {l10n.no_catalog('fr')}"]
    texts = page_texts(project.root / "out.pdf")
    assert "Contents" in texts[1] and "Page 2 of 3" in texts[1]
    assert PdfReader(project.root / "out.pdf").trailer["/Root"]["/Lang"] == "fr"
    # --language says it over the manifest: the warning names the option, once.
    result = run("build", "-o", "out.pdf", "--language", "de-AT")
    assert [line for line in result.stderr.splitlines() if "warning:" in line] == [f"--language de-AT: warning: {l10n.no_catalog('de-AT')}"]
    # A language with a catalog leaves no warning.
    result = run("build", "-o", "out.pdf", "--language", "es")
    assert "warning:" not in result.stderr
    assert "Página 2 de 3" in page_texts(project.root / "out.pdf")[1]


def test_check_takes_the_language(project):
    section = project.section("intro", "- paragraph: Hello.")
    project.manifest(section, extra="language: fr\n" + FALLBACK)
    result = run("check", "--language", "es")
    assert result.exit_code == 0 and "warning:" not in result.stderr
    result = run("check")
    assert result.exit_code == 0 and result.stderr.count("warning:") == 1
    result = run("check", "--strict")
    assert result.exit_code == 1


def test_a_malformed_language_option_is_a_usage_error_with_an_example(project):
    result = run("check", "--language", "es_MX")
    assert result.exit_code == 2
    assert (
        "'es_MX' is not a language tag" in result.output
        and "such as en-US, es-MX" in result.output
        and "did you mean 'es-MX'?" in result.output
    )


def test_a_profile_over_a_guide_warns_once_for_the_language_the_edition_has(project):
    section = project.section("intro", "- paragraph: Hello.")
    project.manifest(section, extra="language: fr\n" + FALLBACK)
    project.write("schools/north.yaml", "handbook: ../handbook.yaml\nlanguage: it\nschool:\n  name: North High\n")
    result = run("check", "--school", "schools/north.yaml")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning:" in line] == [
        f"schools/north.yaml:2: warning: {l10n.no_catalog('it')}"
    ]


@pytest.mark.slow
def test_batch_takes_the_language(project, tmp_path):
    section = project.section("intro", "- paragraph: Hello.")
    project.manifest(section, extra=FALLBACK)
    project.write("schools/north.yaml", "handbook: ../handbook.yaml\nschool:\n  name: North High\n  website: https://north.example.org\n")
    result = run("batch", "schools/north.yaml", "-o", "out", "--language", "es-MX", "-j", "1")
    assert result.exit_code == 0, result.output
    texts = page_texts(project.root / "out" / "north.es-MX.pdf")  # named by the language asked for
    assert "Contenido" in texts[1] and "Escanea para saber más o visita" in texts[-1]
    result = run("batch", "schools/north.yaml", "-o", "out", "--language", "fr", "-j", "1")
    assert result.stderr.count("warning:") == 1


def test_vietnamese_with_stacked_diacritics_builds_and_reads_back(project):
    """Lato draws Vietnamese: letters with two marks (ề, ế) are drawn and extracted as written."""
    import unicodedata

    from handbook.build import build_handbook

    words = "Nghề mã hóa y tế"
    name = project.section("gioi-thieu", f"- paragraph: {words} là một công việc quan trọng trong ngành chăm sóc sức khỏe.", title=words)
    project.write("handbook.yaml", f"title: {words}\nlanguage: vi\ntranslation_fallback: [gioi-thieu]\nsections:\n  - {name}\n")
    result = build_handbook(project.root / "handbook.yaml", project.root / "vi.pdf")
    text = unicodedata.normalize("NFC", "\n".join(page_texts(result.output)))
    assert f"{words} là một công việc quan trọng" in text
    assert [str(w) for w in result.warnings if "has no catalog" in str(w)] == [f"handbook.yaml:2: warning: {l10n.no_catalog('vi')}"]


@pytest.fixture
def fresh_speech():
    """Catalogs read afresh in the test, and again after it: `speech` keeps what it read by language."""
    l10n.speech.cache_clear()
    yield
    l10n.speech.cache_clear()


def gappy_catalog(project, monkeypatch) -> Path:
    """A copy of the catalogs in the project, its Spanish without "Contents" and with "Per year" marked fuzzy."""
    locale = project.root / "locale"
    shutil.copytree(l10n.LOCALE_DIR, locale)
    po = locale / "es" / "LC_MESSAGES" / "handbook.po"
    text = po.read_text(encoding="utf-8")
    text = text.replace('msgid "Contents"\nmsgstr "Contenido"\n', "").replace('msgid "Per year"\n', '#, fuzzy\nmsgid "Per year"\n')
    po.write_text(text, encoding="utf-8")
    monkeypatch.setattr(l10n, "LOCALE_DIR", locale)
    return po


def test_words_missing_from_the_catalog_are_one_warning_at_the_catalog(project, monkeypatch, fresh_speech):
    po = gappy_catalog(project, monkeypatch)
    section = project.section("intro", "- paragraph: Hello.")
    project.manifest(section, extra="language: es\n" + FALLBACK)
    project.write("schools/north.yaml", "handbook: ../handbook.yaml\nlanguage: es-MX\nschool:\n  name: North High\n")
    line = po.read_text(encoding="utf-8").splitlines().index('msgid "Per year"') + 1
    said = (
        f"locale/es/LC_MESSAGES/handbook.po:{line}: warning: 2 of the tool's words have no Spanish in this catalog yet: "
        "'Contents', 'Per year'; they print in English until they are translated (docs/translating.md)"
    )
    for args in (["check"], ["check", "--school", "schools/north.yaml"], ["build", "-o", "out.pdf"]):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert [line for line in result.stderr.splitlines() if "warning:" in line] == [said], args
    assert "Contents" in page_texts(project.root / "out.pdf")[1]  # as it says: in English
    result = run("check", "--strict")
    assert result.exit_code == 1 and said in result.output
    # English needs no catalog; a language with none is the one warning that says so.
    assert "warning:" not in run("check", "--language", "en-US").stderr
    assert run("check", "--language", "fr").stderr.count("warning:") == 1


def test_the_shipped_catalogs_have_every_word():
    assert l10n.missing_words("es") is None and l10n.missing_words("es-MX") is None
    assert l10n.missing_words("en-US") is None and l10n.missing_words("fr") is None  # English is the source; French has no catalog


def test_the_missing_words_of_a_catalog_are_counted_and_the_first_three_named(project, monkeypatch, fresh_speech):
    po = gappy_catalog(project, monkeypatch)
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('msgstr "Media"\n', 'msgstr ""\n').replace('msgstr "Mediana"\n', 'msgstr ""\n'), encoding="utf-8")
    problem = l10n.missing_words("es-MX")
    assert problem is not None and problem.warning
    assert problem.message.startswith("4 of the tool's words have no Spanish in this catalog yet: 'Contents', 'Mean', 'Median' and 1 more;")
    po.write_text(text.replace('#, fuzzy\nmsgid "Per year"', 'msgid "Per year"'), encoding="utf-8")
    assert l10n.missing_words("es").message == (
        "1 of the tool's words has no Spanish in this catalog yet: 'Contents'; it prints in English until it is translated (docs/translating.md)"
    )
    assert l10n.missing_words("es").where.line == 1  # not in the file at all


@pytest.mark.slow
def test_a_batch_says_the_missing_words_once_for_all_its_editions(project, monkeypatch, fresh_speech):
    gappy_catalog(project, monkeypatch)
    project.manifest(project.section("intro", "- paragraph: Hello."), extra=FALLBACK)
    for name in ("north", "south"):
        project.write(f"schools/{name}.yaml", f"handbook: ../handbook.yaml\nschool:\n  name: {name.title()} High\n")
    result = run("batch", "schools/north.yaml", "schools/south.yaml", "-o", "out", "--language", "es", "-j", "1")
    assert result.exit_code == 0, result.output
    assert [line for line in result.stderr.splitlines() if "warning:" in line] == [
        line for line in [str(l10n.missing_words("es"))] if "2 of the tool's words have no Spanish" in line
    ]
