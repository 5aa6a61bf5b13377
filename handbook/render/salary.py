"""Salary tables: a header row repeated on every page, money formatted, source and period beneath."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handbook import model
from handbook.render import money
from handbook.render.context import RenderContext
from handbook.render.inline import text_markup
from handbook.render.tables import styled_table


def render_salary_table(block: model.SalaryTable, ctx: RenderContext) -> list[Flowable]:
    styles = ctx.styles
    show_annual = any(row.annual is not None for row in block.rows)
    show_hourly = any(row.hourly is not None for row in block.rows)
    header = [Paragraph("Measure", styles["table_head"])]
    if show_annual:
        header.append(Paragraph("Per year", styles["table_head_right"]))
    if show_hourly:
        header.append(Paragraph("Per hour", styles["table_head_right"]))
    rows = [header]
    for row in block.rows:
        cells = [Paragraph(text_markup(row.label), styles["table_cell"])]
        if show_annual:
            cells.append(_figure(row.annual, money.annual, row.qualifier, ctx))
        if show_hourly:
            cells.append(_figure(row.hourly, money.hourly, row.qualifier, ctx))
        rows.append(cells)
    figure_width = 1.6 * 72
    label_width = ctx.width - figure_width * (len(header) - 1)
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), styles.primary),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, styles.rule),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), styles.tint) for i in range(2, len(rows), 2)]
    table = styled_table(rows, [label_width] + [figure_width] * (len(header) - 1), styles, commands, repeatRows=1, hAlign="LEFT")
    source = Paragraph(f"Source: {text_markup(block.source)}, {text_markup(block.period)}.", styles["source"])
    flowables: list[Flowable] = []
    if block.title:
        flowables.append(Paragraph(text_markup(block.title), styles["h2"]))
    flowables.append(table)
    if len(rows) <= 12:
        return [KeepTogether(flowables + [source]), Spacer(1, 10)]
    return flowables + [source, Spacer(1, 10)]


def _figure(value: float | None, formatter, qualifier: str, ctx: RenderContext) -> Paragraph:
    text = "\u2014" if value is None else money.with_qualifier(formatter(value), qualifier)
    return Paragraph(text_markup(text), ctx.styles["table_figure"])
