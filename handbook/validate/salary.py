"""Salary table rows: figures by percentile in annual and hourly pay, their source and period, and their age."""

from __future__ import annotations

import re
from datetime import date

from handbook import money
from handbook.model import HOURS_PER_YEAR, MEASURES, Figure, SalaryRow, Wage
from handbook.nodes import Mapping, Node, Scalar
from handbook.validate.fields import Reader, join
from handbook.validate.wages import combine

ROW_KEYS = ("label", "annual", "hourly", "employment", "qualifier", "comparison")
PERCENTILE_KEYS = tuple(m for m in MEASURES if m != "value")
ORDERED = ("pct10", "pct25", "median", "pct75", "pct90")
ORDER_NAMES = {
    "pct10": "10th percentile",
    "pct25": "25th percentile",
    "median": "median",
    "pct75": "75th percentile",
    "pct90": "90th percentile",
}
HOURLY_FLOOR = 7.25  # the U.S. federal minimum wage since 2009: full-time pay below it is most likely a typo
HOURLY_CEILING = 250.00  # well above BLS's top code ($115 an hour): an hourly figure above it is most likely annual pay
_FLOOR_NAME = f"the U.S. federal minimum wage of ${HOURLY_FLOOR:.2f} an hour"
_POINT_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")  # 52.000: thousands written with points, as in much of Europe
_MONTHS = {
    name: i
    for i, name in enumerate(
        ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"), start=1
    )
}


def stale_reason(read: Reader, node: Node | None, path: str) -> str:
    """Why figures older than salary_max_age_years are kept: text, never empty."""
    reason = read.text(node, path)
    if isinstance(node, Scalar) and (node.is_null or not node.text.strip()):
        read.error(
            node.where,
            path,
            "is empty; say why the figures are kept although they are old, e.g. stale_ok: the latest figures the source publishes",
        )
    return reason


def read_row(read: Reader, node: Node, path: str) -> SalaryRow | None:
    fields = read.mapping(node, path, ROW_KEYS, required=("label",))
    if fields is None:
        return None
    label = read.text(fields.get("label"), join(path, "label"))
    places: dict[tuple[str, str], tuple[Node, str]] = {}
    annual = _unit(read, fields.get("annual"), join(path, "annual"), places, "annual")
    hourly = _unit(read, fields.get("hourly"), join(path, "hourly"), places, "hourly")
    employment_value = read.number(fields.get("employment"), join(path, "employment"))
    if employment_value is not None:
        places["employment", "employment"] = (fields.get("employment"), join(path, "employment"))
    qualifier = read.choice(fields.get("qualifier"), join(path, "qualifier"), ("", "more than", "less than"), "")
    comparison = read.flag(fields.get("comparison"), join(path, "comparison"), False)
    if not annual and not hourly:
        if fields.get("annual") is None and fields.get("hourly") is None:
            read.error(
                node.where, path, "has no figure; expected annual: or hourly: with a number, or with figures such as {median: 42630}"
            )
        return None
    if not label:
        return None
    employment = Figure(employment_value) if employment_value is not None else None
    wages = combine(annual, hourly)
    _check_plausible(read, wages, places)
    return SalaryRow(label, wages=wages, employment=employment, qualifier=qualifier, comparison=comparison)


def _unit(read: Reader, node: Node | None, path: str, places: dict, unit: str) -> dict[str, Figure]:
    """`annual: 42630` (one value) or `annual: {median: 42630, pct90: 73370}`; where each figure was written goes in `places`."""
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
                places[unit, key.text] = (value, join(path, key.text))
        return found
    number = read.number(node, path)
    if number is not None:
        places[unit, "value"] = (node, path)
    return {"value": Figure(number)} if number is not None else {}


def _check_plausible(read: Reader, wages: tuple[Wage, ...], places: dict[tuple[str, str], tuple[Node, str]]) -> None:
    """Warn about figures a typo or a European thousands separator most likely made: at most one warning per figure."""
    doubtful = set()
    for (unit, measure), (node, path) in places.items():
        typed = node.text.strip().lstrip("$")
        value = float(typed.replace(",", ""))
        if unit != "hourly" and _POINT_THOUSANDS.fullmatch(typed):
            whole = int(typed.replace(".", ""))
            read_as, point = (
                (money.annual(value), "a point is only for cents, as in 20.50")
                if unit == "annual"
                else (f"{value:g}", "a count has no point")
            )
            message = f"'{typed}' is read as {read_as}; if you meant {whole:,}, write {whole} or {whole:,} ({point})"
        elif unit == "employment":
            continue
        elif unit == "annual" and value < HOURLY_FLOOR * HOURS_PER_YEAR:
            message = (
                f"{money.annual(value)} a year is less than {money.annual(HOURLY_FLOOR * HOURS_PER_YEAR)}, what {HOURS_PER_YEAR:,} hours "
                f"at {_FLOOR_NAME} pay; check the figure (pay per hour goes under hourly:)"
            )
        elif unit == "hourly" and value < HOURLY_FLOOR:
            message = f"{money.hourly(value)} an hour is less than {_FLOOR_NAME}; check the figure"
        elif unit == "hourly" and value > HOURLY_CEILING:
            message = (
                f"{money.hourly(value)} an hour is more than {money.hourly(HOURLY_CEILING)}, more than any occupation's typical pay; "
                "check the figure (pay per year goes under annual:)"
            )
        else:
            continue
        read.problems.warn(node.where, f"{path}: {message}")
        doubtful.add(measure)
    _check_order(read, wages, places, doubtful)


def _check_order(read: Reader, wages: tuple[Wage, ...], places: dict, doubtful: set[str]) -> None:
    """Warn once when a row's percentiles do not rise from pct10 to pct90 (compared per year, converting hourly ones)."""
    found = []
    for measure in ORDERED:
        unit = "annual" if ("annual", measure) in places else "hourly"
        if (unit, measure) not in places or measure in doubtful:
            continue
        value = getattr(next(w for w in wages if w.measure == measure), unit).value
        found.append((measure, unit, value, value if unit == "annual" else value * HOURS_PER_YEAR))
    for (low_measure, low_unit, low, low_year), (measure, unit, value, year) in zip(found, found[1:]):
        if year < low_year:
            node, path = places[unit, measure]
            mixed = unit != low_unit
            read.problems.warn(
                node.where,
                f"{path}: the {ORDER_NAMES[measure]}, {_money(value, unit, mixed)}, is less than the {ORDER_NAMES[low_measure]}, "
                f"{_money(low, low_unit, mixed)}; percentiles rise from pct10 to pct25, median, pct75 and pct90, so check both figures",
            )
            return


def _money(value: float, unit: str, with_unit: bool) -> str:
    """$44,000, or with its unit (and the yearly sum of an hourly figure) where two units are compared."""
    if unit == "annual":
        return f"{money.annual(value)} a year" if with_unit else money.annual(value)
    if not with_unit:
        return money.hourly(value)
    return f"{money.hourly(value)} an hour ({money.annual(value * HOURS_PER_YEAR)} a year at {HOURS_PER_YEAR:,} hours)"


def period_end(period: str) -> date | None:
    """The last day a period such as 'May 2020' or '2020' covers; None when it names no year."""
    years = re.findall(r"\b(19\d\d|20\d\d)\b", period)
    if not years:
        return None
    year = int(years[-1])
    month = next((number for name, number in _MONTHS.items() if re.search(rf"\b{name[:3]}", period.lower())), 12)
    next_month = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(next_month.toordinal() - 1)


def check_age(read: Reader, node: Node, path: str, period: str, today: date, limit_years: float) -> None:
    end = period_end(period)
    if end is None:
        read.problems.warn(node.where, f"{path}.period: '{period}' names no year, so its age cannot be checked; write it like 'May 2023'")
        return
    age_years = (today - end).days / 365.25
    if age_years > limit_years:
        read.problems.warn(
            node.where,
            f"{path}.period: the figures are for {period}, more than {limit_years:g} years before {today.isoformat()}; "
            "look for newer figures, say why they are kept with stale_ok:, or raise salary_max_age_years in the manifest",
        )
