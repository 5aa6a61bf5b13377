"""Every block kind, from YAML to PDF: what a reader finds on the page."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook
from tests.conftest import assert_fonts_embedded, assert_text_inside_pages, page_texts

ALL_KINDS = """
- paragraph: "R&D <means> research & development, **bold** and *italic* [site](https://example.org)."
- bullets: [First bullet, Second bullet]
- steps: [Step one, Step two]
- callout: {title: Heads up, text: A callout body., tone: note}
- callout: A plain tip.
- quote: {text: Quoted words., by: A Coder}
- image: {file: assets/picture.png, alt: A blue box, caption: The caption}
- salary_table:
    title: Pay
    source: Test Source
    period: May 2020
    rows:
      - {label: Median, annual: 42630, hourly: 20.5}
      - {label: Top, annual: 73370, qualifier: more than}
- checklist: {title: Do this, items: [Tick me, And me]}
"""


def build(project, body: str, **kw):
    project.image()
    project.manifest(project.section("all", body))
    return build_handbook(project.root / "handbook.yaml", project.root / "out.pdf", **kw).output


def test_every_block_kind_renders_its_text(project):
    out = build(project, ALL_KINDS)
    text = "\n".join(page_texts(out))
    for expected in (
        "R&D <means> research & development, bold and italic site.",
        "First bullet",
        "Step one",
        "1.",
        "Heads up",
        "A callout body.",
        "Tip",
        "A plain tip.",
        "Quoted words.",
        "A Coder",
        "The caption",
        "Pay",
        "$42,630",
        "$20.50",
        "more than $73,370",
        "Source: Test Source, May 2020.",
        "Do this",
        "Tick me",
    ):
        assert expected in text, expected
    assert_fonts_embedded(out)


def test_image_is_placed_and_link_is_an_annotation(project):
    out = build(project, ALL_KINDS)
    reader = PdfReader(out)
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1
    uris = [a.get_object()["/A"].get("/URI") for page in reader.pages for a in page.get("/Annots", []) if "/A" in a.get_object()]
    assert "https://example.org" in uris


def test_long_table_splits_and_repeats_its_header(project):
    rows = "\n".join(f"      - {{label: Area {i}, annual: {30000 + i}}}" for i in range(150))
    out = build(project, f"- salary_table:\n    source: S\n    period: '2020'\n    rows:\n{rows}\n")
    texts = page_texts(out)[2:]
    assert len(texts) >= 3
    for text in texts:
        assert "Per year" in text and "Per hour" in text
    assert "Area 149" in texts[-1]


@pytest.mark.slow
def test_thousands_of_bullets_build(project):
    items = "\n".join(f"    - Item number {i}" for i in range(2000))
    out = build(project, f"- bullets:\n{items}\n")
    assert "Item number 1999" in page_texts(out)[-1]


def test_a_word_or_url_longer_than_a_line_stays_on_the_page(project):
    body = "- paragraph: " + "x" * 400 + "\n- paragraph: see https://example.org/" + "y" * 300 + "\n"
    out = build(project, body)
    assert "xxxx" in "\n".join(page_texts(out))
    assert_text_inside_pages(out)


def test_a_block_taller_than_a_page_is_a_clear_error(project):
    from click.testing import CliRunner

    from handbook.cli import main

    project.manifest(project.section("big", '- paragraph: Fine.\n- callout: "' + "word " * 3000 + '"'))
    result = CliRunner().invoke(main, ["build", "-o", "out/big.pdf"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "sections/big.yaml:4: the callout block in section 'A Section' is taller than a page and cannot be split; "
        "shorten it or split it into smaller blocks"
    )
    assert not (project.root / "out/big.pdf").exists()
    assert list((project.root / "out").iterdir()) == []


def test_photo_stored_sideways_comes_out_upright(project):
    import shutil

    from tests.conftest import ROOT

    shutil.copytree(ROOT / "tests/bad/assets", project.root / "assets")
    project.manifest(project.section("photo", "- image: {file: assets/sideways.jpg, alt: A photo}"))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    (image,) = [image for page in PdfReader(out).pages for image in page.images]
    assert image.image.size == (20, 40)  # stored 40x20 with orientation 6: upright it is tall
    pixel_top = image.image.convert("RGB").getpixel((10, 2))
    assert pixel_top[0] > 200 and pixel_top[1] > 200  # the yellow stripe, stored on the left, is now on top


@pytest.mark.slow
def test_a_large_image_is_downsampled_to_300_dpi_at_its_printed_size(project):
    from handbook.preflight import preflight

    project.image("assets/huge.png", size=(4000, 2000))
    project.manifest(project.section("pic", "- image: {file: assets/huge.png, alt: Wide, width: 0.4}"))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    (image,) = [image for page in PdfReader(out).pages for image in page.images]
    printed_inches = 0.4 * (612 - 2 * 0.85 * 72) / 72
    assert image.image.size[0] <= printed_inches * 300 + 2
    assert re.search(r"lowest effective resolution 30[01] dpi", preflight(out).facts[2])


def test_an_image_near_print_density_is_embedded_as_it_is(project):
    project.image("assets/small.png", size=(300, 150))
    project.manifest(project.section("pic", "- image: {file: assets/small.png, alt: Small, width: 0.4}"))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    (image,) = [image for page in PdfReader(out).pages for image in page.images]
    assert image.image.size == (300, 150)


def test_every_block_kind_is_registered_once_on_the_shared_block_base():
    from handbook.blocks import KINDS, by_model, by_name
    from handbook.model import Block

    assert len(by_name) == len(by_model) == len(KINDS)
    for kind in KINDS:
        assert issubclass(kind.model, Block), kind.name
        assert "where" in kind.model.__dataclass_fields__, kind.name
        assert kind.summary and kind.schema, kind.name


def test_check_validates_every_block_kind_without_importing_reportlab(project):
    """ReportLab takes a good part of start-up: check, which renders nothing, must not load it."""
    import subprocess
    import sys

    project.image()
    project.manifest(project.section("all", ALL_KINDS))
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "handbook", "check", "handbook.yaml"], cwd=project.root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    imported = [line.split("|")[-1].strip() for line in result.stderr.splitlines() if line.startswith("import time:")]
    assert "handbook.blocks.checklist" in imported
    assert [name for name in imported if name.startswith("reportlab")] == []


def test_a_depfile_lists_the_files_each_block_kind_declares(project):
    from handbook.blocks import by_model
    from handbook.build import validated
    from handbook.depfile import dependencies

    project.image()
    project.manifest(project.section("all", ALL_KINDS))
    handbook = validated(project.root / "handbook.yaml").handbook
    declared = {path.resolve() for section in handbook.sections for block in section.blocks for path in by_model[type(block)].files(block)}
    assert declared == {(project.root / "assets/picture.png").resolve()}
    assert declared <= set(dependencies(handbook))


def test_a_depfile_lists_the_wage_file_a_salary_table_imports(project):
    """make rebuilds a PDF when the BLS file its figures come from changes."""
    import shutil

    from handbook.build import build_handbook
    from tests.conftest import ROOT

    (project.root / "data").mkdir()
    shutil.copyfile(ROOT / "assets/data/oews-sample.csv", project.root / "data/oews.csv")
    project.manifest(
        project.section(
            "pay",
            """
            - salary_table:
                source: BLS OEWS (sample data)
                period: May 2024
                stale_ok: sample figures for a test
                import: {file: data/oews.csv, occupation: 29-2072}
            """,
        )
    )
    build_handbook(project.root / "handbook.yaml", project.root / "out.pdf", depfile=project.root / "out.d")
    assert "data/oews.csv" in (project.root / "out.d").read_text().split(":")[1]
