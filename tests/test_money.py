"""Money as people read it."""

from __future__ import annotations

from handbook import money
from handbook.model import Figure


def test_annual_and_hourly_formats():
    assert money.annual(42630) == "$42,630"
    assert money.annual(1234567.6) == "$1,234,568"
    assert money.hourly(20.5) == "$20.50"
    assert money.per_hour(20.5) == "$20.50 per hour"
    assert money.with_qualifier("$73,370", "more than") == "more than $73,370"


def test_special_figures_read_as_words_never_symbols_or_zero():
    assert money.figure_text(Figure(None, "not_available"), "annual") == "not available"
    assert money.figure_text(Figure(239200, "top_coded"), "annual") == "$239,200 or more"
    assert money.figure_text(Figure(115, "top_coded"), "hourly") == "$115.00 or more"
    assert money.figure_text(None, "annual") == "\u2014"
    assert money.count(Figure(1900)) == "1,900"
    assert money.count(Figure(None, "not_available")) == "not available"
