"""`pip install .` gives a working tool: the wheel carries the default guide, its fonts and the new-project template."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow  # builds a wheel


def test_wheel_contains_the_default_guide_and_fonts(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--disable-pip-version-check", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("handbook-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for expected in (
        "handbook/guide/handbook.yaml",
        "handbook/guide/sections/salary.yaml",
        "handbook/guide/assets/fonts/Lato-Regular.ttf",
        "handbook/guide/assets/fonts/OFL.txt",
        "handbook/cli.py",
        "handbook/guide/assets/images/sample.png",
        *(f"handbook/guide/template/{p.relative_to(ROOT / 'template').as_posix()}" for p in (ROOT / "template").rglob("*") if p.is_file()),
        "handbook/guide/schema/section.schema.json",
        "handbook/guide/docs/format.md",
        "handbook/locale/handbook.pot",
        "handbook/locale/es/LC_MESSAGES/handbook.po",
    ):
        assert expected in names, expected
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "handbook = handbook.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
