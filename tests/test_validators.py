"""Every kind of PDF handbook writes passes the tools a print shop uses: qpdf, pdffonts, pdftoppm, a strict pypdf;
and every PDF but the printer's booklet passes the PDF/UA-1 checkers page-validation and pdfua."""

from __future__ import annotations

import pytest

from handbook.build import build_handbook
from tests.conftest import DEFAULT_MANIFEST, ROOT, pdf_problems, ua_problems

EVERY_BLOCK_KIND = """
- paragraph: Text with **bold**, *italic* and a [link](https://example.org).
- bullets: [One, Two]
- steps: [First, Second]
- callout: {title: Tip, text: A boxed tip.}
- quote: {text: Something worth saying., by: Someone}
- image: {file: assets/picture.png, alt: A blue box, caption: A caption}
- salary_table:
    title: Pay
    source: A survey
    period: "2025"
    chart: bars
    rows:
      - {label: Median annual wage, annual: 42630}
      - {label: Top 10% of earners, annual: 73370, qualifier: more than}
- salary_table:
    source: A survey
    period: "2025"
    chart: range
    table: false
    rows:
      - {label: Coders, annual: {pct10: 30000, pct25: 36000, median: 42630, pct75: 55000, pct90: 73370}}
- checklist:
    title: Before you apply
    fillable: true
    items:
      - {text: Compare programs, due: March 1}
      - {text: Ask about externships, note: at the open day}
"""

SCHOOLS = sorted(p.stem for p in (ROOT / "schools").glob("*.yaml"))


@pytest.mark.parametrize("booklet, sheet", [(False, None), (True, None), (True, "letter")], ids=["flat", "booklet", "booklet-on-letter"])
def test_the_default_handbook(tmp_path, booklet, sheet):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / "handbook.pdf", booklet=booklet, sheet=sheet).output
    assert pdf_problems(out) == []
    if not booklet:
        assert ua_problems(out) == []


@pytest.mark.parametrize("name", SCHOOLS)
def test_every_school_edition(tmp_path, name):
    out = build_handbook(DEFAULT_MANIFEST, tmp_path / f"{name}.pdf", school=ROOT / "schools" / f"{name}.yaml").output
    assert pdf_problems(out) == []
    assert ua_problems(out) == []


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_every_block_kind(project, page_size):
    project.image()
    manifest = project.manifest(project.section("all", EVERY_BLOCK_KIND), extra=f"page_size: {page_size}\n")
    out = build_handbook(manifest, project.root / "all.pdf").output
    assert pdf_problems(out) == []
    assert ua_problems(out) == []
