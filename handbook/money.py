"""Money as people read it: $42,630 a year, $20.50 an hour, "$239,200 or more", "not available"."""

from __future__ import annotations

from handbook.model import Figure


def annual(value: float) -> str:
    """Whole dollars with thousands separators: 42630 -> '$42,630'."""
    return f"${round(value):,}"


def hourly(value: float) -> str:
    """Dollars and cents: 20.5 -> '$20.50'."""
    return f"${value:,.2f}"


def per_hour(value: float) -> str:
    """For running text: 20.5 -> '$20.50 per hour'."""
    return f"{hourly(value)} per hour"


def with_qualifier(figure: str, qualifier: str) -> str:
    """'more than $73,370' where the figure is a bound, else the figure."""
    return f"{qualifier} {figure}" if qualifier else figure


def figure_text(figure: Figure | None, unit: str, qualifier: str = "") -> str:
    """A table cell for `figure` in `unit` ("annual" or "hourly"); a dash when there is no figure."""
    if figure is None:
        return "\u2014"
    if figure.status == "not_available" or figure.value is None:
        return "not available"
    text = annual(figure.value) if unit == "annual" else hourly(figure.value)
    if figure.status == "top_coded":
        return f"{text} or more"
    return with_qualifier(text, qualifier)


def count(figure: Figure | None) -> str:
    """An employment count: 186,400, or 'not available'."""
    if figure is None:
        return "\u2014"
    if figure.value is None:
        return "not available"
    return f"{round(figure.value):,}"
