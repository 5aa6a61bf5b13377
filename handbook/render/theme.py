"""Named paragraph styles as data, with parents, turned into ReportLab styles for a theme.

Colour values may name the theme's colours ("primary", "accent") instead of a hex code.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from handbook import cache
from handbook.model import Theme
from handbook.render.faces import FontFamily, register_family
from handbook.render.paragraphs import MemoStyle, ParagraphMemo

INK = "#1f2933"
MUTED = "#52606d"
RULE = "#cbd2d9"
PAPER_TINT = "#f3f6f9"

# name: (parent, settings). Font names "regular", "bold", "italic" map onto the theme's family.
STYLE_SHEET: dict[str, tuple[str | None, dict]] = {
    "body": (None, dict(font="regular", fontSize=10.5, leading=15.5, textColor=INK, spaceAfter=7, allowWidows=0, allowOrphans=0)),
    "list_item": ("body", dict(spaceAfter=3)),
    "h1": ("body", dict(font="bold", fontSize=20, leading=24, textColor="primary", spaceBefore=18, spaceAfter=10, keepWithNext=1)),
    "h2": ("body", dict(font="bold", fontSize=12.5, leading=16, textColor="primary", spaceBefore=8, spaceAfter=6, keepWithNext=1)),
    "chart_title": ("h2", dict(fontSize=10.5, leading=14, textColor=MUTED, spaceBefore=6, spaceAfter=4)),
    "callout_title": ("body", dict(font="bold", fontSize=10.5, textColor="accent", spaceAfter=2, keepWithNext=1)),
    "callout": ("body", dict(spaceAfter=0)),
    "quote": ("body", dict(font="italic", fontSize=12, leading=17, textColor="primary", leftIndent=18, rightIndent=18, spaceAfter=2)),
    "quote_by": ("body", dict(fontSize=9.5, textColor=MUTED, leftIndent=18, spaceAfter=10)),
    "caption": ("body", dict(font="italic", fontSize=9, leading=12, textColor=MUTED, alignment=TA_CENTER)),
    "table_head": ("body", dict(font="bold", fontSize=9.5, leading=12, textColor="#ffffff", spaceAfter=0)),
    "table_head_right": ("table_head", dict(alignment=TA_RIGHT)),
    "table_cell": ("body", dict(fontSize=10, leading=13, spaceAfter=0)),
    "table_figure": ("table_cell", dict(font="bold", alignment=TA_RIGHT)),
    "source": ("body", dict(fontSize=8.5, leading=11, textColor=MUTED, spaceBefore=4)),
    "toc_title": ("h1", dict(spaceBefore=0, spaceAfter=16)),
    "toc_entry": ("body", dict(fontSize=12, leading=16, spaceAfter=0)),
    "cover_title": ("body", dict(font="bold", fontSize=38, leading=44, textColor="#ffffff", alignment=TA_LEFT)),
    "cover_subtitle": ("body", dict(fontSize=18, leading=24, textColor="#ffffff")),
    "cover_meta": ("body", dict(fontSize=12, leading=16, textColor=INK)),
    "running": ("body", dict(fontSize=8.5, leading=10, textColor=MUTED)),
}


@dataclass(frozen=True, eq=False)
class Styles:
    """The paragraph styles and colours a handbook is drawn with."""

    paragraph: dict[str, ParagraphStyle]
    fonts: FontFamily
    primary: colors.Color
    accent: colors.Color
    ink: colors.Color
    muted: colors.Color
    rule: colors.Color
    tint: colors.Color

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraph[name]


@cache.memo(maxsize=8)
def styles_for(theme: Theme) -> Styles:
    """The styles for `theme`, built once per process and shared by its documents.

    Styles are not changed once built (renderers clone a style to vary it), and
    their paragraph memo is what lets a later document skip parsing the markup
    an earlier one had.
    """
    return build_styles(theme)


def build_styles(theme: Theme) -> Styles:
    """Every named style for `theme`, parents first, with theme colours and fonts filled in."""
    fonts = register_family(theme.font)
    face = {"regular": fonts.regular, "bold": fonts.bold, "italic": fonts.italic}
    named = {"primary": theme.primary, "accent": theme.accent}
    built: dict[str, ParagraphStyle] = {}
    memo = ParagraphMemo() if cache.enabled() else None
    for name, (parent, settings) in STYLE_SHEET.items():
        values = dict(settings)
        if "font" in values:
            values["fontName"] = face[values.pop("font")]
        if "textColor" in values:
            values["textColor"] = colors.HexColor(named.get(values["textColor"], values["textColor"]))
        values.setdefault("bulletFontName", fonts.regular)
        built[name] = MemoStyle(name, parent=built[parent] if parent else None, **values)
        built[name].memo = memo
    return Styles(
        paragraph=built,
        fonts=fonts,
        primary=colors.HexColor(theme.primary),
        accent=colors.HexColor(theme.accent),
        ink=colors.HexColor(INK),
        muted=colors.HexColor(MUTED),
        rule=colors.HexColor(RULE),
        tint=colors.HexColor(PAPER_TINT),
    )
