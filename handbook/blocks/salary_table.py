"""The salary_table block: pay figures with their source and period, as a table, a chart or both.

Rows are read by validate/salary.py (and imported from BLS files by validate/bls.py); the table
and chart are drawn by render/salary.py and render/salary_chart.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.blocks.registry import BlockKind
from handbook.model import MEASURES, Block, SalaryRow
from handbook.problems import Where
from handbook.validate.fields import Reader, join
from handbook.validate.salary import check_age, read_row, stale_reason

TABLE_KEYS = ("title", "source", "period", "stale_ok", "rows", "import", "chart", "table")
CHARTS = ("none", "bars", "range")


@dataclass(frozen=True, eq=False, repr=False)
class SalaryTable(Block):
    """Pay figures with their source and period, as a table, a chart or both."""

    rows: tuple[SalaryRow, ...]
    source: str
    period: str
    where: Where
    title: str = ""
    chart: str = "none"  # "none", "bars" or "range"
    table: bool = True
    sources: tuple[Path, ...] = ()  # the files its rows were imported from (import:)

    @property
    def derived(self) -> set[str]:
        """Units that some figure was converted into: {"hourly"}, {"annual"}, both or none."""
        found = set()
        for row in self.rows:
            for wage in row.wages:
                for unit in ("annual", "hourly"):
                    figure = getattr(wage, unit)
                    if figure is not None and figure.status == "derived":
                        found.add(unit)
        return found


def validate(ctx, node, path: str) -> SalaryTable | None:
    read: Reader = ctx.read
    fields = read.mapping(node, path, TABLE_KEYS)
    if fields is None:
        return None
    title = read.text(fields.get("title"), join(path, "title"))
    source = read.text(fields.get("source"), join(path, "source"))
    period = read.text(fields.get("period"), join(path, "period"))
    stale_ok = stale_reason(read, fields.get("stale_ok"), join(path, "stale_ok"))
    chart = read.choice(fields.get("chart"), join(path, "chart"), CHARTS, "none")
    show_table = read.flag(fields.get("table"), join(path, "table"), True)
    rows: list[SalaryRow] = []
    read_before = len(read.files_seen)
    if fields.get("import") is not None:
        from handbook.validate.bls import import_rows  # the csv module only for a table that imports one

        rows += import_rows(ctx, fields.get("import"), join(path, "import"))
    sources = tuple(read.files_seen[read_before:])  # the file import: named, as found inside the project
    if fields.get("rows") is not None or fields.get("import") is None:
        found = read.items(fields.get("rows"), join(path, "rows"), lambda item, p: read_row(read, item, p))
        rows += [row for row in found if row is not None]
        if fields.get("rows") is None:
            read.error(node.where, join(path, "rows"), "is missing; expected rows, or import: from a BLS wage file")
    if not source:
        read.problems.warn(
            node.where, f"{path}: has no source; say where the figures come from, e.g. source: U.S. Bureau of Labor Statistics"
        )
    if not period:
        read.problems.warn(node.where, f"{path}: has no period; say when the figures were measured, e.g. period: May 2023")
    elif ctx.today is not None and not stale_ok:
        check_age(read, node, path, period, ctx.today, ctx.stale_after_years)
    if chart == "range":
        for i, row in enumerate(rows):
            if row.wage("pct10") is None or row.wage("pct90") is None:
                read.error(
                    node.where,
                    join(join(path, "rows"), i),
                    f"'{row.label}' has no 10th and 90th percentile; chart: range needs pct10 and pct90 in every row (or use chart: bars)",
                )
    if not show_table and chart == "none":
        read.error(node.where, join(path, "table"), "is false and there is no chart; show the table, or add chart: bars or chart: range")
    if not rows:
        return None
    return SalaryTable(tuple(rows), source, period, node.where, title=title, chart=chart, table=show_table, sources=sources)


def render(block: SalaryTable, ctx) -> list:
    # ReportLab is imported here, not at the top, for start-up time: check validates without it.
    from handbook.render.salary import render_salary_table

    return render_salary_table(block, ctx)


MONEY = {
    "oneOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$"},
    ]
}
FIGURES = {
    "description": "One figure, or figures by percentile.",
    "oneOf": [
        {"$ref": "#/$defs/money"},
        {
            "type": "object",
            "additionalProperties": False,
            "minProperties": 1,
            "properties": {measure: {"$ref": "#/$defs/money"} for measure in MEASURES if measure != "value"},
        },
    ],
}
ROW = {
    "type": "object",
    "additionalProperties": False,
    "required": ["label"],
    "anyOf": [{"required": ["annual"]}, {"required": ["hourly"]}],
    "properties": {
        "label": {"type": "string", "minLength": 1},
        "annual": {"$ref": "#/$defs/figures"},
        "hourly": {"$ref": "#/$defs/figures"},
        "employment": {"$ref": "#/$defs/money"},
        "qualifier": {"enum": ["more than", "less than"]},
        "comparison": {"type": "boolean"},
    },
}
SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "anyOf": [{"required": ["rows"]}, {"required": ["import"]}],
    "properties": {
        "title": {"type": "string"},
        "source": {
            "type": "string",
            "minLength": 1,
            "description": "Where the figures come from; a warning (an error with --strict) when missing.",
        },
        "period": {
            "type": "string",
            "minLength": 1,
            "description": "When they were measured, e.g. May 2023; checked against salary_max_age_years.",
        },
        "stale_ok": {
            "type": "string",
            "minLength": 1,
            "description": "Why figures older than salary_max_age_years are kept; no age warning for this table.",
        },
        "chart": {"enum": list(CHARTS), "default": "none"},
        "table": {"type": "boolean", "default": True},
        "import": {
            "type": "object",
            "additionalProperties": False,
            "required": ["file", "occupation"],
            "properties": {
                "file": {"type": "string", "description": "A CSV in the BLS OEWS layout, relative to the project folder."},
                "occupation": {"type": "string", "pattern": r"^\d\d-\d{4}$"},
                "areas": {"type": "array", "items": {"type": "string"}},
                "top_coded_annual": {"type": "number"},
                "top_coded_hourly": {"type": "number"},
            },
        },
        "rows": {"type": "array", "minItems": 1, "items": ROW},
    },
}


KIND = BlockKind(
    name="salary_table",
    model=SalaryTable,
    validate=validate,
    render=render,
    schema=SCHEMA,
    defs={"money": MONEY, "figures": FIGURES},
    summary="pay figures with their source and period, as a table, a chart or both",
    files=lambda block: block.sources,
    facts=lambda block: tuple(
        (i, [(w.measure, w.annual, w.hourly) for w in row.wages], row.employment, row.comparison) for i, row in enumerate(block.rows, 1)
    ),
    leads=True,
)
