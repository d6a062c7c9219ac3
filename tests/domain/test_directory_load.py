"""Directory files in the data·inclusion v1 schema: valid rows kept, invalid rows reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from data_inclusion.schema.v1 import Service, Structure

from fieldapp.domain.directory import (
    DirectoryFileError,
    categories_of,
    format_opening_hours,
    load_services,
    load_structures,
    normalise_text,
    parse_rows,
)
from tests.helpers import service, structure
from tests.helpers.text import fr


def test_realistic_structures_file_with_invalid_rows(data_dir: Path) -> None:
    valid, problems = load_structures((data_dir / "structures.json").read_bytes())
    assert [s["id"] for s in valid] == [
        "dora--s1",
        "dora--s2",
        "emplois-de-linclusion--s3",
        "dora--s4",
        "france-travail--s6",
    ]
    assert [(p.line, p.record_id, p.field) for p in problems] == [
        (6, "dora--bad-siret", "siret"),
        (7, "dora--no-name", "nom"),
        (8, "dora--future", "date_maj"),
        (9, "dora--s5", "code_postal"),
    ]
    assert str(problems[0]) == fr(
        "ligne 6 (dora--bad-siret) : champ siret : numéro SIRET à 14 chiffres attendu, "
        "reçu « 1234 »"
    )
    assert problems[1].message == "champ obligatoire manquant"
    assert "futur" in problems[2].message
    # Kept rows are plain JSON, re-validatable, without the fields the schema does not know.
    for row in valid:
        Structure.model_validate(row)
        assert "score_qualite" not in row
        json.dumps(row)


def test_realistic_services_file_with_invalid_rows(data_dir: Path) -> None:
    structures, _ = load_structures((data_dir / "structures.json").read_bytes())
    valid, problems = load_services(
        (data_dir / "services.jsonl").read_bytes(), structure_ids={s["id"] for s in structures}
    )
    assert len(valid) == 6
    assert len(problems) == 7
    by_line = {p.line: p for p in problems}
    assert by_line[5].field == "thematiques" and fr("« mobilite »") in by_line[5].message
    assert by_line[6].field == "publics" and "tous-publics" in by_line[6].message
    assert by_line[7].field == "zone_eligibilite" and fr("« 7 »") in by_line[7].message
    assert by_line[8].field == "structure_id"
    assert by_line[9].record_id is None and "JSON invalide" in by_line[9].message
    assert by_line[10].field == "id" and "déjà vu ligne 1" in by_line[10].message
    assert by_line[11].field == "description" and "trop court" in by_line[11].message
    for row in valid:
        Service.model_validate(row)


def test_set_fields_are_sorted_so_the_same_input_gives_the_same_bytes() -> None:
    row = service(
        1,
        thematiques=[
            "sante--addictions",
            "mobilite--preparer-un-permis",
            "famille--soutien-aidants",
        ],
        publics=["seniors", "femmes", "jeunes"],
    )
    (valid,), _ = load_services(json.dumps(row))
    assert valid["thematiques"] == sorted(row["thematiques"])
    assert valid["publics"] == ["femmes", "jeunes", "seniors"]


def test_json_array_rows_are_located_by_line() -> None:
    text = (
        "[\n"
        + json.dumps(structure(1))
        + ",\n"
        + json.dumps(structure(2, nom="X"), indent=2)
        + ",\n  "
        + json.dumps(structure(3, code_insee="ABC"))
        + "\n]"
    )
    valid, problems = load_structures(text)
    assert [s["id"] for s in valid] == ["test--s1"]
    assert [(p.line, p.field) for p in problems] == [(3, "nom"), (12, "code_insee")]
    assert "3 caractères au moins" in problems[0].message


def test_one_error_per_field_and_several_fields_per_row() -> None:
    row = service(1, nom="ab", zone_eligibilite=["7"], courriel="pas-un-courriel", frais="cher")
    _, problems = load_services(json.dumps(row))
    assert {p.field for p in problems} == {"nom", "zone_eligibilite", "courriel", "frais"}
    assert all(p.line == 1 and p.record_id == "test--v1" for p in problems)
    assert next(p for p in problems if p.field == "courriel").message.startswith(
        "adresse de courriel invalide"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" + json.dumps(structure(1)) + ',\n{"id": }]', "JSON invalide ligne 2"),
        ("[" + json.dumps(structure(1)), "tronqué"),
        ("[" + json.dumps(structure(1)) + "] trailing", "après la fin"),
        (b"\xff\xfe[]", "UTF-8"),
    ],
)
def test_unreadable_file_is_one_error(content: str | bytes, message: str) -> None:
    with pytest.raises(DirectoryFileError, match=message):
        load_structures(content)


def test_json_lines_with_bom_blank_lines_and_non_objects() -> None:
    content = (
        "\ufeff" + json.dumps(structure(1)) + "\n\n   \n[1, 2]\n" + json.dumps(structure(2)) + "\n"
    ).encode()
    valid, problems = load_structures(content)
    assert [s["id"] for s in valid] == ["test--s1", "test--s2"]
    assert [(p.line, p.message) for p in problems] == [(4, "objet JSON attendu (structure)")]


def test_empty_content_gives_nothing() -> None:
    assert load_structures("") == ([], [])
    assert load_structures("[]") == ([], [])


def test_parse_rows_reads_without_validating() -> None:
    rows = parse_rows("[" + json.dumps(structure(1, nom="X")) + "]")
    assert rows[0]["nom"] == "X"
    with pytest.raises(DirectoryFileError):
        parse_rows("[1]")


def test_helpers() -> None:
    assert normalise_text("  L'Œuvre d’ÉLAN — Hébergement ") == "l oeuvre d elan hebergement"
    assert categories_of(
        {"thematiques": ["mobilite--preparer-un-permis", "sante--addictions"]}
    ) == {
        "mobilite",
        "sante",
    }
    assert categories_of({}) == set()
    assert format_opening_hours("Mo-Fr 08:30-12:30,13:30-17:00; PH off") == (
        "lun.–ven. 08:30–12:30, 13:30–17:00 ; fermé les jours fériés"
    )
    assert format_opening_hours("Tu,Th 14:00-18:00; Sa 09:30-12:30") == (
        "mar., jeu. 14:00–18:00 ; sam. 09:30–12:30"
    )
    assert format_opening_hours("sur rendez-vous") == "sur rendez-vous"
