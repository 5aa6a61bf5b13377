"""Preflight: what a print shop would reject fails, what it would grumble about warns."""

from __future__ import annotations

from click.testing import CliRunner
from reportlab.pdfgen.canvas import Canvas

from handbook.build import build_handbook
from handbook.cli import main
from handbook.fonts import register_family
from handbook.preflight import preflight
from tests.conftest import DEFAULT_MANIFEST, NOT_FOR_PRINT, ROOT


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
    path = tmp_path / NOT_FOR_PRINT / "bad.pdf"
    path.parent.mkdir()
    canvas = Canvas(str(path), pagesize=(612, 792))
    canvas.setFont("Helvetica", 12)
    canvas.drawString(72, 700, "Inside")
    canvas.drawString(-150, 400, "Off the left edge")
    canvas.save()
    report = preflight(path)
    assert "font Helvetica is not embedded; the print shop would substitute another" in report.failures
    assert "text on page 1 starts outside the page at (-150, 400)" in report.failures
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
    assert report.warnings == ["an image on page 1 prints at 10 dpi; 150 dpi or more prints sharply"]
    assert report.failures == []
    result = CliRunner().invoke(main, ["preflight", str(path)])
    assert result.exit_code == 0 and "ready to print: 0 failures, 1 warnings" in result.output
