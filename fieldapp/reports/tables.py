"""The published table: what the screen, the CSV, the XLSX and the PDF all show, cell by cell.

A `Table` is finished: suppression has been applied, so a writer only formats. Counts from 1 to
k−1 read "< k"; a count hidden only to protect another one (secondary suppression), and rates,
medians and quartiles that cannot be shown, read "s" (secret statistique, INSEE's convention);
"—" is a value that cannot be computed (a zero base).

`inert(text)` is the one rule for text that leaves Relais in a spreadsheet (CSV and XLSX, the
coordinator's report and "Mon activité" alike): OWASP's CSV-injection rule, so that a label
typed or received as `=HYPERLINK(…)` stays text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from fieldapp.messages import language, render

CellKind = Literal["label", "count", "rate", "days"]

CONFIDENTIAL = "s"
NOT_APPLICABLE = "—"
NARROW_NBSP = "\u202f"
# A spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def inert(text: str) -> str:
    """`text` as a spreadsheet will show it and never evaluate it: a leading `'` before a
    formula start (OWASP's neutralisation; Excel and LibreOffice show the rest as typed)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Cell:
    value: str | int | float | None
    kind: CellKind = "count"
    suppressed: bool = False  # hidden: "< k" (a small count), else "s"
    small: bool = False  # a hidden count that is itself below k (primary suppression)
    month: str | None = None  # a month label's month, "YYYY-MM": a date in a spreadsheet

    @staticmethod
    def label(text: str, *, month: str | None = None) -> Cell:
        return Cell(text, "label", month=month)

    @property
    def number(self) -> float | None:
        """The value a chart may draw: None when hidden or not a number."""
        if self.suppressed or self.kind == "label" or self.value is None:
            return None
        return float(self.value)


@dataclass
class Row:
    cells: list[Cell]
    total: bool = False  # a total row (bold on screen and in print)


@dataclass
class Table:
    key: str  # short stable name: sheet name, chart lookup
    title: str
    columns: list[str]
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    k: int | None = None  # threshold applied; None on one's own data (no suppression)
    label_columns: int = 1
    lang: str = field(default_factory=language)  # the language its labels were rendered in

    def text(self, code: str) -> str:
        """A heading or row label of this table by its catalogue code, in the table's language:
        how a chart finds "first contacts" whatever the language of the report."""
        return render(code, lang=self.lang)

    def cell(self, row_label: str, column: str) -> Cell:
        """The cell at a row (by its first label) and a column (by its header); KeyError else."""
        j = self.columns.index(column)
        for row in self.rows:
            if row.cells[0].value == row_label:
                return row.cells[j]
        raise KeyError(row_label)

    def column(self, column: str) -> list[Cell]:
        j = self.columns.index(column)
        return [row.cells[j] for row in self.rows if not row.total]

    def row_labels(self) -> list[str]:
        return [str(row.cells[0].value) for row in self.rows if not row.total]


def format_count(value: int) -> str:
    # French grouping with a narrow no-break space: 12 345.
    return f"{value:,}".replace(",", NARROW_NBSP)


def format_decimal(value: float, digits: int = 1) -> str:
    return f"{value:,.{digits}f}".replace(",", NARROW_NBSP).replace(".", ",")


def display(cell: Cell, k: int | None) -> str:
    """The French text of a cell, as shown on screen and in the PDF."""
    if cell.kind == "label":
        return "" if cell.value is None else str(cell.value)
    if cell.suppressed:
        # Only a count that is itself small reads "< k": a cell hidden to protect another
        # (secondary suppression) may be large, and reads "s" like a withheld rate.
        return f"< {k}" if cell.small else CONFIDENTIAL
    if cell.value is None:
        return NOT_APPLICABLE
    if cell.kind == "count":
        return format_count(int(cell.value))
    if cell.kind == "rate":
        # Always one decimal: a rate never reads like a small count.
        return f"{format_decimal(float(cell.value) * 100)}{NARROW_NBSP}%"
    return format_decimal(float(cell.value))


def hidden_text(cell: Cell, k: int | None) -> str:
    """What a hidden or empty cell stands for: "< k", "s" or "—" ("" for a published value)."""
    if cell.kind == "label" or not (cell.suppressed or cell.value is None):
        return ""
    return display(cell, k)


def legend(k: int | None) -> str:
    """The reading note every published table carries, in the current language."""
    if k is None:
        return render("reports.legend.plain", {"not_applicable": NOT_APPLICABLE})
    return render(
        "reports.legend.suppressed",
        {"k": k, "confidential": CONFIDENTIAL, "not_applicable": NOT_APPLICABLE},
    )
