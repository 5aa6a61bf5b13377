"""Warn when a theme colour a user sets leaves text too faint to read (WCAG 2.1 AA contrast).

The texts come from the style sheet (handbook/style_sheet.py): each named style says its
colour, what it is drawn on and its size, so a new style is checked without a change here.
"""

from __future__ import annotations

from functools import lru_cache

from handbook.model import Theme
from handbook.problems import Problems, Where
from handbook.style_sheet import COVER_PATTERN_ALPHA, PAPER, PAPER_TINT, THEME_COLOURS, WHITE, ThemedText, themed_text

TEXT_MINIMUM = 4.5  # WCAG 2.1 AA, success criterion 1.4.3
LARGE_TEXT_MINIMUM = 3.0
LARGE_SIZE, LARGE_BOLD_SIZE = 18, 14  # points: large text is 18 pt and up, or 14 pt bold and up


def relative_luminance(colour: str) -> float:
    """The WCAG 2.1 relative luminance of "#rrggbb": 0 for black, 1 for white."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


@lru_cache(maxsize=256)  # a pure function of two colours; every edition of a batch asks about the same few
def contrast_ratio(first: str, second: str) -> float:
    """The WCAG 2.1 contrast ratio of two "#rrggbb" colours, from 1 (the same) to 21 (black and white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def is_large(size: float, bold: bool) -> bool:
    """Whether text of this size counts as large for WCAG: 18 pt and up, or 14 pt bold and up."""
    return size >= LARGE_SIZE or (bold and size >= LARGE_BOLD_SIZE)


def shown_ratio(ratio: float, minimum: float) -> str:
    """A ratio short of `minimum` as a message gives it: 2.8:1, or 4.47:1 where rounding would reach the minimum."""
    shown = f"{ratio:.1f}"
    return f"{shown}:1" if float(shown) < minimum else f"{int(ratio * 100) / 100:.2f}:1"


def _over(colour: str, under: str, alpha: float) -> str:
    """`colour` painted `alpha` opaque over `under`, as a PDF viewer blends them."""
    channels = (round(alpha * int(colour[i : i + 2], 16) + (1 - alpha) * int(under[i : i + 2], 16)) for i in (1, 3, 5))
    return "#" + "".join(f"{c:02x}" for c in channels)


def _hex(name: str, theme: Theme) -> str:
    """A colour of the style sheet as "#rrggbb": a hex code, a theme colour's name, the paper or the cover panel."""
    if name in THEME_COLOURS:
        return getattr(theme, name)
    if name == "paper":
        return PAPER
    if name == "cover":
        return _over(WHITE, theme.primary, COVER_PATTERN_ALPHA)
    return name


def _theme_colour(name: str) -> str | None:
    """The theme colour a colour of the style sheet is, or is made from, if any: the cover panel is the primary."""
    return "primary" if name == "cover" else name if name in THEME_COLOURS else None


def _against(text: ThemedText, key: str, theme: Theme) -> str:
    """What the theme colour `key` is measured against, in words, for a message."""
    if _theme_colour(text.colour) == key:
        if text.on == "paper":
            return f"against the white page ({PAPER})"
        if text.on == PAPER_TINT:
            return f"against the tinted background ({PAPER_TINT})"
        return f"against {_hex(text.on, theme)}"
    colour = _hex(text.colour, theme)
    shown = "white text" if colour == WHITE else f"text in {colour}"
    if text.on == "cover":
        return f"with the {shown} ({colour}) on the cover panel, which its pattern of bars lightens to {_hex('cover', theme)}"
    return f"with the {shown} ({colour}) drawn on it"


def check_contrast(theme: Theme, origins: dict[str, Where], problems: Problems) -> None:
    """Warn, at the key that sets it, about each theme colour with too little contrast for a text it is used for.

    `origins` holds where each setting was written, by dotted name ("theme.accent"); a colour
    left at its default, or written wrong (an error at its line), is not the user's choice and
    is not checked. One warning names every use that falls short against the same colour and minimum.
    """
    wrong = {problem.where for problem in problems.errors}  # a colour not read as written is the default, not the user's
    chosen = {key for key in THEME_COLOURS if f"theme.{key}" in origins and origins[f"theme.{key}"] not in wrong}
    short: dict[tuple[str, str, float], tuple[float, bool, list[str]]] = {}
    for text in themed_text():
        colour, on = _hex(text.colour, theme), _hex(text.on, theme)
        ratio = contrast_ratio(colour, on)
        minimum = LARGE_TEXT_MINIMUM if is_large(text.size, text.bold) else TEXT_MINIMUM
        if ratio >= minimum:
            continue
        for key in {_theme_colour(text.colour), _theme_colour(text.on)} & chosen:
            # The theme colour should move away from the other one: darker than a light one, lighter than a dark one.
            mine, other = (colour, on) if key == _theme_colour(text.colour) else (on, colour)
            darker = relative_luminance(mine) <= relative_luminance(other)
            uses = short.setdefault((key, _against(text, key, theme), minimum), (ratio, darker, []))[2]
            if text.use not in uses:
                uses.append(text.use)
    for (key, against, minimum), (ratio, darker, uses) in short.items():
        need = (
            "text this size needs"
            if minimum == TEXT_MINIMUM
            else f"large text ({LARGE_SIZE} pt and up, or {LARGE_BOLD_SIZE} pt bold) needs"
        )
        problems.warn(
            origins[f"theme.{key}"],
            f'theme colour {key} "{getattr(theme, key)}" has a contrast of {shown_ratio(ratio, minimum)} {against}, too little for {_listed(uses)}; '
            f"{need} at least {minimum:g}:1 (WCAG 2.1 AA): choose a {'darker' if darker else 'lighter'} colour",
        )


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
