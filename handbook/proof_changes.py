"""What changed between two editions of a handbook, page by page, for checking before a reprint.

Both PDFs are rasterised the same way; pages that look the same are matched even when pages were
added or removed between them (the sequences are aligned as a diff aligns lines), a page that
differs is compared with its counterpart pixel by pixel, and the regions that changed are marked
in colour on a sheet of the changed pages, the old page beside the new.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw

from handbook.proof import SHEET_COLUMNS, Proof, grid, proof_name, rasterise, save_png, thumbnail

CELL = 8  # pixels per cell of the grid changes are found on
GAP = 2  # changed cells this many cells apart are one region
THRESHOLD = 64  # a difference in a channel below this is anti-aliasing (glyphs a fraction of a pixel apart), not a change
MARK = (214, 40, 40)
ADDED = (30, 140, 70)


@dataclass
class Changes:
    """Pages changed (old number, new number, regions in the new page's pixels), added and removed."""

    old: Proof
    new: Proof
    changed: list[tuple[int, int, list[tuple[int, int, int, int]]]] = field(default_factory=list)
    added: list[int] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)

    @property
    def any(self) -> bool:
        return bool(self.changed or self.added or self.removed)

    def lines(self) -> list[str]:
        """The changes in words, one line each, in the order of the new edition."""
        out = []
        for old, new, regions in self.changed:
            moved = f" (page {old} before)" if old != new else ""
            out.append(f"page {new} changed{moved}: {len(regions)} region{'s' if len(regions) != 1 else ''}")
        out += [f"page {new} added" for new in self.added]
        out += [f"page {old} of {self.old.path.name} removed" for old in self.removed]
        return out or ["no page changed"]


def compare(old_path: Path, new_path: Path, dpi: int, gray: bool = False) -> Changes:
    """The pages of `new_path` that differ from `old_path`, and those added or removed."""
    old, new = rasterise(old_path, dpi, gray), rasterise(new_path, dpi, gray)
    changes = Changes(old, new)
    matcher = SequenceMatcher(None, [_digest(p) for p in old.pages], [_digest(p) for p in new.pages], autojunk=False)
    for kind, old_start, old_end, new_start, new_end in matcher.get_opcodes():
        if kind == "equal":
            continue
        pairs = min(old_end - old_start, new_end - new_start)
        for offset in range(pairs):
            before, after = old.pages[old_start + offset], new.pages[new_start + offset]
            changes.changed.append((old_start + offset + 1, new_start + offset + 1, changed_regions(before, after)))
        changes.added += range(new_start + pairs + 1, new_end + 1)
        changes.removed += range(old_start + pairs + 1, old_end + 1)
    return changes


def _digest(page: Image.Image) -> bytes:
    return hashlib.blake2b(page.tobytes(), digest_size=16, person=f"{page.size}".encode()[:16]).digest()


def changed_regions(before: Image.Image, after: Image.Image) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) of `after` where it differs from `before`; its whole page when sizes differ."""
    if before.size != after.size:
        return [(0, 0, after.width, after.height)]
    difference = ImageChops.difference(before.convert("RGB"), after.convert("RGB")).convert("L")
    mask = difference.point(lambda value: 255 if value >= THRESHOLD else 0)
    columns, rows = -(-after.width // CELL), -(-after.height // CELL)
    cells = mask.resize((columns, rows), Image.Resampling.BOX, reducing_gap=None)
    marked = {(x, y) for y in range(rows) for x in range(columns) if cells.getpixel((x, y))}
    regions = []
    while marked:
        stack = [marked.pop()]
        left = right = stack[0][0]
        top = bottom = stack[0][1]
        while stack:
            x, y = stack.pop()
            left, right, top, bottom = min(left, x), max(right, x), min(top, y), max(bottom, y)
            near = [(u, v) for u in range(x - GAP, x + GAP + 1) for v in range(y - GAP, y + GAP + 1) if (u, v) in marked]
            for cell in near:
                marked.discard(cell)
                stack.append(cell)
        cells_box = (left * CELL, top * CELL, min(after.width, (right + 1) * CELL), min(after.height, (bottom + 1) * CELL))
        inner = mask.crop(cells_box).getbbox()  # the changed pixels themselves, not the whole cells they fall in
        if inner is not None:
            regions.append((cells_box[0] + inner[0], cells_box[1] + inner[1], cells_box[0] + inner[2], cells_box[1] + inner[3]))
    return sorted(regions, key=lambda box: (box[1], box[0]))


def _marked(page: Image.Image, regions, colour, dpi: int) -> Image.Image:
    """`page` shrunk to a sheet's size, with `regions` outlined and lightly filled in `colour`."""
    small = thumbnail(page, dpi).convert("RGB")
    scale = small.width / page.width
    overlay = Image.new("RGBA", small.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for left, top, right, bottom in regions:
        box = (left * scale - 3, top * scale - 3, right * scale + 2, bottom * scale + 2)
        draw.rectangle(box, fill=(*colour, 30), outline=(*colour, 255), width=2)
    return Image.alpha_composite(small.convert("RGBA"), overlay).convert("RGB")


def changes_sheet(changes: Changes) -> Image.Image:
    """Each changed page old beside new with its changed regions marked; added pages framed; removed ones named."""
    dpi = changes.new.dpi
    cells = []
    for old, new, regions in changes.changed:
        cells.append((_marked(changes.old.pages[old - 1], regions, MARK, dpi), f"before: page {old}"))
        cells.append((_marked(changes.new.pages[new - 1], regions, MARK, dpi), f"now: page {new}"))
    for new in changes.added:
        page = changes.new.pages[new - 1]
        cells.append((_marked(page, [(0, 0, page.width, page.height)], ADDED, dpi), f"page {new}: added"))
    for old in changes.removed:
        cells.append((thumbnail(changes.old.pages[old - 1], dpi).convert("RGB"), f"page {old} before: removed"))
    heading = (f"Changes in {changes.new.title}", f"{changes.old.path.name} to {changes.new.path.name}: " + "; ".join(changes.lines()))
    return grid(heading, cells, max(2, min(SHEET_COLUMNS, len(cells))))


def write_changes(old_path: Path, new_path: Path, directory: Path, dpi: int, gray: bool = False) -> tuple[Changes, Path | None]:
    """Compare the two PDFs; write the sheet of changes into `directory` when there are any."""
    changes = compare(old_path, new_path, dpi, gray)
    if not changes.any:
        return changes, None
    return changes, save_png(changes_sheet(changes), directory / f"{proof_name(new_path, gray)}-changes.png")
