"""The named paragraph styles as plain data, with parents, and what each one's text is drawn on.

render/theme.py turns them into ReportLab styles for a theme. Validation reads the same
declarations to find every text a theme colour is used for, or drawn under, and warns when
the two are hard to tell apart (validate/contrast.py); this module imports no ReportLab, so
`handbook check` stays quick.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from handbook.settings import THEME

INK = "#1f2933"
MUTED = "#52606d"
RULE = "#cbd2d9"
PAPER = "#ffffff"  # the page
WHITE = "#ffffff"  # text drawn on a theme colour
PAPER_TINT = "#e4eaf1"  # behind callouts and every other row of a salary table; 9% grey, so a photocopier keeps it
COVER_PATTERN_ALPHA = 0.10  # the cover's pattern of bars: white this opaque over the primary panel
LINK_COLOUR = "primary"  # links are underlined and drawn in this theme colour, whatever their paragraph's colour

# The theme's colours a user sets ("primary", "accent"), which a style may name instead of a hex code.
THEME_COLOURS = tuple(name for name, setting in THEME.items() if setting.kind == "colour")

# name: (parent, settings). Font names "regular", "bold", "italic" map onto the theme's family; textColor
# may name a theme colour; alignment is "left", "center" or "right". Three keys are not ReportLab's:
#   on:    what the text is drawn on: the page (when left out), a hex colour, a theme colour, or "cover",
#          the cover's primary panel as its pattern of bars lightens it.
#   use:   where the text is, as a warning names it; needed wherever the text colour or `on` is a theme
#          colour (tests/test_style_sheet.py), inherited by a style's children.
#   links: where the links in this style's paragraphs are, as a warning names them; not inherited.
STYLE_SHEET: dict[str, tuple[str | None, dict]] = {
    "body": (
        None,
        dict(
            font="regular",
            fontSize=10.5,
            leading=15.5,
            textColor=INK,
            spaceAfter=7,
            allowWidows=0,
            allowOrphans=0,
            links="links",
        ),
    ),
    "list_item": ("body", dict(spaceAfter=3, links="links")),
    "h1": (
        "body",
        dict(
            font="bold", fontSize=20, leading=24, textColor="primary", spaceBefore=18, spaceAfter=10, keepWithNext=1, use="section titles"
        ),
    ),
    "h2": (
        "body",
        dict(
            font="bold",
            fontSize=12.5,
            leading=16,
            textColor="primary",
            spaceBefore=8,
            spaceAfter=6,
            keepWithNext=1,
            use="checklist and salary table titles",
        ),
    ),
    "chart_title": ("h2", dict(fontSize=10.5, leading=14, textColor=MUTED, spaceBefore=6, spaceAfter=4)),
    "callout_title": (
        "body",
        dict(font="bold", fontSize=10.5, textColor="primary", spaceAfter=2, keepWithNext=1, on=PAPER_TINT, use="callout titles"),
    ),
    "callout": ("body", dict(spaceAfter=0, on=PAPER_TINT, links="links in callouts")),
    "quote": (
        "body",
        dict(font="italic", fontSize=12, leading=17, textColor="primary", leftIndent=18, rightIndent=18, spaceAfter=2, use="quotes"),
    ),
    "quote_by": ("body", dict(fontSize=9.5, textColor=MUTED, leftIndent=18, spaceAfter=10)),
    "caption": ("body", dict(font="italic", fontSize=9, leading=12, textColor=MUTED, alignment="center")),
    "table_head": (
        "body",
        dict(font="bold", fontSize=9.5, leading=12, textColor=WHITE, spaceAfter=0, on="primary", use="salary table headings"),
    ),
    "table_head_right": ("table_head", dict(alignment="right")),
    "table_cell": ("body", dict(fontSize=10, leading=13, spaceAfter=0)),
    "table_figure": ("table_cell", dict(font="bold", alignment="right")),
    "source": ("body", dict(fontSize=8.5, leading=11, textColor=MUTED, spaceBefore=4)),
    "toc_title": ("h1", dict(spaceBefore=0, spaceAfter=16)),
    "toc_entry": ("body", dict(fontSize=12, leading=16, spaceAfter=0)),
    "toc_number": ("toc_entry", dict(font="bold", textColor="primary", use="page numbers in the contents")),
    "cover_title": (
        "body",
        dict(font="bold", fontSize=38, leading=44, textColor=WHITE, alignment="left", on="cover", use="the cover's title"),
    ),
    "cover_subtitle": ("body", dict(fontSize=18, leading=24, textColor=WHITE, on="cover", use="the cover's subtitle")),
    "cover_meta": ("body", dict(fontSize=12, leading=16, textColor=INK)),
    "cover_career": (
        "cover_meta",
        dict(font="bold", fontSize=11, leading=14, textColor=WHITE, on="cover", use="the career line on the cover"),
    ),
    "cover_organisation": (
        "cover_meta",
        dict(font="bold", fontSize=16, leading=20, textColor="primary", use="the organisation's name on the cover"),
    ),
    "running": ("body", dict(fontSize=8.5, leading=10, textColor=MUTED)),
    "running_section": ("running", dict(font="bold", textColor="primary", use="section names in the page headers")),
    "step_number": ("list_item", dict(font="bold", textColor="primary", use="step numbers")),
    "chart_value": ("body", dict(font="bold", fontSize=8.5, textColor=INK)),
    "chart_value_inside": ("chart_value", dict(textColor=WHITE, on="primary", use="figures inside salary chart bars")),
    "back_name": ("h2", dict(fontSize=18, leading=22, use="the school's name on the back cover")),
    "back_title": (
        "body",
        dict(font="bold", fontSize=13, textColor=WHITE, on="primary", use="the title and edition on the back cover's band"),
    ),
    "back_edition": ("back_title", dict(font="regular", fontSize=9.5)),
}

# Settings that describe a style and are not ReportLab's.
NOT_REPORTLAB = ("on", "use", "links")


def resolved(name: str) -> dict:
    """Every setting of style `name`, its parents' included; `links` only when the style gives it."""
    parent, settings = STYLE_SHEET[name]
    values = {k: v for k, v in resolved(parent).items() if k != "links"} if parent else {}
    values.update(settings)
    values.setdefault("on", "paper")
    return values


class ThemedText(NamedTuple):
    """Text that a theme colour is drawn in, or drawn under: what contrast it needs and where it is."""

    use: str  # where the text is, for messages
    colour: str  # the text's colour: a theme colour's name or a hex code
    on: str  # what it is drawn on: "paper", "cover", a theme colour's name or a hex code
    size: float  # points
    bold: bool


@lru_cache(maxsize=1)  # the style sheet is fixed: worked out once, not for every edition checked
def themed_text() -> tuple[ThemedText, ...]:
    """Every text a theme colour is used for or drawn under, once each, in the order of the style sheet."""
    found: list[ThemedText] = []
    for name in STYLE_SHEET:
        values = resolved(name)
        size, bold, on = values["fontSize"], values["font"] == "bold", values["on"]
        texts = [(values.get("use"), values["textColor"])]
        if "links" in values:
            texts.append((values["links"], LINK_COLOUR))
        for use, colour in texts:
            themed = colour in THEME_COLOURS or on in THEME_COLOURS or on == "cover"
            text = ThemedText(use, colour, on, size, bold)
            if themed and text not in found:
                found.append(text)
    return tuple(found)
