"""Salary tables: conversions, percentiles, BLS imports, sources, periods and their age."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from handbook.build import build_handbook, validated
from handbook.cli import main
from handbook.errors import ContentError
from handbook.model import Figure
from handbook.validate.salary import period_end
from handbook.validate.wages import combine
from tests.conftest import ROOT, page_texts

SAMPLE = ROOT / "assets/data/oews-sample.csv"


def table(project, body: str, extra: str = "") -> list:
    project.manifest(project.section("pay", body), extra=extra)
    return validated(project.root / "handbook.yaml").handbook.sections[0].blocks


def test_hourly_and_annual_convert_at_2080_hours():
    wages = combine({"value": Figure(42630)}, {"median": Figure(20.5)})
    value, median = wages
    assert value.hourly == Figure(20.5, "derived")  # 42630 / 2080 = 20.4952 -> $20.50
    assert median.annual == Figure(42640, "derived")


def test_top_coded_and_missing_figures_are_not_converted():
    (wage,) = combine({"pct90": Figure(239200, "top_coded")}, {})
    assert wage.hourly is None


def test_period_end():
    assert period_end("May 2020") == date(2020, 5, 31)
    assert period_end("2020") == date(2020, 12, 31)
    assert period_end("Feb 2024") == date(2024, 2, 29)
    assert period_end("recent") is None


def test_the_table_says_how_figures_were_converted(project):
    project.manifest(
        project.section(
            "pay",
            """
        - salary_table:
            source: S
            period: May 2024
            rows:
              - {label: Median, annual: 41600}
        """,
        )
    )
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    assert "$41,600" in text and "$20.00" in text
    assert "hourly figures are annual pay divided by 2,080 hours" in text


def test_percentile_rows_show_every_figure_and_a_range_chart(project):
    project.manifest(
        project.section(
            "pay",
            """
        - salary_table:
            source: Test survey
            period: May 2024
            chart: range
            rows:
              - label: Coders
                annual: {pct10: 30000, pct25: 36000, median: 46800, pct75: 58000, pct90: 73320}
                employment: 1900
              - label: All jobs
                comparison: true
                annual: {pct10: 29120, median: 47840, pct90: 114400}
        """,
        )
    )
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    for expected in (
        "10th percentile",
        "Median",
        "90th percentile",
        "Employment",
        "$46,800",
        "$73,320",
        "1,900",
        "$22.50/hr",
        "Pay per year",
        "10th to 90th percentile",
    ):
        assert expected in text, expected


def test_range_chart_needs_percentiles(project):
    with pytest.raises(ContentError, match=r"pay.yaml:4: blocks\[1\].salary_table.rows\[1\]: 'Median' has no 10th and 90th percentile"):
        table(
            project,
            """
            - salary_table:
                source: S
                period: May 2024
                chart: range
                rows: [{label: Median, annual: 1000}]
            """,
        )


def test_bls_import_reads_percentiles_and_special_values(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    (block,) = table(
        project,
        """
        - salary_table:
            source: BLS OEWS (sample data)
            period: May 2024
            import: {file: oews.csv, occupation: 29-2072, areas: [Alpha State, Beta State, Gamma State]}
        """,
    )
    alpha, beta, gamma = block.rows
    assert alpha.label == "Alpha State"
    assert alpha.wage("median").annual == Figure(51580) and alpha.wage("median").hourly == Figure(24.8)
    assert alpha.employment == Figure(640)
    assert beta.employment == Figure(None, "not_available")
    assert gamma.wage("median").annual == Figure(None, "not_available")


def test_bls_top_coded_wages_print_as_bounds(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    project.manifest(
        project.section(
            "pay",
            """
        - salary_table:
            source: BLS OEWS (sample data)
            period: May 2024
            import: {file: oews.csv, occupation: 29-1211}
        """,
        )
    )
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    assert "$239,200 or more" in text and "$115.00 or more" in text and "$166,400" in text
    assert "#" not in text


def test_unknown_occupation_and_area_name_both_with_close_matches(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    with pytest.raises(ContentError) as caught:
        table(
            project,
            """
            - salary_table:
                source: S
                period: May 2024
                import: {file: oews.csv, occupation: 29-2073}
            - salary_table:
                source: S
                period: May 2024
                import: {file: oews.csv, occupation: 29-2072, areas: [Alpha Stat]}
            """,
        )
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "sections/pay.yaml:6: blocks[1].salary_table.import.occupation: occupation code '29-2073' is not in 'oews.csv'; "
        "close matches: 29-2072 (Medical Records Specialists), 29-2071 (Medical Records and Health Information Technicians)",
        "sections/pay.yaml:10: blocks[2].salary_table.import.areas[1]: area 'Alpha Stat' has no row for occupation 29-2072 in 'oews.csv'; did you mean 'Alpha State'?",
    ]


def test_stale_figures_warn_with_file_line_and_period(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    body = "- salary_table: {source: S, period: May 2022, rows: [{label: M, annual: 42630}]}"
    project.manifest(project.section("pay", body))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert (
        "sections/pay.yaml:3: warning: blocks[1].salary_table.period: the figures are for May 2022, more than 3 years before 2026-01-01"
        in result.output
    )
    project.manifest(project.section("pay", body), extra="salary_max_age_years: 4\n")
    assert_checks_clean(["check"])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")  # 2024-01-01
    project.manifest(project.section("pay", body))
    assert_checks_clean(["check"])


def assert_checks_clean(args: list[str]) -> None:
    """The check passes and prints no warning (not merely no warning because it stopped at an error)."""
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert ": ok (" in result.output.splitlines()[-1], result.output


def test_missing_source_warns_and_fails_in_strict_mode(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    project.manifest(project.section("pay", "- salary_table: {period: May 2025, rows: [{label: M, annual: 42630}]}"))
    lenient = CliRunner().invoke(main, ["check"])
    assert lenient.exit_code == 0
    assert "sections/pay.yaml:3: warning: blocks[1].salary_table: has no source" in lenient.output
    strict = CliRunner().invoke(main, ["check", "--strict"])
    assert strict.exit_code == 1
    assert "sections/pay.yaml:3: warning: blocks[1].salary_table: has no source" in strict.output
    assert strict.output.splitlines()[-1] == "1 problem found."
    assert CliRunner().invoke(main, ["build", "--strict", "-o", "x.pdf"]).exit_code == 1
    assert not (project.root / "x.pdf").exists()


def test_default_salary_section_matches_its_input(default_pdf):
    text = "\n".join(page_texts(default_pdf))
    assert "$42,630" in text and "more than $73,370" in text
    assert "$20.50" in text and "more than $35.27" in text
    assert "At a glance" in text and "Pay per year" in text
    assert text.count("Source: U.S. Bureau of Labor Statistics, 2020.") == 2


def test_school_sections_follow_the_guides_age_limit(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    project.write("sections/intro.yaml", "title: Intro\nblocks:\n  - paragraph: Hello.\n")
    project.write(
        "schools/local/pay.yaml",
        "title: Local pay\nblocks:\n  - salary_table: {source: S, period: May 2020, rows: [{label: M, annual: 42630}]}\n",
    )
    project.write("schools/one.yaml", "school: {name: One}\nadd: [{file: local/pay.yaml, after: intro}]\n")
    project.manifest("sections/intro.yaml", extra="salary_max_age_years: 10\n")
    assert_checks_clean(["check", "--school", "schools/one.yaml"])
    project.manifest("sections/intro.yaml")
    assert (
        "schools/local/pay.yaml:3: warning: blocks[1].salary_table.period"
        in CliRunner().invoke(main, ["check", "--school", "schools/one.yaml"]).output
    )


def test_check_passes_on_the_shipped_guide_and_school_editions():
    """Their only warning is their accent's contrast for callout titles (tests/test_contrast.py), none about pay."""
    for args in (
        ["check", str(ROOT / "handbook.yaml")],
        *(["check", "--school", str(p)] for p in sorted((ROOT / "schools").glob("*.yaml"))),
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        warnings = [line for line in result.output.splitlines() if "warning:" in line]
        assert len(warnings) == 1 and "theme colour accent" in warnings[0] and "callout titles" in warnings[0], result.output


def test_stale_ok_accepts_old_figures_in_that_table_only(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    project.manifest(
        project.section(
            "pay",
            """
        - salary_table: {source: S, period: May 2020, stale_ok: the latest the state publishes, rows: [{label: M, annual: 42630}]}
        - salary_table: {source: S, period: May 2020, rows: [{label: M, annual: 42630}]}
        """,
        )
    )
    result = CliRunner().invoke(main, ["check", "--strict"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "sections/pay.yaml:4: warning: blocks[2].salary_table.period: the figures are for May 2020, more than 3 years before 2026-01-01; "
        "look for newer figures, say why they are kept with stale_ok:, or raise salary_max_age_years in the manifest",
        "1 problem found.",
    ]


def test_stale_ok_needs_a_reason(project):
    with pytest.raises(ContentError, match=r"pay.yaml:3: blocks\[1\].salary_table.stale_ok: is empty; say why the figures are kept"):
        table(project, "- salary_table: {source: S, period: May 2020, stale_ok: '', rows: [{label: M, annual: 42630}]}")


def test_bls_rows_with_extra_fields_are_named_three_at_a_time(project):
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (project.root / "oews.csv").write_text("\n".join([lines[0]] + [line + "," for line in lines[1:]]) + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        table(project, "- salary_table: {source: S, period: May 2025, import: {file: oews.csv, occupation: 29-2072}}")
    found = [str(p) for p in caught.value.problems]
    assert [line.split(": ")[0] for line in found] == ["oews.csv:2", "oews.csv:3", "oews.csv:4", "oews.csv:5"]
    assert found[-1] == f"oews.csv:5: {len(lines) - 4} more rows, from this one on, have more fields than the header names columns"


def test_bls_rows_with_fewer_fields_than_the_header_read_as_empty(project):
    (project.root / "oews.csv").write_text(SAMPLE.read_text(encoding="utf-8") + "99,Short row\n", encoding="utf-8")
    (block,) = table(
        project, "- salary_table: {source: S, period: May 2025, import: {file: oews.csv, occupation: 29-2072, areas: [Alpha State]}}"
    )
    assert block.rows[0].wage("median").annual == Figure(51580)


def strict_check(project, body: str) -> list[str]:
    project.manifest(project.section("pay", body))
    return CliRunner().invoke(main, ["check", "--strict"]).output.splitlines()


def test_a_point_between_thousands_warns_once_with_what_it_is_read_as(project):
    assert strict_check(
        project,
        """
        - salary_table:
            source: S
            period: "2025"
            rows:
              - {label: Coders, annual: {pct25: 44500, median: 52.000}, employment: 1.900}
        """,
    ) == [
        "sections/pay.yaml:7: warning: blocks[1].salary_table.rows[1].annual.median: '52.000' is read as $52; "
        "if you meant 52,000, write 52000 or 52,000 (a point is only for cents, as in 20.50)",
        "sections/pay.yaml:7: warning: blocks[1].salary_table.rows[1].employment: '1.900' is read as 1.9; "
        "if you meant 1,900, write 1900 or 1,900 (a count has no point)",
        "2 problems found.",
    ]


def test_figures_below_the_minimum_wage_or_above_a_ceiling_warn(project):
    assert strict_check(
        project,
        """
        - salary_table:
            source: S
            period: "2025"
            rows:
              - {label: Typo, annual: 520}
              - {label: Cents, hourly: 0.52}
              - {label: A year as an hour, hourly: 42630}
              - {label: Fine, annual: 15080, hourly: 250}
        """,
    ) == [
        "sections/pay.yaml:7: warning: blocks[1].salary_table.rows[1].annual: $520 a year is less than $15,080, what 2,080 hours "
        "at the U.S. federal minimum wage of $7.25 an hour pay; check the figure (pay per hour goes under hourly:)",
        "sections/pay.yaml:8: warning: blocks[1].salary_table.rows[2].hourly: $0.52 an hour is less than the U.S. federal minimum wage "
        "of $7.25 an hour; check the figure",
        "sections/pay.yaml:9: warning: blocks[1].salary_table.rows[3].hourly: $42,630.00 an hour is more than $250.00, more than any "
        "occupation's typical pay; check the figure (pay per year goes under annual:)",
        "3 problems found.",
    ]


def test_percentiles_out_of_order_warn_at_the_figure_that_breaks_the_order(project):
    assert strict_check(
        project,
        """
        - salary_table:
            source: S
            period: "2025"
            rows:
              - label: Swapped
                annual: {pct10: 30000, pct25: 46000, median: 44000, pct75: 42000}
              - label: Mixed units
                annual: {pct10: 30000}
                hourly: {median: 10}
              - label: In order
                annual: {pct10: 30000, pct25: 30000, pct90: 73000}
                hourly: {median: 20}
        """,
    ) == [
        "sections/pay.yaml:8: warning: blocks[1].salary_table.rows[1].annual.median: the median, $44,000, is less than the "
        "25th percentile, $46,000; percentiles rise from pct10 to pct25, median, pct75 and pct90, so check both figures",
        "sections/pay.yaml:11: warning: blocks[1].salary_table.rows[2].hourly.median: the median, $10.00 an hour ($20,800 a year "
        "at 2,080 hours), is less than the 10th percentile, $30,000 a year; percentiles rise from pct10 to pct25, median, pct75 "
        "and pct90, so check both figures",
        "2 problems found.",
    ]


def built_text(project, body: str) -> str:
    project.manifest(project.section("pay", body))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    return " ".join("\n".join(page_texts(out)).split())


def test_a_bar_worked_out_from_hourly_pay_says_so(project):
    text = built_text(
        project,
        """
        - salary_table:
            source: S
            period: May 2025
            chart: bars
            table: false
            rows:
              - {label: Median annual wage, annual: 42630}
              - {label: Median hourly wage, hourly: 22.04}
        """,
    )
    assert "$45,843" in text and "$22.04 an hour, 2,080 hours a year" in text
    assert "Pay per year" in text


def test_a_chart_of_hourly_rows_plots_hourly_pay(project):
    text = built_text(
        project,
        """
        - salary_table:
            source: S
            period: May 2025
            chart: bars
            rows:
              - {label: Median hourly wage, hourly: 22.04}
              - {label: Entry, hourly: 16.10}
        """,
    )
    assert "Pay per hour" in text and "Pay per year" not in text
    assert text.count("$45,843") == 1  # in the table, not on the chart


def test_a_range_chart_prints_top_coded_figures_as_bounds(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    text = built_text(
        project,
        """
        - salary_table:
            source: BLS OEWS (sample data)
            period: May 2024
            chart: range
            table: false
            import: {file: oews.csv, occupation: 29-1211}
        """,
    )
    assert text.count("$239,200 or more") == 2  # the median's mark and the 90th percentile's whisker
    assert "$166,400" in text and "$239,200 " not in text.replace("$239,200 or more", "")


@pytest.mark.slow
def test_chart_is_on_the_page_of_its_table_when_both_fit_on_one(project):
    names = []
    for k in range(30):
        filler = [f"- paragraph: Filler line {k}.{i} for the layout test." for i in range(k % 15)]
        body = "\n".join(
            [
                *filler,
                "- callout: Before the figures.",
                "- salary_table:",
                f"    title: Pay in {k}",
                "    source: Test data",
                '    period: "2024"',
                "    chart: bars",
                "    rows:",
                f"      - {{label: Coders {k}, annual: 42630}}",
                f"      - {{label: Billers {k}, annual: 39000}}",
                f"      - {{label: Auditors {k}, annual: 61000}}",
            ]
        )
        names.append(project.section(f"s{k:02d}", body, title=f"Section {k}"))
    project.manifest(*names)
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    texts = page_texts(out)
    for k in range(30):
        pages = [n for n, text in enumerate(texts) for _ in re.finditer(rf"\bCoders {k}\b", text)]
        assert len(pages) == 2, f"table {k}: {pages}"  # in the table and beside its bar
        assert pages[0] == pages[1], f"the chart of table {k} is on page {pages[1] + 1}, its table on page {pages[0] + 1}"


def test_chart_apart_from_its_table_repeats_the_title(project):
    rows = [f"      - {{label: Region {i}, annual: {40000 + 900 * i}}}" for i in range(16)]
    body = "\n".join(
        [
            "- salary_table:",
            "    title: Pay by region",
            "    source: Test data",
            '    period: "2024"',
            "    chart: bars",
            "    rows:",
            *rows,
        ]
    )
    project.manifest(project.section("pay", body))
    out = build_handbook(project.root / "handbook.yaml", project.root / "out.pdf").output
    text = "\n".join(page_texts(out)[2:])
    assert "Pay by region, at a glance" in text
    assert "\nAt a glance\n" not in text
