"""Preflight reads where text lies from the PDF itself: over other text, near or past the edges, off its panel."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from handbook.build import build_handbook
from handbook.cli import main
from handbook.preflight import preflight
from handbook.render.faces import register_family
from tests.conftest import DEFAULT_MANIFEST, ROOT

FONT = "Lato"


def canvas_for(path, size=(612, 792)) -> Canvas:
    register_family(FONT)
    canvas = Canvas(str(path), pagesize=size, initialFontName=FONT, initialFontSize=12)
    return canvas


def text_failures(path) -> list[str]:
    """The preflight's findings about text (the test files are untagged, which only matters online)."""
    return [failure for failure in preflight(path).failures if failure.startswith("page ")]


# Found -------------------------------------------------------------------------------------------


def test_two_texts_on_one_spot(tmp_path):
    path = tmp_path / "same-spot.pdf"
    canvas = canvas_for(path)
    canvas.drawString(72, 700, "Fair opens at nine")
    canvas.drawString(80, 702, "Doors close at noon")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Fair opens at nine" is drawn over "Doors close at noon" (at 1.00 in from the left, 9.72 in from the bottom)'
    ]
    result = CliRunner().invoke(main, ["preflight", "--print-only", str(path)])
    assert result.exit_code == 1
    assert '  FAIL: page 1: the text "Fair opens at nine" is drawn over "Doors close at noon"' in result.output


def test_a_long_footer_over_the_page_number(tmp_path):
    path = tmp_path / "footer.pdf"
    canvas = canvas_for(path)
    canvas.setFont(FONT, 8.5)
    canvas.drawString(
        61.2,
        38.4,
        "Career Guidance Office of the Greater Metropolitan Unified School District · Spring career fair edition for students and families, 2026-27",
    )
    canvas.drawRightString(550.8, 38.4, "Page 2 of 6")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Career Guidance Office of the Greater Metropolitan…" is drawn over "Page 2 of 6" (at 0.85 in from the left, 0.53 in from the bottom)'
    ]


def test_turned_texts_that_cross(tmp_path):
    path = tmp_path / "turned.pdf"
    canvas = canvas_for(path)
    canvas.translate(300, 400)
    canvas.rotate(30)
    canvas.drawString(0, 0, "Turned label")
    canvas.drawString(20, 2, "Another label")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Turned label" is drawn over "Another label" (at 4.17 in from the left, 5.56 in from the bottom)'
    ]


def test_a_form_drawn_over_itself(tmp_path):
    path = tmp_path / "form.pdf"
    canvas = canvas_for(path)
    canvas.beginForm("stamp")
    canvas.drawString(0, 0, "Approved for print")
    canvas.endForm()
    canvas.saveState()
    canvas.translate(72, 600)
    canvas.doForm("stamp")
    canvas.restoreState()
    canvas.translate(100, 604)
    canvas.doForm("stamp")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Approved for print" is drawn over "Approved for print" (at 1.00 in from the left, 8.33 in from the bottom)'
    ]


def test_lines_placed_by_leading_rise_and_the_quote_operators(tmp_path):
    path = tmp_path / "operators.pdf"
    canvas = canvas_for(path)
    canvas.drawString(72, 300, "First line, Second line, Third line; Over, Overlap, Raised")
    font = canvas._code[-1].split(" Tf")[0].split()[-2]
    canvas._code.append(f"BT {font} 12 Tf 72 700 Td 14 TL (First line) Tj (Second line) ' 1 0 (Third line) \" ET")
    canvas._code.append(f"BT {font} 12 Tf 72 600 Td 0 -2 TD (Over) Tj T* (Overlap) Tj ET")
    canvas._code.append(f"BT {font} 12 Tf 72 500 Td (Over) Tj 0 -14 Td 11 Ts (Raised) Tj ET")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Over" is drawn over "Overlap" (at 1.00 in from the left, 8.31 in from the bottom)',
        'page 1: the text "Over" is drawn over "Raised" (at 1.00 in from the left, 6.94 in from the bottom)',
    ]


def test_light_text_half_outside_its_panel(tmp_path):
    path = tmp_path / "panel.pdf"
    canvas = canvas_for(path)
    canvas.setFillColorRGB(0.11, 0.31, 0.54)
    canvas.rect(0, 500, 612, 292, stroke=0, fill=1)
    canvas.setFillColorRGB(1, 1, 1)
    canvas.setFont(FONT, 30)
    canvas.drawString(72, 600, "Inside the panel")
    canvas.drawString(72, 495, "Half out of it")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the light text "Half out of it" runs off the dark panel it is printed on, onto a light background '
        "(at 1.00 in from the left, 6.88 in from the bottom); keep light text inside its panel, or make the panel larger"
    ]


def test_light_text_on_a_light_shape_over_the_panel(tmp_path):
    path = tmp_path / "covered.pdf"
    canvas = canvas_for(path)
    canvas.setFillColorRGB(0.11, 0.31, 0.54)
    canvas.rect(0, 500, 612, 292, stroke=0, fill=1)
    canvas.setFillGray(0.95)
    canvas.rect(60, 590, 300, 40, stroke=0, fill=1)
    canvas.setFillColor(Color(1, 1, 1, alpha=0.1))  # a faint veil does not hide the panel
    canvas.rect(0, 650, 612, 100, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.drawString(72, 600, "On a pale box")
    canvas.drawString(72, 700, "Under a veil")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the light text "On a pale box" runs off the dark panel it is printed on, onto a light background '
        "(at 1.00 in from the left, 8.33 in from the bottom); keep light text inside its panel, or make the panel larger"
    ]


def test_panels_and_text_in_gray_cmyk_and_named_colour_spaces(tmp_path):
    path = tmp_path / "spaces.pdf"
    canvas = canvas_for(path)
    canvas.setFillColorCMYK(1, 0.6, 0, 0.3)
    canvas.rect(0, 600, 612, 192, stroke=0, fill=1)
    canvas.setFillColorCMYK(0, 0, 0, 0)
    canvas.drawString(72, 700, "White in CMYK")
    canvas.drawString(72, 560, "Below the CMYK panel")
    canvas._code.append("/DeviceGray cs 0.15 sc 0 300 612 100 re f /DeviceRGB cs 0.9 0.9 0.95 sc")
    canvas.drawString(72, 340, "Pale on a gray panel")
    canvas._code.append("/Pattern cs /P1 scn")  # a pattern's colour cannot be told: not judged
    canvas.drawString(72, 200, "In a pattern")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the light text "Below the CMYK panel" runs off the dark panel it is printed on, onto a light background '
        "(at 1.00 in from the left, 7.78 in from the bottom); keep light text inside its panel, or make the panel larger"
    ]


def test_a_panel_into_the_bleed_around_the_trim_box(tmp_path):
    path = tmp_path / "bleed.pdf"
    canvas = canvas_for(path, size=(630, 810))
    canvas.setTrimBox((9, 9, 621, 801))
    canvas.setFillColorRGB(0.11, 0.31, 0.54)
    canvas.rect(0, 500, 630, 310, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.setFont(FONT, 30)
    canvas.drawString(40, 700, "A title on the panel")
    canvas.save()
    assert text_failures(path) == []


def test_text_in_the_band_printers_cannot_print(tmp_path):
    path = tmp_path / "band.pdf"
    canvas = canvas_for(path)
    canvas.setFont(FONT, 10)
    canvas.drawString(72, 10, "Printed too low")
    canvas.drawString(72, 400, "Fine")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Printed too low" is 0.11 in from the bottom edge of the page, inside the 0.25 in band office printers cannot print; '
        "keep text at least 0.25 in inside the edges of the page"
    ]


def test_text_outside_the_trim_box(tmp_path):
    path = tmp_path / "trim.pdf"
    canvas = canvas_for(path, size=(630, 810))
    canvas.setTrimBox((9, 9, 621, 801))
    canvas.drawString(40, 400, "Inside the trim")
    canvas.drawString(15, 300, "Cut off by the trim")
    canvas.drawString(560, 200, "Past the right edge")
    canvas.save()
    assert text_failures(path) == [
        'page 1: the text "Cut off by the trim" is 0.08 in from the left edge of the trim box, inside the 0.25 in band office printers cannot print; '
        "keep text at least 0.25 in inside the edges of the trim box",
        'page 1: the text "Past the right edge" runs 0.53 in past the right edge of the trim box; keep text at least 0.25 in inside the edges of the trim box',
    ]


# Ordinary typesetting ----------------------------------------------------------------------------


def test_spans_and_words_on_one_line(tmp_path):
    path = tmp_path / "spans.pdf"
    canvas = canvas_for(path)
    text = canvas.beginText(72, 700)
    for font, words in (
        ("Lato-Bold", "Median wage: "),
        (FONT, "$42,630 "),
        ("Lato-Italic", "a year"),
        (FONT, ", more with a certificate."),
    ):
        text.setFont(font, 11)
        text.textOut(words)
    canvas.drawText(text)
    x = 72
    for word in ("Each", "word", "drawn", "apart"):  # as some programs write words: one by one, each placed
        canvas.drawString(x, 650, word)
        x += canvas.stringWidth(word + " ", FONT, 12)
    canvas.drawString(72, 600, "Table of wages")
    canvas.drawRightString(540, 600, "$42,630")
    canvas.save()
    assert text_failures(path) == []


def test_tight_leading(tmp_path):
    path = tmp_path / "tight.pdf"
    canvas = canvas_for(path)
    text = canvas.beginText(72, 700)
    text.setFont(FONT, 30, leading=27)  # tighter than solid: descenders reach into the next line
    for line in ("Typography, jigsaw, quay", "ÅNGSTRÖM HEIGHTS", "gypsy queue"):
        text.textLine(line)
    canvas.drawText(text)
    canvas.save()
    assert text_failures(path) == []


def test_kerned_text_in_arrays(tmp_path):
    path = tmp_path / "kerned.pdf"
    canvas = canvas_for(path)
    canvas.drawString(72, 500, "WAVE TOWAVE")
    font = canvas._code[-1].split(" Tf")[0].split()[-2]  # the font's name on the page, as ReportLab wrote it
    canvas._code.append(f"BT {font} 24 Tf 1 0 0 1 72 700 Tm [(W) 120 (A) 80 (V) 100 (E) -400 (TO) 150 (WAVE)] TJ ET")
    canvas._code.append(f"BT {font} 24 Tf 1 0 0 1 72 670 Tm 50 Tz 2 Tc [(WAVE) -2000 (WAVE)] TJ ET")
    canvas.save()
    assert text_failures(path) == []


def test_turned_scaled_and_formed_text(tmp_path):
    path = tmp_path / "turned-ok.pdf"
    canvas = canvas_for(path)
    canvas.saveState()
    canvas.translate(300, 300)
    canvas.rotate(90)
    for number, line in enumerate(("Axis label one", "Axis label two", "Axis label three")):
        canvas.drawString(0, -14 * number, line)
    canvas.restoreState()
    canvas.saveState()
    canvas.translate(72, 600)
    canvas.scale(2, 2)
    canvas.drawString(0, 0, "Scaled up")
    canvas.drawString(0, 13, "Scaled too")
    canvas.restoreState()
    canvas.beginForm("label")
    canvas.drawString(0, 0, "Drawn by a form")
    canvas.endForm()
    for y in (200, 214, 228):
        canvas.saveState()
        canvas.translate(72, y)
        canvas.doForm("label")
        canvas.restoreState()
    canvas.save()
    assert text_failures(path) == []


def test_invisible_and_doubled_text(tmp_path):
    path = tmp_path / "invisible.pdf"
    canvas = canvas_for(path)
    canvas.drawString(72, 700, "Scanned page text")
    hidden = canvas.beginText(72, 700)
    hidden.setTextRenderMode(3)  # the words of a scan, laid invisibly over its picture
    hidden.textOut("Scanned page text")
    canvas.drawText(hidden)
    canvas.drawString(72, 650, "Drawn twice")
    canvas.drawString(72, 650, "Drawn twice")
    canvas.save()
    assert text_failures(path) == []


# What handbook makes ---------------------------------------------------------------------------


def _edition(tmp_path, name: str) -> object:
    if name == "a4":
        manifest = tmp_path / "handbook.yaml"
        manifest.write_text(DEFAULT_MANIFEST.read_text(encoding="utf-8").replace("page_size: letter", "page_size: a4"), encoding="utf-8")
        for folder in ("sections", "assets"):
            (tmp_path / folder).symlink_to(ROOT / folder)
        return build_handbook(manifest, tmp_path / "a4.pdf").output
    if name == "template":
        from handbook.scaffold import new_project

        new_project(tmp_path / "new")
        return build_handbook(tmp_path / "new/handbook.yaml", tmp_path / "new.pdf").output
    if name == "half-letter booklet":
        return build_handbook(DEFAULT_MANIFEST, tmp_path / "b.pdf", booklet=True, sheet="letter").output
    return build_handbook(None, tmp_path / f"{name}.pdf", school=ROOT / f"schools/{name}.yaml").output


@pytest.mark.parametrize("name", [*(p.stem for p in sorted((ROOT / "schools").glob("*.yaml"))), "a4", "template", "half-letter booklet"])
def test_what_handbook_makes_has_no_text_problems(tmp_path, name, default_pdf):
    assert text_failures(default_pdf) == []
    assert text_failures(_edition(tmp_path, name)) == []
