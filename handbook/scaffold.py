"""`handbook new`: a new project folder that builds at once, from a template or the default guide."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.errors import HandbookError
from handbook.problems import os_problem, shown_name
from handbook.resources import guide_dir, template_dir

MANIFEST = "handbook.yaml"
SAMPLE_PICTURE = Path("assets/images/sample.png")
# What every new project gets beside its guide: the schemas its files name in their
# `$schema` line, the format reference its comments point to, and the sample wage file
# the reference's BLS import example reads.
REFERENCE = (Path("schema"), Path("docs/format.md"), Path("assets/data/oews-sample.csv"))


def new_project(target: Path, *, from_default: bool = False) -> list[Path]:
    """Create `target` from the template, or with `from_default` from the default guide; return the files made.

    The template is a neutral guide for any career (text to replace, a sample picture,
    one example school profile) with a Makefile; both come with the schemas and the format reference.
    """
    try:
        _make(target, from_default)
    except OSError as exc:
        reason, fix = os_problem(exc)
        raise HandbookError(f"{shown_name(str(target))}: cannot make the project there: {reason}; {fix}") from None
    return sorted(p for p in target.rglob("*") if p.is_file())


def _make(target: Path, from_default: bool) -> None:
    """Copy the project's files into `target`, which must be new or empty."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HandbookError(f"{target}: already exists and is not an empty folder; choose a new folder name")
    guide = guide_dir()
    target.mkdir(parents=True, exist_ok=True)
    if from_default:
        shutil.copyfile(guide / MANIFEST, target / MANIFEST)
        for folder in ("sections", "assets/images"):
            if (guide / folder).is_dir():
                shutil.copytree(guide / folder, target / folder)
        shutil.copyfile(template_dir() / "Makefile", target / "Makefile")
    else:
        shutil.copytree(template_dir(), target, dirs_exist_ok=True)
        (target / SAMPLE_PICTURE).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(guide / SAMPLE_PICTURE, target / SAMPLE_PICTURE)
    for name in REFERENCE:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        (shutil.copytree if (guide / name).is_dir() else shutil.copyfile)(guide / name, target / name)
