"""Annual and hourly pay paired by measure, as salary tables and BLS wage files both give them."""

from __future__ import annotations

from handbook.model import HOURS_PER_YEAR, MEASURES, Figure, Wage


def combine(annual: dict[str, Figure], hourly: dict[str, Figure]) -> tuple[Wage, ...]:
    """Pair annual and hourly figures by measure, converting at 2,080 hours where only one is given."""
    wages = []
    for measure in MEASURES:
        a, h = annual.get(measure), hourly.get(measure)
        if a is None and h is None:
            continue
        if a is None and h.status == "given":
            a = Figure(h.value * HOURS_PER_YEAR, "derived")
        if h is None and a.status == "given":
            h = Figure(round(a.value / HOURS_PER_YEAR, 2), "derived")
        wages.append(Wage(measure, annual=a, hourly=h))
    return tuple(wages)
