"""Tables drawn in the handbook's own font (ReportLab's table default is an unembedded Helvetica)."""

from __future__ import annotations

from reportlab.platypus import Table, TableStyle

from handbook.render.structure import Element
from handbook.render.theme import Styles


def styled_table(rows: list, col_widths: list[float], styles: Styles, commands: list, **options) -> Table:
    """A Table whose cells default to the theme's regular face, with `commands` applied on top."""
    table = Table(rows, colWidths=col_widths, **options)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), styles.fonts.regular, 10), *commands]))
    return table


def tag_table(rows: list[list], parent: Element) -> Element:
    """A Table element in `parent` for `rows` of paragraphs: the first row column headings, the first
    cell of each later row its row's heading, the rest data cells. Each paragraph becomes its cell's content."""
    table = parent.add("Table")
    head = table.add("THead").add("TR")
    for cell in rows[0]:
        cell.tag = head.add("TH", attributes={"O": "Table", "Scope": "Column"})
    body = table.add("TBody")
    for row in rows[1:]:
        line = body.add("TR")
        row[0].tag = line.add("TH", attributes={"O": "Table", "Scope": "Row"})
        for cell in row[1:]:
            cell.tag = line.add("TD")
    return table
