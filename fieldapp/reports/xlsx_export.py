"""XLSX with openpyxl: a method sheet, a legend sheet, then one sheet per table, ready to print,
to filter and to sum.

- Counts, rates and days are real numbers with number formats (Excel can sum and chart them); a
  hidden cell is *empty*, shaded, with a comment « < 5 » or « s » (explained on the legend
  sheet); a value that cannot be computed is empty with the comment « — ».
- Months are real dates (the 1st of the month, shown "mmmm yyyy"); each table has an autofilter.
- Every text goes through `inert` (OWASP's rule) and is written as a string cell: no cell ever
  holds a formula from data.
- Sheet names come from a mapping (`reports.sheet.<table key>`), never a title cut at 31
  characters.
"""

from __future__ import annotations

import io
import re
from datetime import date

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # type: ignore[import-untyped]
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.comments import Comment  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from fieldapp.messages import CATALOGUE, render
from fieldapp.reports.publish import Report
from fieldapp.reports.tables import CONFIDENTIAL, NOT_APPLICABLE, Cell, Table, hidden_text, inert

FORMATS = {"count": "#,##0", "rate": "0.0%", "days": "0.0"}
MONTH_FORMAT = "mmmm yyyy"
HEADER_FILL = PatternFill("solid", fgColor="E3F1F1")
HIDDEN_FILL = PatternFill("solid", fgColor="D9DDE3")  # a hidden count: shaded, empty
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
RIGHT = Alignment(horizontal="right")
MAX_WIDTH = 60
SHEET_MAX = 31  # Excel's limit
AUTHOR = "Relais"


def _text(ws: Worksheet, row: int, col: int, text: str) -> XlCell:
    """A string cell, neutralised: never a formula, whatever the text. Control characters XML
    cannot hold (a hostile label) read "\ufffd" instead of stopping the export."""
    cell = ws.cell(row=row, column=col)
    cell.value = inert(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
    cell.data_type = "s"
    return cell


def sheet_name(table: Table, taken: set[str]) -> str:
    """The table's short name from the catalogue; unknown keys are cut at a word boundary."""
    code = f"reports.sheet.{table.key}"
    if code in CATALOGUE:
        base = render(code, lang=table.lang)
    else:
        base = re.sub(r"[\[\]:*?/\\']", " ", table.title).strip()
        while len(base) > SHEET_MAX and " " in base:
            base = base.rsplit(" ", 1)[0].rstrip(" ,;(")
        base = base[:SHEET_MAX]
    name, n = base, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        head = base
        while len(head) + len(suffix) > SHEET_MAX and " " in head:
            head = head.rsplit(" ", 1)[0]
        name, n = head[: SHEET_MAX - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def _put(ws: Worksheet, row: int, col: int, cell: Cell, k: int | None) -> int:
    """Write one cell; returns the width its text needs."""
    if cell.kind == "label":
        if cell.month is not None:
            year, month = cell.month.split("-")
            target = ws.cell(row=row, column=col, value=date(int(year), int(month), 1))
            target.number_format = MONTH_FORMAT
            target.alignment = Alignment(horizontal="left")
            return len(str(cell.value)) + 2
        target = _text(ws, row, col, "" if cell.value is None else str(cell.value))
        return len(str(target.value))
    target = ws.cell(row=row, column=col)
    target.number_format = FORMATS[cell.kind]
    why = hidden_text(cell, k)
    if why:
        # Empty, so that sums work; the comment says what stands there.
        target.comment = Comment(why, AUTHOR, width=90, height=24)
        if cell.suppressed:
            target.fill = HIDDEN_FILL
        return 8
    assert cell.value is not None
    target.value = int(cell.value) if cell.kind == "count" else float(cell.value)
    return len(f"{target.value:,}") + 2


def _write_table(ws: Worksheet, table: Table) -> None:
    _text(ws, 1, 1, table.title).font = TITLE
    widths = [len(c) for c in table.columns]
    for j, name in enumerate(table.columns, start=1):
        head = _text(ws, 2, j, name)
        head.font = BOLD
        head.fill = HEADER_FILL
        head.alignment = Alignment(wrap_text=True, vertical="top")
    last_data = 2
    for i, row in enumerate(table.rows, start=3):
        for j, cell in enumerate(row.cells, start=1):
            widths[j - 1] = max(widths[j - 1], _put(ws, i, j, cell, table.k))
            if row.total:
                ws.cell(row=i, column=j).font = BOLD
        if not (row.total and i == len(table.rows) + 2):
            last_data = i
    # The filter covers the header and the rows, not the grand total under them.
    ws.auto_filter.ref = f"A2:{get_column_letter(len(table.columns))}{max(last_data, 3)}"
    notes_at = len(table.rows) + 4
    for n, note in enumerate(table.notes):
        _text(ws, notes_at + n, 1, note).font = Font(italic=True, color="5B6776")
    ws.freeze_panes = ws.cell(row=3, column=table.label_columns + 1)
    for j, width in enumerate(widths, start=1):
        # Long headers wrap instead of widening numeric columns past reason.
        ws.column_dimensions[get_column_letter(j)].width = min(max(width, 8) + 2, MAX_WIDTH)
    for j in range(table.label_columns + 1, len(table.columns) + 1):
        ws.column_dimensions[get_column_letter(j)].width = min(
            ws.column_dimensions[get_column_letter(j)].width, 22
        )


def _write_legend(ws: Worksheet, k: int | None) -> None:
    _text(ws, 1, 1, render("reports.xlsx.legend_title")).font = TITLE
    intro = _text(ws, 2, 1, render("reports.xlsx.legend_intro"))
    ws.merge_cells("A2:B2")
    intro.alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 32
    rows: list[tuple[str, str, PatternFill | None]] = []
    if k is not None:
        rows.append((f"< {k}", render("reports.xlsx.legend_small", {"k": k}), HIDDEN_FILL))
        rows.append(
            (CONFIDENTIAL, render("reports.xlsx.legend_confidential", {"k": k}), HIDDEN_FILL)
        )
    rows.append((NOT_APPLICABLE, render("reports.xlsx.legend_not_applicable"), None))
    for i, (mark, meaning, fill) in enumerate(rows, start=4):
        sample = ws.cell(row=i, column=1)
        sample.comment = Comment(mark, AUTHOR, width=90, height=24)
        if fill is not None:
            sample.fill = fill
        _text(ws, i, 2, f"{mark} : {meaning}").alignment = Alignment(wrap_text=True)
    _text(ws, len(rows) + 5, 2, render("reports.xlsx.legend_months"))
    ws.column_dimensions["A"].width = 10
    ws.column_dimensions["B"].width = 100


def report_xlsx(report: Report) -> bytes:
    wb = Workbook()
    method = wb.active
    assert method is not None
    method.title = render("reports.header.method")
    lines = [*report.heading(), "", *report.method]
    for i, line in enumerate(lines, start=1):
        _text(method, i, 1, line).alignment = Alignment(wrap_text=True, vertical="top")
    method.cell(row=1, column=1).font = TITLE
    method.column_dimensions["A"].width = 110
    legend = wb.create_sheet(render("reports.sheet.legend"))
    _write_legend(legend, report.k)
    taken = {method.title.lower(), legend.title.lower()}
    for table in report.tables:
        _write_table(wb.create_sheet(sheet_name(table, taken)), table)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
