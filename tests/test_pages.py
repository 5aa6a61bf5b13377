"""The running header and footer and the cover: each text the layout places keeps to its own room."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.build import build_handbook
from handbook.render.drawing import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP
from handbook.render.fit import fit_lines
from handbook.render.pages import footer_line
from tests.conftest import ROOT, WordPage, overlapping_words, page_texts, page_words, tool, ua_problems

DISTRICT = "Career Guidance Office of the Greater Metropolitan Unified School District"
FAIR = "Spring career fair edition for students and families, 2026-27"
LONG_TITLE = "Health Information Technology and Medical Coding Careers"
LONG_SECTION = "How to Pursue a Career in Medical Coding and Health Information Management"


def long_guide(project, page_size: str = "letter", title: str = LONG_TITLE, section: str = LONG_SECTION) -> Path:
    """A guide with the issue's long organisation, edition and title, whose last section, with a long title, fills pages."""
    first = project.section("first", "- paragraph: A short first section.", title="Introduction")
    filler = "\n".join(f"- paragraph: Paragraph {i} of a section long enough to head several pages with its title." for i in range(90))
    last = project.section("last", filler, title=section)
    return project.write(
        "handbook.yaml",
        f"title: {title}\norganisation: {DISTRICT}\nedition: {FAIR}\npage_size: {page_size}\nsections: [{first}, {last}]\n",
    )


def header(page: WordPage) -> list:
    return [w for w in page.words if w.y1 < MARGIN_TOP]


def footer(page: WordPage) -> list:
    return [w for w in page.words if w.y0 > page.height - MARGIN_BOTTOM]


def assert_running_parts_apart(pdf: Path, back_cover: bool = False) -> None:
    """On every page after the cover (and before the back cover), the header's and the footer's words touch no other
    word and keep within the side margins."""
    pages = page_words(pdf)
    for number, page in enumerate(pages[1 : len(pages) - back_cover], start=2):
        for part in (header(page), footer(page)):
            assert not overlapping_words(part), f"page {number}: {overlapping_words(part)[0]} overlap"
            for word in part:
                assert MARGIN_SIDE - 0.5 <= word.x0 and word.x1 <= page.width - MARGIN_SIDE + 0.5, f"page {number}: {word} is in the margin"


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_long_organisation_and_edition_keep_clear_of_the_page_number(project, page_size):
    pdf = build_handbook(long_guide(project, page_size), project.root / "out.pdf").output
    assert_running_parts_apart(pdf)
    pages = page_words(pdf)
    for number, page in enumerate(pages[1:], start=2):
        words = [w.text for w in footer(page)]
        assert words[-4:] == ["Page", str(number), "of", str(len(pages))]
        assert " ".join(words[:-4]) == f"{DISTRICT} \u00b7 {FAIR}"  # on two lines, whole


@pytest.mark.parametrize("page_size", ["letter", "a4"])
def test_a_long_section_title_and_handbook_title_each_get_their_room_in_the_header(project, page_size):
    pdf = build_handbook(long_guide(project, page_size), project.root / "out.pdf").output
    assert_running_parts_apart(pdf)
    pages = page_words(pdf)
    headed = [page for page in pages[3:] if LONG_SECTION.split()[-1] in [w.text for w in header(page)]]
    assert len(headed) >= 2
    for page in headed:
        words = " ".join(sorted((w.text for w in header(page)), key=str.casefold))
        assert words == " ".join(sorted(f"{LONG_TITLE} {LONG_SECTION}".split(), key=str.casefold))  # every word, none cut


def test_the_running_header_and_footer_wrap_inside_the_margins_above_and_below_the_text(project):
    pdf = build_handbook(long_guide(project), project.root / "out.pdf").output
    for page in page_words(pdf)[3:]:
        assert 24 < min(w.y0 for w in header(page)) and max(w.y1 for w in header(page)) < MARGIN_TOP - 2
        assert page.height - MARGIN_BOTTOM + 2 < min(w.y0 for w in footer(page)) and max(w.y1 for w in footer(page)) < page.height - 24


def test_a_part_too_long_even_for_two_small_lines_is_shortened_with_an_ellipsis_and_kept_whole_elsewhere(project):
    organisation = " ".join([DISTRICT] * 3)
    pdf = build_handbook(long_guide(project, title=" ".join([LONG_TITLE] * 3)), project.root / "out.pdf").output
    (project.root / "handbook.yaml").write_text((project.root / "handbook.yaml").read_text().replace(DISTRICT, organisation))
    pdf = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    assert_running_parts_apart(pdf)
    texts = page_texts(pdf)
    assert "\u2026" in texts[3]
    assert organisation in texts[0].replace("\n", " ")  # on the cover, whole
    reader = PdfReader(pdf)
    assert reader.metadata.title == " ".join([LONG_TITLE] * 3) and reader.metadata.author == organisation
    assert not ua_problems(pdf)


def test_a_school_edition_with_a_long_name_and_edition_keeps_its_footer_apart(project):
    guide = long_guide(project)
    school = project.write(
        "schools/long.yaml",
        f"handbook: ../{guide.name}\nschool:\n  name: Northgate Community College of Allied Health and Technical Sciences\n"
        "  email: admissions@northgate.example.edu\n"
        "edition: Spring Open House Edition for Prospective Students \u00b7 Health Sciences Division\n",
    )
    pdf = build_handbook(None, project.root / "school.pdf", school=school).output
    assert_running_parts_apart(pdf, back_cover=True)
    pages = page_words(pdf)
    for number, page in enumerate(pages[1:-1], start=2):
        assert [w.text for w in footer(page)][-4:] == ["Page", str(number), "of", str(len(pages))]


def test_a_booklet_of_a_guide_with_long_running_parts_has_no_words_over_each_other(project):
    pdf = build_handbook(long_guide(project), project.root / "booklet.pdf", booklet=True).output
    for side in page_words(pdf):
        assert not overlapping_words(side.words)


def test_a_short_footer_is_drawn_as_before_and_a_long_one_keeps_its_parts_in_order():
    assert footer_line("Career Guidance Office", "Career fair edition") == "Career Guidance Office \u00b7 Career fair edition"
    lines = fit_lines(f"{DISTRICT} \u00b7 {FAIR}", "Helvetica", 8.5, 10, 7, 380)
    assert len(lines.lines) == 2 and " ".join(lines.lines) == f"{DISTRICT} \u00b7 {FAIR}"


# The cover ------------------------------------------------------------------------------------


def panel_bottom(pdf: Path, page: int, tmp_path: Path) -> float:
    """How far down the page (points from its top) the coloured panel at its top reaches, read from the rendered page."""
    from PIL import Image

    subprocess.run([tool("pdftoppm"), "-r", "72", "-png", "-f", str(page), "-l", str(page), str(pdf), str(tmp_path / "c")], check=True)
    image = Image.open(next(tmp_path.glob("c*.png"))).convert("RGB")
    top = image.getpixel((2, 2))
    row = 0
    while row + 1 < image.height and image.getpixel((2, row + 1)) == top:
        row += 1
    return row + 1


COVER_TITLES = {
    "two lines": "Health Information Technology and Medical Coding Careers",
    "three lines": "Health Information Technology, Medical Coding and Billing Careers for Students",
    "eight lines": "Health Information Technology, Medical Coding and Billing Careers for Students, Parents, Career Changers "
    "and Returning Adults in the Greater Metropolitan Area and Its Neighbouring Counties and Towns",
}


@pytest.mark.parametrize("page_size", ["letter", "a4"])
@pytest.mark.parametrize("title", COVER_TITLES.values(), ids=COVER_TITLES.keys())
def test_the_cover_title_and_subtitle_stay_inside_the_panel(project, tmp_path, title, page_size):
    subtitle = "A Comprehensive Guide to Training, Certification and Your First Job in a Hospital, Clinic or Insurance Office"
    section = project.section("only", "- paragraph: Text.")
    manifest = project.write(
        "handbook.yaml",
        f"title: {title}\nsubtitle: {subtitle}\ncareer: Medical coding\norganisation: {DISTRICT}\nedition: {FAIR}\n"
        f"page_size: {page_size}\nsections: [{section}]\n",
    )
    pdf = build_handbook(manifest, project.root / "out.pdf").output
    bottom = panel_bottom(pdf, 1, tmp_path)
    cover = page_words(pdf)[0]
    on_panel = [w for w in cover.words if w.y1 < bottom]
    assert " ".join(w.text for w in on_panel) == f"MEDICAL CODING {title} {subtitle}"
    assert all(w.x1 <= cover.width - MARGIN_SIDE + 0.5 for w in cover.words)
    assert all(w.y0 > bottom + 10 and w.y1 < cover.height - MARGIN_BOTTOM for w in cover.words if w not in on_panel)
    assert not overlapping_words(cover.words)


def test_a_cover_title_that_fits_as_it_is_keeps_the_panel_and_size_it_always_had(default_pdf, tmp_path):
    from handbook.build import validated
    from handbook.page_sizes import PAGE_SIZES
    from handbook.render.pages import cover_layout
    from handbook.render.theme import styles_for

    handbook = validated(ROOT / "handbook.yaml").handbook
    width, height = PAGE_SIZES["letter"]
    layout = cover_layout(handbook, styles_for(handbook.theme), width, height)
    assert layout.panel_bottom == height * 0.42 and layout.styles["title"].fontSize == 38 and not layout.problems
    assert panel_bottom(default_pdf, 1, tmp_path) == pytest.approx(height * 0.58, abs=1)


def test_a_title_too_long_for_the_cover_fails_the_build_at_its_line_and_leaves_an_earlier_pdf(project):
    from click.testing import CliRunner

    from handbook.cli import main

    section = project.section("only", "- paragraph: Text.")
    project.write("handbook.yaml", f"sections: [{section}]\ntitle: {' '.join([LONG_TITLE] * 14)}\n")
    earlier = project.root / "out.pdf"
    earlier.write_bytes(b"the earlier PDF")
    result = CliRunner().invoke(main, ["build", "handbook.yaml", "-o", "out.pdf"])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output.splitlines() == [
        "handbook.yaml:2: title: about 183 characters too long to fit the cover, even at 23 pt (the smallest it is set); "
        "shorten it to about 614 characters",
        "1 problem found.",
    ]
    assert earlier.read_bytes() == b"the earlier PDF" and sorted(p.name for p in project.root.iterdir()) == [
        "handbook.yaml",
        "out.pdf",
        "sections",
    ]


def test_a_school_name_too_long_for_both_covers_is_reported_once_at_the_name_in_the_profile_with_the_shorter_length(project):
    from handbook.errors import ContentError

    guide = long_guide(project)
    name = " ".join(["Northgate Community College of Allied Health and Technical Sciences"] * 40)
    school = project.write("schools/long.yaml", f"handbook: ../{guide.name}\nschool:\n  email: a@b.org\n  name: {name}\n")
    with pytest.raises(ContentError) as failure:
        build_handbook(None, project.root / "school.pdf", school=school)
    problems = [str(p) for p in failure.value.problems]
    assert [p.split(": about")[0] for p in problems] == ["schools/long.yaml:4: school.name"]
    assert "to fit the cover," in problems[0]  # it must be shorter there than on the back cover


def test_a_running_text_shortened_with_an_ellipsis_is_a_warning_at_its_line(project):
    """Only past two lines at the smallest size is a header's or footer's text shortened: the build says so, at the field's line."""
    first = project.section("first", "- paragraph: A short section.", title="Introduction " * 30)
    organisation = (
        "Office of College, Career and Technical Education Readiness of the Greater Metropolitan Unified School District of the County"
    )
    edition = (
        "Spring career fair edition for students, parents, guardians, grandparents, aunts, uncles and every family of the district, "
        "academic year 2026-27, printed for the fair"
    )
    project.write("handbook.yaml", f"title: A Guide\norganisation: {organisation}\nedition: {edition}\nsections: [{first}]\n")
    warnings = [str(w) for w in build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").warnings]
    assert [w.split(": '")[0] for w in warnings] == ["handbook.yaml:2: warning: footer", "sections/first.yaml:1: warning: title"]
    assert "is too long for the running footer even on two lines at 7 pt, so it is shortened there with '…'" in warnings[0]
    assert "running header" in warnings[1]


@pytest.mark.parametrize(
    "manifest", ["handbook.yaml", "tests/layout/district-footer/handbook.yaml", "tests/layout/long-header/handbook.yaml"]
)
def test_texts_that_fit_their_running_header_and_footer_give_no_warning(manifest, tmp_path):
    from tests.conftest import ROOT

    assert build_handbook(ROOT / manifest, tmp_path / "out.pdf").warnings == ()


@pytest.mark.slow
@pytest.mark.parametrize(("school", "language"), [(None, None), ("riverside", "es-US"), ("northgate", None), ("northgate", "es-US")])
def test_no_word_of_the_shipped_editions_crosses_the_side_margins(tmp_path, school, language):
    """The chart's last axis figure and the QR code's caption stay inside the margins too, as poppler reads the page."""
    profile = ROOT / f"schools/{school}.yaml" if school else None
    pdf = build_handbook(None if school else ROOT / "handbook.yaml", tmp_path / "out.pdf", school=profile, language=language).output
    outside = [
        (number, word.text)
        for number, page in enumerate(page_words(pdf), 1)
        for word in page.words
        if word.x0 < MARGIN_SIDE - 0.01 or word.x1 > page.width - MARGIN_SIDE + 0.01
    ]
    assert outside == []
