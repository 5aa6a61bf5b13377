"""Text the layout places in a room of its own (headers, footers, covers), made to fit it.

A text first gets its natural size; a text too long for its room wraps, then is set smaller,
step by step, down to a floor size. Past the floor a running header or footer is shortened
with an ellipsis (its full text is on the cover and in the PDF's metadata); a cover's text
cannot be shortened for its reader, so the build names the field and how much too long it is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from handbook import cache
from handbook.l10n import _
from handbook.problems import Problem, Where
from handbook.render.hyphenation import breaks

ELLIPSIS = "\u2026"
STEP = 0.5  # points: how much smaller each try is set


@dataclass(frozen=True)
class Lines:
    """A text broken into lines, at a font size, with the distance between their baselines."""

    lines: tuple[str, ...]
    size: float
    leading: float


def wrap_words(text: str, font: str, size: float, width: float) -> list[str] | None:
    """`text` in lines no wider than `width`, broken at spaces; None when one word alone is wider."""
    lines: list[str] = []
    for word in text.split():
        if stringWidth(word, font, size) > width:
            return None
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def hyphenated_words(text: str, font: str, size: float, width: float, dictionary: str) -> list[str] | None:
    """`text` in lines no wider than `width`, broken at spaces, a word wider than a line broken with a hyphen where
    `dictionary` allows; None when a piece of a word is still wider."""
    lines: list[str] = []
    words = text.split()

    def broken(start: str, word: str) -> str | None:  # the line `start` and as much of `word` as fits it, with a hyphen
        for head, tail in breaks(word, dictionary):
            if stringWidth(f"{start}{head}-", font, size) <= width:
                words.insert(0, tail)
                return f"{start}{head}-"
        return None

    while words:
        word = words.pop(0)
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif stringWidth(word, font, size) <= width:
            lines.append(word)
        elif lines and (line := broken(f"{lines[-1]} ", word)) is not None:
            lines[-1] = line
        elif (line := broken("", word)) is not None:
            lines.append(line)
        else:
            return None
    return lines


def fit_lines(text: str, font: str, size: float, leading: float, floor: float, width: float, most: int = 2, hyphenation: str = "") -> Lines:
    """`text` in `width`: on one line at `size`; else on up to `most` lines, from `size` down to `floor`;
    else, with a `hyphenation` dictionary, on up to `most` lines with its words too long for a line broken by it, from `size`
    down to `floor`;
    else on `most` lines at `floor`, the last one shortened with an ellipsis."""
    ratio = leading / size
    if stringWidth(text, font, size) <= width:
        return Lines((text,), size, leading)
    for wrap in (wrap_words, partial(hyphenated_words, dictionary=hyphenation)) if hyphenation else (wrap_words,):
        tried = size
        while tried >= floor - 1e-9:
            lines = wrap(text, font, tried, width)
            if lines is not None and len(lines) <= most:
                return Lines(tuple(lines), tried, tried * ratio)
            tried -= STEP
    lines = wrap_words(text, font, floor, width) or _broken(text, font, floor, width)
    kept = lines[:most]
    kept[-1] = shortened(" ".join(lines[most - 1 :]), font, floor, width)
    return Lines(tuple(kept), floor, floor * ratio)


def shortened(text: str, font: str, size: float, width: float) -> str:
    """`text`, or as much of it as fits `width` with an ellipsis after it."""
    if stringWidth(text, font, size) <= width:
        return text
    end = len(text)
    while end and stringWidth(text[:end].rstrip() + ELLIPSIS, font, size) > width:
        end -= 1
    return text[:end].rstrip() + ELLIPSIS


def _broken(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` in lines no wider than `width`, a word too wide for a line broken between its letters."""
    lines = [""]
    for char in text:
        if lines[-1] and stringWidth(lines[-1] + char, font, size) > width:
            lines.append(char.lstrip())
        else:
            lines[-1] += char
    return lines


def split_width(room: float, gap: float, left: float, right: float) -> tuple[float, float]:
    """The widths a row's two texts get: what each needs if both fit; else a text that needs at most
    half keeps its width and the other gets the rest; else half each."""
    if left + gap + right <= room:
        return left, right
    half = (room - gap) / 2
    if left <= half:
        return left, room - gap - left
    if right <= half:
        return room - gap - right, right
    return half, half


def page_of(page: int | str, pages: int | str) -> str:
    """The footer's "Page N of M" in the language being spoken."""
    return _("Page {page} of {pages}").format(page=page, pages=pages)


def any_page_number(font: str, size: float, digits: int = 4) -> float:
    """A width no "Page N of M" is wider than, for any handbook of fewer than 10**digits pages."""
    return _any_page_number(font, size, digits, page_of("", ""))


@lru_cache(maxsize=8)
def _any_page_number(font: str, size: float, digits: int, words: str) -> float:
    digit = max(stringWidth(d, font, size) for d in "0123456789")
    return stringWidth(words, font, size) + 2 * digits * digit


def widest_page_number(pages: int, font: str, size: float) -> float:
    """The width of the widest "Page N of M" of a handbook of `pages` pages."""
    return _widest_page_number(pages, font, size, page_of("{page}", "{pages}"))


@lru_cache(maxsize=64)
def _widest_page_number(pages: int, font: str, size: float, words: str) -> float:
    return max(stringWidth(words.format(page=number, pages=pages), font, size) for number in range(1, pages + 1))


# Paragraphs in a column ----------------------------------------------------------------------


@dataclass(frozen=True)
class Placed:
    """One text of a column: its field, its markup at a size, its natural style, its floor size, width and the space after it."""

    field: str  # the setting it shows, as messages name it ("title", "school.address")
    text: str  # the setting's text, which a message shortens to say how much is too long
    markup: Callable[[str, ParagraphStyle], str]  # the paragraph markup of (a part of) the text in a style
    style: ParagraphStyle
    floor: float
    width: float
    space_after: float = 0


@cache.memo(maxsize=512)
def sized(style: ParagraphStyle, size: float) -> ParagraphStyle:
    """`style` at `size`, its leading in proportion; `style` itself at its own size.

    Kept per style and size (styles are never changed once made), so that measuring a text in
    it again finds what was measured.
    """
    if size >= style.fontSize:
        return style
    return style.clone(f"{style.name}@{size:g}", fontSize=size, leading=style.leading * size / style.fontSize)


def widest_size(item: Placed) -> float:
    """The largest size, from the item's own down to its floor, at which no word of it is wider than its width."""
    size = item.style.fontSize
    while size > item.floor and height_of(item, sized(item.style, size)) is None:
        size -= STEP
    return max(size, item.floor)


def scaled_size(item: Placed, widest: float, factor: float) -> float:
    """The item's size at `factor` of its natural size, in whole steps, no larger than `widest` nor smaller than its floor."""
    size = min(widest, round(item.style.fontSize * factor / STEP) * STEP)
    return max(item.floor, size)


def height_of(item: Placed, style: ParagraphStyle, text: str | None = None) -> float | None:
    """The height of the item's text (or `text`) in `style` at its width; None when a line would be wider."""
    if not (item.text if text is None else text):
        return 0
    return _height(item.markup(item.text if text is None else text, style), item.width, _layout_key(style))


@cache.memo(maxsize=512)
def _layout_key(style: ParagraphStyle) -> tuple:
    """What of `style` decides where its lines break and how tall they are: its plain values (not its colours)."""
    return tuple(
        (name, value) for name in ParagraphStyle.defaults if isinstance(value := getattr(style, name), (str, int, float, type(None)))
    )


@cache.memo(maxsize=1024)
def _height(markup: str, width: float, layout: tuple) -> float | None:
    """The height of `markup` set in a style with the values `layout` at `width`; None when a word is wider.

    Kept per process: a batch measures each school's cover once, and every edition the shared guide's.
    """
    # A word wider than the line is left whole, and found; a line of words ReportLab lets be a little
    # wider than the width, closing up its spaces (rl_config.spaceShrinkage), is a line that fits.
    measuring = ParagraphStyle("measuring", **{**dict(layout), "splitLongWords": 0})
    paragraph = Paragraph(markup, measuring)
    _, height = paragraph.wrap(width, 100000)
    if paragraph.minWidth() > width + 0.01:
        return None
    return height


def column_height(items: Sequence[Placed], sizes: Sequence[float], texts: Sequence[str] | None = None) -> float | None:
    """The height of `items` at `sizes`, one under the other with their space after; None if one is too wide."""
    total = 0.0
    for index, (item, size) in enumerate(zip(items, sizes, strict=True)):
        text = item.text if texts is None else texts[index]
        height = height_of(item, sized(item.style, size), text)
        if height is None:
            return None
        total += height + (item.space_after if text else 0)
    return total


@dataclass(frozen=True)
class Column:
    """A column fitted into a height: each item's style, and the items still too long at their floor with how many characters too many."""

    styles: tuple[ParagraphStyle, ...]
    height: float
    too_long: tuple[tuple[Placed, int], ...] = ()


def fit_column(items: Sequence[Placed], room: float) -> Column:
    """The largest sizes at which `items` fit `room` in height, each at the same fraction of its size, none below its floor.

    An item with a word too wide for its width at its own size is first set as small as that word needs.
    """
    widest = [widest_size(item) for item in items]
    factor = 1.0
    while True:
        sizes = [scaled_size(item, most, factor) for item, most in zip(items, widest, strict=True)]
        height = column_height(items, sizes)
        if height is not None and height <= room:
            return Column(tuple(sized(item.style, size) for item, size in zip(items, sizes, strict=True)), height)
        if all(size <= item.floor for item, size in zip(items, sizes, strict=True)):
            break
        factor -= 0.025
    return Column(tuple(sized(item.style, item.floor) for item in items), room, _too_long(items, room))


def _too_long(items: Sequence[Placed], room: float) -> tuple[tuple[Placed, int], ...]:
    """Which items are too long at their floor sizes, tallest first, and by about how many characters each."""
    floors = [item.floor for item in items]

    def fits(texts: list[str]) -> bool:
        height = column_height(items, floors, texts)
        return height is not None and height <= room

    heights = [column_height([item], [item.floor]) or room for item in items]
    order = sorted(range(len(items)), key=lambda i: -heights[i])
    return tuple((items[index], count) for index, count in characters_too_many([item.text for item in items], order, fits))


def characters_too_many(texts: Sequence[str], order: Sequence[int], fits: Callable[[list[str]], bool]) -> list[tuple[int, int]]:
    """For texts that do not fit together, which of them to shorten, in `order`, and by about how many characters each,
    until they fit: a list of (index, characters)."""
    texts = list(texts)
    found = []
    for index in order:
        if fits(texts):
            break
        full = texts[index]
        low, high = 0, len(full)  # the longest start of the text that fits lies in [low, high]
        while low < high:
            middle = (low + high + 1) // 2
            texts[index] = full[:middle]
            if fits(texts):
                low = middle
            else:
                high = middle - 1
        texts[index] = full[:low]
        found.append((index, len(full) - low))
    return found


@dataclass(frozen=True)
class TooLong(Problem):
    """A setting's text too long for its place even at its floor size: which setting, and by how many characters."""

    field: str = ""
    count: int = 0


def tightest(found: list[TooLong]) -> list[TooLong]:
    """One problem per setting: where a text is too long for two places (the cover and the back cover's band),
    the place it must be shortest for, so that the reader gets one length to aim for."""
    kept: dict[tuple, TooLong] = {}
    for problem in found:
        key = (problem.where, problem.field)
        if key not in kept or problem.count > kept[key].count:
            kept[key] = problem
    return list(kept.values())


def too_long(where: Where, field: str, text: str, count: int, floor: float, place: str) -> TooLong:
    """The message for a setting `count` characters too long for `place` even at `floor` points."""
    keep = len(text) - count
    fix = f"shorten it to about {keep} characters" if keep > 0 else "shorten it"
    message = f"{field}: about {count} characters too long to fit {place}, even at {floor:g} pt (the smallest it is set); {fix}"
    return TooLong(where, message, field=field, count=count)
