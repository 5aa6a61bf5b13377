"""The real names from issue 13 that today's layout cannot take, built with `handbook build`: preflight finds each.

When the layout makes such names fit (running header and footer, covers), these builds print well: turn
each test around then, to assert that preflight finds nothing.
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


def test_a_long_organisation_and_edition_run_over_the_page_number(tmp_path):
    found = text_failures(tmp_path, default_guide_with(tmp_path, organisation=ORGANISATION, edition=EDITION))
    assert found == [
        f'page {page}: the text "Career Guidance Office of the Greater Metropolitan…" is drawn over "Page {page} of 6" '
        "(at 0.85 in from the left, 0.53 in from the bottom)"
        for page in range(2, 7)
    ]


def test_a_long_title_and_a_long_section_title_meet_in_the_running_header(tmp_path):
    manifest = default_guide_with(tmp_path, title=TITLE)
    section = tmp_path / "sections/how-to-pursue.yaml"
    section.write_text(
        section.read_text(encoding="utf-8").replace("title: How to Pursue a Career in Medical Coding\n", f"title: {LAST_SECTION_TITLE}\n")
    )
    assert text_failures(tmp_path, manifest) == [
        'page 6: the text "Health Information Technology and Medical Coding C…" is drawn over '
        '"How to Pursue a Career in Medical Coding and Healt…" (at 0.85 in from the left, 10.31 in from the bottom)'
    ]


def test_a_long_cover_title_and_subtitle_leave_the_colour_panel(tmp_path):
    manifest = default_guide_with(
        tmp_path,
        title="Health Information Technology, Medical Coding and Medical Billing Careers",
        subtitle=(
            "A comprehensive guide for students, families, counsellors and career changers across the Greater Metropolitan "
            "Unified School District, with salaries, certificate programs, community colleges, apprenticeships, externships, "
            "scholarships, financial aid and the first steps to take this year, next year and the year after"
        ),
    )
    assert text_failures(tmp_path, manifest) == [
        'page 1: the light text "the year after" runs off the dark panel it is printed on, onto a light background '
        "(at 0.85 in from the left, 4.22 in from the bottom); keep light text inside its panel, or make the panel larger"
    ]


def test_the_long_footer_is_found_on_the_sides_of_a_booklet(tmp_path):
    manifest = default_guide_with(tmp_path, organisation=ORGANISATION, edition=EDITION)
    booklet = build_handbook(manifest, tmp_path / "booklet.pdf", booklet=True, sheet="letter").output
    found = [failure for failure in preflight(booklet, print_only=True).failures if failure.startswith("page ")]
    assert len(found) == 5  # a body page's footer on each half of the sides
    assert found[0] == (
        'page 2: the text "Career Guidance Office of the Greater Metropolitan…" is drawn over "Page 2 of 6" '
        "(at 0.55 in from the left, 1.04 in from the bottom)"
    )
