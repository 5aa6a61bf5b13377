"""Salary tables: money formatted, a header row repeated on every page, source and period beneath."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from handbook import l10n, model, money
from handbook.l10n import N_, _
from handbook.model import HOURS_PER_YEAR
from handbook.render.context import RenderContext
from handbook.render.hyphenation import breaks_words, narrow_style
from handbook.render.inline import text_markup
from handbook.render.keep import stacked_height
from handbook.render.paragraphs import MemoParagraph
from handbook.render.tables import styled_table, tag_table

if TYPE_CHECKING:  # the kind's module imports this renderer when it renders: only its type is needed here
    from handbook.blocks.salary_table import SalaryTable

MIN_LABEL_WIDTH = 80  # points
PADDING = 5  # points either side of a cell's text
HEADINGS = {
    "pct10": N_("10th<br/>percentile"),
    "pct25": N_("25th<br/>percentile"),
    "median": N_("Median"),
    "pct75": N_("75th<br/>percentile"),
    "pct90": N_("90th<br/>percentile"),
    "mean": N_("Mean"),
}


def render_salary_table(block: SalaryTable, ctx: RenderContext) -> list[Flowable]:
    """The table with its notes, then the chart with its own source line.

    Table and chart are kept on one page when together they fit on one; otherwise each group is kept
    together when short, and the chart, which may then start a page, repeats the table's title.
    """
    styles = ctx.styles
    groups: list[list[Flowable]] = []
    title = [MemoParagraph(text_markup(block.title), styles["h2"], tag=ctx.parent.add("H2"))] if block.title else []

    def note_lines() -> list[Flowable]:  # read after what they are the notes of; beside a second chart they repeat
        return [MemoParagraph(line, styles["source"], tag=ctx.parent.add("P")) for line in notes(block)]

    chart_notes: list[Flowable] = []
    if block.table:
        table = _table(block, ctx)
        chart_notes = note_lines()
        groups.append([*title, table, *chart_notes])
        chart_notes = chart_notes[:1]
    if block.chart != "none":
        from handbook.render.salary_chart import chart_text, salary_chart  # ReportLab's graphics only when a chart is drawn

        glance = ctx.parent.add("P") if block.table else None
        chart = salary_chart(block, ctx, ctx.parent.add("Figure", alt=chart_text(block)))
        if not block.table:
            groups.append([*title, chart, *note_lines()])
        else:
            pair = [*groups[0], MemoParagraph(_("At a glance"), styles["chart_title"], tag=glance), chart, *chart_notes]
            if stacked_height(pair, ctx.width) <= ctx.height:
                return [KeepTogether(pair), Spacer(1, 10)]
            heading = _("{title}, at a glance").format(title=text_markup(block.title)) if block.title else _("At a glance")
            groups.append([MemoParagraph(heading, styles["chart_title"], tag=glance), chart, *chart_notes])
    flowables: list[Flowable] = []
    for group in groups:
        flowables += [KeepTogether(group)] if len(block.rows) <= 12 else group
    return flowables + [Spacer(1, 10)]


def notes(block: SalaryTable) -> list[str]:
    """The source line, and how converted figures were worked out."""
    source = text_markup(block.source or _("not given"))
    period = text_markup(block.period or _("period not given"))
    lines = [_("Source: {source}, {period}.").format(source=source, period=period)]
    derived = block.derived
    if derived:
        if set(derived) >= {"hourly", "annual"}:
            note = _(
                "Where only one was published, annual figures are hourly pay multiplied and hourly figures are annual pay divided by {hours} hours (40 hours a week, 52 weeks)."
            )
        elif "hourly" in derived:
            note = _("Where only one was published, hourly figures are annual pay divided by {hours} hours (40 hours a week, 52 weeks).")
        else:
            note = _("Where only one was published, annual figures are hourly pay multiplied by {hours} hours (40 hours a week, 52 weeks).")
        lines.append(note.format(hours=l10n.decimal(HOURS_PER_YEAR)))
    return lines


def _table(block: SalaryTable, ctx: RenderContext) -> Flowable:
    styles = ctx.styles
    measures = [m for m in model.MEASURES if any(row.wage(m) for row in block.rows)]
    has_employment = any(row.employment is not None for row in block.rows)
    compact = len(measures) > 2 or has_employment
    size = 8.5 if compact else 10
    # Figures and headings break only at spaces, never inside a number.
    figure_style = styles["table_figure"].clone("figure", fontSize=size, leading=size + 3, splitLongWords=0)
    head_style = styles["table_head_right"].clone("head", fontSize=size, leading=size + 2.5, splitLongWords=0)
    if measures == ["value"]:
        header = [_("Per year"), _("Per hour")]
        body = [_pair(row, "value", figure_style, styles, stacked=False) for row in block.rows]
    else:
        header = [_(HEADINGS.get(m, N_("Figure"))) for m in measures] + ([_("Employment")] if has_employment else [])
        body = []
        for row in block.rows:
            cells = [_pair(row, m, figure_style, styles, stacked=True)[0] for m in measures]
            if has_employment:
                cells.append(MemoParagraph(money.count(row.employment), _muted(figure_style, row, styles)))
            body.append(cells)
    widths = _figure_widths(header, body, head_style, figure_style, ctx.width)
    rows = [[MemoParagraph("", styles["table_head"])] + [MemoParagraph(h, head_style) for h in header]]
    label_width = ctx.width - sum(widths) - 2 * PADDING
    for row, cells in zip(block.rows, body):
        label_style = styles["table_cell"] if not row.comparison else styles["table_cell"].clone("muted_cell", textColor=styles.muted)
        label_style = narrow_style(label_style, row.label, label_width, ctx.hyphenation)
        rows.append([MemoParagraph(text_markup(row.label), label_style), *cells])
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), styles.primary),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("LINEBELOW", (0, 1), (-1, -1), 0.5, styles.rule),
    ]
    commands += [("BACKGROUND", (0, i), (-1, i), styles.tint) for i in range(2, len(rows), 2)]
    tag_table(rows, ctx.parent)
    for row, cells in zip(block.rows, rows[1:]):
        if breaks_words(cells[0].style):
            cells[0].tag.actual_text = row.label
    return styled_table(rows, [ctx.width - sum(widths), *widths], styles, commands, repeatRows=1, hAlign="LEFT")


def _figure_widths(header: list[str], body: list[list[Paragraph]], head_style, figure_style, total: float) -> list[float]:
    """Each figure column as wide as its longest unbreakable word needs, shared evenly beyond that."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    padding = 12
    even = min(1.45 * 72, total * 0.74 / len(header))
    widths = []
    for column, heading in enumerate(header):
        words = heading.replace("<br/>", " ").split()
        need = max(stringWidth(w, head_style.fontName, head_style.fontSize) for w in words)
        for cells in body:
            for word in re.sub(r"<[^>]+>", " ", cells[column].text).split():
                need = max(need, stringWidth(word, figure_style.fontName, figure_style.fontSize))
        widths.append(max(even, need + padding))
    room = total - MIN_LABEL_WIDTH
    if sum(widths) > room:
        widths = [w * room / sum(widths) for w in widths]
    return widths


def _muted(style, row: model.SalaryRow, styles):
    return style if not row.comparison else style.clone("muted_figure", textColor=styles.muted)


def _pair(row: model.SalaryRow, measure: str, figure_style, styles, *, stacked: bool) -> list[Paragraph]:
    """The annual and hourly figure of one measure: two cells, or one cell with hourly beneath annual."""
    wage = row.wage(measure)
    annual = money.figure_text(wage.annual if wage else None, "annual", row.qualifier)
    hourly = money.figure_text(wage.hourly if wage else None, "hourly", row.qualifier)
    style = _muted(figure_style, row, styles)
    if not stacked:
        return [
            MemoParagraph(text_markup(annual), style),
            MemoParagraph(text_markup(hourly), style.clone("hourly_figure", fontName=styles.fonts.regular)),
        ]
    muted = "#" + styles.muted.hexval()[2:]
    small = ""
    if wage and wage.hourly and wage.hourly.value is not None:
        per_hour = _("{figure}/hr").format(figure=text_markup(hourly))
        small = f'<br/><font size="{style.fontSize - 1}" color="{muted}" name="{styles.fonts.regular}">{per_hour}</font>'
    return [MemoParagraph(text_markup(annual) + small, style)]
