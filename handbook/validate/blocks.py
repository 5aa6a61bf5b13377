"""Reading one block: a loaded node in, a model block out, by the validator its kind registers.

A block in a section file is a one-key mapping whose key names its kind,
e.g. `- paragraph: Some text`. The kinds are registered in handbook/blocks/.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from handbook import settings
from handbook.blocks import by_name
from handbook.model import Block
from handbook.nodes import Mapping, Node
from handbook.validate.fields import Reader, describe, join, suggest


@dataclass(frozen=True, eq=False)
class BlockContext:
    """What a block validator needs besides its node: where problems go, the project root, and the
    build date and age limit that salary figures are checked against; and, for an edition in another
    language than the sections', that language and the sections that may print untranslated."""

    read: Reader
    root: Path
    today: date | None = None
    stale_after_years: float = settings.MANIFEST["salary_max_age_years"].default
    language: str | None = None  # None: the sections as written
    fallback: frozenset[str] = frozenset()


def read_block(ctx: BlockContext, node: Node, path: str) -> Block | None:
    """Dispatch one `- kind: value` entry to the validator of its kind."""
    kinds = ", ".join(by_name)
    if not isinstance(node, Mapping) or len(node.entries) != 1:
        ctx.read.error(node.where, path, f"expected one block written as '- kind: content' with kind one of {kinds}; got {describe(node)}")
        return None
    key, value = node.entries[0]
    kind = by_name.get(key.text)
    if kind is None:
        ctx.read.error(key.where, path, f"unknown block kind '{key.text}'; expected one of {kinds}{suggest(key.text, by_name)}")
        return None
    return kind.validate(ctx, value, join(path, key.text))
