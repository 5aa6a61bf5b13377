"""Paths named in content: where a missing file was looked for, what was meant, and why the system refused one.

Cases that can be files live in tests/bad/; these need a symbolic link, a permission or a name made here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from click.testing import CliRunner

from handbook.cli import main

LOOP = "it leads into a loop of symbolic links; point the link at a real file"


def invoke(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_a_section_that_is_a_loop_of_links_is_named_at_its_line(project):
    project.section("good", "- paragraph: Fine.")
    os.symlink("loop.yaml", project.root / "sections/loop.yaml")
    project.manifest("sections/good.yaml", "sections/loop.yaml")
    result = invoke("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"handbook.yaml:4: sections[2]: section file 'sections/loop.yaml' cannot be used: {LOOP}"


def test_an_image_and_a_logo_behind_a_loop_of_links_are_named_at_their_lines(project):
    os.makedirs(project.root / "assets")
    os.symlink("a.png", project.root / "assets/b.png")
    os.symlink("b.png", project.root / "assets/a.png")
    project.manifest(project.section("one", "- image: {file: assets/a.png, alt: A picture}"))
    project.write("schools/x.yaml", "school:\n  name: X\n  logo: assets/b.png\n")
    result = invoke("check", "--school", "schools/x.yaml")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"schools/x.yaml:3: school.logo: file 'assets/b.png' cannot be used: {LOOP}" in lines
    assert f"sections/one.yaml:3: blocks[1].image.file: file 'assets/a.png' cannot be used: {LOOP}" in lines


def test_a_manifest_that_is_a_loop_of_links_is_a_message(project):
    os.symlink("loop.yaml", project.root / "loop.yaml")
    result = invoke("check", "loop.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"loop.yaml:1: cannot be read: {LOOP}"


def test_a_manifest_name_too_long_for_the_file_system_is_a_message(project):
    name = "m" * 300 + ".yaml"
    result = invoke("check", name)
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == f"{name}:1: cannot be read: this path is too long; use a shorter file or folder name"


def test_a_section_in_a_folder_without_permission_is_named_at_its_line():
    from tests.test_output import unprivileged

    root = Path(tempfile.mkdtemp(prefix="handbook-perm-"))
    cwd = Path.cwd()
    try:
        os.chmod(root, 0o755)
        (root / "sections").mkdir()
        (root / "sections/good.yaml").write_text("title: Good\nblocks:\n  - paragraph: Fine.\n")
        (root / "locked").mkdir()
        (root / "locked/day.yaml").write_text("title: Day\nblocks:\n  - paragraph: Hi.\n")
        (root / "handbook.yaml").write_text("title: T\nsections:\n  - sections/good.yaml\n  - locked/day.yaml\n")
        os.chdir(root)
        assert invoke("check").exit_code == 0  # everything the check imports is loaded while it can be read
        os.chmod(root / "locked", 0o700)
        import difflib  # noqa: F401 - imported when reporting, which nobody may not be able to do

        with unprivileged():
            result = invoke("check")
    finally:
        os.chdir(cwd)
        shutil.rmtree(root)
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[0] == (
        "handbook.yaml:4: sections[2]: section file 'locked/day.yaml' cannot be used: permission denied; make the file and the folders above it readable"
    )


def test_a_missing_file_in_a_subfolder_names_that_folder_and_the_closest_file(project):
    project.write("guides/dental/sections/day.yaml", "title: Day\nblocks:\n  - paragraph: Hi.\n")
    project.write("guides/dental/handbook.yaml", "title: Dental\nsections:\n  - sections/dya.yaml\n")
    result = invoke("check", "guides/dental/handbook.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "guides/dental/handbook.yaml:3: sections[1]: section file 'sections/dya.yaml' not found in guides/dental; "
        "expected a YAML file relative to that folder; did you mean sections/day.yaml?"
    )


def test_a_file_with_other_capitals_is_suggested_as_written_on_disk(project):
    project.section("Day", "- paragraph: Hi.")
    project.manifest("sections/day.yaml")
    result = invoke("check")
    assert result.exit_code == 1
    assert result.output.splitlines()[0].endswith("did you mean sections/Day.yaml?")


def test_a_mistyped_manifest_in_another_folder_is_suggested_as_it_would_be_typed(project, monkeypatch):
    project.write("guide/handbook.yaml", "title: T\nsections: []\n")
    result = invoke("check", "guide/handbok.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        "guide/handbok.yaml:1: file not found in guide; expected a YAML file at this path; did you mean guide/handbook.yaml?"
    )


def test_a_mistyped_manifest_name_suggests_the_manifest(project):
    project.manifest(project.section("one", "- paragraph: Hi."))
    result = invoke("check", "handbok.yaml")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"handbok.yaml:1: file not found in {project.root}; expected a YAML file at this path; did you mean handbook.yaml?"
    )
