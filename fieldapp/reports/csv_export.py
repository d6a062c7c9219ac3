"""CSV for French Excel: UTF-8 with a byte-order mark, `;` between fields, decimal comma.

All tables go in one file, one block each (title, header, rows, notes, a blank line), after a
short heading with the period and the filters. Counts are plain integers (no grouping, so Excel
reads them as numbers); rates read "12,5 %" and days "3,5", which French Excel also reads as
numbers; hidden cells read "< 5" or "s" exactly as on screen. Every text (titles, headers,
labels, notes) goes through `inert`: a label starting with `=`, `+`, `-`, `@`, tab or CR gets a
leading `'` and is never read as a formula.
"""

from __future__ import annotations

import csv
import io

from fieldapp.messages import render
from fieldapp.reports.publish import Report
from fieldapp.reports.tables import Cell, Table, display, format_decimal, inert

BOM = "\ufeff"


def csv_value(cell: Cell, k: int | None) -> str:
    # Labels, suppressed and empty cells read as on screen (one rule for "< k"); only numbers
    # are written plainly, for Excel.
    if cell.kind == "label":
        return inert(display(cell, k))
    if cell.suppressed or cell.value is None:
        return display(cell, k)
    if cell.kind == "count":
        return str(int(cell.value))
    if cell.kind == "rate":
        return f"{float(cell.value) * 100:.1f}".replace(".", ",") + " %"
    return format_decimal(float(cell.value)).replace("\u202f", "")


def table_rows(table: Table) -> list[list[str]]:
    rows = [[inert(table.title)], [inert(c) for c in table.columns]]
    rows += [[csv_value(c, table.k) for c in row.cells] for row in table.rows]
    rows += [[inert(note)] for note in table.notes]
    return rows


def report_csv(report: Report) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerows([inert(line)] for line in report.heading())
    writer.writerow([])
    for table in report.tables:
        writer.writerows(table_rows(table))
        writer.writerow([])
    writer.writerow([inert(render("reports.header.method"))])
    writer.writerows([inert(note)] for note in report.method)
    return (BOM + out.getvalue()).encode("utf-8")
