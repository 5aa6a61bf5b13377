"""Register the bundled TrueType families with ReportLab, once per process."""

from __future__ import annotations

from dataclasses import dataclass

from handbook.resources import fonts_dir


@dataclass(frozen=True)
class FontFamily:
    """The four faces of one family, by the names they are registered under."""

    regular: str
    bold: str
    italic: str
    bold_italic: str


FONT_FAMILIES: dict[str, dict[str, str]] = {
    "Lato": {
        "regular": "Lato-Regular.ttf",
        "bold": "Lato-Bold.ttf",
        "italic": "Lato-Italic.ttf",
        "bold_italic": "Lato-BoldItalic.ttf",
    },
}


def font_files(family: str) -> list:
    """The font files a family is drawn from (for dependency lists)."""
    return [fonts_dir() / name for name in FONT_FAMILIES[family].values()]


def register_family(family: str) -> FontFamily:
    """Register `family`'s four faces and map bold/italic onto them; repeat calls are free."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = FontFamily(
        regular=family,
        bold=f"{family}-Bold",
        italic=f"{family}-Italic",
        bold_italic=f"{family}-BoldItalic",
    )
    if family in pdfmetrics.getRegisteredFontNames():
        return names
    files = FONT_FAMILIES[family]
    for face, name in (("regular", names.regular), ("bold", names.bold), ("italic", names.italic), ("bold_italic", names.bold_italic)):
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir() / files[face])))
    pdfmetrics.registerFontFamily(family, normal=names.regular, bold=names.bold, italic=names.italic, boldItalic=names.bold_italic)
    return names
