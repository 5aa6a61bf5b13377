"""Salary rows from a U.S. BLS Occupational Employment and Wage Statistics file (CSV layout).

BLS marks special values: `*` a wage that is not available, `**` employment that
is not available, `#` a wage at or above the top-coded maximum. They become
figures a reader understands, never a bare symbol or a zero.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from handbook.display import display_path
from handbook.model import Figure, SalaryRow
from handbook.nodes import Node
from handbook.problems import Where, os_problem
from handbook.validate.assets import resolve_inside
from handbook.validate.fields import Reader, join
from handbook.validate.wages import combine

IMPORT_KEYS = ("file", "occupation", "areas", "top_coded_annual", "top_coded_hourly")
REQUIRED_COLUMNS = ("AREA_TITLE", "OCC_CODE")
# BLS's top codes since May 2022; older files used lower ones, set them in the import.
TOP_CODED_ANNUAL = 239_200
TOP_CODED_HOURLY = 115.00
MAX_ROWS_SHOWN = 3  # rows with too many fields named one by one; the rest are counted
COLUMNS = {"pct10": "PCT10", "pct25": "PCT25", "median": "MEDIAN", "pct75": "PCT75", "pct90": "PCT90", "mean": "MEAN"}


def import_rows(ctx, node: Node, path: str) -> list[SalaryRow]:
    read: Reader = ctx.read
    fields = read.mapping(node, path, IMPORT_KEYS, required=("file", "occupation"))
    if fields is None:
        return []
    name = read.file_name(fields.get("file"), join(path, "file"))
    code = read.text(fields.get("occupation"), join(path, "occupation"))
    areas = [
        a for a in read.items(fields.get("areas"), join(path, "areas"), lambda n, p: read.text(n, p, required=True), required=False) if a
    ]
    top_annual = read.number(fields.get("top_coded_annual"), join(path, "top_coded_annual")) or TOP_CODED_ANNUAL
    top_hourly = read.number(fields.get("top_coded_hourly"), join(path, "top_coded_hourly")) or TOP_CODED_HOURLY
    if not name or not code:
        return []
    file = resolve_inside(read, fields.get("file"), join(path, "file"), name, ctx.root)
    if file is None:
        return []
    try:
        records = read_records(read, file, file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        reason, fix = os_problem(exc)
        read.error(fields.get("file").where, join(path, "file"), f"'{name}' cannot be read: {reason}; {fix}")
        return []
    except (UnicodeDecodeError, csv.Error) as exc:
        read.error(
            fields.get("file").where,
            join(path, "file"),
            f"'{name}' cannot be read as a UTF-8 CSV file ({exc}); export the BLS table as CSV",
        )
        return []
    if records is None:
        return []
    missing = [c for c in REQUIRED_COLUMNS if not records or c not in records[0]]
    if missing:
        read.error(
            fields.get("file").where,
            join(path, "file"),
            f"'{name}' has no column {', '.join(missing)}; expected the BLS OEWS layout (AREA_TITLE, OCC_CODE, A_MEDIAN, ...)",
        )
        return []
    for_code = [r for r in records if r["OCC_CODE"] == code]
    if not for_code:
        codes = {r["OCC_CODE"]: r.get("OCC_TITLE", "") for r in records}
        import difflib

        close = difflib.get_close_matches(code, list(codes), n=3, cutoff=0.6)
        hint = "; close matches: " + ", ".join(f"{c} ({codes[c]})" if codes[c] else c for c in close) if close else ""
        read.error(fields.get("occupation").where, join(path, "occupation"), f"occupation code '{code}' is not in '{name}'{hint}")
        return []
    by_area = {r["AREA_TITLE"]: r for r in for_code}
    chosen = []
    for i, area in enumerate(areas or list(by_area)):
        if area in by_area:
            chosen.append(by_area[area])
            continue
        import difflib

        close = difflib.get_close_matches(area, list(by_area), n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; areas with that code: {', '.join(list(by_area)[:8])}"
        read.error(
            fields.get("areas").where, join(join(path, "areas"), i), f"area '{area}' has no row for occupation {code} in '{name}'{hint}"
        )
    return [_row_from_record(record, top_annual, top_hourly) for record in chosen]


def read_records(read: Reader, file: Path, text: str) -> list[dict[str, str]] | None:
    """The CSV's rows keyed by upper-case column name; None, with a problem at the file's line, when its layout is wrong."""
    shown = display_path(file)
    lines = csv.reader(io.StringIO(text))
    header = next(lines, [])
    if len(header) == 1 and header[0].count(";") >= 1:
        read.problems.add(
            Where(shown, 1),
            "the fields are separated by semicolons, as Excel saves CSV files in many European countries; "
            "save the sheet as 'CSV UTF-8 (Comma delimited)', with commas between fields and a point, not a comma, before the cents",
        )
        return None
    names = [name.strip().upper() for name in header]
    records, too_long = [], []
    for fields in lines:
        if not fields:
            continue
        if len(fields) > len(names):
            too_long.append((lines.line_num, fields))
            continue
        fields += [""] * (len(names) - len(fields))  # a short row: its last columns are empty
        records.append({name: value.strip() for name, value in zip(names, fields)})
    for line, fields in too_long[:MAX_ROWS_SHOWN]:
        read.problems.add(
            Where(shown, line),
            f"this row has {len(fields)} fields but the header on line 1 names {len(names)} columns, so its figures cannot be "
            "matched to their columns; remove the extra field (a comma at the end of the line, or a comma inside a number "
            "such as 42,630 that is not in quotes)",
        )
    if len(too_long) > MAX_ROWS_SHOWN:
        line = too_long[MAX_ROWS_SHOWN][0]
        read.problems.add(
            Where(shown, line),
            f"{len(too_long) - MAX_ROWS_SHOWN} more rows, from this one on, have more fields than the header names columns",
        )
    return None if too_long else records


def _row_from_record(record: dict[str, str], top_annual: float, top_hourly: float) -> SalaryRow:
    annual = {m: f for m, c in COLUMNS.items() if (f := _figure(record.get(f"A_{c}"), top_annual)) is not None}
    hourly = {m: f for m, c in COLUMNS.items() if (f := _figure(record.get(f"H_{c}"), top_hourly)) is not None}
    return SalaryRow(record["AREA_TITLE"], wages=combine(annual, hourly), employment=_figure(record.get("TOT_EMP"), 0))


def _figure(raw: str | None, top: float) -> Figure | None:
    """A BLS cell as a Figure; None when the column is absent or empty."""
    if raw is None or raw == "":
        return None
    if raw in ("*", "**"):
        return Figure(None, "not_available")
    if raw == "#":
        return Figure(top, "top_coded")
    try:
        return Figure(float(raw.replace(",", "")))
    except ValueError:
        return Figure(None, "not_available")
