"""The documentation works as written: every YAML example builds, every command shown runs."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from handbook.build import build_handbook
from tests.conftest import ROOT

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
    for name in ("handbook.yaml", "sections", "schools", "assets"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


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
    if isinstance(example, dict) and "school" in example:
        (project / "schools/example.yaml").write_text(text, encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf", school=project / "schools/example.yaml")
    elif isinstance(example, dict) and "sections" in example:
        (project / "handbook.yaml").write_text(text, encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf")
    else:
        (project / "sections/example.yaml").write_text(as_section(text, example), encoding="utf-8")
        (project / "handbook.yaml").write_text("title: Examples\nsections: [sections/example.yaml]\n", encoding="utf-8")
        result = build_handbook(project / "handbook.yaml", tmp_path / "example.pdf")
    assert result.pages >= 2
