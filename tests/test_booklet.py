"""Booklets: every source page lands on the side and half a folded, stapled stack needs."""

from __future__ import annotations

import re
import subprocess

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handbook.booklet import booklet_order
from handbook.build import build_handbook
from handbook.cli import main
from handbook.preflight import preflight
from tests.conftest import DEFAULT_MANIFEST, ROOT, tool


def half_text(pdf, side: int, right: bool, width: float, height: float) -> str:
    x = int(width) if right else 0
    command = [
        tool("pdftotext"),
        "-f",
        str(side),
        "-l",
        str(side),
        "-x",
        str(x),
        "-y",
        "0",
        "-W",
        str(int(width)),
        "-H",
        str(int(height)),
        str(pdf),
        "-",
    ]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def footer_page(text: str) -> int | None:
    match = re.search(r"Page (\d+) of \d+", text)
    return int(match.group(1)) if match else None


def test_order_of_a_multiple_of_four():
    assert booklet_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_blanks_pad_the_end_or_go_before_a_back_cover():
    assert booklet_order(6) == [(None, 1), (2, None), (6, 3), (4, 5)]
    assert booklet_order(6, keep_last=True) == [(6, 1), (2, None), (None, 3), (4, 5)]


def test_reading_order_after_folding():
    """Unfolding the stack and reading each sheet front-right, back-left, back-right, front-left gives 1..n."""
    for pages in range(1, 30):
        sides = booklet_order(pages)
        sheets = [(sides[i], sides[i + 1]) for i in range(0, len(sides), 2)]
        first_half = [p for front, back in sheets for p in (front[1], back[0])]
        second_half = [p for front, back in reversed(sheets) for p in (back[1], front[0])]
        reading = [p for p in first_half + second_half if p is not None]
        assert reading == list(range(1, pages + 1))


def test_default_handbook_booklet_places_each_page(tmp_path):
    source = build_handbook(DEFAULT_MANIFEST, tmp_path / "flat.pdf")
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "booklet.pdf", booklet=True).output
    reader = PdfReader(out)
    flat = PdfReader(source.output)
    width, height = float(flat.pages[0].mediabox.width), float(flat.pages[0].mediabox.height)
    assert len(reader.pages) == -(-len(flat.pages) // 4) * 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (2 * width, height)
    for side, (left, right) in enumerate(booklet_order(len(flat.pages)), start=1):
        for number, is_right in ((left, False), (right, True)):
            text = half_text(out, side, is_right, width, height)
            if number is None:
                assert text.strip() == "", f"side {side} should be blank on the {'right' if is_right else 'left'}"
            elif number == 1:
                assert "A Comprehensive Guide" in text
            else:
                assert footer_page(text) == number


def test_school_booklet_keeps_the_back_cover_outside(tmp_path):
    out = build_handbook(ROOT / "handbook.yaml", tmp_path / "b.pdf", school=ROOT / "schools/lakeside.yaml", booklet=True).output
    reader = PdfReader(out)
    width = float(reader.pages[0].mediabox.width) / 2
    height = float(reader.pages[0].mediabox.height)
    outside_back = half_text(out, 1, False, width, height)
    assert "Questions? We are here to help." in outside_back


@pytest.mark.parametrize(("sheet", "paper"), [("letter", (792, 612)), ("a4", (842, 595))])
def test_booklet_on_an_ordinary_sheet_scales_two_pages_onto_it_in_folding_order(tmp_path, sheet, paper):
    flat = PdfReader(build_handbook(DEFAULT_MANIFEST, tmp_path / "flat.pdf").output)
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / f"booklet-{sheet}.pdf", booklet=True, sheet=sheet).output
    reader = PdfReader(out)
    assert len(reader.pages) == -(-len(flat.pages) // 4) * 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == paper
    half, height = paper[0] / 2, paper[1]
    for side, (left, right) in enumerate(booklet_order(len(flat.pages)), start=1):
        for number, is_right in ((left, False), (right, True)):
            text = half_text(out, side, is_right, half, height)
            if number is None:
                assert text.strip() == "", f"side {side} should be blank on the {'right' if is_right else 'left'}"
            elif number == 1:
                assert "A Comprehensive Guide" in text
            else:
                assert footer_page(text) == number
    report = preflight(out)
    assert not report.failures and not report.warnings
    assert {"letter": "two half-Letter pages", "a4": "two A5 pages"}[sheet] in report.facts[0]


def test_sheet_without_booklet_is_a_usage_error():
    result = CliRunner().invoke(main, ["build", "--sheet", "a4"])
    assert result.exit_code == 2 and "--sheet is for booklets" in result.output


def test_booklet_keeps_the_language_and_title(tmp_path):
    from tests.test_metadata import identity

    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "booklet.pdf", booklet=True).output
    found = identity(out)
    assert (found["lang"], found["display_title"], found["dc:title"]) == ("en-US", True, "Medical Coding Careers")
    assert subprocess.run([tool("qpdf"), "--check", str(out)], capture_output=True).returncode == 0
