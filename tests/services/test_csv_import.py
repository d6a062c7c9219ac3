"""Spreadsheet import: good rows kept, bad rows reported by line, French headings and labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fieldapp.services.csv_import import CsvFileError, import_contacts
from fieldapp.services.field import FieldService

TODAY = date(2026, 11, 25)

EXCEL_FR = """Date;Créneau;Quartier;Lieu;Tranche d'âge;Genre;Inscriptions;Besoins;Suite;Note
20/11/2026;Après-midi;QN07601M;Pied d'immeuble;18-25 ans;Femme;Aucune;Trouver un emploi, Mobilité;Rendez-vous proposé;Première rencontre
21/11/2026;Matin;QN07601M;Espace public;26-29;homme;france-travail;se-former;information-donnee;
32/11/2026;Matin;QN07601M;Espace public;26-29;homme;aucune;;information-donnee;
22/11/2026;Soir;QN07601M;Trottoir;26-29;homme;aucune;;information-donnee;
23/11/2026;Soir;hors qpv;Porte-à-porte;55+;Autre;RSA|France Travail;Santé;À recontacter;
"""


def test_good_rows_kept_bad_rows_reported_with_their_line(
    service: FieldService, tmp_path: Path
) -> None:
    src = tmp_path / "tableau.csv"
    src.write_bytes(EXCEL_FR.encode("cp1252", errors="strict"))  # Excel's default "CSV"
    report = import_contacts(service, src, today=TODAY)
    assert len(report.imported) == 2
    assert [e.line for e in report.errors] == [4, 5, 6]
    messages = [str(e) for e in report.errors]
    assert "date" in messages[0]
    assert "place_type" in messages[1] and "Trottoir" in messages[1]
    assert "commune" in messages[2]  # hors QPV needs the commune
    rows = {r["date"]: r for r in service.contacts()}
    first = rows["2026-11-20"]
    assert first["slot"] == "apres-midi" and first["place_type"] == "pied-immeuble"
    assert first["needs"] == ["mobilite", "trouver-un-emploi"]
    assert first["outcome"] == "rdv-propose"
    assert rows["2026-11-21"]["registrations"] == ["france-travail"]


def test_a_note_with_personal_data_rejects_only_its_row(
    service: FieldService, tmp_path: Path
) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        "date,slot,neighbourhood,place_type,outcome,note\n"
        "2026-11-20,matin,QN07601M,espace-public,information-donnee,RAS\n"
        "2026-11-20,matin,QN07601M,espace-public,information-donnee,rappeler le 06 39 98 00 11\n",
        encoding="utf-8-sig",
    )
    report = import_contacts(service, src, today=TODAY)
    assert len(report.imported) == 1
    assert [e.line for e in report.errors] == [3]
    assert "téléphone" in str(report.errors[0])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vide"),
        (b"date;slot\n2026-11-20;matin\n", "colonnes obligatoires"),
        (b"\xff\xfe\x00\x00garbage\x81\x8d\x8f\x90\x9d", "encodage"),
    ],
)
def test_unusable_files_are_refused_whole(
    service: FieldService, tmp_path: Path, content: bytes, message: str
) -> None:
    src = tmp_path / "x.csv"
    src.write_bytes(content)
    with pytest.raises(CsvFileError) as err:
        import_contacts(service, src, today=TODAY)
    assert message in str(err.value)
    assert service.count_contacts() == 0


def test_columns_that_are_not_fields_are_reported_and_never_read(tmp_path: Path) -> None:
    from fieldapp.services import csv_import as ci
    from tests.helpers import make_profile

    service, _ = make_profile(tmp_path / "p")
    sheet = tmp_path / "bailleur.csv"
    sheet.write_text(
        "Date;Créneau;Quartier;Lieu;Type de contact;Commune (hors QPV);Suite donnée;Nom\n"
        "2026-11-02;matin;QN07699B;pied-immeuble;recontact;;pas-interesse;Zyxwvut\n",
        encoding="utf-8",
    )
    try:
        report = ci.import_contacts(service, sheet)
        assert report.ignored_columns == ["Nom"]
        (row,) = service.contacts()
        assert row["contact_mode"] == "recontact"  # the form's label is understood
        assert "Zyxwvut" not in str(row)
    finally:
        service.close()
