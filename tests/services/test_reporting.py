"""`fieldapp coord report` over a real territory (devices, sync, merge), and "Mon activité"."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.services import reporting
from fieldapp.services.field import FieldService
from tests.helpers import COORD_PASSPHRASE, sample_contact
from tests.helpers.coordination import Territory


@pytest.fixture
def merged(territory: Territory) -> Iterator[Territory]:
    device = territory.device("terrain")
    field = device.field
    ids = field.record_contacts(
        [sample_contact(date="2026-03-02", pseudonym=None) for _ in range(6)]
        + [sample_contact(date="2026-04-10", contact_mode="recontact") for _ in range(2)],
        today=date(2026, 5, 1),
    )
    handover = field.propose_handover(
        {"contact_id": ids[0], "partner": "Partenaire fictif", "mode": "appel-a-trois",
         "consent": True},
        now=datetime(2026, 3, 2, 9, tzinfo=UTC),
    )  # fmt: skip
    field.change_handover_status(handover, "rdv_fixe", now=datetime(2026, 3, 3, tzinfo=UTC))
    assert device.sync.sync().ok
    with territory.open() as coord:
        assert coord.merge().events_inserted == 10
    yield territory


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_writes_csv_with_suppression_and_a_period(
    merged: Territory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    ws = str(merged.coordination.root)
    out = merged.tmp / "rapport.csv"
    code, stdout, err = run(
        capsys, "coord", "report", "--workspace", ws, "--format", "csv", "--out", str(out),
        "--from", "2026-03-01", "--to", "2026-04-30", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(stdout)["format"] == "csv"
    text = out.read_text(encoding="utf-8-sig")
    rows = [line.split(";") for line in text.splitlines()]
    figures = {r[0]: r[1] for r in rows if len(r) == 2}
    assert figures["Contacts"] == "8"
    assert figures["dont recontacts"] == "< 5"  # 2
    assert figures["dont premiers contacts"] == "s"  # 6 = 8 - 2: hidden to protect the 2
    assert figures["Relais proposés"] == "< 5"  # 1
    # March only: the 2 April recontacts leave, and 6 first contacts remain.
    code, _, err = run(
        capsys, "coord", "report", "--workspace", ws, "--format", "csv", "--out", str(out),
        "--from", "2026-03-01", "--to", "2026-03-31", "--k", "3",
    )  # fmt: skip
    assert code == 0, err
    figures = {r[0]: r[1] for r in (ln.split(";") for ln in out.read_text("utf-8-sig").splitlines())
               if len(r) == 2}  # fmt: skip
    assert figures["Contacts"] == "6" and figures["dont recontacts"] == "0"


def test_cli_errors_are_one_french_line(
    merged: Territory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    ws = str(merged.coordination.root)
    base = ("coord", "report", "--workspace", ws, "--format", "csv")
    for extra, words in (
        (("--out", str(merged.tmp / "x.csv"), "--from", "2026-13-01"), "date invalide"),
        (("--out", str(merged.tmp / "x.csv"), "--from", "2026-05-01", "--to", "2026-04-01"),
         "période vide"),
        (("--out", str(merged.tmp / "absent" / "x.csv")), "dossier introuvable"),
        (("--out", str(merged.tmp / "x.csv"), "--k", "1"), "seuil"),
    ):  # fmt: skip
        code, _, err = run(capsys, *base, *extra)
        assert code == 1 and len(err.strip().splitlines()) == 1 and words in err, err
    assert not (merged.tmp / "x.csv").exists()


def test_my_activity_uses_the_same_definitions_without_suppression(
    service: FieldService,
) -> None:
    ids = service.record_contacts(
        [sample_contact(date="2026-02-02", pseudonym="ABCD-2345") for _ in range(2)]
        + [sample_contact(date="2026-02-03", registrations=["france-travail"], needs=[])],
        today=date(2026, 3, 1),
    )
    service.void_contact(ids[2], "saisie en double")
    report = reporting.my_activity(service, date(2026, 2, 1), date(2026, 2, 28))
    assert report.k is None and report.title == "Mon activité"
    figures = report.table("synthese")
    assert figures.cell("Contacts", "Valeur").value == 2  # the voided one is out
    assert figures.cell("Personnes distinctes (pseudonymes)", "Valeur").value == 1
    assert not any(c.suppressed for t in report.tables for r in t.rows for c in r.cells)
    needs = report.table("besoins")
    assert needs.cell("Mobilité", "Contacts").value == 2
    quartiers = report.table("quartiers")
    assert quartiers.columns[1] == "Prévention spécialisée"  # the profile's own structure type


def test_coord_report_function_writes_atomically(merged: Territory) -> None:
    out = merged.tmp / "r.xlsx"
    out.write_bytes(b"ancien")
    with merged.open() as coord:
        report = reporting.coord_report(coord, "xlsx", out, k=5, date_from=date(2026, 3, 1))
    assert out.read_bytes()[:2] == b"PK" and report.scope.date_from == date(2026, 3, 1)
    assert [p.name for p in out.parent.glob(".r.xlsx.*")] == []


def test_my_activity_exports_keep_a_formula_like_partner_inert(
    service: FieldService, tmp_path: Path
) -> None:
    """The field app's own exports go through the same writers: a partner typed as a formula
    stays text in its CSV and XLSX."""
    import csv
    import io

    from openpyxl import load_workbook

    (contact,) = service.record_contacts(
        [sample_contact(date="2026-02-02")], today=date(2026, 3, 1)
    )
    service.propose_handover(
        {"contact_id": contact, "partner": '=HYPERLINK("x","y")', "mode": "appel-a-trois",
         "consent": True},
        now=datetime(2026, 2, 2, 9, tzinfo=UTC),
    )  # fmt: skip
    report = reporting.my_activity(service, date(2026, 2, 1), date(2026, 2, 28))
    text = reporting.export(report, "csv", tmp_path / "moi.csv").read_bytes().decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    assert '\'=HYPERLINK("x","y")' in cells and not [c for c in cells if c.startswith("=")]
    wb = load_workbook(reporting.export(report, "xlsx", tmp_path / "moi.xlsx"))
    partner = next(
        c
        for r in wb["Relais par partenaire"].iter_rows()
        for c in r
        if c.value and "HYPER" in c.value
    )
    assert partner.value == '\'=HYPERLINK("x","y")' and partner.data_type == "s"
