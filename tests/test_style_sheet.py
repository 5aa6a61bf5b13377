"""The style sheet: every text in or on a theme colour says where it is, and ReportLab's styles are the sheet's."""

from __future__ import annotations

import re

import pytest
from reportlab.lib import colors

from handbook.model import Theme
from handbook.render.theme import build_styles
from handbook.style_sheet import NOT_REPORTLAB, STYLE_SHEET, THEME_COLOURS, ThemedText, resolved, themed_text

HEX = re.compile(r"#[0-9a-f]{6}")


@pytest.mark.parametrize("name", list(STYLE_SHEET))
def test_a_style_in_or_on_a_theme_colour_says_where_its_text_is(name):
    values = resolved(name)
    assert values["on"] in ("paper", "cover", *THEME_COLOURS) or HEX.fullmatch(values["on"]), values["on"]
    assert values["textColor"] in THEME_COLOURS or HEX.fullmatch(values["textColor"]), values["textColor"]
    if values["textColor"] in THEME_COLOURS or values["on"] in ("cover", *THEME_COLOURS):
        assert values.get("use"), f"{name} is drawn in or on a theme colour: say where its text is with use="


def test_text_is_drawn_in_or_on_the_primary_colour_and_never_in_the_accent():
    """The accent is for bars, rules and bullets: a school may choose it bright, and no text depends on it."""
    used = {t.colour for t in themed_text()} | {t.on for t in themed_text()}
    assert "primary" in used and "accent" not in used


def test_the_callout_title_is_checked_at_the_size_it_is_drawn():
    styles = build_styles(Theme())
    title = styles["callout_title"]
    assert ThemedText("callout titles", "primary", "#e4eaf1", title.fontSize, True) in themed_text()
    assert title.fontName == styles.fonts.bold and title.fontSize == 10.5


@pytest.mark.parametrize("name", list(STYLE_SHEET))
def test_reportlab_styles_are_the_sheets(name):
    style, values = build_styles(Theme(primary="#123456"))[name], resolved(name)
    assert style.fontSize == values["fontSize"] and style.leading == values["leading"]
    colour = {"primary": "#123456", "accent": Theme().accent}.get(values["textColor"], values["textColor"])
    assert style.textColor == colors.HexColor(colour)
    assert not any(hasattr(style, key) for key in NOT_REPORTLAB)
