"""Tables drawn in the handbook's own font (ReportLab's table default is an unembedded Helvetica)."""

from __future__ import annotations

from reportlab.platypus import Table, TableStyle

from handbook.render.theme import Styles


def styled_table(rows: list, col_widths: list[float], styles: Styles, commands: list, **options) -> Table:
    """A Table whose cells default to the theme's regular face, with `commands` applied on top."""
    table = Table(rows, colWidths=col_widths, **options)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), styles.fonts.regular, 10), *commands]))
    return table
