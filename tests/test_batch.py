"""Batch builds: every edition in one run, failures isolated, nothing partial left behind."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from handbook.batch import plan_outputs
from handbook.cli import main
from handbook.errors import HandbookError
from tests.conftest import ROOT, page_texts


@pytest.fixture
def school_project(project):
    for name in ("handbook.yaml", "es", "sections", "schools", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, project.root / name)
    return project


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.slow
def test_one_broken_profile_does_not_stop_the_others(school_project, jobs):
    root = school_project.root
    out = root / "build/schools"
    out.mkdir(parents=True)
    (out / "lakeside.pdf").write_bytes(b"the earlier edition")
    profile = root / "schools/lakeside.yaml"
    profile.write_text(profile.read_text().replace("exclude: [benefits]", "exclude: [benefit]"))
    result = CliRunner().invoke(
        main, ["batch", "schools/riverside.yaml", "schools/lakeside.yaml", "schools/northgate.yaml", "-o", "build/schools", "-j", jobs]
    )
    assert result.exit_code == 1
    assert "schools/lakeside.yaml: edition not built:" in result.output
    assert "schools/lakeside.yaml:15: exclude: no section 'benefit' in the base guide" in result.output
    assert "built 2, failed 1 in" in result.output
    assert (out / "lakeside.pdf").read_bytes() == b"the earlier edition"
    assert "Riverside High School" in page_texts(out / "riverside.pdf")[0]
    assert "Northgate Community College" in page_texts(out / "northgate.pdf")[0]
    # build/schools is where editions go by default, so each built one has its depfile for make
    assert sorted(p.name for p in out.iterdir()) == ["lakeside.pdf", "northgate.d", "northgate.pdf", "riverside.d", "riverside.pdf"]


@pytest.mark.slow
def test_batch_output_equals_single_builds(school_project):
    runner = CliRunner()
    assert runner.invoke(main, ["batch", "schools/riverside.yaml", "schools/northgate.yaml", "-o", "b", "-j", "2"]).exit_code == 0
    assert runner.invoke(main, ["build", "--school", "schools/riverside.yaml", "-o", "single.pdf"]).exit_code == 0
    assert (school_project.root / "b/riverside.pdf").read_bytes() == (school_project.root / "single.pdf").read_bytes()


@pytest.mark.slow
def test_both_languages_build_the_same_with_four_workers_as_with_one_and_as_single_builds(school_project):
    profiles = ["schools/riverside.yaml", "schools/lakeside.yaml", "schools/northgate.yaml"]
    runner = CliRunner()
    for jobs in ("1", "4"):
        result = runner.invoke(main, ["batch", *profiles, "--translations", "-o", f"j{jobs}", "-j", jobs])
        assert result.exit_code == 0, result.output
        assert "built 6, failed 0" in result.output
    names = sorted(p.name for p in (school_project.root / "j1").iterdir())
    assert names == [f"{school}{language}.pdf" for school in ("lakeside", "northgate", "riverside") for language in (".es-US", "")]
    for name in names:
        assert (school_project.root / "j1" / name).read_bytes() == (school_project.root / "j4" / name).read_bytes(), name
    assert runner.invoke(main, ["build", "--school", "schools/lakeside.yaml", "--language", "es-US", "-o", "single.pdf"]).exit_code == 0
    assert (school_project.root / "single.pdf").read_bytes() == (school_project.root / "j4/lakeside.es-US.pdf").read_bytes()


def test_depfiles_are_written_beside_each_pdf(school_project):
    result = CliRunner().invoke(main, ["batch", "schools/lakeside.yaml", "-o", "out", "--depfiles"])
    assert result.exit_code == 0, result.output
    depfile = (school_project.root / "out/lakeside.d").read_text()
    first = depfile.split("\n\n")[0]
    assert first.startswith("out/lakeside.pdf: \\\n")
    for expected in (
        "schools/lakeside.yaml",
        "handbook.yaml",
        "sections/salary.yaml",
        "schools/lakeside/next-steps.yaml",
        "assets/logos/lakeside.png",
        "Lato-Regular.ttf",
    ):
        assert expected in first, expected
    assert "sections/benefits.yaml" not in first
    assert "sections/conclusion.yaml" not in first


def test_two_profiles_writing_one_file_is_an_error_before_building(school_project):
    (school_project.root / "other").mkdir()
    shutil.copyfile(school_project.root / "schools/riverside.yaml", school_project.root / "other/riverside.yaml")
    with pytest.raises(HandbookError, match="would write out/riverside.pdf, as schools/riverside.yaml does"):
        plan_outputs(
            [(school_project.root / "schools/riverside.yaml", None), (school_project.root / "other/riverside.yaml", None)],
            school_project.root / "out",
        )
    result = CliRunner().invoke(main, ["batch", "schools/riverside.yaml", "other/riverside.yaml", "-o", "out"])
    assert result.exit_code == 1
    assert "other/riverside.yaml:1: would write out/riverside.pdf" in result.output
    assert not (school_project.root / "out").exists()


def test_a_batch_for_a_print_shop_gives_every_edition_its_bleed(school_project):
    from pypdf import PdfReader

    result = CliRunner().invoke(main, ["batch", "schools/riverside.yaml", "schools/lakeside.yaml", "-o", "out", "-j", "1", "--print-shop"])
    assert result.exit_code == 0, result.output
    for name in ("riverside", "lakeside"):
        pages = PdfReader(school_project.root / f"out/{name}.pdf").pages
        assert all([float(v) for v in page["/TrimBox"]] == [9, 9, 621, 801] for page in pages)


@pytest.mark.slow
def test_editions_of_one_warm_worker_equal_editions_built_alone_in_fresh_processes(school_project):
    """One worker builds every edition twice, each after the others (its caches warm with logos, QR codes,
    covers, sections); each PDF has the bytes of that edition built alone by a new process."""
    import subprocess
    import sys

    names = ["riverside", "northgate", "lakeside"]
    for name in names:
        shutil.copyfile(school_project.root / f"schools/{name}.yaml", school_project.root / f"schools/{name}-again.yaml")
    profiles = [f"schools/{name}{again}.yaml" for again in ("", "-again") for name in names]
    assert CliRunner().invoke(main, ["batch", *profiles, "-o", "batch", "-j", "1"]).exit_code == 0
    for name in names:
        alone = school_project.root / f"{name}-alone.pdf"
        subprocess.run([sys.executable, "-m", "handbook", "build", "--school", f"schools/{name}.yaml", "-o", str(alone)], check=True)
        assert (school_project.root / f"batch/{name}.pdf").read_bytes() == alone.read_bytes()
        assert (school_project.root / f"batch/{name}-again.pdf").read_bytes() == alone.read_bytes()
