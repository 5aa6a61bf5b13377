"""Salary charts drawn with ReportLab's graphics: bars of each row's figure, or 10th-90th percentile ranges."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook import l10n, money
from handbook.l10n import _
from handbook.model import HOURS_PER_YEAR, Figure, SalaryRow
from handbook.render.context import RenderContext
from handbook.render.fit import fit_lines
from handbook.render.structure import Element
from handbook.render.tagging import Tagged
from handbook.style_sheet import resolved

if TYPE_CHECKING:  # the kind's module imports this renderer when it renders: only its type is needed here
    from handbook.blocks.salary_table import SalaryTable

ROW_HEIGHT = 30
AXIS_HEIGHT = 26
LABEL_SIZE = 9
LABEL_LEADING = 10
LABEL_FLOOR = 7
LABEL_GAP = 4  # points at least between a label and the plot (the room is measured in the regular face, with 12 to spare)
VALUE_SIZE = resolved("chart_value")["fontSize"]
NOTE_SIZE = 7


class ChartDrawing(Tagged, Drawing):
    """A chart whose drawing is the content of its Figure element `tag`."""

    _attrMap = AttrMap(BASE=Drawing, tag=AttrMapValue(None, desc="the structure element the chart is the content of"))


def main_measure(row: SalaryRow, unit: str) -> str | None:
    """The measure a bar shows: the median, else the single value, else the mean."""
    for measure in ("median", "value", "mean"):
        wage = row.wage(measure)
        if wage is not None and getattr(wage, unit) is not None:
            return measure
    return None


def main_figure(row: SalaryRow, unit: str) -> Figure | None:
    """The figure a bar shows: the median, else the single value, else the mean."""
    measure = main_measure(row, unit)
    return getattr(row.wage(measure), unit) if measure else None


def chart_text(block: SalaryTable) -> str:
    """What the chart shows, in words: its alternative text."""
    unit = chart_unit(block)
    said = []
    for row in block.rows:
        if block.chart == "range":
            low, middle, high = (getattr(row.wage(m), unit) if row.wage(m) else None for m in ("pct10", "median", "pct90"))
            words = _("{label}, {low} to {high}, median {median}") if middle else _("{label}, {low} to {high}")
            low_text, high_text = money.figure_text(low, unit), money.figure_text(high, unit)
            median_text = money.figure_text(middle, unit) if middle else ""
            said.append(words.format(label=row.label, low=low_text, high=high_text, median=median_text))
        else:
            measure = main_measure(row, unit)
            words = {"median": _("{label}, median {figure}"), "mean": _("{label}, mean {figure}")}.get(
                measure or "", _("{label}, {figure}")
            )
            said.append(words.format(label=row.label, figure=money.figure_text(main_figure(row, unit), unit, row.qualifier)))
    if block.chart == "range":
        kind = (
            _("Range chart of pay per year, from the 10th to the 90th percentile")
            if unit == "annual"
            else _("Range chart of pay per hour, from the 10th to the 90th percentile")
        )
    else:
        kind = _("Bar chart of pay per year") if unit == "annual" else _("Bar chart of pay per hour")
    return f"{kind}: {'; '.join(said)}."


def chart_unit(block: SalaryTable) -> str:
    """The unit the figures were given in: per year when any row gives annual pay, else per hour."""
    given_annual = any(w.annual is not None and w.annual.status != "derived" for row in block.rows for w in row.wages)
    return "annual" if given_annual else "hourly"


def plotted(row: SalaryRow, unit: str, chart: str) -> list[Figure]:
    """The figures a row's bar or range is drawn from."""
    if chart != "range":
        figure = main_figure(row, unit)
        return [figure] if figure is not None else []
    wages = [row.wage(m) for m in ("pct10", "pct25", "median", "pct75", "pct90")]
    return [f for w in wages if w is not None and (f := getattr(w, unit)) is not None]


def conversion_note(row: SalaryRow, unit: str, chart: str) -> str:
    """Under a row's label where its figures were worked out from the other unit: '$22.04 an hour, 2,080 hours a year'."""
    if not any(f.status == "derived" for f in plotted(row, unit, chart)):
        return ""
    # A chart is per hour only when no row gives annual pay, so only annual figures are ever converted.
    hours = l10n.decimal(HOURS_PER_YEAR)
    if chart == "range":
        return _("hourly pay, {hours} hours a year").format(hours=hours)
    return _("{figure} an hour, {hours} hours a year").format(figure=money.hourly(main_figure(row, "hourly").value), hours=hours)


def nice_step(top: float) -> float:
    """A round tick step giving four to six ticks up to `top`."""
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def salary_chart(block: SalaryTable, ctx: RenderContext, tag: Element | None = None) -> Drawing:
    styles = ctx.styles
    unit = chart_unit(block)
    fmt = money.annual if unit == "annual" else money.hourly
    values = [f.value for row in block.rows for w in row.wages if (f := getattr(w, unit)) is not None and f.value is not None]
    top = max(values) * 1.12 if values else 1
    step = nice_step(top)
    top = math.ceil(top / step) * step
    notes = [conversion_note(row, unit, block.chart) for row in block.rows]
    label_width = min(
        ctx.width * 0.34,
        max(
            max(stringWidth(r.label, styles.fonts.regular, LABEL_SIZE), stringWidth(note, styles.fonts.italic, NOTE_SIZE))
            for r, note in zip(block.rows, notes)
        )
        + 12,
    )
    # A label longer than its room wraps (down to LABEL_FLOOR points, on up to three lines), and its row grows to hold it.
    labels = [
        fit_lines(
            row.label,
            styles.fonts.bold if not row.comparison else styles.fonts.regular,
            LABEL_SIZE,
            LABEL_LEADING,
            LABEL_FLOOR,
            label_width - LABEL_GAP,
            3,
            ctx.hyphenation,
        )
        for row in block.rows
    ]
    rows = [max(ROW_HEIGHT, len(label.lines) * label.leading + (11 if note else 0) + 8) for label, note in zip(labels, notes)]
    height = sum(rows) + AXIS_HEIGHT + (14 if block.chart == "range" else 4)
    drawing = ChartDrawing(ctx.width, height, initialFontName=styles.fonts.regular, initialFontSize=LABEL_SIZE)
    drawing.tag = tag
    plot_left = label_width

    def right_for(top: float) -> float:
        """Where the axis ends: its last figure, centred on the end, stays inside the column."""
        return ctx.width - max(8, stringWidth(fmt(top), styles.fonts.regular, 8) / 2 + 1)

    plot_right = right_for(top)
    if block.chart == "range":
        # Room right of each range for its 90th percentile's label ("$239,200 or more").
        span = plot_right - plot_left
        needed = top
        for row in block.rows:
            wage = row.wage("pct90")
            high = getattr(wage, unit) if wage else None
            if high is not None and high.value is not None:
                room = 4 + (7 if high.status == "top_coded" else 0) + stringWidth(money.figure_text(high, unit), styles.fonts.regular, 7)
                needed = max(needed, high.value * span / max(span - room, span / 2))
        if needed > top:
            step = nice_step(needed)
            top = math.ceil(needed / step) * step
            plot_right = min(plot_right, right_for(top))
    legend = 14 if block.chart == "range" else 0
    base = AXIS_HEIGHT + legend

    def x_of(value: float) -> float:
        return plot_left + (plot_right - plot_left) * value / top

    tick = 0.0
    while tick <= top + 1e-9:
        x = x_of(tick)
        drawing.add(Line(x, base, x, height - 2, strokeColor=styles.rule, strokeWidth=0.5))
        drawing.add(String(x, base - 12, fmt(tick), fontName=styles.fonts.regular, fontSize=8, fillColor=styles.muted, textAnchor="middle"))
        tick += step
    drawing.add(Line(plot_left, base, plot_right, base, strokeColor=styles.ink, strokeWidth=0.8))
    unit_label = _("Pay per year") if unit == "annual" else _("Pay per hour")
    drawing.add(
        String(plot_right, base - 23, unit_label, fontName=styles.fonts.italic, fontSize=8, fillColor=styles.muted, textAnchor="end")
    )
    for index, row in enumerate(block.rows):
        middle = height - sum(rows[:index]) - rows[index] / 2 - 2
        colour = styles.muted if row.comparison else styles.ink
        note, label = notes[index], labels[index]
        baseline = middle - 3 + (4 if note else 0) + (len(label.lines) - 1) * label.leading / 2
        for number, line in enumerate(label.lines):
            drawing.add(
                String(
                    0,
                    baseline - number * label.leading,
                    # Two words either side of the break; a word broken with a hyphen goes on in the next line.
                    line if number == len(label.lines) - 1 or line.endswith("-") else line + " ",
                    fontName=styles.fonts.bold if not row.comparison else styles.fonts.regular,
                    fontSize=label.size,
                    fillColor=colour,
                )
            )
        if note:
            drawing.add(
                String(
                    0,
                    baseline - (len(label.lines) - 1) * label.leading - 11,
                    note,
                    fontName=styles.fonts.italic,
                    fontSize=NOTE_SIZE,
                    fillColor=styles.muted,
                )
            )
        if block.chart == "range":
            _range(drawing, row, unit, middle, x_of, fmt, styles)
        else:
            _bar(drawing, row, unit, middle, x_of, fmt, styles, plot_right)
    if block.chart == "range":
        drawing.add(
            String(
                plot_left,
                2,
                _("Line: 10th to 90th percentile \u00b7 box: 25th to 75th \u00b7 mark: median"),
                fontName=styles.fonts.regular,
                fontSize=7.5,
                fillColor=styles.muted,
            )
        )
    return drawing


def _bar(drawing, row: SalaryRow, unit: str, middle: float, x_of, fmt, styles, plot_right: float) -> None:
    figure = main_figure(row, unit)
    if figure is None or figure.value is None:
        drawing.add(
            String(x_of(0) + 4, middle - 3, _("not available"), fontName=styles.fonts.italic, fontSize=VALUE_SIZE, fillColor=styles.muted)
        )
        return
    fill = colors.HexColor("#b8c2cc") if row.comparison else styles.primary
    end = x_of(figure.value)
    drawing.add(Rect(x_of(0), middle - 8, end - x_of(0), 16, fillColor=fill, strokeColor=None))
    open_ended = row.qualifier == "more than" or figure.status == "top_coded"
    if open_ended:
        # An arrow head past the bar's end: the figure is a lower bound.
        drawing.add(Polygon([end, middle - 8, end + 9, middle, end, middle + 8], fillColor=fill, strokeColor=None))
        end += 9
    label = money.figure_text(figure, unit, row.qualifier)
    width = stringWidth(label, styles.fonts.bold, VALUE_SIZE)
    if end + 4 + width <= plot_right:
        drawing.add(String(end + 4, middle - 3, label, fontName=styles.fonts.bold, fontSize=VALUE_SIZE, fillColor=styles.ink))
    else:
        inside = styles["chart_value_inside"]
        drawing.add(
            String(
                end - 4 - (9 if open_ended else 0),
                middle - 3,
                label,
                fontName=inside.fontName,
                fontSize=inside.fontSize,
                fillColor=inside.textColor,
                textAnchor="end",
            )
        )


def _range(drawing, row: SalaryRow, unit: str, middle: float, x_of, fmt, styles) -> None:
    def figure(measure: str) -> Figure | None:
        wage = row.wage(measure)
        found = getattr(wage, unit) if wage else None
        return found if found is not None and found.value is not None else None

    def value(measure: str) -> float | None:
        found = figure(measure)
        return found.value if found is not None else None

    low, high = value("pct10"), value("pct90")
    stroke = colors.HexColor("#8a96a3") if row.comparison else styles.primary
    if low is None or high is None:
        drawing.add(
            String(x_of(0) + 4, middle - 3, _("not available"), fontName=styles.fonts.italic, fontSize=VALUE_SIZE, fillColor=styles.muted)
        )
        return
    drawing.add(Line(x_of(low), middle, x_of(high), middle, strokeColor=stroke, strokeWidth=2))
    open_ended = figure("pct90").status == "top_coded"
    for end in (low, high) if not open_ended else (low,):
        drawing.add(Line(x_of(end), middle - 5, x_of(end), middle + 5, strokeColor=stroke, strokeWidth=2))
    if open_ended:
        # An arrow head instead of a cap: the 90th percentile is at least this much.
        drawing.add(Polygon([x_of(high), middle - 5, x_of(high) + 7, middle, x_of(high), middle + 5], fillColor=stroke, strokeColor=None))
    q1, q3 = value("pct25"), value("pct75")
    if q1 is not None and q3 is not None:
        tint = colors.HexColor("#e4e7eb") if row.comparison else stroke
        drawing.add(Rect(x_of(q1), middle - 7, x_of(q3) - x_of(q1), 14, fillColor=tint, strokeColor=stroke, strokeWidth=1))
    median = value("median")
    if median is not None:
        drawing.add(Rect(x_of(median) - 2.5, middle - 10, 5, 20, fillColor=styles.accent, strokeColor=colors.black, strokeWidth=0.8))
        drawing.add(
            String(
                x_of(median),
                middle + 12,
                money.figure_text(figure("median"), unit),
                fontName=styles.fonts.bold,
                fontSize=7.5,
                fillColor=styles.ink,
                textAnchor="middle",
            )
        )
    drawing.add(
        String(
            x_of(low) - 4,
            middle - 3,
            money.figure_text(figure("pct10"), unit),
            fontName=styles.fonts.regular,
            fontSize=7,
            fillColor=styles.muted,
            textAnchor="end",
        )
    )
    drawing.add(
        String(
            x_of(high) + 4 + (7 if open_ended else 0),
            middle - 3,
            money.figure_text(figure("pct90"), unit),
            fontName=styles.fonts.regular,
            fontSize=7,
            fillColor=styles.muted,
        )
    )
