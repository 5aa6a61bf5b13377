"""Files that content refers to must stay inside the project, however the path is written."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from handbook.cli import main
from tests.conftest import pdffonts_rows


def check(project, image_line: str):
    project.manifest(project.section("pics", image_line))
    return CliRunner().invoke(main, ["build", "-o", "out.pdf"])


def test_symbolic_link_pointing_outside_the_project_is_refused(project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("elsewhere")
    project.image(str(outside / "secret.png"))
    (project.root / "assets").mkdir()
    os.symlink(outside / "secret.png", project.root / "assets/link.png")
    result = check(project, "- image: {file: assets/link.png, alt: x}")
    assert result.exit_code == 1
    assert "sections/pics.yaml:3: blocks[1].image.file: 'assets/link.png' points outside the project folder" in result.output
    assert not (project.root / "out.pdf").exists()


def test_symbolic_link_inside_the_project_is_fine(project):
    project.image("assets/real.png")
    os.symlink(project.root / "assets/real.png", project.root / "assets/alias.png")
    assert check(project, "- image: {file: assets/alias.png, alt: x}").exit_code == 0


@pytest.mark.parametrize("name", ["assets/../../escape.png", "./../escape.png"])
def test_dot_dot_leaving_the_project_is_refused(project, name):
    result = check(project, f"- image: {{file: '{name}', alt: x}}")
    assert result.exit_code == 1 and "points outside the project folder" in result.output


def test_markup_that_would_open_files_or_change_fonts_prints_as_text(project):
    hostile = '<img src="/etc/passwd"/> <font name="Courier">mono</font> <a href="file:///etc/passwd">local</a> <para>x</para>'
    project.manifest(project.section("text", f"- paragraph: '{hostile}'"))
    result = CliRunner().invoke(main, ["build", "-o", "out.pdf"])
    assert result.exit_code == 0, result.output
    text = " ".join(PdfReader(project.root / "out.pdf").pages[2].extract_text().split())
    assert hostile in text
    assert {row[0].split("+")[-1] for row in pdffonts_rows(project.root / "out.pdf")} <= {
        "Lato",
        "Lato-Bold",
        "Lato-Italic",
        "Lato-Regular",
    }
    assert not any("/URI" in str(a.get_object()) for page in PdfReader(project.root / "out.pdf").pages for a in page.get("/Annots", []))
