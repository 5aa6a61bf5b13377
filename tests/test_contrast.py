"""Theme colours with too little contrast for their text: the WCAG 2.1 ratio, and the warning at the key that sets the colour."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from handbook.cli import main
from handbook.validate.contrast import contrast_ratio, is_large, relative_luminance, shown_ratio
from tests.conftest import ROOT

# The shipped guide, the school editions and the template are drawn in colours that pass: no warning.
SHIPPED = ["handbook.yaml", "schools/lakeside.yaml", "schools/northgate.yaml", "schools/riverside.yaml"]


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#000000", 21.0),
        ("#777777", "#ffffff", 4.478),
        ("#767676", "#ffffff", 4.542),
        ("#1d4e89", "#1d4e89", 1.0),
        ("#0000ff", "#ffffff", 8.592),
    ],
)
def test_contrast_ratio_of_known_pairs(first, second, expected):
    assert contrast_ratio(first, second) == pytest.approx(expected, abs=0.001)


def test_relative_luminance_runs_from_black_to_white():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1)
    assert relative_luminance("#FF0000") == pytest.approx(0.2126)


def test_large_text_is_18_pt_or_14_pt_bold():
    assert is_large(18, bold=False) and is_large(14, bold=True) and is_large(38, bold=True)
    assert not is_large(17.5, bold=False) and not is_large(14, bold=False) and not is_large(13, bold=True)


def test_a_ratio_just_short_of_its_minimum_never_reads_as_reaching_it():
    assert shown_ratio(2.784, 4.5) == "2.8:1"
    assert shown_ratio(4.478, 4.5) == "4.47:1"
    assert shown_ratio(2.96, 3.0) == "2.96:1"


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def guide(project, theme: str) -> None:
    project.write("sections/intro.yaml", "title: Intro\nblocks:\n  - callout: A tip.\n")
    project.manifest("sections/intro.yaml", extra=f"theme:\n{theme}")


def test_a_light_primary_warns_at_its_line_and_fails_only_with_strict(project):
    guide(project, '  primary: "#7aa6d6"\n')
    result = check()
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 7 and lines[-1] == "handbook.yaml: ok (1 section)"
    assert all(line.startswith('handbook.yaml:3: warning: theme colour primary "#7aa6d6" has a contrast of') for line in lines[:-1])
    strict = check("--strict")
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == "6 problems found."
    built = CliRunner().invoke(main, ["build", "-o", "out.pdf"])
    assert built.exit_code == 0 and "warning: theme colour primary" in built.output and (project.root / "out.pdf").is_file()


def test_the_accent_colours_no_text_and_is_not_checked(project):
    """The accent is drawn in bars, rules and bullets only (callout titles are in the primary colour)."""
    guide(project, '  primary: "#1d4e89"\n  accent: "#f2f2f2"\n')
    assert check("--strict").exit_code == 0


def test_a_light_primary_names_each_use_once_by_background_and_size(project):
    guide(project, '  primary: "#7aa6d6"\n')
    lines = check().output.splitlines()
    need_text = "text this size needs at least 4.5:1 (WCAG 2.1 AA): choose a darker colour"
    need_large = "large text (18 pt and up, or 14 pt bold) needs at least 3:1 (WCAG 2.1 AA): choose a darker colour"
    colour = 'handbook.yaml:3: warning: theme colour primary "#7aa6d6" has a contrast of'
    assert lines == [
        f"{colour} 2.5:1 against the white page (#ffffff), too little for links, checklist and salary table titles, quotes, "
        f"page numbers in the contents, section names in the page headers and step numbers; {need_text}",
        f"{colour} 2.5:1 against the white page (#ffffff), too little for section titles, the organisation's name on the cover "
        f"and the school's name on the back cover; {need_large}",
        f"{colour} 2.1:1 against the tinted background (#e4eaf1), too little for callout titles and links in callouts; {need_text}",
        f"{colour} 2.5:1 with the white text (#ffffff) drawn on it, too little for salary table headings, figures inside "
        f"salary chart bars and the title and edition on the back cover's band; {need_text}",
        f"{colour} 2.3:1 with the white text (#ffffff) on the cover panel, which its pattern of bars lightens to #87afda, "
        f"too little for the cover's title and the cover's subtitle; {need_large}",
        f"{colour} 2.3:1 with the white text (#ffffff) on the cover panel, which its pattern of bars lightens to #87afda, "
        f"too little for the career line on the cover; {need_text}",
        "handbook.yaml: ok (1 section)",
    ]


def test_the_cover_is_measured_where_its_pattern_lightens_the_panel(project):
    """#786460 has 5.5:1 with white and 4.6:1 on the tint, enough on any page, but its cover panel under the pattern has 4.4:1 for the career line."""
    guide(project, '  primary: "#786460"\n  accent: "#9c4a00"\n')
    assert check().output.splitlines()[:-1] == [
        'handbook.yaml:3: warning: theme colour primary "#786460" has a contrast of 4.4:1 with the white text (#ffffff) on the cover '
        "panel, which its pattern of bars lightens to #867470, too little for the career line on the cover; "
        "text this size needs at least 4.5:1 (WCAG 2.1 AA): choose a darker colour"
    ]
    guide(project, '  primary: "#44668c"\n  accent: "#9c4a00"\n')
    assert check("--strict").exit_code == 0


def test_a_colour_written_wrong_is_an_error_and_not_also_a_warning(project):
    guide(project, '  accent: "#f2b13"\n')
    lines = check().output.splitlines()
    assert len(lines) == 2 and "is not a colour" in lines[0] and lines[1] == "1 problem found."


def test_the_colours_left_at_their_default_are_not_the_users_to_fix(project):
    """A theme that sets only some colours is checked for those; the defaults pass."""
    guide(project, '  primary: "#1d4e89"\n')
    assert check("--strict").exit_code == 0


def test_a_school_profile_is_warned_at_its_own_line_and_the_colours_it_replaces_are_not(project):
    guide(project, '  accent: "#f2b134"\n  primary: "#1d4e89"\n')
    project.write("schools/one.yaml", 'school: {name: One}\ntheme:\n  accent: "#9c4a00"\n  primary: "#8fb3dd"\n')
    lines = check("--school", "schools/one.yaml").output.splitlines()
    assert [line.split(" has ")[0] for line in lines[:-1]] == ['schools/one.yaml:4: warning: theme colour primary "#8fb3dd"'] * 6
    assert lines[-1] == "schools/one.yaml: ok (1 section)"


def test_an_edition_warns_about_its_base_guides_colour_once_at_the_guides_line(project):
    guide(project, '  primary: "#7aa6d6"\n')
    project.write("schools/one.yaml", "school: {name: One}\n")
    lines = check("--school", "schools/one.yaml").output.splitlines()
    assert [line.split(" has ")[0] for line in lines[:-1]] == ['handbook.yaml:3: warning: theme colour primary "#7aa6d6"'] * 6
    assert lines[-1] == "schools/one.yaml: ok (1 section)"


@pytest.mark.parametrize("edition", SHIPPED)
def test_the_shipped_guide_and_school_editions_pass(edition, monkeypatch):
    monkeypatch.chdir(ROOT)
    args = [edition] if edition == "handbook.yaml" else ["--school", edition]
    result = check("--strict", *args)
    assert result.exit_code == 0 and "warning" not in result.output, result.output
