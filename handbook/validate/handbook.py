"""Validate a manifest and its section files into a Handbook model, collecting every problem."""

from __future__ import annotations

import re
from pathlib import Path

from handbook.errors import Problems, Where
from handbook.fonts import FONT_FAMILIES
from handbook.loader import Node, Scalar, display_path, load_file
from handbook.model import Handbook, Section, Theme
from handbook.validate.blocks import BlockContext, read_block
from handbook.validate.fields import Reader, join

MANIFEST_KEYS = ("title", "subtitle", "career", "organisation", "edition", "page_size", "keywords", "theme", "sections")
SECTION_KEYS = ("title", "blocks")
PAGE_SIZES = ("letter", "a4")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def read_handbook(manifest: Path, problems: Problems) -> Handbook | None:
    """Load and validate `manifest` and every section it lists; problems go to `problems`."""
    root = manifest.parent
    node = load_file(manifest, problems)
    if node is None:
        return None
    read = Reader(problems)
    fields = read.mapping(node, "", MANIFEST_KEYS, required=("title", "sections"))
    if fields is None:
        return None
    title = read.text(fields.get("title"), "title", required=True)
    sections = _read_sections(read, fields.get("sections"), root)
    handbook = Handbook(
        title=title,
        subtitle=read.text(fields.get("subtitle"), "subtitle"),
        career=read.text(fields.get("career"), "career"),
        organisation=read.text(fields.get("organisation"), "organisation"),
        edition=read.text(fields.get("edition"), "edition"),
        page_size=read.choice(fields.get("page_size"), "page_size", PAGE_SIZES, "letter"),
        keywords=_read_keywords(read, fields.get("keywords")),
        theme=_read_theme(read, fields.get("theme")),
        sections=tuple(section for section, _ in sections),
        inputs=(manifest.resolve(), *(path for _, path in sections)),
    )
    return handbook


def _read_keywords(read: Reader, node: Node | None) -> tuple[str, ...]:
    if isinstance(node, Scalar):
        return tuple(word.strip() for word in read.text(node, "keywords").split(",") if word.strip())
    words = read.items(node, "keywords", lambda item, p: read.text(item, p, required=True), required=False)
    return tuple(word for word in words if word)


def _read_theme(read: Reader, node: Node | None) -> Theme:
    default = Theme()
    if node is None:
        return default
    fields = read.mapping(node, "theme", ("primary", "accent", "font"))
    if fields is None:
        return default
    return Theme(
        primary=_colour(read, fields.get("primary"), "theme.primary", default.primary),
        accent=_colour(read, fields.get("accent"), "theme.accent", default.accent),
        font=read.choice(fields.get("font"), "theme.font", tuple(FONT_FAMILIES), default.font),
    )


def _colour(read: Reader, node: Node | None, path: str, default: str) -> str:
    value = read.text(node, path)
    if not value:
        return default
    if not _COLOUR.fullmatch(value):
        read.error(node.where, path, f"'{value}' is not a colour; expected a quoted hex colour such as \"#1d4e89\"")
        return default
    return value.lower()


def _read_sections(read: Reader, node: Node | None, root: Path) -> list[tuple[Section, Path]]:
    """Each listed section file, loaded and validated, once each, in order."""
    seen: dict[Path, Where] = {}
    sections: list[tuple[Section, Path]] = []

    def one(item: Node, path: str) -> None:
        name = read.text(item, path, required=True)
        if not name:
            return
        file = (root / name).resolve()
        if file in seen:
            read.error(item.where, path, f"'{name}' is listed twice (first at line {seen[file].line}); list each section once")
            return
        seen[file] = item.where
        if not file.is_file():
            what = "is a directory" if file.is_dir() else "not found"
            read.error(item.where, path, f"section file '{name}' {what}; expected a YAML file relative to {display_path(root) or '.'}")
            return
        section = read_section(file, read.problems, root)
        if section is not None:
            sections.append((section, file))

    read.items(node, "sections", one)
    return sections


def read_section(file: Path, problems: Problems, root: Path) -> Section | None:
    """Load and validate one section file."""
    node = load_file(file, problems)
    if node is None:
        return None
    read = Reader(problems)
    fields = read.mapping(node, "", SECTION_KEYS, required=("title", "blocks"))
    if fields is None:
        return None
    title = read.text(fields.get("title"), "title", required=True)
    ctx = BlockContext(read, root)
    blocks = read.items(fields.get("blocks"), "blocks", lambda item, path: read_block(ctx, item, path))
    blocks = tuple(block for block in blocks if block is not None)
    if not title:
        return None
    return Section(title, blocks, file, node.where)


