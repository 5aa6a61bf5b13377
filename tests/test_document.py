"""The default handbook as a reader and a print shop see it: text, contents, outline, fonts, size."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook, validated
from tests.conftest import DEFAULT_MANIFEST, ROOT, assert_fonts_embedded, assert_text_inside_pages, page_texts, tool

SECTION_TITLES = [
    "Introduction",
    "Responsibilities of a Medical Coder",
    "Skills Required for Medical Coding",
    "Educational Requirements",
    "Salary Potential",
    "Benefits of a Career in Medical Coding",
    "How to Pursue a Career in Medical Coding",
    "Conclusion",
]


def test_default_handbook_has_every_section_in_order():
    handbook = validated(DEFAULT_MANIFEST).handbook
    assert [s.title for s in handbook.sections] == SECTION_TITLES


def test_every_section_title_and_key_figure_is_in_the_text(default_pdf):
    text = "\n".join(page_texts(default_pdf))
    for title in SECTION_TITLES:
        assert title in text
    for figure in ("$42,630", "$73,370", "ICD-10", "AHIMA", "AAPC", "2020"):
        assert figure in text
    assert "Source: U.S. Bureau of Labor Statistics, 2020." in text


def test_cover_has_title_and_no_footer(default_pdf):
    cover = page_texts(default_pdf)[0]
    assert "Medical Coding Careers" in cover
    assert "A Comprehensive Guide" in cover
    assert "Page 1" not in cover


def test_contents_page_numbers_match_where_sections_start(default_pdf):
    texts = page_texts(default_pdf)
    contents = texts[1]
    assert contents.startswith("Contents")
    for number, title in enumerate(SECTION_TITLES, start=1):
        match = re.search(rf"{number} {re.escape(title)}\n(\d+)\n", contents)
        assert match, f"no contents entry with a page number for {title!r}"
        printed = int(match.group(1))
        assert title in texts[printed - 1], f"{title!r} is listed on page {printed} but is not there"
        assert all(title not in t for t in texts[2 : printed - 1]), f"{title!r} starts before page {printed}"


def test_footer_says_page_n_of_m_on_body_pages(default_pdf):
    texts = page_texts(default_pdf)
    total = len(texts)
    for number, text in enumerate(texts[1:], start=2):
        assert f"Page {number} of {total}" in text


@pytest.mark.parametrize(
    "organisation, edition, footer",
    [
        ("Riverside High School", "Spring Career Fair \u00b7 Riverside High School", "Riverside High School \u00b7 Spring Career Fair"),
        ("Riverside High School", "Riverside High School", "Riverside High School"),
        ("Riverside", "Riverside High School Career Night", "Riverside High School Career Night"),
        ("Career Guidance Office", "Career fair edition", "Career Guidance Office \u00b7 Career fair edition"),
    ],
)
def test_footer_says_each_part_once(project, organisation, edition, footer):
    project.manifest(project.section("one", "- paragraph: Hello."), extra=f"organisation: {organisation}\nedition: {edition}\n")
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    lines = page_texts(out)[2].splitlines()
    assert lines[lines.index("Page 3 of 3") - 1] == footer


def test_outline_has_one_entry_per_section_pointing_at_its_page(default_pdf):
    reader = PdfReader(default_pdf)
    entries = reader.outline
    assert [e.title for e in entries] == SECTION_TITLES
    texts = page_texts(default_pdf)
    for entry in entries:
        assert entry.title in texts[reader.get_destination_page_number(entry)]


def test_metadata_is_set(default_pdf):
    meta = PdfReader(default_pdf).metadata
    assert meta.title == "Medical Coding Careers"
    assert meta.author == "Career Guidance Office"
    assert meta.subject == "A Comprehensive Guide"
    assert "medical coding" in meta["/Keywords"]
    assert meta.creator.startswith("handbook ")


def test_no_text_runs_off_the_page(default_pdf):
    assert_text_inside_pages(default_pdf)


def test_every_font_is_embedded(default_pdf):
    assert_fonts_embedded(default_pdf)


def test_qpdf_finds_no_errors(default_pdf):
    result = subprocess.run([tool("qpdf"), "--check", str(default_pdf)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_renders_without_complaint(default_pdf, tmp_path):
    result = subprocess.run([tool("pdftoppm"), "-r", "20", "-png", str(default_pdf), str(tmp_path / "p")], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == ""
    assert len(list(tmp_path.glob("p-*.png"))) == len(PdfReader(default_pdf).pages)


@pytest.mark.parametrize(("size", "points"), [("letter", (612, 792)), ("a4", (595.28, 841.89))])
def test_page_size_follows_the_manifest(tmp_path, size, points):
    manifest = tmp_path / "handbook.yaml"
    text = DEFAULT_MANIFEST.read_text().replace("page_size: letter", f"page_size: {size}")
    text = text.replace("sections/", f"{DEFAULT_MANIFEST.parent}/sections/")
    manifest.write_text(text)
    out = build_handbook(manifest, tmp_path / "out.pdf").output
    reader = PdfReader(out)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(points, abs=0.01)
    body = "\n".join(page_texts(out))
    assert all(title in body for title in SECTION_TITLES)


def test_same_input_gives_identical_bytes(tmp_path, default_pdf):
    again = build_handbook(DEFAULT_MANIFEST, tmp_path / "again.pdf").output
    assert again.read_bytes() == default_pdf.read_bytes()


def test_running_header_names_the_section_at_the_top_of_each_page(default_pdf):
    assert_running_headers(default_pdf)


@pytest.mark.parametrize("name", ["riverside", "northgate", "lakeside"])
def test_running_header_of_an_edition_names_a_section_that_opens_a_page_after_space(name, tmp_path):
    # Northgate's page 4 opens with the space left over from the section before, then a heading.
    pdf = build_handbook(DEFAULT_MANIFEST, tmp_path / f"{name}.pdf", school=ROOT / "schools" / f"{name}.yaml").output
    assert_running_headers(pdf, back_cover=True)


def assert_running_headers(pdf, back_cover: bool = False) -> None:
    """Each body page is headed by the section open at its top, or by the section whose heading opens it."""
    reader = PdfReader(pdf)
    starts = [(reader.get_destination_page_number(e) + 1, e.title) for e in reader.outline]
    texts = page_texts(pdf)
    for number in range(3, len(texts) + 1 - back_cover):
        lines = texts[number - 1].strip().splitlines()
        opens_with = next((title for page, title in starts if page == number and lines[0] == title), None)
        expected = opens_with or [title for page, title in starts if page < number][-1]
        assert lines[-3] == expected, f"page {number} is headed {lines[-3]!r}, expected {expected!r}"


def test_salary_chart_is_on_the_page_of_its_table(default_pdf):
    texts = page_texts(default_pdf)
    page = next(t for t in texts[2:] if "What medical records and health information technicians earn" in t)
    assert "At a glance" in page


def test_a_build_leaves_reportlabs_settings_as_it_found_them(tmp_path):
    from reportlab import rl_config

    before = rl_config.useA85, rl_config.shapeChecking
    build_handbook(DEFAULT_MANIFEST, tmp_path / "h.pdf")
    assert (rl_config.useA85, rl_config.shapeChecking) == before
