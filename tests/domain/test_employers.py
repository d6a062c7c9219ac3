"""Employers in the directory (issue 18, item 3): the Relais extension of a data·inclusion
structure, the employers' handover track, and the places an employer has left this month."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from typing import Any

import pytest

from fieldapp.domain.directory import load_structures
from fieldapp.domain.eligibility import rank_services
from fieldapp.domain.employers import metier_label, parse_extension, places_used
from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.handovers import (
    allowed_next,
    check_transition,
    is_terminal,
    parse_handover,
    parse_status_change,
)
from fieldapp.domain.payloads import PayloadRefused, check_event
from fieldapp.messages import render
from fieldapp.services.synthetic import service, structure
from tests.helpers.text import fr

EMPLOYER = structure(
    1,
    nom="Entreprise d'insertion Les Ateliers du Port",
    employeur=True,
    metiers=["K2204", "N1103"],
    accepte_pmsmp=True,
    capacite_mensuelle=3,
)


def _load(*rows: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    valid, problems = load_structures(json.dumps(list(rows), ensure_ascii=False))
    return valid, [str(p) for p in problems]


def test_an_employer_keeps_its_extension_fields_after_the_data_inclusion_check() -> None:
    valid, problems = _load(EMPLOYER, structure(2))
    assert problems == []
    employer, other = valid
    assert employer["employeur"] is True
    assert employer["metiers"] == ["K2204", "N1103"]
    assert employer["accepte_pmsmp"] is True and employer["capacite_mensuelle"] == 3
    assert not {"employeur", "metiers", "accepte_pmsmp", "capacite_mensuelle"} & set(other)


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"metiers": ["K22O4"]}, "metiers", "code ROME invalide « K22O4 »"),
        ({"metiers": ["Z1234"]}, "metiers", "une lettre de A à N puis quatre chiffres"),
        ({"metiers": "K2204"}, "metiers", "liste de codes ROME attendue"),
        ({"capacite_mensuelle": -1}, "capacite_mensuelle", "entre 0 et 1000 places par mois"),
        ({"capacite_mensuelle": 2.5}, "capacite_mensuelle", "nombre entier de places"),
        ({"capacite_mensuelle": True}, "capacite_mensuelle", "nombre entier de places"),
        ({"accepte_pmsmp": "oui"}, "accepte_pmsmp", "true ou false attendu"),
        ({"employeur": "yes"}, "employeur", "true ou false attendu"),
    ],
)
def test_a_bad_extension_field_refuses_the_row_in_french(
    changes: dict[str, Any], field: str, words: str
) -> None:
    valid, problems = _load(EMPLOYER | changes, structure(2))
    assert [s["id"] for s in valid] == ["test--s2"]
    (problem,) = problems
    assert problem.startswith(fr(f"ligne 1 (test--s1) : champ {field} : "))
    assert fr(words) in problem


def test_extension_fields_without_employeur_are_refused() -> None:
    valid, problems = _load(structure(1, capacite_mensuelle=2))
    assert valid == []
    assert fr("réservé aux employeurs") in problems[0]
    assert parse_extension(structure(1)) == ({}, {})


def test_rome_labels_from_the_small_table_else_the_code() -> None:
    assert metier_label("K2204") == "K2204 — Nettoyage de locaux"
    assert metier_label("M1607") == "M1607"


# --- the employers' track ---------------------------------------------------------------------

MODE = "immersion-pmsmp"


def test_employer_track_follows_the_issue() -> None:
    check_transition(None, "propose", mode=MODE)
    for path in (
        ["propose", "immersion_realisee", "embauche"],
        ["propose", "entretien", "embauche"],
        ["propose", "immersion_realisee", "sans_suite"],
        ["propose", "entretien", "sans_suite"],
    ):
        for current, requested in itertools.pairwise(path):
            check_transition(current, requested, mode=MODE)
    assert allowed_next("propose", mode="job-dating") == (
        "immersion_realisee",
        "entretien",
        "sans_suite",
    )
    assert is_terminal("embauche") and is_terminal("sans_suite")
    assert not is_terminal("immersion_realisee") and not is_terminal("entretien")


@pytest.mark.parametrize(
    ("current", "requested", "mode"),
    [
        ("propose", "rdv_fixe", "candidature-accompagnee"),  # the usual track's state
        ("propose", "embauche", MODE),  # hired without immersion nor interview
        ("entretien", "immersion_realisee", MODE),
        ("embauche", "sans_suite", MODE),
        ("propose", "immersion_realisee", "mise-en-relation"),  # employer state, usual track
        ("rdv_honore", "embauche", None),
    ],
)
def test_other_transitions_are_refused(current: str, requested: str, mode: str | None) -> None:
    with pytest.raises(TransitionError):
        check_transition(current, requested, mode=mode)


def test_an_employer_mode_needs_the_structure_of_the_directory() -> None:
    data = {"contact_id": "c1", "partner": "Les Ateliers", "mode": MODE, "consent": True}
    with pytest.raises(ValidationError) as caught:
        parse_handover(data)
    assert caught.value.problems[0].field == "partner_structure_id"
    assert fr("immersion-pmsmp s'adresse à un employeur") in caught.value.problems[0].message
    handover = parse_handover(data | {"partner_structure_id": "test--s1"})
    assert handover.mode == MODE


def _event(kind: EventType, payload: dict[str, Any]) -> Event:
    return Event(
        id="e1",
        seq=1,
        hlc="0000000000001-0000",
        device_id="d1",
        type=kind,
        entity_id="h1",
        payload=payload,
    )


def test_the_coordinator_accepts_exactly_the_new_modes_and_statuses() -> None:
    at = "2026-11-20T10:00:00+00:00"
    for mode in ("immersion-pmsmp", "job-dating", "candidature-accompagnee"):
        proposal = {
            "contact_id": "c1",
            "partner": "Les Ateliers",
            "partner_structure_id": "test--s1",
            "mode": mode,
            "consent": True,
            "at": at,
        }
        check_event(_event(EventType.HANDOVER_PROPOSED, proposal))
    for status in ("immersion_realisee", "entretien", "embauche", "sans_suite"):
        check_event(_event(EventType.HANDOVER_STATUS_CHANGED, {"status": status, "at": at}))
    for bad in ({"status": "immersion", "at": at}, {"status": "embauché", "at": at}):
        with pytest.raises(PayloadRefused):
            check_event(_event(EventType.HANDOVER_STATUS_CHANGED, bad))
    with pytest.raises(PayloadRefused):
        check_event(_event(EventType.HANDOVER_PROPOSED, proposal | {"mode": "immersion"}))
    assert parse_status_change({"status": "embauche", "at": at}).status == "embauche"
    assert render("domain.employer.capacity_range", {"value": -1, "max": 1000}, "en") == (
        "monthly capacity -1 refused: between 0 and 1000 places per month"
    )


# --- places this month ------------------------------------------------------------------------


def _row(status: str, at: str, mode: str = MODE, sid: str = "test--s1") -> dict[str, Any]:
    return {"partner_structure_id": sid, "mode": mode, "status": status, "proposed_at": at}


def test_places_used_count_this_month_s_handovers_holding_a_place() -> None:
    rows = [
        _row("propose", "2026-11-02T09:00:00+00:00"),
        _row("immersion_realisee", "2026-11-10T09:00:00+00:00"),
        _row("sans_suite", "2026-11-11T09:00:00+00:00"),  # gave its place back
        _row("embauche", "2026-10-30T09:00:00+00:00"),  # last month
        _row("propose", "2026-11-12T09:00:00+00:00", sid="test--s9"),  # another employer
        _row("propose", "2026-11-12T09:00:00+00:00", mode="mise-en-relation"),
    ]
    assert places_used(rows, "test--s1", dt.date(2026, 11, 20)) == 2


def test_a_full_employer_is_ranked_last_with_the_reason() -> None:
    structures = {"test--s1": EMPLOYER, "test--s2": structure(2)}
    job = "trouver-un-emploi--faire-des-candidatures-spontanees"
    services = [
        service(1, "test--s1", nom="Immersions aux Ateliers", thematiques=[job]),
        service(2, "test--s2", nom="Atelier CV", thematiques=[job]),
        service(3, "test--s2", nom="Jardin partagé"),
    ]
    contact = {"needs": ["trouver-un-emploi"], "neighbourhood": "hors-qpv"}
    kw: dict[str, Any] = {"territories": {}, "structures": structures}
    free = rank_services(services, contact, places={"test--s1": (2, 3)}, **kw)
    # Same score as « Atelier CV » (ties by name) while a place is left.
    assert [r.service["nom"] for r in free][:2] == ["Atelier CV", "Immersions aux Ateliers"]
    assert fr("places ce mois-ci : 2 sur 3 ✓") in free[1].summary
    full = rank_services(services, contact, places={"test--s1": (3, 3)}, **kw)
    assert [r.service["nom"] for r in full] == [
        "Atelier CV",
        "Jardin partagé",
        "Immersions aux Ateliers",
    ]
    assert not full[-1].eligible
    assert "plus de place ce mois-ci (3 sur 3) ✗" in full[-1].summary
