"""Spreadsheet import: good rows kept, bad rows reported by line, French headings and labels."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from fieldapp.services.csv_import import CsvFileError, import_contacts
from fieldapp.services.field import FieldService
from tests.helpers.text import fr

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


def _sheet(tmp_path: Path, *rows: str, name: str = "s.csv") -> Path:
    src = tmp_path / name
    src.write_text("Date;Créneau;Quartier;Lieu;Suite donnée\n" + "".join(rows), encoding="utf-8")
    return src


ROW = "20/11/2026;Matin;QN07601M;Espace public;Information donnée\n"


def test_the_same_file_twice_is_refused_and_remembered_in_the_encrypted_store(
    service: FieldService, tmp_path: Path
) -> None:
    from fieldapp.services.csv_import import (
        IMPORTED_FILES_SETTING,
        AlreadyImported,
        file_digest,
    )

    src = _sheet(tmp_path, ROW)
    assert len(import_contacts(service, src, today=TODAY).imported) == 1
    with pytest.raises(AlreadyImported) as err:
        import_contacts(service, src, today=TODAY)
    assert "déjà été importé" in str(err.value) and "(1 contact)" in str(err.value)
    assert service.count_contacts() == 1
    # Kept in the profile's settings, inside the SQLCipher database, with the digest only.
    (entry,) = service.store.get_setting(IMPORTED_FILES_SETTING)
    assert entry["sha256"] == file_digest(src.read_bytes()) and entry["imported"] == 1
    # A copy under another name is the same file.
    copy = tmp_path / "copie.csv"
    copy.write_bytes(src.read_bytes())
    with pytest.raises(AlreadyImported):
        import_contacts(service, copy, today=TODAY)
    assert len(import_contacts(service, copy, today=TODAY, again=True).imported) == 1
    assert service.count_contacts() == 2


def test_a_file_whose_rows_were_all_refused_is_not_remembered(
    service: FieldService, tmp_path: Path
) -> None:
    src = _sheet(tmp_path, "20/11/2026;Aube;QN07601M;Espace public;Information donnée\n")
    for _ in range(2):
        report = import_contacts(service, src, today=TODAY)
        assert report.imported == [] and [e.line for e in report.errors] == [2]


def test_the_preview_flags_rows_identical_to_a_contact_of_that_day_and_saves_nothing(
    service: FieldService, tmp_path: Path
) -> None:
    from fieldapp.services.csv_import import preview

    import_contacts(service, _sheet(tmp_path, ROW, name="a.csv"), today=TODAY)
    other = "20/11/2026;Soir;QN07601M;Espace public;Information donnée\n"
    wrong = "20/11/2026;Soir;QN07601M;Trottoir;Information donnée\n"
    src = _sheet(tmp_path, ROW, other, wrong, ROW.replace("20/11", "21/11"), name="b.csv")
    seen = preview(service, src, today=TODAY)
    assert [(r.line, r.valid, r.duplicate) for r in seen.rows] == [
        (2, True, True),
        (3, True, False),
        (4, False, False),
        (5, True, False),  # same cells, another day: not the same contact
    ]
    assert seen.default_lines() == {3, 5} and seen.valid == 3 and seen.duplicates == 1
    assert seen.previous is None and service.count_contacts() == 1
    # The rows chosen in the preview are what is saved; the others are reported as skipped.
    report = import_contacts(service, src, today=TODAY, lines={3}, expected_sha256=seen.sha256)
    assert len(report.imported) == 1 and report.skipped == [2, 5]
    assert [e.line for e in report.errors] == [4]
    assert service.count_contacts() == 2


def test_a_file_changed_since_its_preview_is_refused(service: FieldService, tmp_path: Path) -> None:
    from fieldapp.services.csv_import import FileChanged, preview

    src = _sheet(tmp_path, ROW)
    seen = preview(service, src, today=TODAY)
    src.write_text(src.read_text(encoding="utf-8") + ROW.replace("Matin", "Soir"), "utf-8")
    with pytest.raises(FileChanged):
        import_contacts(service, src, today=TODAY, expected_sha256=seen.sha256)
    assert service.count_contacts() == 0


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("31/02/2026", "date impossible « 31/02/2026 »"),
        ("2026-02-30", "date impossible « 2026-02-30 »"),
        ("hier", "date illisible « hier » ; écrivez-la JJ/MM/AAAA"),
    ],
)
def test_a_date_is_named_impossible_or_unreadable(
    service: FieldService, tmp_path: Path, cell: str, words: str
) -> None:
    report = import_contacts(service, _sheet(tmp_path, ROW.replace("20/11/2026", cell)))
    (error,) = report.errors
    assert fr(words) in str(error) and "AAAA-MM-JJ" not in str(error)


def test_the_template_has_the_headings_the_importer_reads_and_imports(
    service: FieldService, tmp_path: Path
) -> None:
    from fieldapp.services.csv_import import TEMPLATE_COLUMNS, read_rows, write_template

    template = tmp_path / "modele.csv"
    write_template(template, today=TODAY)
    ((_line, values),) = read_rows(template)
    assert set(values) == {name for name, _ in TEMPLATE_COLUMNS} - {"commune"}
    report = import_contacts(service, template, today=TODAY)
    assert len(report.imported) == 1 and not report.errors
    (row,) = service.contacts()
    assert row["date"] == "2026-11-24" and row["place_type"] == "pied-immeuble"


def test_row_errors_read_in_english_with_english_labels(
    service: FieldService, tmp_path: Path
) -> None:
    from fieldapp import messages

    report = import_contacts(service, _sheet(tmp_path, ROW.replace("Espace public", "Trottoir")))
    messages.set_language("en")
    try:
        text = str(report.errors[0])
    finally:
        messages.set_language("fr")
    assert text.startswith("line 2: Place (place_type): unknown value")
    assert "“Public space”" in text or "“Public" in text
