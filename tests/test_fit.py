"""Fitting placed text into its room: wrapping, setting smaller to a floor, shortening, and saying how much is too long."""

from __future__ import annotations

import pytest
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook.render.fit import (
    ELLIPSIS,
    Placed,
    any_page_number,
    characters_too_many,
    fit_column,
    fit_lines,
    hyphenated_words,
    split_width,
    widest_page_number,
    wrap_words,
)

FONT = "Helvetica"
TEXT = "Career Guidance Office of the Greater Metropolitan Unified School District"


def test_a_text_that_fits_stays_on_one_line_at_its_size():
    lines = fit_lines("Career Guidance Office", FONT, 8.5, 10, 7, 200)
    assert lines.lines == ("Career Guidance Office",) and lines.size == 8.5 and lines.leading == 10


def test_a_longer_text_wraps_to_two_lines_before_it_is_set_smaller():
    width = stringWidth(TEXT, FONT, 8.5) * 0.6
    lines = fit_lines(TEXT, FONT, 8.5, 10, 7, width)
    assert len(lines.lines) == 2 and lines.size == 8.5 and " ".join(lines.lines) == TEXT
    assert all(stringWidth(line, FONT, 8.5) <= width for line in lines.lines)


def test_a_text_too_long_for_two_lines_is_set_smaller_then_shortened_with_an_ellipsis():
    width = stringWidth(TEXT, FONT, 8.5) * 0.45
    smaller = fit_lines(TEXT, FONT, 8.5, 10, 7, width)
    assert len(smaller.lines) == 2 and 7 <= smaller.size < 8.5 and " ".join(smaller.lines) == TEXT
    assert smaller.leading == pytest.approx(smaller.size * 10 / 8.5)
    short = fit_lines(TEXT * 2, FONT, 8.5, 10, 7, width)
    assert short.size == 7 and len(short.lines) == 2 and short.lines[-1].endswith(ELLIPSIS)
    assert all(stringWidth(line, FONT, 7) <= width for line in short.lines)


def test_a_word_wider_than_the_room_is_not_wrapped():
    assert wrap_words("a Supercalifragilisticexpialidocious b", FONT, 10, 50) is None
    lines = fit_lines("Supercalifragilisticexpialidocious" * 3, FONT, 10, 12, 7, 50)
    assert all(stringWidth(line, FONT, 7) <= 50 for line in lines.lines) and lines.lines[-1].endswith(ELLIPSIS)


def test_a_row_gives_each_part_what_it_needs_else_the_shorter_keeps_its_width_else_half_each():
    assert split_width(400, 18, 100, 200) == (100, 200)
    assert split_width(400, 18, 100, 500) == (100, 282)
    assert split_width(400, 18, 500, 100) == (282, 100)
    assert split_width(400, 18, 300, 300) == (191, 191)


def test_the_widest_page_number_is_measured_for_every_page_of_the_count():
    widest = widest_page_number(12, FONT, 8.5)
    assert widest == max(stringWidth(f"Page {n} of 12", FONT, 8.5) for n in range(1, 13)) >= stringWidth("Page 1 of 12", FONT, 8.5)
    assert any_page_number(FONT, 8.5) >= widest_page_number(9999, FONT, 8.5) > widest_page_number(999, FONT, 8.5)


def item(field: str, text: str, size: float, floor: float, width: float = 200) -> Placed:
    style = ParagraphStyle(field, fontName=FONT, fontSize=size, leading=size * 1.2)
    return Placed(field, text, lambda text, style: text, style, floor, width, 4)


def test_a_column_is_set_smaller_together_until_it_fits_its_height():
    items = [item("title", "A title of a few words that wraps", 30, 18), item("subtitle", "A subtitle under it", 16, 10)]
    roomy = fit_column(items, 1000)
    assert [s.fontSize for s in roomy.styles] == [30, 16] and roomy.styles[0] is items[0].style and not roomy.too_long
    tight = fit_column(items, roomy.height * 0.7)
    assert tight.height <= roomy.height * 0.7 and tight.styles[0].fontSize < 30 and tight.styles[1].fontSize < 16
    assert not tight.too_long


def test_a_column_too_tall_at_its_floors_names_the_tallest_text_and_how_many_characters_to_cut():
    items = [item("title", "word " * 200, 30, 18), item("subtitle", "A subtitle", 16, 10)]
    column = fit_column(items, 150)
    ((found, count),) = column.too_long
    assert found.field == "title" and 0 < count < len(items[0].text)
    kept = fit_column([item("title", items[0].text[: len(items[0].text) - count], 30, 18), items[1]], 150)
    assert not kept.too_long


def test_characters_too_many_shortens_texts_in_order_until_they_fit():
    def fits(texts):
        return sum(map(len, texts)) <= 10

    assert characters_too_many(["abcdefgh", "ijklmnop"], [1, 0], fits) == [(1, 6)]
    assert characters_too_many(["abcdefghijkl", "mnop"], [1, 0], fits) == [(1, 4), (0, 2)]
    assert characters_too_many(["abc", "def"], [0, 1], fits) == []


def test_a_text_too_long_for_two_places_is_one_problem_with_the_shorter_length():
    """A title too long for the cover and for the back cover's band: one message, with the length the band needs."""
    from handbook.problems import Where
    from handbook.render.fit import tightest, too_long

    title = "T" * 500
    cover = too_long(Where("handbook.yaml", 3), "title", title, 100, 23, "the cover")
    band = too_long(Where("handbook.yaml", 3), "title", title, 391, 10, "the back cover's band")
    edition = too_long(Where("handbook.yaml", 5), "edition", "E" * 300, 20, 9, "the cover")
    assert tightest([cover, band, edition]) == [band, edition]
    assert "shorten it to about 109 characters" in band.message


def test_a_chart_label_word_too_long_even_at_the_floor_breaks_with_a_hyphen_in_the_language_given():
    text = "Técnicos electroencefalográficamente certificados"
    lines = fit_lines(text, FONT, 9, 11, 7, 60, 3, "es")
    assert lines.lines == ("Técnicos electro-", "encefalográfica-", "mente certificados") and lines.size == 7
    assert all(stringWidth(line, FONT, 7) <= 60 for line in lines.lines)
    # Without a dictionary the word is cut between letters, with no hyphen, as before.
    assert fit_lines(text, FONT, 9, 11, 7, 60, 3).lines[:2] == ("Técnicos electroen", "cefalográficamente")
    # Words that fit are never broken.
    assert hyphenated_words("Todas las ocupaciones", FONT, 9, 60, "es") == wrap_words("Todas las ocupaciones", FONT, 9, 60)
