"""XLSX with openpyxl: a method sheet, then one sheet per table, ready to print and to filter.

Counts, rates and days are real numbers with number formats (so Excel can sum and chart them);
hidden cells hold the text "< 5" or "s", aligned right like numbers.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from fieldapp.messages import render
from fieldapp.reports.publish import Report
from fieldapp.reports.tables import CONFIDENTIAL, NOT_APPLICABLE, Cell, Table

FORMATS = {"count": "#,##0", "rate": "0.0%", "days": "0.0"}
HEADER_FILL = PatternFill("solid", fgColor="E3F1F1")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
RIGHT = Alignment(horizontal="right")
MAX_WIDTH = 60


def _sheet_name(title: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\']", " ", title).strip()[:31].strip()
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _put(ws: Worksheet, row: int, col: int, cell: Cell, k: int | None) -> int:
    """Write one cell; returns the width its text needs."""
    target = ws.cell(row=row, column=col)
    if cell.kind == "label":
        target.value = "" if cell.value is None else str(cell.value)
        return len(str(target.value))
    if cell.suppressed or cell.value is None:
        text = NOT_APPLICABLE if cell.value is None and not cell.suppressed else CONFIDENTIAL
        if cell.suppressed and cell.small:
            text = f"< {k}"
        target.value = text
        target.alignment = RIGHT
        return len(text)
    target.value = int(cell.value) if cell.kind == "count" else float(cell.value)
    target.number_format = FORMATS[cell.kind]
    return len(f"{target.value:,}") + 2


def _write_table(ws: Worksheet, table: Table) -> None:
    ws.cell(row=1, column=1, value=table.title).font = TITLE
    widths = [len(c) for c in table.columns]
    for j, name in enumerate(table.columns, start=1):
        head = ws.cell(row=2, column=j, value=name)
        head.font = BOLD
        head.fill = HEADER_FILL
        head.alignment = Alignment(wrap_text=True, vertical="top")
    for i, row in enumerate(table.rows, start=3):
        for j, cell in enumerate(row.cells, start=1):
            widths[j - 1] = max(widths[j - 1], _put(ws, i, j, cell, table.k))
            if row.total:
                ws.cell(row=i, column=j).font = BOLD
    notes_at = len(table.rows) + 4
    for n, note in enumerate(table.notes):
        ws.cell(row=notes_at + n, column=1, value=note).font = Font(italic=True, color="5B6776")
    ws.freeze_panes = ws.cell(row=3, column=table.label_columns + 1)
    for j, width in enumerate(widths, start=1):
        # Long headers wrap instead of widening numeric columns past reason.
        ws.column_dimensions[get_column_letter(j)].width = min(max(width, 8) + 2, MAX_WIDTH)
    for j in range(table.label_columns + 1, len(table.columns) + 1):
        ws.column_dimensions[get_column_letter(j)].width = min(
            ws.column_dimensions[get_column_letter(j)].width, 22
        )


def report_xlsx(report: Report) -> bytes:
    wb = Workbook()
    method = wb.active
    assert method is not None
    method.title = render("reports.header.method")
    lines = [*report.heading(), "", *report.method]
    for i, line in enumerate(lines, start=1):
        c = method.cell(row=i, column=1, value=line)
        c.alignment = Alignment(wrap_text=True, vertical="top")
    method.cell(row=1, column=1).font = TITLE
    method.column_dimensions["A"].width = 110
    taken = {method.title.lower()}
    for table in report.tables:
        _write_table(wb.create_sheet(_sheet_name(table.title, taken)), table)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
