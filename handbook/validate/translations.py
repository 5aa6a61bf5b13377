"""Translated files: find the translation of a file for an edition's language, and say when it is stale.

A translation lives beside its source in a language folder (`sections/es/introduction.yaml` for
`sections/introduction.yaml`, `es/handbook.yaml` for the manifest's own words, `schools/es/riverside.yaml`
for a profile's); a folder named by the whole tag (`es-MX/`) is looked in before the one named by its
language (`es/`). A translated file's `translates:` mapping, written by `handbook translations
--mark-current`, records the digest of the source's words and an outline of them (for a section, a
digest of its title and of each block, with the block's kind; for a manifest or profile, of each
translated setting), so that a later change to the source is reported as what changed: the title,
blocks added, removed or edited, or a setting.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

from handbook import settings
from handbook.display import display_path
from handbook.model import Section
from handbook.nodes import Mapping, Node, Scalar, Sequence
from handbook.problems import Problems, Where

# The settings a manifest's or profile's translation gives: what a reader sees.
TEXT_KEYS = (*settings.translated(settings.MANIFEST), *settings.translated(settings.PROFILE), "school")
SCHOOL_TEXT_KEYS = settings.translated(settings.SCHOOL)


def same_language(tag: str, other: str) -> bool:
    """Whether two tags are one language (es-MX and es are; a region writes the same words)."""
    return tag.split("-")[0].lower() == other.split("-")[0].lower()


def needs_translation(edition: str, source: str) -> bool:
    """Whether an edition in `edition` prints translations of files written in `source`."""
    return not same_language(edition, source)


def folders(tag: str) -> tuple[str, ...]:
    """The language folders looked in, first to last: the whole tag (es-MX), then its language (es)."""
    language = tag.split("-")[0].lower()
    return (tag, language) if tag.lower() != language else (language,)


def translation_of(source: Path, tag: str) -> Path | None:
    """The translation of the section file `source` into `tag`, or None when there is none."""
    for folder in folders(tag):
        candidate = source.parent / folder / source.name
        if candidate.is_file():
            return candidate
    return None


def expected_path(source: Path, tag: str) -> Path:
    """Where a translation of `source` into `tag` is expected: the language's folder."""
    return source.parent / folders(tag)[-1] / source.name


def _plain(node: Node | None):
    """A node's content without its positions or comments: what a digest of it is taken from."""
    if isinstance(node, Scalar):
        return node.text
    if isinstance(node, Mapping):
        return [[key.text, _plain(value)] for key, value in node.entries]
    if isinstance(node, Sequence):
        return [_plain(item) for item in node.items]
    return None


def _digest(value) -> str:
    return hashlib.sha256(json.dumps(value, ensure_ascii=False).encode()).hexdigest()[:12]


def outline(node: Node) -> tuple[str, str, tuple[tuple[str, str], ...]]:
    """A section's digest, its title's digest, and each block's kind and digest, from its loaded node."""
    title = node.get("title") if isinstance(node, Mapping) else None
    blocks = node.get("blocks") if isinstance(node, Mapping) else None
    items = _block_items(node)
    kinds = tuple((kind, _digest(_plain(item))[:8]) for kind, item in zip(block_kinds(node), items))
    return _digest([_plain(title), _plain(blocks)]), _digest(_plain(title))[:8], kinds


def _block_items(node: Node) -> tuple[Node, ...]:
    blocks = node.get("blocks") if isinstance(node, Mapping) else None
    return blocks.items if isinstance(blocks, Sequence) else ()


def block_kinds(node: Node) -> list[str]:
    """The kind of each block of a loaded section, as written ("block" for an item that names none)."""
    return [item.entries[0][0].text if isinstance(item, Mapping) and item.entries else "block" for item in _block_items(node)]


def keeps_facts(node: Node) -> bool:
    """Whether a loaded section has a block whose kind says what a translation keeps exactly (a salary table's figures)."""
    from handbook.blocks import by_name
    from handbook.blocks.registry import no_facts

    return any(kind in by_name and by_name[kind].facts is not no_facts for kind in block_kinds(node))


def is_section(node: Node | None) -> bool:
    """Whether a loaded file is a section (its words are its title and blocks), not a manifest or profile."""
    return isinstance(node, Mapping) and node.get("blocks") is not None


def text_parts(node: Node) -> list[tuple[str, Node]]:
    """A manifest's or profile's translated words, by name: title, school.name, variables.room, override 1."""
    parts: list[tuple[str, Node]] = []
    for key, value in node.entries if isinstance(node, Mapping) else ():
        if key.text not in TEXT_KEYS:
            continue
        if key.text in ("school", "variables") and isinstance(value, Mapping):
            wanted = SCHOOL_TEXT_KEYS if key.text == "school" else None
            parts += [(f"{key.text}.{k.text}", v) for k, v in value.entries if wanted is None or k.text in wanted]
        elif key.text == "override" and isinstance(value, Sequence):
            parts += [(f"override {i}", item) for i, item in enumerate(value.items, 1)]
        elif key.text != "school":
            parts.append((key.text, value))
    return parts


def text_outline(node: Node) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A manifest's or profile's digest of its translated words, and each one's name and digest."""
    parts = text_parts(node)
    return _digest([[name, _plain(value)] for name, value in parts]), tuple((name, _digest(_plain(value))[:8]) for name, value in parts)


def outline_yaml(source_name: str, node: Node) -> str:
    """The `translates:` mapping, as --mark-current writes it, for a source of this content."""
    if not is_section(node):
        digest, parts = text_outline(node)
        shown = ", ".join(f"{name}: {d}" for name, d in parts)
        return f"translates:\n  file: {source_name}\n  digest: {digest}\n  outline: {{{shown}}}\n"
    digest, title, blocks = outline(node)
    shown = ", ".join(f"{kind} {d}" for kind, d in blocks)
    return f"translates:\n  file: {source_name}\n  digest: {digest}\n  outline: {{title: {title}, blocks: [{shown}]}}\n"


def changes(recorded: Mapping, node: Node) -> list[str]:
    """What changed in the source since `recorded` (a translates: mapping), in words; empty when nothing did."""
    if not is_section(node):
        return _text_changes(recorded, node)
    digest, title, blocks = outline(node)
    if _text(recorded.get("digest")) == digest:
        return []
    was = recorded.get("outline")
    if not isinstance(was, Mapping):
        return ["its content changed"]
    said = []
    if _text(was.get("title")) != title:
        said.append("its title changed")
    old_blocks = was.get("blocks")
    old = [tuple(_text(item).split(" ", 1)) for item in old_blocks.items] if isinstance(old_blocks, Sequence) else []
    old = [entry if len(entry) == 2 else (entry[0], "") for entry in old]
    matcher = difflib.SequenceMatcher(a=old, b=list(blocks), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        said += _replaced(old, a1, a2, blocks, b1, b2)
    return said or ["its content changed"]


def _text_changes(recorded: Mapping, node: Node) -> list[str]:
    digest, parts = text_outline(node)
    if _text(recorded.get("digest")) == digest:
        return []
    was = recorded.get("outline")
    if not isinstance(was, Mapping):
        return ["its content changed"]
    old = {key.text: _text(value) for key, value in was.entries}
    new = dict(parts)
    said = [f"{name} {'edited' if name in old else 'added'}" for name, d in parts if old.get(name) != d]
    said += [f"{name} removed" for name in old if name not in new]
    return said or ["its content changed"]


def _replaced(old: list, a1: int, a2: int, new: tuple, b1: int, b2: int) -> list[str]:
    """A changed run of blocks in words: a block of the same kind further on is taken as edited, the others as removed or added."""
    said = []
    i = a1
    for j in range(b1, b2):
        kind = new[j][0]
        k = next((k for k in range(i, a2) if old[k][0] == kind), None)
        if k is None:
            said.append(f"block {j + 1} ({kind}) added")
            continue
        said += [f"block {r + 1} ({old[r][0]}) removed" for r in range(i, k)]
        said.append(f"block {j + 1} ({kind}) edited")
        i = k + 1
    said += [f"block {r + 1} ({old[r][0]}) removed" for r in range(i, a2)]
    return said


def _text(node: Node | None) -> str:
    return node.text if isinstance(node, Scalar) else ""


def mark_command(translated: Path) -> str:
    return f"handbook translations --mark-current {display_path(translated)}"


def check_translation(translated: Path, node: Node, source: Path, source_node: Node | None, root: Path, problems: Problems) -> bool:
    """Warn when the translated file is not marked, names another source, or its source changed since it was marked.

    Returns whether its source changed since it was marked (what it says may then differ from the source as it is now).
    """
    shown = display_path(translated)
    entries = node.entries if isinstance(node, Mapping) else ()
    key, recorded = next(((key, value) for key, value in entries if key.text == "translates"), (None, None))
    where = key.where if key is not None else Where(shown, 1)  # the translates: line
    if not isinstance(recorded, Mapping):
        problems.warn(
            where,
            f"translates: this translation does not say which version of {display_path(source)} it translates; "
            f"once it matches the source, run {mark_command(translated)}",
        )
        return False
    named = _text(recorded.get("file"))
    expected = _relative(source, root)
    if named != expected:
        problems.warn(
            where,
            f"translates: file is '{named}', but this file translates {expected}; run {mark_command(translated)}",
        )
        return False
    if source_node is None:
        return False
    found = changes(recorded, source_node)
    if found:
        problems.warn(
            where,
            f"translates: {expected} has changed since this translation was marked current: {'; '.join(found)}; "
            f"bring the translation up to date, then run {mark_command(translated)}",
        )
    return bool(found)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def mark_current(translated: Path, source: Path, source_node: Node, root: Path) -> str:
    """The translated file's text with its `translates:` mapping set to the source's current content.

    Only the lines of that mapping change (or are added before the first key); the rest stays byte for byte.
    """
    text = translated.read_bytes().decode("utf-8")
    new = outline_yaml(_relative(source, root), source_node)
    lines = text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    new = new.replace("\n", newline)
    start = next((i for i, line in enumerate(lines) if line.startswith("translates:")), None)
    if start is None:
        first = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith(("#", "---"))), len(lines))
        return "".join(lines[:first]) + new + "".join(lines[first:])
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # blank lines after the mapping stay
        end -= 1
    return "".join(lines[:start]) + new + "".join(lines[end:])


def check_same_blocks(translated: Section, node: Mapping, source_node: Node, source: Section | None, problems: Problems) -> None:
    """A translation keeps its source's blocks, the same kinds in the same order (a warning), and what each block says exactly,
    such as a salary table's figures (an error: the families' edition must give the same facts).

    `node` and `source_node` are the loaded files; `source`, the validated source, is needed only when it `keeps_facts`.
    """
    from handbook.blocks import by_model

    source_shown = display_path(translated.translates or translated.source)
    kinds, wanted = block_kinds(node), block_kinds(source_node)
    if kinds != wanted:
        blocks = next((key.where for key, _ in node.entries if key.text == "blocks"), translated.where)
        problems.warn(
            blocks,
            f"blocks: {'; '.join(_kind_changes(wanted, kinds))}; a translation keeps the blocks of {source_shown}, "
            "the same kinds in the same order",
        )
        return
    if source is None or len(source.blocks) != len(translated.blocks):  # a block that is not valid is said already
        return
    for number, (block, original) in enumerate(zip(translated.blocks, source.blocks), 1):
        kind = by_model[type(original)]
        here, there = kind.facts(block), kind.facts(original)
        if here != there:
            row, found, wanted_figures = _first_difference(here, there)
            problems.add(
                block.where,
                f"blocks[{number}].{kind.name}{row}: gives {found} where {source_shown} gives {wanted_figures}; "
                "a translation gives its source's figures exactly, and translates only the words",
            )


def _kind_changes(wanted: list[str], kinds: list[str]) -> list[str]:
    said = []
    matcher = difflib.SequenceMatcher(a=wanted, b=kinds, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op in ("delete", "replace"):
            said += [f"block {i + 1} of the source ({wanted[i]}) is not here" for i in range(a1, a2)]
        if op in ("insert", "replace"):
            said += [f"block {j + 1} ({kinds[j]}) is not in the source" for j in range(b1, b2)]
    return said


def _first_difference(found: tuple, wanted: tuple) -> tuple[str, str, str]:
    """Where a block's facts first differ from its source's (a salary table's row), and each side's figures in words."""
    for here, there in zip(found, wanted):
        if here != there:
            return f".rows[{here[0]}]", _figures(here), _figures(there)
    return "", f"{len(found)} rows", f"{len(wanted)}"


def _figures(row: tuple) -> str:
    _, wages, employment, _ = row
    values = [
        f"{'' if measure == 'value' else measure + ' '}{unit} {_number(figure)}"
        for measure, annual, hourly in wages
        for unit, figure in (("annual", annual), ("hourly", hourly))
        if figure is not None and figure.status != "derived"
    ]
    if employment is not None:
        values.append(f"employment {_number(employment)}")
    return ", ".join(values) or "no figures"


def _number(figure) -> str:
    if figure.value is None:
        return "not available"
    return f"{figure.value:,.0f}" if float(figure.value).is_integer() else f"{figure.value:,.2f}"
