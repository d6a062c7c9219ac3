"""Ranking services for a contact: needs, publics, zone, with the reasons shown to the worker."""

from __future__ import annotations

from typing import Any

import pytest

from fieldapp.domain.eligibility import assess, departement_of, rank_services
from tests.helpers import service
from tests.helpers.text import plain

TERRITORIES = {"QN07699T": ["76990", "76991"], "QN01499T": ["14990"]}


def contact(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "neighbourhood": "QN07699T",
        "commune": None,
        "age_band": "18-25",
        "gender": "femme",
        "situation": "sans-emploi-ni-formation",
        "registrations": ["aucune"],
        "needs": ["mobilite", "trouver-un-emploi"],
    }
    data.update(changes)
    return data


# A small directory whose expected order is worked out by hand below.
DIRECTORY = [
    service(  # both needs, for the young, in the département, in the same commune: 10+10+4+3+1
        1,
        nom="Garage solidaire jeunes",
        thematiques=["mobilite--preparer-un-permis", "trouver-un-emploi--maintien-dans-lemploi"],
        publics=["jeunes"],
        zone_eligibilite=["76"],
        code_insee="76990",
    ),
    service(  # one need, open to all, nationwide: 10+2+3
        2,
        nom="Plateforme mobilité nationale",
        thematiques=["mobilite--financer-ma-mobilite"],
        publics=["tous-publics"],
        zone_eligibilite=["france"],
    ),
    service(  # one need, public unknown from the contact (to check): 10+0+3
        3,
        nom="Atelier emploi personnes exilées",
        thematiques=["trouver-un-emploi--repondre-a-des-offres-demploi"],
        publics=["personnes-exilees"],
        zone_eligibilite=["76991"],
    ),
    service(  # no need met, residents of a QPV: 0+4+3
        4,
        nom="Lien social du quartier",
        thematiques=["remobilisation--lien-social"],
        publics=["residents-qpv-frr"],
        zone_eligibilite=["76990"],
    ),
    service(  # one need but for seniors only and elsewhere: 10-15-15
        5,
        nom="Transport seniors du Calvados",
        thematiques=["mobilite--mobilite-douce-partagee-collective"],
        publics=["seniors"],
        zone_eligibilite=["14"],
    ),
    service(  # one need, no publics nor zone given: 10+2
        6,
        nom="Conseil en mobilité",
        thematiques=["mobilite--etre-accompagne-dans-son-parcours-mobilite"],
    ),
]


def test_small_directory_expected_order_and_reasons() -> None:
    ranked = rank_services(DIRECTORY, contact(), territories=TERRITORIES)
    assert [(r.service["id"], r.score) for r in ranked] == [
        ("test--v1", 28),
        ("test--v2", 15),
        ("test--v3", 13),
        ("test--v6", 12),
        ("test--v4", 7),
        ("test--v5", -20),
    ]
    # The words of each summary (tests/domain/test_french_typography.py checks the spaces).
    summaries = {r.service["id"]: plain(r.summary) for r in ranked}
    assert summaries["test--v1"] == (
        "besoin mobilité ✓, besoin trouver un emploi ✓, jeunes 16-25 ✓, zone ✓, même commune ✓"
    )
    assert summaries["test--v2"] == "besoin mobilité ✓, tous publics ✓, zone ✓"
    assert summaries["test--v3"] == (
        "besoin trouver un emploi ✓, public à vérifier : personnes exilées ?, zone ✓"
    )
    assert summaries["test--v4"] == "résident QPV ✓, zone ✓"
    assert summaries["test--v5"] == "besoin mobilité ✓, réservé : séniors ✗, hors zone ✗"
    assert [r.eligible for r in ranked] == [True, True, True, True, True, False]


def test_only_needs_keeps_services_meeting_a_need() -> None:
    ranked = rank_services(DIRECTORY, contact(), territories=TERRITORIES, only_needs=True)
    assert "test--v4" not in {r.service["id"] for r in ranked}
    assert len(ranked) == 5


def test_structures_are_attached() -> None:
    structures = {"test--s1": {"id": "test--s1", "nom": "Structure"}}
    ranked = rank_services(DIRECTORY[:1], contact(), territories=TERRITORIES, structures=structures)
    assert ranked[0].structure == structures["test--s1"]


@pytest.mark.parametrize(
    ("changes", "publics", "expected"),
    [
        ({"age_band": "16-17"}, ["jeunes"], "jeunes 16-25 ✓"),
        (
            {"age_band": "30-44", "registrations": ["mission-locale"]},
            ["jeunes"],
            "jeunes (suivi mission locale) ✓",
        ),
        ({"age_band": "26-29"}, ["jeunes"], "public à vérifier : jeunes ?"),
        ({"age_band": "inconnu"}, ["jeunes"], "public à vérifier : jeunes ?"),
        ({"age_band": "30-44"}, ["jeunes"], "réservé : jeunes ✗"),
        ({"age_band": "55-plus"}, ["seniors"], "séniors ✓"),
        ({"age_band": "45-54"}, ["seniors"], "public à vérifier : séniors ?"),
        (
            {"registrations": ["france-travail"], "situation": "en-emploi"},
            ["demandeurs-emploi"],
            "demandeurs d'emploi (France Travail) ✓",
        ),
        ({}, ["demandeurs-emploi"], "demandeurs d'emploi ✓"),
        (
            {"registrations": ["rsa"]},
            ["beneficiaires-des-minimas-sociaux"],
            "minima sociaux (RSA) ✓",
        ),
        (
            {"registrations": ["cap-emploi"]},
            ["personnes-en-situation-de-handicap"],
            "handicap (Cap emploi) ✓",
        ),
        ({"gender": "homme"}, ["femmes"], "réservé : femmes ✗"),
        ({"situation": "en-emploi"}, ["actifs"], "actifs ✓"),
        ({}, ["actifs"], "réservé : actifs ✗"),
        ({"neighbourhood": "hors-qpv", "commune": "76990"}, ["residents-qpv-frr"], "public à"),
        (
            {"age_band": "30-44", "gender": "homme"},
            ["jeunes", "femmes", "personnes-exilees"],
            "public à vérifier : personnes exilées ?",
        ),
        (
            {"age_band": "30-44", "gender": "homme"},
            ["jeunes", "femmes"],
            "réservé : femmes, jeunes ✗",
        ),
    ],
)
def test_publics_against_what_the_contact_tells(
    changes: dict[str, Any], publics: list[str], expected: str
) -> None:
    _, reasons = assess(service(1, publics=publics), contact(**changes), TERRITORIES)
    assert plain(reasons[0].text).startswith(expected)


@pytest.mark.parametrize(
    ("changes", "zone", "expected"),
    [
        ({}, ["76991"], "zone ✓"),  # a commune of the neighbourhood
        ({}, ["76"], "zone ✓"),
        ({}, ["99100"], "zone ✓"),
        ({}, ["14", "27"], "hors zone ✗"),
        ({}, ["200099999"], "zone à vérifier (intercommunalité) ?"),
        ({}, ["14", "200099999"], "zone à vérifier (intercommunalité) ?"),
        ({"neighbourhood": "QN09999Z"}, ["76"], "zone à vérifier ?"),  # not in the pack
        ({"neighbourhood": "hors-qpv", "commune": "14990"}, ["14"], "zone ✓"),
        ({"neighbourhood": "hors-qpv", "commune": "2A004"}, ["2A"], "zone ✓"),
        ({"neighbourhood": "hors-qpv", "commune": "97105"}, ["971"], "zone ✓"),
    ],
)
def test_zone(changes: dict[str, Any], zone: list[str], expected: str) -> None:
    _, reasons = assess(
        service(1, publics=["tous-publics"], zone_eligibilite=zone),
        contact(**changes),
        TERRITORIES,
    )
    assert reasons[-1].text == expected


def test_departement_codes() -> None:
    assert [departement_of(c) for c in ("76540", "2B033", "97411", "01004")] == [
        "76",
        "2B",
        "974",
        "01",
    ]


def test_contact_with_nothing_known_is_never_ruled_out() -> None:
    blank = {"neighbourhood": "QN09999Z", "needs": []}
    for item in DIRECTORY:
        _, reasons = assess(item, blank, TERRITORIES)
        assert all(r.ok is not False for r in reasons), item["nom"]
