"""Where the files that ship with handbook live: the default guide, its assets, and the new-project template.

In an installed wheel they are package data under `handbook/guide/`; in a
source checkout they are the top-level `handbook.yaml`, `sections/`, `assets/`,
`template/`, `schema/` and `docs/format.md`.
"""

from __future__ import annotations

from pathlib import Path


def guide_dir() -> Path:
    """The folder that holds the default guide's manifest, sections and assets."""
    packaged = Path(__file__).resolve().parent / "guide"
    if (packaged / "handbook.yaml").is_file():
        return packaged
    return Path(__file__).resolve().parent.parent


def fonts_dir() -> Path:
    return guide_dir() / "assets" / "fonts"


def template_dir() -> Path:
    """The neutral guide `handbook new` copies: manifest, sections, an example school profile, a Makefile."""
    return guide_dir() / "template"
