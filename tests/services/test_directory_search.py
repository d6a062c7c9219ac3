"""Searching the directory: words anywhere, accents and case ignored, filters, order."""

from __future__ import annotations

import time

import pytest

from fieldapp.services import directory
from fieldapp.sync.pack import demo_pack as make_demo_pack
from tests.helpers import generated_directory, service, structure


@pytest.fixture
def pack() -> directory.Pack:
    structures = [
        structure(1, nom="Mission locale d'essai", description="Accueil des jeunes."),
        structure(2, nom="Centre social Élan", description="Lieu de vie du quartier."),
    ]
    services = [
        service(
            1,
            nom="Aide au permis de conduire",
            description="Financement du code et de la conduite.",
            thematiques=["mobilite--preparer-un-permis"],
            publics=["jeunes"],
            type="aide-financiere",
            code_insee="76990",
            zone_eligibilite=["76"],
        ),
        service(
            2,
            structure_id="test--s2",
            nom="Atelier numérique",
            description="Démarches en ligne, aide au PERMIS de conduire en ligne.",
            thematiques=["numerique--acceder-a-des-services-en-ligne"],
            publics=["tous-publics"],
            type="atelier",
            code_insee="14990",
            zone_eligibilite=["14990"],
        ),
        service(
            3,
            structure_id="test--s2",
            nom="Hébergement d'urgence",
            description="Mise à l'abri.",
            thematiques=["logement-hebergement--rechercher-une-solution-dhebergement-temporaire"],
            type="accompagnement",
            zone_eligibilite=["france"],
        ),
    ]
    return make_demo_pack(
        territories=[{"code": "QN07699T", "name": "Essai", "communes": ["76990"]}],
        structures=structures,
        services=services,
        date="2026-11-20T00:00:00Z",
    )


def ids(entries: list[directory.Entry]) -> list[str]:
    return [e.id for e in entries]


def test_empty_search_lists_everything_by_name(pack: directory.Pack) -> None:
    assert ids(directory.search_services(pack, "")) == ["test--v1", "test--v2", "test--v3"]


def test_accents_and_case_are_ignored(pack: directory.Pack) -> None:
    assert ids(directory.search_services(pack, "HEBERGEMENT")) == ["test--v3"]
    assert ids(directory.search_services(pack, "élan")) == ["test--v2", "test--v3"]
    assert ids(directory.search_services(pack, "numerique")) == ["test--v2"]


def test_every_word_must_match_anywhere(pack: directory.Pack) -> None:
    # Names come first, then descriptions; each word may be in a different field.
    assert ids(directory.search_services(pack, "permis")) == ["test--v1", "test--v2"]
    assert ids(directory.search_services(pack, "permis ligne")) == ["test--v2"]
    assert ids(directory.search_services(pack, "jeunes mission")) == ["test--v1"]
    assert ids(directory.search_services(pack, "permis abri")) == []
    assert ids(directory.search_services(pack, "conduite")) == ["test--v1"]  # description
    assert ids(directory.search_services(pack, "atel")) == ["test--v2"]  # as you type


def test_typing_on_deleting_and_changing_filters_stay_exact(pack: directory.Pack) -> None:
    # Each keystroke reuses the previous matches when the query grows: check it never sticks.
    steps = [
        ("e", None, ["test--v1", "test--v2", "test--v3"]),
        ("p", None, ["test--v1", "test--v2"]),
        ("pe", None, ["test--v1", "test--v2"]),
        ("permis lig", None, ["test--v2"]),
        ("permis", None, ["test--v1", "test--v2"]),
        ("permis", "mobilite", ["test--v1"]),
        ("permis c", "mobilite", ["test--v1"]),
        ("permis c", None, ["test--v1", "test--v2"]),
        ("", None, ["test--v1", "test--v2", "test--v3"]),
    ]
    for text, need, expected in steps:
        assert ids(directory.search_services(pack, text, need=need)) == expected, (text, need)


def test_filters(pack: directory.Pack) -> None:
    assert ids(directory.search_services(pack, need="mobilite")) == ["test--v1"]
    assert ids(directory.search_services(pack, type="atelier")) == ["test--v2"]
    # Services open to everyone are open to young people too, after those aimed at them.
    assert ids(directory.search_services(pack, public="jeunes")) == [
        "test--v1",
        "test--v2",
        "test--v3",
    ]
    assert ids(directory.search_services(pack, public="seniors")) == ["test--v2", "test--v3"]
    # Commune: located there, or its zone covers the commune, its département or France.
    assert ids(directory.search_services(pack, commune="76990")) == ["test--v1", "test--v3"]
    assert ids(directory.search_services(pack, commune="14990")) == ["test--v2", "test--v3"]
    assert ids(directory.search_services(pack, commune="76001")) == ["test--v1", "test--v3"]
    assert ids(directory.search_services(pack, "aide", need="mobilite", commune="76990")) == [
        "test--v1"
    ]
    assert len(directory.search_services(pack, limit=2)) == 2


def test_entries_carry_their_structure(pack: directory.Pack) -> None:
    (entry,) = directory.search_services(pack, "hebergement")
    assert entry.structure_name == "Centre social Élan"
    assert entry.name == "Hébergement d'urgence"
    assert entry.service["id"] == "test--v3"


def test_choices(pack: directory.Pack) -> None:
    assert directory.communes(pack) == [("14990", "14990"), ("76990", "Ville-Test")]
    assert directory.neighbourhoods(pack) == [("QN07699T", "Essai")]
    assert ("mobilite", "Mobilité") in directory.need_choices()
    assert ("jeunes", "Jeunes") in directory.public_choices()
    assert ("atelier", "Atelier") in directory.type_choices()
    assert directory.label("public", "inconnu-demain") == "inconnu-demain"


def test_search_is_fast_on_1000_services() -> None:
    structures, services = generated_directory(1000)
    big = make_demo_pack(
        territories=[], structures=structures, services=services, date="2026-11-20T00:00:00Z"
    )
    directory.search_services(big, "")  # builds the index once
    # Not a timing test (benchmarks/bench_directory.py measures): a gross regression guard.
    start = time.perf_counter()
    for text in ("e", "em", "emp", "empl", "emploi", "emploi j", "emploi jeunes"):
        directory.search_services(big, text, public="jeunes")
    assert (time.perf_counter() - start) / 7 < 0.1


def test_handover_partner_fields(pack: directory.Pack) -> None:
    (entry,) = directory.search_services(pack, "hebergement")
    assert directory.structure_of(pack, entry.service) is entry.structure
    assert directory.handover_partner(pack, entry.service) == {
        "partner": "Centre social Élan — Hébergement d'urgence",
        "partner_structure_id": "test--s2",
        "partner_service_id": "test--v3",
    }
