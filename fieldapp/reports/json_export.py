"""The report as data: the same tables as the screen, the CSV, the XLSX and the PDF, for programs.

One JSON object. Besides the heading (`format`, `title`, `period`, `from`, `to`, `k`,
`generated`, `tables` — the table keys in order), each table sits under its own key
(`"synthese"`, `"contacts_mois"`, …) with its `title`, `columns`, `rows` and `notes`.
Suppression has been applied exactly as elsewhere: a hidden cell is the string "< k" or "s",
never its value.

Cells: a label is its text (a month label is its month, "YYYY-MM"); a count is an integer; a
rate is a fraction (0.125 for 12,5 %); days are a number; a value that cannot be computed is null.
"""

from __future__ import annotations

import json
from typing import Any

from fieldapp.reports.publish import Report
from fieldapp.reports.tables import Cell, Table, display

# The heading's keys: a table never takes one of these names.
HEADING_KEYS = frozenset({"title", "period", "from", "to", "k", "generated", "tables", "format"})
FORMAT = "relais-report/1"


def json_cell(cell: Cell, k: int | None) -> str | int | float | None:
    if cell.kind == "label":
        return cell.month if cell.month else (None if cell.value is None else str(cell.value))
    if cell.suppressed:
        return display(cell, k)  # "< k" or "s", as on screen
    if cell.value is None:
        return None
    if cell.kind == "count":
        return int(cell.value)
    return float(cell.value)


def json_table(table: Table) -> dict[str, Any]:
    return {
        "title": table.title,
        "columns": list(table.columns),
        "rows": [
            {"cells": [json_cell(c, table.k) for c in row.cells], "total": row.total}
            for row in table.rows
        ],
        "notes": list(table.notes),
    }


def report_data(report: Report) -> dict[str, Any]:
    scope = report.scope
    data: dict[str, Any] = {
        "format": FORMAT,
        "title": report.title,
        "period": report.period_text(),
        "from": scope.date_from.isoformat() if scope.date_from else None,
        "to": scope.date_to.isoformat() if scope.date_to else None,
        "k": report.k,
        "generated": report.generated.astimezone().isoformat(timespec="seconds"),
        "tables": [t.key for t in report.tables],
    }
    for table in report.tables:
        if table.key in HEADING_KEYS:
            raise ValueError(f"table key {table.key!r} is a heading key")
        data[table.key] = json_table(table)
    return data


def report_json(report: Report) -> bytes:
    return (json.dumps(report_data(report), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
