"""Layout rules that hold wherever content happens to fall on the page."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook
from tests.conftest import page_texts


def many_sections(project, count: int) -> list[str]:
    names = []
    for k in range(count):
        filler = "\n".join(f"- paragraph: Filler line {k}.{i} for the layout test." for i in range(k % 13))
        body = f"- paragraph: First words of section {k}.\n{filler}\n- checklist: {{title: List {k}, items: [Item {k}a, Item {k}b]}}"
        names.append(project.section(f"s{k:02d}", body, title=f"Section number {k}"))
    project.manifest(*names)
    return names


def test_headings_stay_with_what_follows_them(project):
    many_sections(project, 40)
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    reader = PdfReader(out)
    texts = page_texts(out)
    assert [entry.title for entry in reader.outline] == [f"Section number {k}" for k in range(40)]
    for k, entry in enumerate(reader.outline):
        # The outline entry points at the page the heading was laid out on.
        page = reader.get_destination_page_number(entry)
        assert f"First words of section {k}." in texts[page], f"section {k}'s heading is parted from its first paragraph"
        list_pages = [i for i, t in enumerate(texts) if re.search(rf"^List {k}$", t, re.M)]
        assert list_pages and f"Item {k}a" in texts[list_pages[0]], f"checklist {k}'s title is parted from its first item"


def test_contents_spanning_several_pages_has_right_numbers(project):
    many_sections(project, 40)
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    reader = PdfReader(out)
    texts = page_texts(out)
    contents_text = "\n".join(t for t in texts[1:4])
    entries = re.findall(r"(\d+) Section number (\d+)\n(\d+)\n", contents_text)
    assert len(entries) == 40
    for _, k, page in entries:
        assert f"First words of section {k}." in texts[int(page) - 1]
    assert len(reader.outline) == 40


def test_headings_stay_with_the_start_of_their_first_list_table_or_checklist(project):
    names = []
    for k in range(40):
        filler = "\n".join(f"- paragraph: Filler line {k}.{i} for the layout test." for i in range(k % 9))
        kind = ("checklist", "bullets", "steps")[k % 3]
        body = f"- paragraph: First words of section {k}.\n{filler}\n- {kind}: [Item {k}a, Item {k}b, Item {k}c]\n- paragraph: Last words of section {k}."
        names.append(project.section(f"s{k:02d}", body, title=f"Section number {k}"))
    project.manifest(*names)
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    reader = PdfReader(out)
    texts = page_texts(out)
    assert [entry.title for entry in reader.outline] == [f"Section number {k}" for k in range(40)]
    for k, entry in enumerate(reader.outline):
        page = reader.get_destination_page_number(entry)
        assert f"Item {k}a" in texts[page], f"section {k}'s heading and introduction are parted from its first item"


def test_a_list_taller_than_a_page_starts_under_its_heading_where_the_page_has_room(project):
    items = "\n".join(f"    - Item number {i} of a long list." for i in range(70))
    first = project.section("first", "- paragraph: A short first section.")
    long = project.section("long", f"- paragraph: The list below is long.\n- bullets:\n{items}", title="Long list")
    project.manifest(first, long)
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    texts = page_texts(out)
    assert "Long list" in texts[2] and "Item number 0 of a long list." in texts[2]


LONG_LABEL = "Median annual wage of medical records and health information technicians in hospitals"
LONG_TOP = "Top 10% of earners among certified coders with ten or more years of experience"
LONG_BLOCKS = f"""
- image: {{file: assets/picture.png, alt: A blue box, width: 0.3, caption: "A caption that goes on about the picture, the health information department of the Greater Metropolitan Unified School District's career centre and its staff, with https://www.northgate-community-college.example.edu/programs/health-sciences/medical-coding-certificate"}}
- salary_table:
    title: Pay for medical records and health information technicians, medical coders, billers and cancer registrars in the Greater Metropolitan Area
    source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, Greater Metropolitan Statistical Area and Its Neighbouring Divisions
    period: "2025"
    chart: bars
    rows:
      - {{label: {LONG_LABEL}, annual: 42630}}
      - {{label: {LONG_TOP}, annual: 73370, qualifier: more than}}
- salary_table:
    source: A survey
    period: "2025"
    chart: range
    table: false
    rows:
      - {{label: {LONG_LABEL}, annual: {{pct10: 30000, pct25: 36000, median: 42630, pct75: 55000, pct90: 73370}}}}
- checklist:
    title: Before you apply to the health information technology programme of the Greater Metropolitan Unified School District
    items:
      - {{text: Compare certificate programmes offered by community colleges and online schools, due: "The first Monday of March, or two weeks before the spring career fair, whichever comes first"}}
      - {{text: Ask about externships, note: "at the open day in the main hall of the career centre, or by e-mail to the programme coordinator"}}
"""


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_long_labels_captions_and_checklist_columns_stay_inside_their_boxes(project, page_size):
    from handbook.render.drawing import MARGIN_SIDE
    from tests.conftest import overlapping_words, page_words

    project.image()
    manifest = project.manifest(project.section("long", LONG_BLOCKS), extra=f"page_size: {page_size}\n")
    pdf = build_handbook(manifest, project.root / "out.pdf").output
    pages = page_words(pdf)
    for number, page in enumerate(pages, start=1):
        assert not overlapping_words(page.words), f"page {number}: {overlapping_words(page.words)[0]}"
        # (A chart's last tick, centred on the plot's end, reaches a little into the right margin.)
        for word in (w for w in page.words if not re.fullmatch(r"\$[\d,.]+", w.text)):
            assert MARGIN_SIDE - 0.5 <= word.x0 and word.x1 <= page.width - MARGIN_SIDE + 0.5, f"page {number}: {word} is in the margin"
    text = re.sub(r"\s+", " ", " ".join(page_texts(pdf)))
    for words in (LONG_LABEL, LONG_TOP, "whichever comes first", "by e-mail to the programme coordinator"):
        assert words in text
    # Beside each chart, its labels keep left of where its plot begins (its "$0" tick), however long they are.
    for page in pages:
        for zero in (w for w in page.words if w.text == "$0"):
            plot_left = (zero.x0 + zero.x1) / 2
            labels = set(f"{LONG_LABEL} {LONG_TOP}".split())
            rows = [w for w in page.words if zero.y0 - 90 < w.y0 < zero.y0 - 4 and w.x0 < plot_left - 4 and w.text in labels]
            assert rows and all(w.x1 <= plot_left - 2 for w in rows), [w for w in rows if w.x1 > plot_left - 2]
