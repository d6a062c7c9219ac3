"""`fieldapp import-contacts`: the template, a second import refused in one line, `--again`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.storage.home import Home
from tests.helpers import run_cli
from tests.helpers.text import fr


def _summary(out: str) -> str:
    """The summary line; the lines before it are the ids of the imported contacts (each printed
    once committed, docs/reliability.md), checked to be exactly one per imported contact."""
    *ids, summary = out.strip().splitlines()
    imported = int(summary.split()[0])
    assert len(ids) == imported and all(len(i) == 36 for i in ids)
    return summary


run = run_cli


def _count(capsys: pytest.CaptureFixture[str], home: Home) -> int:
    code, out, _ = run(capsys, "contact", "list", "--home", str(home.root), "--json")
    assert code == 0
    return len(json.loads(out))


def test_the_template_imports_once_and_a_second_time_is_one_line_refusal(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    template = tmp_path / "modele.csv"
    code, out, err = run(
        capsys, "import-contacts", "--home", str(ready.root), "--template", str(template)
    )
    assert code == 0 and err == "" and "modele.csv" in out
    text = template.read_text(encoding="utf-8-sig")
    heading, example = text.splitlines()
    assert heading.split(";")[:5] == ["Date", "Créneau", "Quartier", "Commune (hors QPV)", "Lieu"]
    assert "Suite donnée" in heading and "Pied d'immeuble" in example

    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(template))
    assert (code, err) == (0, "")
    assert _summary(out) == "1 contact importé, 0 ligne refusée"
    assert _count(capsys, ready) == 1

    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(template))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "déjà été importé" in err and "--again" in err and "1 contact)" in err
    assert _count(capsys, ready) == 1  # nothing doubled

    code, out, err = run(
        capsys, "import-contacts", "--home", str(ready.root), "--again", str(template)
    )
    assert code == 0 and _summary(out) == "1 contact importé, 0 ligne refusée"
    assert _count(capsys, ready) == 2


def test_rows_identical_to_a_contact_of_the_day_are_left_out_and_named(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = tmp_path / "lundi.csv"
    first.write_text(
        "Date;Créneau;Quartier;Lieu;Suite donnée\n20/11/2026;Matin;QN07601M;Espace public;"
        "Information donnée\n",
        encoding="utf-8",
    )
    assert run(capsys, "import-contacts", "--home", str(ready.root), str(first))[0] == 0
    more = tmp_path / "lundi-complet.csv"  # the same row again, plus a new one: other bytes
    more.write_text(
        first.read_text(encoding="utf-8") + "20/11/2026;Soir;QN07601M;Espace public;"
        "Information donnée\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(more))
    assert code == 0
    assert _summary(out) == "1 contact importé, 0 ligne refusée"
    assert "identiques à un contact déjà enregistré" in err and err.strip().endswith(": 2")
    assert _count(capsys, ready) == 2


def test_errors_name_the_form_labels_first_and_impossible_dates(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        "Date;Créneau;Quartier;Lieu;Suite donnée;Note\n"
        "31/02/2026;Matin;QN07601M;Trottoir;Information donnée;rappeler le 06 39 98 00 11\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(src))
    assert code == 1 and _summary(out) == "0 contact importé, 1 ligne refusée"
    line = err.strip()
    assert len(line.splitlines()) == 1 and line.startswith(fr("ligne 2 :"))
    assert fr("Date (date) : date impossible « 31/02/2026 »") in line
    assert fr("Lieu (place_type) : valeur inconnue « Trottoir »") in line
    assert fr("« Espace public »") in line and "espace-public" not in line
    assert "Note (note)" in line and "téléphone" in line  # reported beside the other problems


def test_missing_columns_are_named_by_their_labels(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "t.csv"
    src.write_text("Date;Créneau;Quartier\n20/11/2026;Matin;QN07601M\n", encoding="utf-8")
    code, _out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(src))
    assert code == 1
    assert "Lieu (place_type), Suite donnée (outcome)" in err
    assert "docs/" not in err


def test_no_file_and_no_template_is_one_line(
    ready: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root))
    assert code == 1 and out == "" and "--template" in err and len(err.splitlines()) == 1
