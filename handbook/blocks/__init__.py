"""The block kinds of a section, each declared once in a module of its own (see registry.py).

Validation, rendering, depfiles, the JSON Schema, the property tests and the docs' list of kinds all
follow from the registration. A new kind, say `timeline`, is:
- handbook/blocks/timeline.py: its model (a frozen dataclass on model.Block), validate, render (ReportLab
  imported inside it), files when it reads any, its schema fragment and summary, ending `KIND = BlockKind(...)`;
- `timeline.KIND,` in KINDS below (and `timeline` in the import line); then `make schema`;
- its tests, and its content in CONTENT in tests/test_properties.py;
- its line in the list of kinds and its section (### `timeline`) in docs/format.md, and its name in the
  README's "Block kinds:" sentence.
The tests fail until each of these is done.
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
