"""`make schools`: every edition in every language it asks for, incremental rebuilds from depfiles, one batch run, and
parallel builds equal serial ones."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, page_texts

pytestmark = pytest.mark.slow  # runs make, which runs handbook in new processes

SCHOOLS = ("lakeside", "northgate", "riverside")
EDITIONS = tuple(name for school in SCHOOLS for name in (school, f"{school}.es-US"))  # the guide asks for Spanish (translations:)


def copy_project(target: Path) -> Path:
    target.mkdir()
    for name in ("Makefile", "handbook.yaml", "es", "sections", "schools", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def make(project: Path, *args: str) -> str:
    make_tool = shutil.which("make")
    assert make_tool, "make is not installed"
    result = subprocess.run(
        [make_tool, "--no-print-directory", "-C", str(project), *args, f"HANDBOOK={sys.executable} -m handbook", "TOOL="],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def mtimes(project: Path) -> dict[str, int]:
    return {name: (project / f"build/schools/{name}.pdf").stat().st_mtime_ns for name in EDITIONS}


def touch(path: Path) -> None:
    """Give `path` the current time, which is after every PDF built so far (make compares nanoseconds)."""
    time.sleep(0.01)
    os.utime(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("make") / "project")
    output = make(project, "schools")
    assert output.count("built ") == 1 and "built 6, failed 0" in output
    return project


def test_make_schools_builds_every_edition_in_one_batch(built):
    for name in EDITIONS:
        assert (built / f"build/schools/{name}.pdf").is_file()
        assert (built / f"build/schools/{name}.d").is_file()


def test_second_run_builds_nothing(built):
    before = mtimes(built)
    assert make(built, "schools") == ""
    assert mtimes(built) == before


def changed(project: Path, before: dict[str, int]) -> list[str]:
    after = mtimes(project)
    return [name for name in EDITIONS if after[name] != before[name]]


def test_touching_a_section_rebuilds_only_the_editions_that_use_it(built):
    before = mtimes(built)
    touch(built / "sections/benefits.yaml")  # lakeside excludes it; a Spanish edition prints its translation, checked against it
    output = make(built, "schools")
    assert "built 4, failed 0" in output
    assert changed(built, before) == ["northgate", "northgate.es-US", "riverside", "riverside.es-US"]


def test_touching_a_translation_rebuilds_only_the_editions_in_its_language(built):
    before = mtimes(built)
    touch(built / "sections/es/introduction.yaml")
    assert "built 3, failed 0" in make(built, "schools")
    assert changed(built, before) == ["lakeside.es-US", "northgate.es-US", "riverside.es-US"]


@pytest.mark.parametrize(
    ("touched", "editions"),
    [
        ("schools/riverside/pathway.yaml", ["riverside", "riverside.es-US"]),
        ("schools/lakeside.yaml", ["lakeside", "lakeside.es-US"]),
        ("schools/riverside/es/pathway.yaml", ["riverside.es-US"]),
        ("schools/es/northgate.yaml", ["northgate.es-US"]),
    ],
)
def test_touching_a_profile_or_its_own_section_rebuilds_only_its_editions(built, touched, editions):
    before = mtimes(built)
    touch(built / touched)
    assert f"built {len(editions)}, failed 0" in make(built, "schools")
    assert changed(built, before) == editions


def test_a_spanish_edition_is_in_spanish(built):
    text = "\n".join(page_texts(built / "build/schools/riverside.es-US.pdf"))
    assert "Carreras en codificación médica" in text and "Feria de Carreras de Primavera" in text
    assert "Medical Coding Careers" not in text and "Spring Career Fair" not in text


def test_parallel_make_equals_serial_make(tmp_path):
    serial = copy_project(tmp_path / "serial")
    parallel = copy_project(tmp_path / "parallel")
    make(serial, "-j1", "schools")
    make(parallel, "-j4", "schools")
    for name in EDITIONS:
        assert (serial / f"build/schools/{name}.pdf").read_bytes() == (parallel / f"build/schools/{name}.pdf").read_bytes()


def run_handbook(project: Path, *args: str) -> None:
    result = subprocess.run([sys.executable, "-m", "handbook", *args], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_edition_built_by_hand_names_its_inputs_so_make_rebuilds_it_after_an_edit(tmp_path):
    project = copy_project(tmp_path / "project")
    run_handbook(project, "build", "--school", "schools/riverside.yaml")
    assert (project / "build/schools/riverside.d").is_file()
    assert "built 5, failed 0" in make(project, "schools")  # the hand-built edition is up to date
    before = mtimes(project)
    pathway = project / "schools/riverside/pathway.yaml"
    pathway.write_text(
        pathway.read_text(encoding="utf-8").replace("Health Careers Pathway", "Health Sciences Pathway", 1), encoding="utf-8"
    )
    assert "built 2, failed 0" in make(project, "schools")
    assert changed(project, before) == ["riverside", "riverside.es-US"]
    assert "Health Sciences Pathway" in "\n".join(page_texts(project / "build/schools/riverside.pdf"))


def test_pdf_without_its_depfile_is_stale(tmp_path):
    project = copy_project(tmp_path / "project")
    make(project, "schools", "pdf")
    for depfile in ("build/schools/lakeside.d", "build/medical-coding-careers.d"):
        (project / depfile).unlink()
    assert "built 1, failed 0" in make(project, "schools")
    assert "medical-coding-careers.pdf" in make(project, "pdf")
    assert make(project, "schools") == ""


def test_editions_depend_on_the_code(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "handbook", project / "handbook", ignore=shutil.ignore_patterns("__pycache__"))
    make(project, "schools")
    touch(project / "handbook/build.py")
    assert "built 6, failed 0" in make(project, "schools")


def test_make_proofs_makes_a_sheet_of_every_edition_and_then_only_of_what_changed(tmp_path):
    project = copy_project(tmp_path / "project")
    output = make(project, "proofs")
    sheets = [f"{name}{shade}-sheet.png" for name in ("medical-coding-careers", *EDITIONS) for shade in ("", "-gray")]
    for sheet in sheets:
        assert f"wrote build/proofs/{sheet}" in output
        assert (project / "build/proofs" / sheet).is_file()
    assert "wrote" not in make(project, "proofs")
    touch(project / "schools/riverside.yaml")
    output = make(project, "proofs")
    assert sorted(line for line in output.splitlines() if line.startswith("wrote build/proofs/")) == [
        "wrote build/proofs/riverside-gray-sheet.png (greys, 50 dpi)",
        "wrote build/proofs/riverside-sheet.png (50 dpi)",
        "wrote build/proofs/riverside.es-US-gray-sheet.png (greys, 50 dpi)",
        "wrote build/proofs/riverside.es-US-sheet.png (50 dpi)",
    ]


def test_a_profile_added_then_removed_is_built_in_every_language_then_forgotten(tmp_path):
    project = copy_project(tmp_path / "project")
    make(project, "schools")
    eastside = project / "schools/eastside.yaml"
    eastside.write_text("school: {name: Eastside High}\n", encoding="utf-8")
    assert "built 2, failed 0" in make(project, "schools")  # in English and in the guide's es-US
    assert "Eastside High" in page_texts(project / "build/schools/eastside.es-US.pdf")[0]
    eastside.unlink()
    assert make(project, "schools") == ""
