"""Money as people read it: $42,630 a year, $20.50 an hour, "$239,200 or more", "not available"."""

from __future__ import annotations

from handbook import l10n
from handbook.l10n import _
from handbook.model import Figure


def annual(value: float) -> str:
    """Whole dollars with thousands separators: 42630 -> '$42,630'."""
    return l10n.annual(value)


def hourly(value: float) -> str:
    """Dollars and cents: 20.5 -> '$20.50'."""
    return l10n.hourly(value)


def per_hour(value: float) -> str:
    """For running text: 20.5 -> '$20.50 per hour'."""
    return _("{figure} per hour").format(figure=hourly(value))


def with_qualifier(figure: str, qualifier: str) -> str:
    """'more than $73,370' where the figure is a bound, else the figure."""
    if not qualifier:
        return figure
    words = {"more than": _("more than {figure}"), "less than": _("less than {figure}")}.get(qualifier)
    return words.format(figure=figure) if words else f"{qualifier} {figure}"


def figure_text(figure: Figure | None, unit: str, qualifier: str = "") -> str:
    """A table cell for `figure` in `unit` ("annual" or "hourly"); a dash when there is no figure."""
    if figure is None:
        return "\u2014"
    if figure.status == "not_available" or figure.value is None:
        return _("not available")
    text = annual(figure.value) if unit == "annual" else hourly(figure.value)
    if figure.status == "top_coded":
        return _("{figure} or more").format(figure=text)
    return with_qualifier(text, qualifier)


def count(figure: Figure | None) -> str:
    """An employment count: 186,400, or 'not available'."""
    if figure is None:
        return "\u2014"
    if figure.value is None:
        return _("not available")
    return l10n.decimal(figure.value)
