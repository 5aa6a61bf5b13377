"""Money as people read it: $42,630 a year, $20.50 an hour."""

from __future__ import annotations


def annual(value: float) -> str:
    """Whole dollars with thousands separators: 42630 -> '$42,630'."""
    return f"${round(value):,}"


def hourly(value: float) -> str:
    """Dollars and cents: 20.5 -> '$20.50'."""
    return f"${value:,.2f}"


def with_qualifier(figure: str, qualifier: str) -> str:
    """'more than $73,370' where the figure is a bound, else the figure."""
    return f"{qualifier} {figure}" if qualifier else figure
