"""The named paragraph styles of the style sheet (handbook/style_sheet.py) as ReportLab styles for a theme.

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
from handbook.style_sheet import INK, MUTED, NOT_REPORTLAB, PAPER_TINT, RULE, STYLE_SHEET

# Named alignments of the style sheet, as ReportLab numbers them.
ALIGNMENTS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


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
    memo: ParagraphMemo | None = None  # the memo its paragraphs share (none while caching is off)

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
        values = {key: value for key, value in settings.items() if key not in NOT_REPORTLAB}
        if "alignment" in values:
            values["alignment"] = ALIGNMENTS[values["alignment"]]
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
        memo=memo,
    )
