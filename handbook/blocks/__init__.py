"""The block kinds of a section, each declared once in a module of its own (see registry.py).

A new kind is its module here and one line in KINDS; validation, rendering, depfiles, the JSON
Schema, the property tests and the docs' list of kinds all follow from the registration.
"""

from __future__ import annotations

from handbook.blocks import bullets, callout, checklist, image, paragraph, quote, salary_table, steps
from handbook.blocks.registry import BlockKind

KINDS: tuple[BlockKind, ...] = (
    paragraph.KIND,
    bullets.KIND,
    steps.KIND,
    callout.KIND,
    quote.KIND,
    image.KIND,
    salary_table.KIND,
    checklist.KIND,
)

by_name: dict[str, BlockKind] = {kind.name: kind for kind in KINDS}
by_model: dict[type, BlockKind] = {kind.model: kind for kind in KINDS}
