"""Print-shop output: bleed on every side, TrimBox and BleedBox on every page, crop marks outside the bleed.

The pictures are rendered by poppler at 72 dpi, one pixel a point, with vector antialiasing off so that
hairline crop marks come out as whole dark pixels.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image
from pypdf import PdfReader

from handbook.build import build_handbook
from handbook.cli import main
from handbook.page_sizes import A4, LETTER
from handbook.preflight import preflight
from tests.conftest import DEFAULT_MANIFEST, ROOT, pdf_problems, tool, ua_problems
from tests.test_tagging import unmarked

PRIMARY = (0x1D, 0x4E, 0x89)  # the default theme's, the cover's panel
RIVERSIDE = ROOT / "schools/riverside.yaml"
MM = 72 / 25.4


def picture(pdf: Path, page: int) -> Image.Image:
    """Page `page` of `pdf` as poppler renders it, one pixel a point, its whole MediaBox."""
    out = pdf.with_name(f"{pdf.stem}-{page}")
    subprocess.run(
        [tool("pdftoppm"), "-r", "72", "-aaVector", "no", "-png", "-singlefile", "-f", str(page), "-l", str(page), str(pdf), str(out)],
        check=True,
        capture_output=True,
    )
    return Image.open(f"{out}.png").convert("RGB")


def near(colour: tuple[int, ...], expected: tuple[int, ...]) -> bool:
    return all(abs(a - b) <= 3 for a, b in zip(colour, expected))


def boxes(pdf: Path) -> list[tuple[list[float], list[float], list[float]]]:
    """(MediaBox, TrimBox, BleedBox) of every page, as the file says them (None when a box is not there)."""
    found = []
    for page in PdfReader(pdf).pages:
        trim, bleed = page.get("/TrimBox"), page.get("/BleedBox")
        found.append(
            (
                [float(v) for v in page["/MediaBox"]],
                [float(v) for v in trim] if trim is not None else None,
                [float(v) for v in bleed] if bleed is not None else None,
            )
        )
    return found


@pytest.mark.parametrize(("page_size", "size", "bleed"), [("letter", LETTER, 9.0), ("a4", A4, 3 * MM)])
def test_every_page_has_its_trim_and_bleed_boxes_with_the_bleed_of_its_paper(project, page_size, size, bleed):
    project.manifest(project.section("one", "- paragraph: Hello."), extra=f"page_size: {page_size}\n")
    out = build_handbook(project.root / "handbook.yaml", project.root / "shop.pdf", print_shop=True).output
    width, height = size
    sheet = [0, 0, width + 2 * bleed, height + 2 * bleed]
    trim = [bleed, bleed, bleed + width, bleed + height]
    found = boxes(out)
    assert len(found) == 3
    for media, trim_box, bleed_box in found:
        assert media == pytest.approx(sheet, abs=1e-3)
        assert trim_box == pytest.approx(trim, abs=1e-3)
        assert bleed_box == pytest.approx(sheet, abs=1e-3)
    said = "bleed 0.125 in" if page_size == "letter" else "bleed 3 mm"
    report = preflight(out)
    assert report.facts[0].startswith(f"pages: 3; size: {'Letter 8.50 x 11.00' if page_size == 'letter' else 'A4 8.27 x 11.69'} in")
    assert said in report.facts[0]
    assert report.failures == [] and report.warnings == []


def test_the_cover_panel_and_the_back_cover_band_run_into_the_bleed(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "shop.pdf", school=RIVERSIDE, print_shop=True).output
    cover, back = picture(out, 1), picture(out, len(PdfReader(out).pages))
    green = cover.getpixel((320, 100))  # Riverside's primary colour, well inside the panel
    # The sheet's corners are bleed, 9 points of it; the panel and the band run to them.
    assert near(cover.getpixel((0, 0)), green) and near(cover.getpixel((629, 0)), green)
    assert near(cover.getpixel((0, 300)), green) and near(cover.getpixel((629, 300)), green)
    assert near(back.getpixel((0, 809)), green) and near(back.getpixel((629, 809)), green)
    assert near(back.getpixel((0, 760)), green)
    # Below the panel the cover's bleed stays white paper.
    assert cover.getpixel((0, 700)) == (255, 255, 255)


def test_crop_marks_lie_outside_the_bleed_on_a_larger_sheet(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "marks.pdf", crop_marks=True).output
    for media, trim, bleed in boxes(out):
        assert media == [0, 0, 684, 864]
        assert trim == [36, 36, 648, 828]
        assert bleed == [27, 27, 657, 837]
    cover = picture(out, 1)
    assert cover.size == (684, 864)
    dark = [(x, y) for x in range(684) for y in range(864) if sum(cover.getpixel((x, y))) < 200]
    marks = [(x, y) for x, y in dark if not (27 <= x < 657 and 27 <= y < 837)]
    # A mark at each corner on each side: on the trim's lines, from the sheet's edge to 18 points short of the trim.
    segments = [((x, x), (0, 18)) for x in (36, 648)] + [((x, x), (846, 864)) for x in (36, 648)]
    segments += [((0, 18), (y, y)) for y in (36, 828)] + [((666, 684), (y, y)) for y in (36, 828)]
    for (left, right), (top, bottom) in segments:
        on = [(x, y) for x, y in marks if left - 1 <= x <= right and top - 1 <= y <= bottom]
        assert len(on) >= 17, f"no crop mark from ({left}, {top}) to ({right}, {bottom})"
    assert all(x <= 18 or x >= 665 or y <= 18 or y >= 845 for x, y in marks)  # nothing between the marks and the bleed
    assert near(cover.getpixel((28, 28)), PRIMARY)  # the panel in the bleed, inside the marks
    assert cover.getpixel((20, 20)) == (255, 255, 255)  # the sheet outside the bleed is paper


def test_a_print_shop_pdf_passes_qpdf_and_the_pdf_ua_checkers_with_its_marks_as_artifacts(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "marks.pdf", school=RIVERSIDE, crop_marks=True).output
    assert pdf_problems(out) == []
    assert unmarked(out) == []
    assert ua_problems(out) == []
    stream = PdfReader(out).pages[0].get_contents().get_data()
    assert b"/Artifact <</Type /Page>> BDC\nq\n0 0 0 RG" in stream


def test_links_and_form_fields_move_with_the_page_onto_the_larger_sheet(tmp_path):
    office = build_handbook(DEFAULT_MANIFEST, tmp_path / "office.pdf").output
    marks = build_handbook(DEFAULT_MANIFEST, tmp_path / "marks.pdf", crop_marks=True).output

    def rectangles(pdf: Path) -> list[tuple[str, list[float]]]:
        return [
            (str(annotation.get_object()["/Subtype"]), [float(v) for v in annotation.get_object()["/Rect"]])
            for page in PdfReader(pdf).pages
            for annotation in page.get("/Annots", []) or []
        ]

    before, after = rectangles(office), rectangles(marks)
    assert {kind for kind, _ in before} == {"/Link", "/Widget"}
    assert [kind for kind, _ in after] == [kind for kind, _ in before]
    for (_, was), (_, now) in zip(before, after):
        assert now == pytest.approx([value + 36 for value in was])


def test_office_settings_written_out_change_nothing(project):
    section = project.section("one", "- paragraph: Hello.")
    plain = build_handbook(project.manifest(section), project.root / "plain.pdf").output.read_bytes()
    project.manifest(section, extra="print:\n  bleed: false\n  crop_marks: false\n")
    assert build_handbook(project.root / "handbook.yaml", project.root / "office.pdf").output.read_bytes() == plain
    assert boxes(project.root / "office.pdf")[0] == ([0, 0, 612, 792], None, None)


def test_the_manifest_and_a_school_profile_can_ask_for_print_shop_output(project):
    section = project.section("one", "- paragraph: Hello.")
    project.manifest(section, extra="print:\n  crop_marks: true\n")
    out = build_handbook(project.root / "handbook.yaml", project.root / "marks.pdf").output
    assert boxes(out)[0] == ([0, 0, 684, 864], [36, 36, 648, 828], [27, 27, 657, 837])
    project.manifest(section)
    project.write("schools/hill.yaml", "school:\n  name: Hill School\nprint:\n  bleed: true\n")
    out = build_handbook(None, project.root / "hill.pdf", school=project.root / "schools/hill.yaml").output
    assert boxes(out)[0] == ([0, 0, 630, 810], [9, 9, 621, 801], [0, 0, 630, 810])


def test_a_print_shop_booklet_has_bleed_around_each_sheet_and_is_cut_at_the_fold(tmp_path):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "booklet.pdf", booklet=True, crop_marks=True).output
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    for media, trim, bleed in boxes(out):
        assert media == [0, 0, 1296, 864]
        assert trim == [36, 36, 1260, 828]
        assert bleed == [27, 27, 1269, 837]
    outside = picture(out, 1)  # the blank last page on the left, the cover on the right
    assert near(outside.getpixel((1268, 28)), PRIMARY)  # the cover's panel runs into the sheet's bleed
    assert near(outside.getpixel((649, 100)), PRIMARY)  # and to the fold
    assert outside.getpixel((646, 100)) == (255, 255, 255)  # but not past it, onto the page beside it
    assert outside.getpixel((30, 30)) == (255, 255, 255)
    assert sum(outside.getpixel((36, 5))) < 200  # a crop mark at the sheet's trim
    report = preflight(out, print_only=True)
    assert report.failures == [] and "Tabloid (two Letter pages) 17.00 x 11.00 in" in report.facts[0]
    assert "bleed 0.125 in" in report.facts[0]
    assert pdf_problems(out) == []


def test_a_booklet_scaled_onto_office_paper_is_not_for_a_print_shop():
    result = CliRunner().invoke(main, ["build", "--booklet", "--sheet", "letter", "--print-shop", "-o", "x.pdf"])
    assert result.exit_code == 2
    assert "--sheet scales a booklet onto office paper, which has no room for bleed" in result.output
