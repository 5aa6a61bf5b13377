"""Layout rules that hold wherever content happens to fall on the page."""

from __future__ import annotations

import re

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
