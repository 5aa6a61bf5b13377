"""`handbook new`: a neutral template that checks and builds at once, with a Makefile, schemas and docs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from handbook.cli import main
from tests.conftest import page_texts

SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)")


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def new_project(project) -> Path:
    result = invoke("new", "guide")
    assert result.exit_code == 0, result.output
    return project.root / "guide"


def test_new_project_is_a_neutral_template_that_checks_and_builds(new_project, monkeypatch):
    files = {str(p.relative_to(new_project)) for p in new_project.rglob("*") if p.is_file()}
    for expected in (
        "handbook.yaml",
        "Makefile",
        "assets/images/sample.png",
        "schools/example-school.yaml",
        "docs/format.md",
        "schema/section.schema.json",
    ):
        assert expected in files
    for name in files:
        if name.endswith((".yaml", "Makefile")):
            assert "medical" not in (new_project / name).read_text(encoding="utf-8").lower(), name
    monkeypatch.chdir(new_project)
    # The template's accent is the default guide's, too light for callout titles: its one warning (tests/test_contrast.py).
    accent = (
        'handbook.yaml:16: warning: theme colour accent "#e07a1f" has a contrast of 2.8:1 against the tinted background (#f3f6f9), '
        "too little for callout titles; text this size needs at least 4.5:1 (WCAG 2.1 AA): choose a darker colour"
    )
    for args, ok in (
        (["check"], "handbook.yaml: ok (5 sections)"),
        (["check", "--school", "schools/example-school.yaml"], "schools/example-school.yaml: ok (6 sections)"),
    ):
        result = invoke(*args)
        assert result.exit_code == 0 and sorted(result.output.splitlines()) == sorted([accent, ok]), result.output
    assert invoke("build").exit_code == 0
    text = "\n".join(page_texts(new_project / "build/career-guide.pdf"))
    assert "Replace this paragraph" in text and "Medical" not in text
    assert invoke("build", "--school", "schools/example-school.yaml").exit_code == 0
    assert "At Example High School" in "\n".join(page_texts(new_project / "build/schools/example-school.pdf"))


def test_every_yaml_file_names_a_schema_it_has_and_matches(new_project):
    for path in sorted(new_project.rglob("*.yaml")):
        match = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
        assert match, f"{path.name} has no $schema line"
        schema_file = (path.parent / match.group(1)).resolve()
        assert schema_file.is_file() and new_project in schema_file.parents, f"{path.name}: {match.group(1)} is not in the project"
        jsonschema.validate(yaml.safe_load(path.read_text(encoding="utf-8")), json.loads(schema_file.read_text()))


def test_files_named_in_comments_exist(new_project):
    named = re.compile(r"[\w./-]+\.(?:md|yaml|json|png)\b")
    for path in sorted([*new_project.rglob("*.yaml"), new_project / "Makefile"]):
        for line in path.read_text(encoding="utf-8").splitlines():
            comment = line.partition("#")[2]
            for name in named.findall(comment):
                if "NAME" in name or "$" in name:
                    continue
                assert (new_project / name).exists() or (path.parent / name).exists(), f"{path.name}: {name} does not exist"


def make(project: Path, *args: str, **env: str) -> str:
    make_tool = shutil.which("make")
    assert make_tool, "make is not installed"
    result = subprocess.run(
        [make_tool, "--no-print-directory", "-C", str(project), *args], capture_output=True, text=True, env={**os.environ, **env}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def without_handbook_on_path() -> str:
    return os.pathsep.join(d for d in os.environ["PATH"].split(os.pathsep) if d and not (Path(d) / "handbook").exists())


@pytest.mark.parametrize("how", ["on PATH", "in .venv", "HANDBOOK="])
@pytest.mark.slow
def test_generated_makefile_builds_checks_and_rebuilds_only_what_changed(new_project, how):
    venv_bin = Path(sys.executable).parent
    if how != "HANDBOOK=" and not (venv_bin / "handbook").is_file():
        pytest.skip("the tests do not run from the virtual environment that has the handbook command")
    settings: list[str] = []
    path = without_handbook_on_path()
    if how == "on PATH":
        path = f"{venv_bin}{os.pathsep}{path}"
    elif how == "in .venv":
        (new_project / ".venv").symlink_to(venv_bin.parent)
    else:
        settings = [f"HANDBOOK={sys.executable} -m handbook"]
    make(new_project, "pdf", "schools", "check", *settings, PATH=path)
    assert (new_project / "build/handbook.pdf").is_file() and (new_project / "build/schools/example-school.pdf").is_file()
    assert "build" not in make(new_project, "pdf", "schools", *settings, PATH=path)
    time.sleep(0.01)  # make compares nanoseconds
    os.utime(new_project / "schools/example-school/at-our-school.yaml")
    again = make(new_project, "pdf", "schools", *settings, PATH=path)
    assert "--school schools/example-school.yaml" in again and "build handbook.yaml" not in again


def test_from_default_copies_the_default_guide(project, monkeypatch):
    result = invoke("new", "guide", "--from-default")
    assert result.exit_code == 0, result.output
    monkeypatch.chdir(project.root / "guide")
    built = invoke("build")
    assert built.exit_code == 0, built.output
    assert "$42,630" in "\n".join(page_texts(project.root / "guide/build/medical-coding-careers.pdf"))
    assert (project.root / "guide/docs/format.md").is_file() and (project.root / "guide/Makefile").is_file()


@pytest.mark.parametrize("name", ["x" * 300, "/proc/no-such-folder/guide"], ids=["too-long", "cannot-be-made"])
def test_a_folder_that_cannot_be_made_is_a_message_not_a_traceback(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["new", name])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert "cannot make the project there: " in result.output


def test_the_sample_files_the_format_reference_offers_are_in_a_new_project(new_project, monkeypatch):
    """The sample files the reference a new project carries offers for trying its examples out are in the project."""
    monkeypatch.chdir(new_project)
    reference = (new_project / "docs/format.md").read_text(encoding="utf-8")
    for name in sorted(set(re.findall(r"\b(assets/(?:images|data)/[\w./-]+\.(?:png|csv))\b", reference))):
        assert (new_project / name).is_file(), f"docs/format.md names {name}, which a new project lacks"
