"""handbook proof: a picture of every page and a contact sheet, read back from the files written."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from PIL import Image
from reportlab.pdfgen.canvas import Canvas

from handbook.cli import main


def pdf_of(path: Path, pages: int, title: str = "Test Guide", words: str = "Page") -> Path:
    canvas = Canvas(str(path), pagesize=(612, 792), invariant=1)
    canvas.setTitle(title)
    canvas.setAuthor("Riverside High School")
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica", 40)
        canvas.drawString(72, 600, f"{words} {number}")
        canvas.showPage()
    canvas.save()
    return path


def picture(path: Path) -> Image.Image:
    """The image in the PNG at `path`, read whole and the file closed."""
    with Image.open(path) as image:
        image.load()
        return image


def proof(*args: str):
    return CliRunner().invoke(main, ["proof", *args], catch_exceptions=False)


def test_one_picture_per_page_and_a_sheet(default_pdf, tmp_path):
    from pypdf import PdfReader

    result = proof(str(default_pdf), "-o", str(tmp_path))
    assert result.exit_code == 0, result.output
    pages = len(PdfReader(default_pdf).pages)
    pictures = sorted(tmp_path.glob("handbook-page-*.png"))
    assert len(pictures) == pages
    assert [p.name for p in pictures][0] == "handbook-page-1.png"
    assert picture(pictures[0]).size == (425, 550)  # Letter at 50 dpi
    assert (tmp_path / "handbook-sheet.png").is_file()
    assert f"wrote {tmp_path / 'handbook-sheet.png'} and {pages} page pictures (50 dpi)" in result.output


def test_resolution_and_page_numbers_padded(tmp_path):
    pdf = pdf_of(tmp_path / "ten.pdf", 10)
    assert proof(str(pdf), "-o", str(tmp_path / "out"), "--dpi", "20").exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").glob("ten-page-*.png"))
    assert names[0] == "ten-page-01.png" and names[-1] == "ten-page-10.png"
    assert picture(tmp_path / "out" / "ten-page-01.png").size == (170, 220)


def test_contact_sheet_grows_with_pages(tmp_path):
    sizes = {}
    for pages in (1, 3, 4, 5, 9):
        pdf = pdf_of(tmp_path / f"p{pages}.pdf", pages)
        assert proof(str(pdf), "-o", str(tmp_path), "--sheet-only").exit_code == 0
        sizes[pages] = picture(tmp_path / f"p{pages}-sheet.png").size
    assert sizes[1][0] < sizes[3][0] < sizes[4][0] == sizes[5][0]  # up to four pages in a row
    assert sizes[4][1] < sizes[5][1] < sizes[9][1]  # then a row more
    assert not list(tmp_path.glob("p1-page-*.png"))  # --sheet-only


def test_gray_renders_greys_only(default_pdf, tmp_path):
    assert proof(str(default_pdf), "-o", str(tmp_path), "--gray").exit_code == 0
    cover = picture(tmp_path / "handbook-gray-page-1.png")
    sheet = picture(tmp_path / "handbook-gray-sheet.png")
    assert cover.mode == "L" and sheet.mode == "L"
    assert not list(tmp_path.glob("handbook-page-*.png"))


def test_sheet_names_the_edition(tmp_path):
    from handbook.proof import contact_sheet, rasterise

    proof_ = rasterise(pdf_of(tmp_path / "a.pdf", 2, title="Riverside Guide"))
    assert proof_.title == "Riverside Guide \u00b7 Riverside High School"  # the edition: title and school
    plain = contact_sheet(proof_)
    proof_.title = "Another Guide With A Much Longer Name Than That"
    assert contact_sheet(proof_).tobytes() != plain.tobytes()


def test_not_a_pdf_is_a_clear_error_and_writes_nothing(tmp_path):
    bad = tmp_path / "notes.pdf"
    bad.write_text("just words")
    result = CliRunner().invoke(main, ["proof", str(bad), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output == (
        f"{bad}: cannot be read as a PDF (data format error): it is damaged, cut short or not a PDF at all; "
        "expected a PDF such as handbook build writes\n"
        "1 of 1 PDFs could not be proofed; the others were\n"
    )
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_tints_stay_apart_from_the_paper_in_grey(default_pdf):
    """Printed in greys, as a photocopier does, a callout's tint and a table's stripes must not vanish into the paper:
    the tint is the commonest grey between the paper and the text, and must be at least 6% darker than the paper."""
    from handbook.proof import rasterise

    pages = rasterise(default_pdf, dpi=50, gray=True).pages
    for number in (4, 5):  # the tip on Educational Requirements; the salary table's stripe
        counts = pages[number - 1].histogram()
        paper = max(range(256), key=lambda level: counts[level])
        tint = max(range(200, paper), key=lambda level: counts[level])
        assert paper == 255 and tint <= 240, (number, tint)


def test_grey_is_the_colour_picture_in_greys(default_pdf):
    """The grey proof is the colour one turned grey: PDFium's own grey mode moves glyphs at low resolution (words ran together)."""
    from handbook.proof import rasterise

    colour = rasterise(default_pdf, dpi=50).pages[2]
    assert rasterise(default_pdf, dpi=50, gray=True).pages[2].tobytes() == colour.convert("L").tobytes()


def test_a_print_shop_pdf_is_proofed_at_its_trim(tmp_path, default_pdf):
    """Bleed and crop marks are cut off: a print shop's PDF shows, and compares, as the page the reader holds."""
    from handbook.build import build_handbook
    from handbook.proof import rasterise
    from handbook.proof_changes import compare
    from tests.conftest import DEFAULT_MANIFEST

    marked = build_handbook(DEFAULT_MANIFEST, tmp_path / "marked.pdf", crop_marks=True).output
    assert rasterise(marked).pages[0].size == rasterise(default_pdf).pages[0].size == (425, 550)
    changes = compare(default_pdf, marked, dpi=50)
    assert changes.added == changes.removed == [] and all(len(regions) <= 1 for _, _, regions in changes.changed)


def test_an_unreadable_pdf_does_not_stop_the_others(tmp_path):
    good, later = pdf_of(tmp_path / "good.pdf", 1), pdf_of(tmp_path / "later.pdf", 2)
    bad = tmp_path / "notes.pdf"
    bad.write_text("just words")
    result = CliRunner().invoke(main, ["proof", "--sheet-only", str(good), str(bad), str(later), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good-sheet.png", "later-sheet.png"]
    assert result.output.splitlines()[-1] == "1 of 3 PDFs could not be proofed; the others were"
