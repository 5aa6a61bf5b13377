"""Salary tables: figures by percentile in annual and hourly pay, their source and period, and their age."""

from __future__ import annotations

import re
from datetime import date

from handbook.loader import Mapping, Node
from handbook.model import HOURS_PER_YEAR, MEASURES, Block, Figure, SalaryRow, SalaryTable, Wage
from handbook.validate.fields import Reader, join

ROW_KEYS = ("label", "annual", "hourly", "employment", "qualifier", "comparison")
TABLE_KEYS = ("title", "source", "period", "rows", "import", "chart", "table")
CHARTS = ("none", "bars", "range")
PERCENTILE_KEYS = tuple(m for m in MEASURES if m != "value")
_MONTHS = {name: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), start=1)}


def salary_table(ctx, node: Node, path: str) -> Block | None:
    read: Reader = ctx.read
    fields = read.mapping(node, path, TABLE_KEYS)
    if fields is None:
        return None
    title = read.text(fields.get("title"), join(path, "title"))
    source = read.text(fields.get("source"), join(path, "source"))
    period = read.text(fields.get("period"), join(path, "period"))
    chart = read.choice(fields.get("chart"), join(path, "chart"), CHARTS, "none")
    show_table = read.flag(fields.get("table"), join(path, "table"), True)
    rows: list[SalaryRow] = []
    if fields.get("import") is not None:
        from handbook.validate.bls import import_rows

        rows += import_rows(ctx, fields.get("import"), join(path, "import"))
    if fields.get("rows") is not None or fields.get("import") is None:
        found = read.items(fields.get("rows"), join(path, "rows"), lambda item, p: _row(read, item, p))
        rows += [row for row in found if row is not None]
        if fields.get("rows") is None:
            read.error(node.where, join(path, "rows"), "is missing; expected rows, or import: from a BLS wage file")
    if not source:
        read.problems.warn(node.where, f"{path}: has no source; say where the figures come from, e.g. source: U.S. Bureau of Labor Statistics")
    if not period:
        read.problems.warn(node.where, f"{path}: has no period; say when the figures were measured, e.g. period: May 2023")
    elif ctx.today is not None:
        _check_age(read, node, path, period, ctx.today, ctx.stale_after_years)
    if chart == "range":
        for i, row in enumerate(rows):
            if row.wage("pct10") is None or row.wage("pct90") is None:
                read.error(node.where, join(join(path, "rows"), i), f"'{row.label}' has no 10th and 90th percentile; chart: range needs pct10 and pct90 in every row (or use chart: bars)")
    if not show_table and chart == "none":
        read.error(node.where, join(path, "table"), "is false and there is no chart; show the table, or add chart: bars or chart: range")
    if not rows:
        return None
    return SalaryTable(tuple(rows), source, period, node.where, title=title, chart=chart, table=show_table)


def _row(read: Reader, node: Node, path: str) -> SalaryRow | None:
    fields = read.mapping(node, path, ROW_KEYS, required=("label",))
    if fields is None:
        return None
    label = read.text(fields.get("label"), join(path, "label"))
    annual = _unit(read, fields.get("annual"), join(path, "annual"))
    hourly = _unit(read, fields.get("hourly"), join(path, "hourly"))
    employment_value = read.number(fields.get("employment"), join(path, "employment"))
    qualifier = read.choice(fields.get("qualifier"), join(path, "qualifier"), ("", "more than", "less than"), "")
    comparison = read.flag(fields.get("comparison"), join(path, "comparison"), False)
    if not annual and not hourly:
        if fields.get("annual") is None and fields.get("hourly") is None:
            read.error(node.where, path, "has no figure; expected annual: or hourly: with a number, or with figures such as {median: 42630}")
        return None
    if not label:
        return None
    employment = Figure(employment_value) if employment_value is not None else None
    return SalaryRow(label, wages=combine(annual, hourly), employment=employment, qualifier=qualifier, comparison=comparison)


def _unit(read: Reader, node: Node | None, path: str) -> dict[str, Figure]:
    """`annual: 42630` (one value) or `annual: {median: 42630, pct90: 73370}`."""
    if node is None:
        return {}
    if isinstance(node, Mapping):
        fields = read.mapping(node, path, PERCENTILE_KEYS)
        if fields is None:
            return {}
        found = {}
        for key, value in fields.entries:
            number = read.number(value, join(path, key.text))
            if number is not None:
                found[key.text] = Figure(number)
        return found
    number = read.number(node, path)
    return {"value": Figure(number)} if number is not None else {}


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


def period_end(period: str) -> date | None:
    """The last day a period such as 'May 2020' or '2020' covers; None when it names no year."""
    years = re.findall(r"\b(19\d\d|20\d\d)\b", period)
    if not years:
        return None
    year = int(years[-1])
    month = next((number for name, number in _MONTHS.items() if re.search(rf"\b{name[:3]}", period.lower())), 12)
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(next_month.toordinal() - 1)


def _check_age(read: Reader, node: Node, path: str, period: str, today: date, limit_years: float) -> None:
    end = period_end(period)
    if end is None:
        read.problems.warn(node.where, f"{path}.period: '{period}' names no year, so its age cannot be checked; write it like 'May 2023'")
        return
    age_years = (today - end).days / 365.25
    if age_years > limit_years:
        read.problems.warn(
            node.where,
            f"{path}.period: the figures are for {period}, more than {limit_years:g} years before {today.isoformat()}; "
            "look for newer figures, or raise salary_max_age_years in the manifest",
        )
