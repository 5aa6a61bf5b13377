"""Real names that once ran over the page number, met in the running header and left the cover's panel,
built with `handbook build`: the layout fits them now, and preflight (which finds each such collision on
PDFs made to collide, tests/test_preflight_text.py) finds nothing in them. tests/layout/ holds more.
"""

from __future__ import annotations

import shutil

from handbook.build import build_handbook
from handbook.preflight import preflight
from tests.conftest import DEFAULT_MANIFEST, ROOT

ORGANISATION = "Career Guidance Office of the Greater Metropolitan Unified School District"
EDITION = "Spring career fair edition for students and families, 2026-27"
TITLE = "Health Information Technology and Medical Coding Careers"
LAST_SECTION_TITLE = "How to Pursue a Career in Medical Coding and Health Information Management"


def default_guide_with(tmp_path, **settings: str):
    """The default guide in `tmp_path`, with these top-level settings of its manifest replaced."""
    for folder in ("sections", "assets"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    lines = DEFAULT_MANIFEST.read_text(encoding="utf-8").splitlines()
    for key, value in settings.items():
        lines = [f"{key}: {value}" if line.startswith(f"{key}:") else line for line in lines]
    manifest = tmp_path / "handbook.yaml"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def text_failures(tmp_path, manifest) -> list[str]:
    pdf = build_handbook(manifest, tmp_path / "guide.pdf").output
    return [failure for failure in preflight(pdf).failures if failure.startswith("page ")]


def test_a_long_organisation_and_edition_keep_clear_of_the_page_number(tmp_path):
    assert text_failures(tmp_path, default_guide_with(tmp_path, organisation=ORGANISATION, edition=EDITION)) == []


def test_a_long_title_and_a_long_section_title_share_the_running_header(tmp_path):
    manifest = default_guide_with(tmp_path, title=TITLE)
    section = tmp_path / "sections/how-to-pursue.yaml"
    section.write_text(
        section.read_text(encoding="utf-8").replace("title: How to Pursue a Career in Medical Coding\n", f"title: {LAST_SECTION_TITLE}\n")
    )
    assert text_failures(tmp_path, manifest) == []


def test_a_long_cover_title_and_subtitle_stay_in_the_colour_panel(tmp_path):
    manifest = default_guide_with(
        tmp_path,
        title="Health Information Technology, Medical Coding and Medical Billing Careers",
        subtitle=(
            "A comprehensive guide for students, families, counsellors and career changers across the Greater Metropolitan "
            "Unified School District, with salaries, certificate programs, community colleges, apprenticeships, externships, "
            "scholarships, financial aid and the first steps to take this year, next year and the year after"
        ),
    )
    assert text_failures(tmp_path, manifest) == []


def test_the_long_footer_keeps_clear_on_the_sides_of_a_booklet(tmp_path):
    manifest = default_guide_with(tmp_path, organisation=ORGANISATION, edition=EDITION)
    booklet = build_handbook(manifest, tmp_path / "booklet.pdf", booklet=True, sheet="letter").output
    assert [failure for failure in preflight(booklet, print_only=True).failures if failure.startswith("page ")] == []
