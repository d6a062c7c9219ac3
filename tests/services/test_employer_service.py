"""Handovers to an employer of the directory (issue 18, item 3), on a real profile browsing the
demo directory (its employer: « Entreprise d'insertion Les Ateliers du Port (fictive) », three
places a month)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.domain.payloads import check_event
from fieldapp.services import directory, employers
from fieldapp.services.field import FieldService
from fieldapp.services.synthetic import sample_contact
from tests.helpers.text import fr

EMPLOYER = "demo-relais--ei-ateliers-port"
OTHER = "demo-relais--ml-val-fictif"


def _propose(field: FieldService, contact_id: str, **changes: Any) -> str:
    data = {
        "contact_id": contact_id,
        "partner": "Les Ateliers du Port",
        "partner_structure_id": EMPLOYER,
        "mode": "immersion-pmsmp",
        "consent": True,
    } | changes
    return field.propose_handover(data)


def test_an_immersion_goes_through_the_employers_track(field: FieldService) -> None:
    contact = field.record_contact(sample_contact())
    handover = _propose(field, contact)
    with pytest.raises(TransitionError):
        field.change_handover_status(handover, "rdv_fixe")
    field.change_handover_status(handover, "immersion_realisee")
    with pytest.raises(TransitionError) as caught:
        field.change_handover_status(handover, "entre_dispositif")
    assert caught.value.allowed == ("entretien", "embauche", "sans_suite")
    field.change_handover_status(handover, "embauche")
    assert field.handover(handover)["status"] == "embauche"
    for event in field.store.events_from(1):
        check_event(event)  # what the coordinator runs on every payload


def test_employer_modes_are_for_employers_and_employers_take_them(field: FieldService) -> None:
    contact = field.record_contact(sample_contact())
    with pytest.raises(ValidationError) as caught:
        _propose(field, contact, partner_structure_id=OTHER, mode="job-dating")
    assert fr("job-dating est réservée aux employeurs") in caught.value.problems[0].message
    with pytest.raises(ValidationError) as caught:
        _propose(field, contact, mode="mise-en-relation")
    assert fr("choisissez la modalité immersion-pmsmp") in caught.value.problems[0].message
    with pytest.raises(ValidationError):
        _propose(field, contact, partner_structure_id="inconnue--x")
    before = len(field.handovers())
    assert before == 0  # nothing half-written
    # A usual handover to a usual structure is as before.
    field.propose_handover(
        {
            "contact_id": contact,
            "partner": "Mission locale",
            "partner_structure_id": OTHER,
            "mode": "mise-en-relation",
            "consent": True,
        }
    )


def test_suggestions_respect_the_employers_monthly_places(field: FieldService) -> None:
    contact_id = field.record_contact(sample_contact(needs=["trouver-un-emploi"]))
    contact = field.contact(contact_id)
    pack = directory.current_pack(field)

    def rank() -> list[str]:
        places = employers.ranking_places(field, pack)
        ranked = directory.rank_for_contact(pack, contact, places=places)
        return [str(r.service["structure_id"]) for r in ranked]

    assert employers.places_of(field, EMPLOYER) == employers.Places(0, 3)
    first = rank().index(EMPLOYER)
    assert first < len(rank()) - 5  # among the suggestions while places are left
    done = _propose(field, contact_id)
    field.change_handover_status(done, "sans_suite")  # gives its place back
    for _ in range(3):
        _propose(field, contact_id)
    places = employers.places_of(field, EMPLOYER)
    assert places is not None and (places.used, places.full) == (3, True)
    ranked = rank()
    assert ranked[-1] == EMPLOYER  # ranked last, with its reason
    last = directory.rank_for_contact(pack, contact, places=employers.ranking_places(field, pack))[
        -1
    ]
    assert not last.eligible
    assert fr("plus de place ce mois-ci (3 sur 3) ✗") in last.summary
    # Next month, the places are back.
    next_month = datetime(2099, 1, 5, tzinfo=UTC).date()
    assert employers.places(field, pack, today=next_month)[EMPLOYER].used == 0
