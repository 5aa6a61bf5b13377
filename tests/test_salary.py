"""Salary tables: conversions, percentiles, BLS imports, sources, periods and their age."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from handbook.build import build_handbook, load
from handbook.cli import main
from handbook.errors import ContentError
from handbook.model import Figure
from handbook.validate.salary import combine, period_end
from tests.conftest import ROOT, page_texts

SAMPLE = ROOT / "assets/data/oews-sample.csv"


def table(project, body: str, extra: str = "") -> list:
    project.manifest(project.section("pay", body), extra=extra)
    return load(project.root / "handbook.yaml").handbook.sections[0].blocks


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
    project.manifest(project.section("pay", """
        - salary_table:
            source: S
            period: May 2024
            rows:
              - {label: Median, annual: 41600}
        """))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    assert "$41,600" in text and "$20.00" in text
    assert "hourly figures are annual pay divided by 2,080 hours" in text


def test_percentile_rows_show_every_figure_and_a_range_chart(project):
    project.manifest(project.section("pay", """
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
        """))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    for expected in ("10th percentile", "Median", "90th percentile", "Employment", "$46,800", "$73,320", "1,900", "$22.50/hr", "Pay per year", "10th to 90th percentile"):
        assert expected in text, expected


def test_range_chart_needs_percentiles(project):
    with pytest.raises(ContentError, match=r"pay.yaml:4: blocks\[1\].salary_table.rows\[1\]: 'Median' has no 10th and 90th percentile"):
        table(project, """
            - salary_table:
                source: S
                period: May 2024
                chart: range
                rows: [{label: Median, annual: 1000}]
            """)


def test_bls_import_reads_percentiles_and_special_values(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    (block,) = table(project, """
        - salary_table:
            source: BLS OEWS (sample data)
            period: May 2024
            import: {file: oews.csv, occupation: 29-2072, areas: [Alpha State, Beta State, Gamma State]}
        """)
    alpha, beta, gamma = block.rows
    assert alpha.label == "Alpha State"
    assert alpha.wage("median").annual == Figure(51580) and alpha.wage("median").hourly == Figure(24.8)
    assert alpha.employment == Figure(640)
    assert beta.employment == Figure(None, "not_available")
    assert gamma.wage("median").annual == Figure(None, "not_available")


def test_bls_top_coded_wages_print_as_bounds(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    project.manifest(project.section("pay", """
        - salary_table:
            source: BLS OEWS (sample data)
            period: May 2024
            import: {file: oews.csv, occupation: 29-1211}
        """))
    out = build_handbook(project.root / "handbook.yaml", project.root / "o.pdf").output
    text = " ".join("\n".join(page_texts(out)).split())
    assert "$239,200 or more" in text and "$115.00 or more" in text and "$166,400" in text
    assert "#" not in text


def test_unknown_occupation_and_area_name_both_with_close_matches(project):
    shutil.copyfile(SAMPLE, project.root / "oews.csv")
    with pytest.raises(ContentError) as caught:
        table(project, """
            - salary_table:
                source: S
                period: May 2024
                import: {file: oews.csv, occupation: 29-2073}
            - salary_table:
                source: S
                period: May 2024
                import: {file: oews.csv, occupation: 29-2072, areas: [Alpha Stat]}
            """)
    lines = [str(p) for p in caught.value.problems]
    assert lines == [
        "sections/pay.yaml:6: blocks[1].salary_table.import.occupation: occupation code '29-2073' is not in 'oews.csv'; "
        "close matches: 29-2072 (Medical Records Specialists), 29-2071 (Medical Records and Health Information Technicians)",
        "sections/pay.yaml:10: blocks[2].salary_table.import.areas[1]: area 'Alpha Stat' has no row for occupation 29-2072 in 'oews.csv'; did you mean 'Alpha State'?",
    ]


def test_stale_figures_warn_with_file_line_and_period(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    body = "- salary_table: {source: S, period: May 2022, rows: [{label: M, annual: 1}]}"
    project.manifest(project.section("pay", body))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0
    assert "sections/pay.yaml:3: warning: blocks[1].salary_table.period: the figures are for May 2022, more than 3 years before 2026-01-01" in result.output
    project.manifest(project.section("pay", body), extra="salary_max_age_years: 4\n")
    assert "warning" not in CliRunner().invoke(main, ["check"]).output
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")  # 2024-01-01
    project.manifest(project.section("pay", body))
    assert "warning" not in CliRunner().invoke(main, ["check"]).output


def test_missing_source_warns_and_fails_in_strict_mode(project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    project.manifest(project.section("pay", "- salary_table: {period: May 2025, rows: [{label: M, annual: 1}]}"))
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
    project.write("schools/local/pay.yaml", "title: Local pay\nblocks:\n  - salary_table: {source: S, period: May 2020, rows: [{label: M, annual: 1}]}\n")
    project.write("schools/one.yaml", "school: {name: One}\nadd: [{file: local/pay.yaml, after: intro}]\n")
    project.manifest("sections/intro.yaml", extra="salary_max_age_years: 10\n")
    assert "warning" not in CliRunner().invoke(main, ["check", "--school", "schools/one.yaml"]).output
    project.manifest("sections/intro.yaml")
    assert "schools/local/pay.yaml:3: warning: blocks[1].salary_table.period" in CliRunner().invoke(main, ["check", "--school", "schools/one.yaml"]).output
