"""Where the files that ship with handbook live: the default guide and its assets.

In an installed wheel they are package data under `handbook/guide/`; in a
source checkout they are the top-level `handbook.yaml`, `sections/` and `assets/`.
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
