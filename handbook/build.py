"""The commands' work: load and validate a handbook, then render and write it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from handbook.errors import Problem, Problems
from handbook.model import Handbook
from handbook.validate import read_handbook
from handbook.write import check_target, write_atomically


@dataclass(frozen=True)
class BuildResult:
    output: Path
    pages: int
    warnings: tuple[Problem, ...]


def slugify(text: str) -> str:
    """A file-name-safe form of a title: 'Medical Coding Careers' -> 'medical-coding-careers'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "handbook"


def load_handbook(manifest: Path) -> tuple[Handbook, tuple[Problem, ...]]:
    """Validate everything; raise ContentError listing every problem, else return the model and warnings."""
    problems = Problems()
    handbook = read_handbook(manifest, problems)
    problems.raise_if_any()
    assert handbook is not None
    return handbook, tuple(problems.warnings)


def default_output(handbook: Handbook) -> Path:
    return Path("build") / f"{slugify(handbook.title)}.pdf"


def build_handbook(manifest: Path, output: Path | None = None) -> BuildResult:
    """Build the PDF for `manifest` at `output` (default build/<slug>.pdf), atomically."""
    handbook, warnings = load_handbook(manifest)
    target = output or default_output(handbook)
    check_target(target, handbook.inputs)
    from handbook.render.document import render_pdf

    pages = write_atomically(target, lambda out: render_pdf(handbook, out))
    return BuildResult(target, pages, warnings)
