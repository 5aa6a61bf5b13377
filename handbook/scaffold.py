"""`handbook new`: copy the default guide into a new project folder that builds at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.errors import HandbookError
from handbook.resources import guide_dir

MANIFEST = "handbook.yaml"


def new_project(target: Path) -> list[Path]:
    """Create `target` with a manifest, the default sections and the images they use."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise HandbookError(f"{target}: already exists and is not an empty folder; choose a new folder name")
    source = guide_dir()
    target.mkdir(parents=True, exist_ok=True)
    created = [target / MANIFEST]
    shutil.copyfile(source / MANIFEST, target / MANIFEST)
    for folder in ("sections", "assets/images"):
        if (source / folder).is_dir():
            shutil.copytree(source / folder, target / folder)
            created += sorted(p for p in (target / folder).rglob("*") if p.is_file())
    return created
