"""Salary charts drawn with ReportLab's graphics: bars of each row's figure, or 10th-90th percentile ranges."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from handbook.model import Figure, SalaryRow, SalaryTable
from handbook.render import money
from handbook.render.context import RenderContext

ROW_HEIGHT = 30
AXIS_HEIGHT = 26
LABEL_SIZE = 9
VALUE_SIZE = 8.5


def main_figure(row: SalaryRow, unit: str) -> Figure | None:
    """The figure a bar shows: the median, else the single value, else the mean."""
    for measure in ("median", "value", "mean"):
        wage = row.wage(measure)
        figure = getattr(wage, unit) if wage else None
        if figure is not None:
            return figure
    return None


def chart_unit(block: SalaryTable) -> str:
    has_annual = any(getattr(w, "annual", None) is not None for row in block.rows for w in row.wages)
    return "annual" if has_annual else "hourly"


def nice_step(top: float) -> float:
    """A round tick step giving four to six ticks up to `top`."""
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)


def salary_chart(block: SalaryTable, ctx: RenderContext) -> Drawing:
    styles = ctx.styles
    unit = chart_unit(block)
    fmt = money.annual if unit == "annual" else money.hourly
    values = [f.value for row in block.rows for w in row.wages if (f := getattr(w, unit)) is not None and f.value is not None]
    top = max(values) * 1.12 if values else 1
    step = nice_step(top)
    top = math.ceil(top / step) * step
    height = ROW_HEIGHT * len(block.rows) + AXIS_HEIGHT + (14 if block.chart == "range" else 4)
    drawing = Drawing(ctx.width, height, initialFontName=styles.fonts.regular, initialFontSize=LABEL_SIZE)
    label_width = min(ctx.width * 0.34, max(stringWidth(r.label, styles.fonts.regular, LABEL_SIZE) for r in block.rows) + 12)
    plot_left, plot_right = label_width, ctx.width - 8
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
    unit_label = "Pay per year" if unit == "annual" else "Pay per hour"
    drawing.add(String(plot_right, base - 23, unit_label, fontName=styles.fonts.italic, fontSize=8, fillColor=styles.muted, textAnchor="end"))
    for index, row in enumerate(block.rows):
        middle = height - ROW_HEIGHT * (index + 0.5) - 2
        colour = styles.muted if row.comparison else styles.ink
        drawing.add(String(0, middle - 3, row.label, fontName=styles.fonts.bold if not row.comparison else styles.fonts.regular, fontSize=LABEL_SIZE, fillColor=colour))
        if block.chart == "range":
            _range(drawing, row, unit, middle, x_of, fmt, styles)
        else:
            _bar(drawing, row, unit, middle, x_of, fmt, styles, plot_right)
    if block.chart == "range":
        drawing.add(String(plot_left, 2, "Line: 10th to 90th percentile \u00b7 box: 25th to 75th \u00b7 mark: median",
                           fontName=styles.fonts.regular, fontSize=7.5, fillColor=styles.muted))
    return drawing


def _bar(drawing, row: SalaryRow, unit: str, middle: float, x_of, fmt, styles, plot_right: float) -> None:
    figure = main_figure(row, unit)
    if figure is None or figure.value is None:
        drawing.add(String(x_of(0) + 4, middle - 3, "not available", fontName=styles.fonts.italic, fontSize=VALUE_SIZE, fillColor=styles.muted))
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
        drawing.add(String(end - 4 - (9 if open_ended else 0), middle - 3, label, fontName=styles.fonts.bold, fontSize=VALUE_SIZE, fillColor=colors.white, textAnchor="end"))


def _range(drawing, row: SalaryRow, unit: str, middle: float, x_of, fmt, styles) -> None:
    def value(measure: str) -> float | None:
        wage = row.wage(measure)
        figure = getattr(wage, unit) if wage else None
        return figure.value if figure is not None else None

    low, high = value("pct10"), value("pct90")
    stroke = colors.HexColor("#8a96a3") if row.comparison else styles.primary
    if low is None or high is None:
        drawing.add(String(x_of(0) + 4, middle - 3, "not available", fontName=styles.fonts.italic, fontSize=VALUE_SIZE, fillColor=styles.muted))
        return
    drawing.add(Line(x_of(low), middle, x_of(high), middle, strokeColor=stroke, strokeWidth=2))
    for end in (low, high):
        drawing.add(Line(x_of(end), middle - 5, x_of(end), middle + 5, strokeColor=stroke, strokeWidth=2))
    q1, q3 = value("pct25"), value("pct75")
    if q1 is not None and q3 is not None:
        tint = colors.HexColor("#e4e7eb") if row.comparison else stroke
        drawing.add(Rect(x_of(q1), middle - 7, x_of(q3) - x_of(q1), 14, fillColor=tint, strokeColor=stroke, strokeWidth=1))
    median = value("median")
    if median is not None:
        drawing.add(Rect(x_of(median) - 2.5, middle - 10, 5, 20, fillColor=styles.accent, strokeColor=colors.black, strokeWidth=0.8))
        drawing.add(String(x_of(median), middle + 12, fmt(median), fontName=styles.fonts.bold, fontSize=7.5, fillColor=styles.ink, textAnchor="middle"))
    drawing.add(String(x_of(low) - 4, middle - 3, fmt(low), fontName=styles.fonts.regular, fontSize=7, fillColor=styles.muted, textAnchor="end"))
    drawing.add(String(x_of(high) + 4, middle - 3, fmt(high), fontName=styles.fonts.regular, fontSize=7, fillColor=styles.muted))
