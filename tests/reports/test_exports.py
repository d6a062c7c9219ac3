"""CSV and XLSX of the hand-built territory: French Excel conventions, and no small count."""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import Report, build_report
from fieldapp.services import reporting
from fieldapp.storage.coord_store import open_consolidated
from tests.helpers.reports import PERIOD, load_territory

INTEGER = re.compile(r"^\d+$")


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Engine]:
    # The writers do not depend on the database: SQLCipher is enough here.
    engine = open_consolidated(tmp_path, os.urandom(32))
    load_territory(engine)
    yield engine
    engine.dispose()


def _report(engine: Engine, k: int) -> Report:
    return build_report(compute_indicators(engine, Scope(*PERIOD)), k=k)


def test_csv_is_utf8_with_bom_semicolons_and_no_small_count(sqlite_store: Engine) -> None:
    data = reporting.render(_report(sqlite_store, 5), "csv")
    assert data.startswith("\ufeff".encode())
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [c for row in rows for c in row]
    assert "Contacts par mois" in cells and "< 5" in cells
    small = [c for c in cells if INTEGER.match(c) and 0 < int(c) < 5]
    assert small == []
    # 8 contacts over the period, published; the 5 first contacts are hidden with the 3.
    figures = {row[0]: row[1] for row in rows if len(row) == 2}
    assert figures["Contacts"] == "8"
    assert figures["dont recontacts"] == "< 5"  # 3
    assert figures["dont premiers contacts"] == "s"  # 5 = 8 - 3, hidden to protect the 3


def test_csv_rates_use_a_decimal_comma(sqlite_store: Engine) -> None:
    text = reporting.render(_report(sqlite_store, 2), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    figures = {row[0]: row[1] for row in rows if len(row) == 2}
    assert figures["Part des invisibles"] == "50,0 %"  # 2 invisibles of 4 known
    assert figures["Délai médian jusqu'au premier rendez-vous honoré (jours)"] == "10,5"


def test_xlsx_sheets_headers_formats_and_no_small_count(
    sqlite_store: Engine, tmp_path: Path
) -> None:
    out = reporting.export(_report(sqlite_store, 5), "xlsx", tmp_path / "rapport.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Méthode"
    assert "Contacts par mois" in wb.sheetnames
    # Method, legend, then one sheet per table (issue 20: the legend sheet; 16: relais_confirmes;
    # 17: presence and joint actions; 18: the needs without a solution).
    assert wb.sheetnames[1] == "Légende"
    assert len(wb.sheetnames) == 19 and len(set(wb.sheetnames)) == 19
    seen_hidden = False
    for ws in wb.worksheets[2:]:
        assert ws.freeze_panes is not None and ws.freeze_panes.endswith("3")
        for row in ws.iter_rows(min_row=3):
            for cell in row:
                # A hidden count is an empty cell whose comment reads "< 5" (issue 20).
                if cell.comment is not None and cell.comment.text == "< 5":
                    assert cell.value is None
                    seen_hidden = True
                if isinstance(cell.value, int | float) and cell.number_format == "#,##0":
                    assert not 0 < cell.value < 5, (ws.title, cell.coordinate, cell.value)
    assert seen_hidden
    months = wb["Contacts par mois"]
    assert [c.value for c in months[2]] == ["Mois", "Premiers contacts", "Recontacts", "Total"]
    assert months["D6"].value == 8 and months["D6"].number_format == "#,##0"  # total row
    assert months.column_dimensions["A"].width >= 8


def test_xlsx_rates_are_numbers_with_a_percent_format(sqlite_store: Engine, tmp_path: Path) -> None:
    out = reporting.export(_report(sqlite_store, 2), "xlsx", tmp_path / "k2.xlsx")
    ws = load_workbook(out)["Chiffres clés"]
    rate = next(r[1] for r in ws.iter_rows(min_row=3) if r[0].value == "Part des invisibles")
    assert rate.value == 0.5 and rate.number_format == "0.0%"


def test_export_refuses_unknown_format_and_missing_folder(
    sqlite_store: Engine, tmp_path: Path
) -> None:
    report = _report(sqlite_store, 5)
    with pytest.raises(reporting.ReportError, match="format inconnu"):
        reporting.export(report, "odt", tmp_path / "x.odt")
    with pytest.raises(reporting.ReportError, match="dossier introuvable"):
        reporting.export(report, "csv", tmp_path / "absent" / "x.csv")
    with pytest.raises(reporting.ReportError, match="seuil"):
        reporting.coordination_report(sqlite_store, Scope(), k=1)


def test_json_has_every_table_under_its_key_with_the_same_suppression(
    sqlite_store: Engine,
) -> None:
    import json

    report = _report(sqlite_store, 5)
    data = json.loads(reporting.render(report, "json"))
    assert data["format"] == "relais-report/1"
    assert data["k"] == 5 and data["from"] == PERIOD[0].isoformat()
    assert data["tables"] == [t.key for t in report.tables]
    figures = {row["cells"][0]: row["cells"][1] for row in data["synthese"]["rows"]}
    assert figures["Contacts"] == 8  # a number, not text
    assert figures["dont recontacts"] == "< 5"  # 3, hidden as in the CSV
    assert figures["dont premiers contacts"] == "s"  # 5, hidden to protect the 3
    counts = [
        c
        for key in data["tables"]
        for row in data[key]["rows"]
        for c in row["cells"][1:]
        if isinstance(c, int) and not isinstance(c, bool)
    ]
    assert counts and all(not 0 < c < 5 for c in counts)


def test_json_months_are_months_and_rates_are_fractions(sqlite_store: Engine) -> None:
    import json

    data = json.loads(reporting.render(_report(sqlite_store, 2), "json"))
    months = [row["cells"][0] for row in data["contacts_mois"]["rows"] if not row["total"]]
    assert months and all(re.fullmatch(r"\d{4}-\d{2}", m) for m in months)
    figures = {row["cells"][0]: row["cells"][1] for row in data["synthese"]["rows"]}
    assert figures["Part des invisibles"] == 0.5  # 2 invisibles of 4 known
