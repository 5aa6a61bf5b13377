"""Preflight: what a print shop would reject fails, what it would grumble about warns."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from handbook.build import build_handbook
from handbook.cli import main
from handbook.preflight import preflight
from handbook.render.faces import register_family
from tests.conftest import DEFAULT_MANIFEST, ROOT

DAMAGED = sorted((ROOT / "tests/bad/pdfs").glob("*.pdf"))


def test_default_handbook_and_its_booklet_are_ready_to_print(default_pdf, tmp_path):
    report = preflight(default_pdf)
    assert report.failures == [] and report.warnings == []
    assert report.facts[0].startswith("pages: ") and "Letter 8.50 x 11.00 in" in report.facts[0]
    assert report.facts[1] == "fonts: 3, all embedded"
    booklet = build_handbook(DEFAULT_MANIFEST, tmp_path / "b.pdf", booklet=True).output
    report = preflight(booklet)
    assert report.failures == [] and "Tabloid" in report.facts[0]


def test_school_edition_images_are_sharp(tmp_path):
    out = build_handbook(ROOT / "handbook.yaml", tmp_path / "r.pdf", school=ROOT / "schools/riverside.yaml").output
    report = preflight(out)
    assert report.failures == [] and report.warnings == []
    assert report.facts[2].startswith("images: 2; lowest effective resolution")


def test_unembedded_font_and_text_off_the_page_fail(tmp_path):
    path = tmp_path / "bad.pdf"
    canvas = Canvas(str(path), pagesize=(612, 792))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Inside")
    canvas.drawString(-150, 400, "Off the left edge")
    canvas.save()
    report = preflight(path)
    assert "font Helvetica is not embedded; the print shop would substitute another" in report.failures
    assert (
        'page 1: the text "Off the left edge" runs 2.08 in past the left edge of the page; keep text at least 0.25 in inside the edges of the page'
        in report.failures
    )
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 1
    assert "FAIL: font Helvetica is not embedded" in result.output


def test_low_resolution_image_warns(tmp_path, default_pdf):
    from PIL import Image

    picture = tmp_path / "tiny.png"
    Image.new("RGB", (30, 30), (0, 90, 160)).save(picture)
    path = tmp_path / "blurry.pdf"
    register_family("Lato")
    canvas = Canvas(str(path), pagesize=(612, 792), initialFontName="Lato")
    canvas.drawImage(str(picture), 72, 72, 216, 216)  # 30 pixels over 3 inches: 10 dpi
    canvas.save()
    report = preflight(path)
    name = next(iter(PdfReader(path).pages[0]["/Resources"]["/XObject"])).lstrip("/")
    assert report.warnings == [
        f"the image {name[:16]}... on page 1 (3.00 x 3.00 in, 1.00 in from the left and 1.00 in from the bottom) prints at 10 dpi; 150 dpi or more prints sharply"
    ]
    assert report.failures == []
    assert report.facts[0] == "pages: 1; size: Letter 8.50 x 11.00 in (1 page)"
    result = CliRunner().invoke(main, ["preflight", "--print-only", str(path)])  # untagged: a file for the printer only
    assert result.exit_code == 0 and "ready to print: 0 failures, 5 warnings\n" in result.output


def test_a4_is_shown_as_8_27_by_11_69_inches(project):
    project.manifest(project.section("one", "- paragraph: Hi."), extra="page_size: a4\n")
    out = build_handbook(project.root / "handbook.yaml", project.root / "a4.pdf").output
    report = preflight(out)
    pages = len(PdfReader(out).pages)
    assert report.facts[0] == f"pages: {pages}; size: A4 8.27 x 11.69 in ({pages} page{'s' if pages > 1 else ''})"


def test_one_failure_is_counted_in_the_singular(tmp_path):
    path = tmp_path / "one.pdf"
    register_family("Lato")
    canvas = Canvas(str(path), pagesize=(612, 792), initialFontName="Lato")
    canvas.drawString(-150, 400, "Off the left edge")
    canvas.save()
    result = CliRunner().invoke(main, ["preflight", "--print-only", str(path)])  # untagged: a file for the printer only
    assert result.exit_code == 1
    assert result.output.splitlines()[-2:] == ["not ready to print: 1 failure, 4 warnings", f"{path}: 1 problem to fix before printing"]


@pytest.mark.parametrize("case", DAMAGED, ids=lambda p: p.stem)
def test_a_damaged_pdf_is_a_message(case, monkeypatch):
    monkeypatch.chdir(ROOT)
    shown = str(case.relative_to(ROOT))
    result = CliRunner().invoke(main, ["preflight", shown])
    assert result.exit_code == 1
    assert isinstance(result.exception, SystemExit), repr(result.exception)  # a message and exit 1, not an uncaught error
    assert result.output.splitlines() == case.with_suffix(".expect").read_text(encoding="utf-8").splitlines()


def _boxed_pdf(path, pages) -> None:
    """A PDF whose pages each have a sheet size, a TrimBox, a BleedBox and a primary-coloured rectangle: (size, trim, bleed, rect)."""
    register_family("Lato")
    canvas = Canvas(str(path), initialFontName="Lato")
    for size, trim, bleed, rect in pages:
        canvas.setPageSize(size)
        canvas.setTrimBox(trim)
        canvas.setBleedBox(bleed)
        canvas.setFillColorRGB(0.11, 0.31, 0.54)
        canvas.rect(*rect, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()


def test_a_colour_panel_that_stops_at_the_trim_of_a_pdf_with_bleed_fails(tmp_path):
    path = tmp_path / "short.pdf"
    sheet, trim, bleed = (630, 810), (9, 9, 621, 801), (0, 0, 630, 810)
    # The first panel stops at the trim on the left, top and right; the second runs into the bleed.
    _boxed_pdf(path, [(sheet, trim, bleed, (9, 400, 612, 401)), (sheet, trim, bleed, (0, 400, 630, 410))])
    report = preflight(path)
    assert report.failures == [
        "page 1: colour stops at the trim on the left, right and top instead of running into the bleed; cut a little off the line, "
        "the sheet shows a white sliver there: draw it on to the BleedBox"
    ]
    assert report.facts[0] == "pages: 2; size: Letter 8.50 x 11.00 in (2 pages); bleed 0.125 in; sheet 8.75 x 11.25 in"


def test_a_trim_box_outside_the_bleed_box_and_trim_sizes_that_differ_fail(tmp_path):
    path = tmp_path / "boxes.pdf"
    _boxed_pdf(
        path,
        [
            ((630, 810), (9, 9, 621, 801), (0, 0, 630, 810), (100, 100, 10, 10)),
            ((630, 810), (-9, 9, 603, 801), (0, 0, 630, 810), (100, 100, 10, 10)),  # a Letter trim hanging off the sheet
            ((612, 792), (9, 9, 603, 783), (0, 0, 612, 792), (100, 100, 10, 10)),  # a smaller trim
        ],
    )
    report = preflight(path)
    assert report.failures == [
        "page 2: the TrimBox reaches outside the BleedBox; the sheet is cut at the TrimBox, which must lie inside the BleedBox, and both inside the MediaBox",
        "page 2: the TrimBox reaches outside the MediaBox; the sheet is cut at the TrimBox, which must lie inside the BleedBox, and both inside the MediaBox",
        "pages differ in trim size; a print shop cuts every page of a job to one size",
    ]
    assert report.facts[0].startswith("pages: 3; size: Letter 8.50 x 11.00 in (2 pages); custom 8.25 x 10.75 in (1 page); bleed ")
