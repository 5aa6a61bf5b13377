"""The documentation works as written: every YAML example builds, every command shown runs."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from handbook.build import build_handbook
from tests.conftest import ROOT, page_texts

DOCS = (ROOT / "README.md", ROOT / "docs/format.md")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)


def yaml_examples() -> list:
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for match in FENCE.finditer(text):
            if match.group(1) == "yaml":
                line = text.count("\n", 0, match.start()) + 2
                found.append(pytest.param(textwrap.dedent(match.group(2)), id=f"{doc.name}:{line}"))
    return found


def copy_guide(target: Path) -> Path:
    """The default guide, its school profiles and assets, in a folder of their own."""
    target.mkdir()
    for name in ("handbook.yaml", "es", "sections", "schools", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


TRANSLATION = re.compile(r"# ((?:schools/)?es/[\w-]+\.yaml): ")  # an example of a translation names its file first


def as_section(text: str, example) -> str:
    """A section file around the example, which keeps its lines: a whole section, its blocks, or a salary table's rows."""
    if isinstance(example, list):
        return "title: Example\nblocks:\n" + text
    if "rows" in example:
        return 'title: Example\nblocks:\n  - salary_table:\n      source: Example\n      period: "2024"\n' + textwrap.indent(text, " " * 6)
    return text if "title" in example else "title: Example\n" + text


@pytest.mark.parametrize("text", yaml_examples())
def test_yaml_example_builds(text, tmp_path, monkeypatch):
    project = copy_guide(tmp_path / "project")
    monkeypatch.chdir(project)
    example = yaml.safe_load(text)
    translation = TRANSLATION.match(text)
    if translation:
        (project / translation.group(1)).write_text(text, encoding="utf-8")
        school = project / "schools" / Path(translation.group(1)).name if "schools/" in translation.group(1) else None
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf", school=school, language="es-US")
        assert example["edition"] in "\n".join(page_texts(result.output))
    elif isinstance(example, dict) and "school" in example:
        (project / "schools/example.yaml").write_text(text, encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf", school=project / "schools/example.yaml")
    elif isinstance(example, dict) and "sections" in example:
        (project / "handbook.yaml").write_text(text, encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf")
    else:
        (project / "sections/example.yaml").write_text(as_section(text, example), encoding="utf-8")
        (project / "handbook.yaml").write_text("title: Examples\nsections: [sections/example.yaml]\n", encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf")
    if not translation:
        assert_example_is_in_the_pdf(example, result.output)


def assert_example_is_in_the_pdf(example, pdf: Path) -> None:
    """The example's own content reached the PDF: its school on the cover, its sections in the outline, its rows in the text."""
    from pypdf import PdfReader

    from tests.conftest import page_texts

    reader = PdfReader(pdf)
    outline = [entry.title for entry in reader.outline]
    text = " ".join("\n".join(page_texts(pdf)).split())
    if isinstance(example, dict) and "school" in example:
        assert example["school"]["name"] in page_texts(pdf)[0]
    elif isinstance(example, dict) and "sections" in example:
        assert len(outline) == len(example["sections"]), outline
    else:
        assert outline == [example.get("title", "Example") if isinstance(example, dict) else "Example"]
        rows = example.get("rows", []) if isinstance(example, dict) else []
        for row in rows:
            assert row["label"] in text, row["label"]


SKIPPED = {
    "make test": "it runs this very test suite",
}
PLACEHOLDER = re.compile(r"\[|\.\.\.|\b[A-Z]{2,}\b")


def readme_blocks() -> list[list[str]]:
    """The README's indented code blocks, each a list of its lines without the indent."""
    blocks: list[list[str]] = []
    current: list[str] | None = None
    previous = ""
    in_fence = False
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        elif not in_fence and line.startswith("    ") and (current is not None or not previous.strip()):
            if current is None:
                current = []
                blocks.append(current)
            current.append(line[4:])
        elif line.strip() or current is None:
            current = None
        previous = line
    return blocks


def is_command(line: str) -> bool:
    """A command to run as written, not a usage line with placeholders (`[MANIFEST]`, `FILE.pdf`) or a comment."""
    command = line.split("  #")[0].strip()
    return bool(command) and not command.startswith("#") and not PLACEHOLDER.search(command)


def fresh_clone(target: Path) -> Path:
    """The repository's files (tracked, and new ones not ignored) as a fresh clone has them."""
    import subprocess

    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True
    )
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    for name in listed.stdout.split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def test_readme_shows_commands_in_every_kind_of_block():
    commands = [line for block in readme_blocks() for line in block if is_command(line)]
    for expected in ("make pdf", ". .venv/bin/activate", "handbook build --school schools/riverside.yaml", "handbook new dental-assisting"):
        assert any(line.startswith(expected) for line in commands), expected
    assert not any(line.startswith("handbook preflight FILE.pdf") for line in commands)


@pytest.mark.slow
def test_readme_commands_run_as_written_in_a_fresh_clone(tmp_path):
    import os
    import subprocess
    import sys

    venv = Path(sys.prefix)
    if sys.prefix == sys.base_prefix or not (venv / "bin/handbook").is_file():
        pytest.skip("the tests do not run from a virtual environment with handbook installed (make test makes one)")
    clone = fresh_clone(tmp_path / "clone")
    (clone / ".venv").symlink_to(venv)  # what `make pdf` makes on a fresh clone; nothing here installs into it
    # A reader's shell: no handbook on PATH until the README says how; TOOL= (as the Makefile
    # allows) so that make uses the environment as it is instead of installing into it.
    path = os.pathsep.join(d for d in os.environ["PATH"].split(os.pathsep) if d and not (Path(d) / "handbook").exists())
    env = {**{k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}, "PATH": path, "TOOL": ""}
    script = ["set -ex"]
    ran = 0
    for block in readme_blocks():
        lines = [line for line in block if is_command(line) and line.split("  #")[0].strip() not in SKIPPED]
        script += [*lines, 'cd "$CLONE"']  # one shell for the whole page, each block from the top folder
        ran += len(lines)
    result = subprocess.run(["bash", "-c", "\n".join(script)], cwd=clone, env={**env, "CLONE": str(clone)}, capture_output=True, text=True)
    assert result.returncode == 0, f"README commands failed:\n{result.stdout}\n{result.stderr[-3000:]}"
    assert ran >= 10
    for made in (
        "build/medical-coding-careers.pdf",
        "build/schools/riverside.pdf",
        "build/fair-booklet.pdf",
        "dental-assisting/build/handbook.pdf",
    ):
        assert (clone / made).is_file(), made


def test_usage_lines_in_the_readme_name_real_commands_and_options():
    from click.testing import CliRunner

    from handbook.cli import main

    usage = [line.split("  #")[0].strip() for block in readme_blocks() for line in block]
    usage = [line for line in usage if line.startswith("handbook ") and PLACEHOLDER.search(line)]
    assert usage
    for line in usage:
        for part in line.split(", "):
            words = part.split()
            if len(words) < 2 or not words[1].islower():
                continue
            command = [] if words[1].startswith("-") else [words[1]]
            result = CliRunner().invoke(main, [*command, "--help"])
            assert result.exit_code == 0, f"{part}: no command {words[1]!r}"
            for option in re.findall(r"(?<![\w-])(--?[a-z][a-z-]*)", part):
                assert option in result.output, f"{part}: {words[1]} has no option {option}"


def test_the_docs_list_exactly_the_registered_block_kinds_each_with_its_section():
    from handbook.blocks import KINDS

    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    sentence = re.search(r"Block kinds: (.*?)\. ", readme)
    assert sentence, "README.md has no 'Block kinds: ...' sentence"
    assert re.findall(r"`(\w+)`", sentence.group(1)) == [kind.name for kind in KINDS], "README.md's list of block kinds"
    text = (ROOT / "docs/format.md").read_text(encoding="utf-8")
    listed = text.split("Each block is written `- kind: content`. The kinds:\n\n", 1)[1].split("\n\n", 1)[0]
    assert listed.splitlines() == [f"- `{kind.name}`: {kind.summary}" for kind in KINDS], "docs/format.md's list of kinds"
    headings = re.findall(r"^### `(\w+)`$", text, re.M)
    assert headings == [kind.name for kind in KINDS], "docs/format.md needs a section '### `kind`' per block kind, in order"


def test_the_docs_say_how_each_registered_block_kind_is_tagged():
    from handbook.blocks import KINDS

    text = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", text.split("How each kind is tagged", 1)[1], re.MULTILINE)
    assert [name for name, _ in rows][: len(KINDS)] == [kind.name for kind in KINDS]
