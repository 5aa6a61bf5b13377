"""handbook proof --against: which pages changed between two editions, found in the pictures."""

from __future__ import annotations

from click.testing import CliRunner
from PIL import Image

from handbook.cli import main
from handbook.proof_changes import changed_regions, compare
from tests.test_proof import pdf_of, picture


def against(old, new, out):
    return CliRunner().invoke(main, ["proof", "--against", str(old), str(new), "-o", str(out)], catch_exceptions=False)


def test_identical_pdfs_have_no_change(default_pdf, tmp_path):
    result = against(default_pdf, default_pdf, tmp_path / "out")
    assert result.exit_code == 0
    assert result.output.splitlines()[1:] == ["  no page changed"]
    assert not (tmp_path / "out").exists()


def test_a_changed_paragraph_is_exactly_its_page(project, tmp_path):
    from pypdf import PdfReader

    from handbook.build import build_handbook

    first = project.section("one", "- paragraph: The first page says this.", title="First")
    second = project.section("two", "- paragraph: The second page says that.", title="Second")
    project.write("handbook.yaml", f"title: Test Guide\nsections:\n  - {first}\n  - {second}\n")
    old = build_handbook(project.root / "handbook.yaml", tmp_path / "old.pdf").output
    project.section("two", "- paragraph: The second page now says something else.", title="Second")
    new = build_handbook(project.root / "handbook.yaml", tmp_path / "new.pdf").output
    texts = [page.extract_text() for page in PdfReader(new).pages]
    page = next(n for n, text in enumerate(texts, start=1) if "something else" in text)
    result = against(old, new, tmp_path / "out")
    assert result.output.splitlines()[1] == f"  page {page} changed: 1 region"
    assert len(result.output.splitlines()) == 3
    sheet = picture(tmp_path / "out" / "new-changes.png")
    assert sheet.getpixel((0, 0)) != (214, 40, 40)
    assert (214, 40, 40) in {colour for _, colour in sheet.getcolors(1 << 20)}


def test_added_and_removed_pages_are_said_in_words(tmp_path):
    old = pdf_of(tmp_path / "old.pdf", 3)
    # Page 2 removed, and a page at the end added: the pages around them still match.
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(tmp_path / "new.pdf"), pagesize=(612, 792), invariant=1)
    canvas.setTitle("Test Guide")
    canvas.setAuthor("Riverside High School")
    for words in ("Page 1", "Page 3", "Page 4"):
        canvas.setFont("Helvetica", 40)
        canvas.drawString(72, 600, words)
        canvas.showPage()
    canvas.save()
    changes = compare(old, tmp_path / "new.pdf", dpi=30)
    assert changes.changed == [] and changes.added == [3] and changes.removed == [2]
    assert changes.lines() == ["page 3 added", "page 2 of old.pdf removed"]


def test_regions_are_where_the_pixels_differ():
    before = Image.new("RGB", (200, 100), "white")
    after = before.copy()
    after.paste((0, 0, 0), (20, 30, 60, 40))
    after.paste((0, 0, 0), (150, 80, 160, 90))
    regions = changed_regions(before, after)
    assert len(regions) == 2
    (l1, t1, r1, b1), (l2, t2, r2, b2) = regions
    assert l1 <= 20 and t1 <= 30 and r1 >= 60 and b1 >= 40 and r1 - l1 < 60
    assert l2 <= 150 and t2 <= 80 and r2 >= 160 and b2 >= 90
    assert changed_regions(before, before) == []
    assert changed_regions(before, Image.new("RGB", (100, 100))) == [(0, 0, 100, 100)]


def test_against_takes_one_pdf(tmp_path):
    a = pdf_of(tmp_path / "a.pdf", 1)
    result = CliRunner().invoke(main, ["proof", "--against", str(a), str(a), str(a)])
    assert result.exit_code == 2 and "give one PDF after it" in result.output
