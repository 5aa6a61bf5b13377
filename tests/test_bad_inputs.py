"""The corpus of bad inputs in tests/bad/: each case gives exactly its expected messages, exit 1, no PDF.

A case is a file and, beside it, a `.expect` file with the lines the build must print.
`sections/` cases are section files; `manifests/` cases are manifests beside a good section.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.cli import main

BAD = Path(__file__).parent / "bad"
SECTION_CASES = sorted((BAD / "sections").glob("*.yaml"))
MANIFEST_CASES = sorted((BAD / "manifests").glob("*.yaml"))
GOOD_SECTION = "title: Good\nblocks:\n  - paragraph: Fine.\n"
BROKEN_SECTION = "title: Broken\nblocks:\n  - paragraph: Fine.\n  - bullets: []\n"


def run_build(project_root: Path) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["build", "handbook.yaml", "-o", "out/guide.pdf"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output.splitlines()


def expected_lines(case: Path) -> list[str]:
    return case.with_suffix(".expect").read_text(encoding="utf-8").splitlines()


def check_failure(project_root: Path, case: Path) -> None:
    code, lines = run_build(project_root)
    expected = expected_lines(case)
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found."
    assert not (project_root / "out").exists() or not any((project_root / "out").iterdir())


@pytest.mark.parametrize("case", SECTION_CASES, ids=lambda p: p.stem)
def test_bad_section_file(case, project):
    (project.root / "sections").mkdir(exist_ok=True)
    shutil.copyfile(case, project.root / "sections" / case.name)
    project.manifest(f"sections/{case.name}")
    check_failure(project.root, case)


@pytest.mark.parametrize("case", MANIFEST_CASES, ids=lambda p: p.stem)
def test_bad_manifest(case, project):
    project.write("sections/good.yaml", GOOD_SECTION)
    project.write("sections/broken.yaml", BROKEN_SECTION)
    shutil.copyfile(case, project.root / "handbook.yaml")
    check_failure(project.root, case)


def test_every_case_has_its_expected_messages():
    for case in SECTION_CASES + MANIFEST_CASES:
        assert case.with_suffix(".expect").is_file(), f"{case.name} has no .expect file"
    assert len(SECTION_CASES) + len(MANIFEST_CASES) >= 20
