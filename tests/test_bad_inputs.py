"""The corpus of bad inputs in tests/bad/: each case gives exactly its expected messages, exit 1, no PDF.

A case is a file and, beside it, a `.expect` file with the lines the build must print.
`sections/` cases are section files; `manifests/` cases are manifests beside a good section. `{project}` in an `.expect`
file stands for the project's folder, written out in full; `{kinds}` for the registered block kinds as messages list
them (paragraph, bullets, ...), so a new kind does not change the cases of other mistakes.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from handbook.blocks import KINDS
from handbook.cli import main

BAD = Path(__file__).parent / "bad"
SECTION_CASES = sorted((BAD / "sections").glob("*.yaml"))
MANIFEST_CASES = sorted((BAD / "manifests").glob("*.yaml"))
PROFILE_CASES = sorted((BAD / "profiles").glob("*.yaml"))
GOOD_SECTION = "title: Good\nblocks:\n  - paragraph: Fine.\n"
BROKEN_SECTION = "title: Broken\nblocks:\n  - paragraph: Fine.\n  - bullets: []\n"


def run_build(project_root: Path, *args: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(main, ["build", *(args or ["handbook.yaml"]), "-o", "out/guide.pdf"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output.splitlines()


def expected_lines(case: Path, project_root: Path | None = None) -> list[str]:
    """The `.expect` lines; `{project}` in them stands for the project's folder, absolute, `{kinds}` for the block kinds."""
    text = case.with_suffix(".expect").read_text(encoding="utf-8")
    text = text.replace("{kinds}", ", ".join(kind.name for kind in KINDS))
    if project_root is not None:
        text = text.replace("{project}", os.path.realpath(project_root))
    return text.splitlines()


def check_failure(project_root: Path, case: Path, *args: str) -> None:
    code, lines = run_build(project_root, *args)
    expected = expected_lines(case, project_root)
    assert code == 1
    assert lines[:-1] == expected
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found."
    assert not (project_root / "out").exists() or not any((project_root / "out").iterdir())


@pytest.mark.parametrize("case", SECTION_CASES, ids=lambda p: p.stem)
def test_bad_section_file(case, project):
    (project.root / "sections").mkdir(exist_ok=True)
    shutil.copytree(BAD / "assets", project.root / "assets" / "bad")
    shutil.copyfile(case, project.root / "sections" / case.name)
    project.manifest(f"sections/{case.name}")
    check_failure(project.root, case)


@pytest.mark.parametrize("case", MANIFEST_CASES, ids=lambda p: p.stem)
def test_bad_manifest(case, project):
    project.write("sections/good.yaml", GOOD_SECTION)
    project.write("sections/broken.yaml", BROKEN_SECTION)
    shutil.copyfile(case, project.root / "handbook.yaml")
    check_failure(project.root, case)


@pytest.mark.parametrize("case", PROFILE_CASES, ids=lambda p: p.stem)
def test_bad_profile(case, project):
    project.write("sections/intro.yaml", "title: Intro\nblocks:\n  - paragraph: Hello.\n")
    project.write("sections/salary.yaml", "title: Pay\nblocks:\n  - paragraph: Money.\n")
    project.manifest("sections/intro.yaml", "sections/salary.yaml")
    (project.root / "schools").mkdir()
    shutil.copyfile(case, project.root / "schools" / case.name)
    check_failure(project.root, case, "--school", f"schools/{case.name}")


def test_every_case_has_its_expected_messages():
    cases = SECTION_CASES + MANIFEST_CASES + PROFILE_CASES
    for case in cases:
        assert case.with_suffix(".expect").is_file(), f"{case.name} has no .expect file"
    assert len(cases) >= 30
