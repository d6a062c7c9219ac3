"""The field service on a real encrypted store: what the CLI and the window rely on."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.services import profile
from fieldapp.services.field import FieldService
from fieldapp.storage.home import Home
from fieldapp.storage.store import ContactFilter
from tests.helpers import PASSPHRASE, sample_contact
from tests.helpers.coordination import Territory

TODAY = date(2026, 11, 25)


def test_contact_round_trip_survives_reopening(service: FieldService, home: Home) -> None:
    contact_id = service.record_contact(sample_contact(), today=TODAY)
    service.close()
    reopened = profile.open_profile(home, PASSPHRASE)
    try:
        row = reopened.contact(contact_id)
    finally:
        reopened.close()
    assert row["neighbourhood"] == "QN07601M"
    assert sorted(row["needs"]) == ["mobilite", "trouver-un-emploi"]
    assert row["registrations"] == ["aucune"]
    assert row["note"] == "Intéressée par une formation courte, à revoir jeudi."
    assert row["voided"] is False


def test_seq_is_gap_free_and_events_are_ordered(service: FieldService) -> None:
    ids = [service.record_contact(sample_contact(), today=TODAY) for _ in range(5)]
    service.void_contact(ids[2], "saisi en double")
    seqs = [e.seq for e in service.store.events_from(1)]
    assert seqs == [1, 2, 3, 4, 5, 6]
    hlcs = [e.hlc for e in service.store.events_from(1)]
    assert hlcs == sorted(hlcs) and len(set(hlcs)) == 6


def test_invalid_contact_is_refused_and_nothing_is_stored(service: FieldService) -> None:
    with pytest.raises(ValidationError) as err:
        service.record_contact(sample_contact(age_band="18-24", outcome=None), today=TODAY)
    fields = {p.field for p in err.value.problems}
    assert {"age_band", "outcome"} <= fields
    assert service.count_contacts() == 0
    assert service.store.last_seq() == 0


def test_batch_of_contacts_is_all_or_nothing(service: FieldService) -> None:
    good = sample_contact()
    with pytest.raises(ValidationError) as err:
        service.record_contacts([good, sample_contact(slot="aube"), good], today=TODAY)
    assert any(p.field.startswith("n°2") for p in err.value.problems)
    assert service.count_contacts() == 0
    assert len(service.record_contacts([good, good], today=TODAY)) == 2
    assert service.count_contacts() == 2


def test_amend_and_void_keep_a_visible_history(service: FieldService) -> None:
    contact_id = service.record_contact(sample_contact(), today=TODAY)
    service.amend_contact(contact_id, {"outcome": "relais-effectue"}, today=TODAY)
    assert service.contact(contact_id)["outcome"] == "relais-effectue"
    assert service.contact(contact_id)["version"] == 2
    service.void_contact(contact_id, "erreur de saisie")
    types = [e.type for e in service.history(contact_id)]
    assert types == ["contact.recorded", "contact.amended", "contact.voided"]
    assert service.count_contacts() == 0
    assert service.count_contacts(ContactFilter(include_voided=True)) == 1
    with pytest.raises(ValidationError):
        service.amend_contact(contact_id, {"outcome": "pas-interesse"}, today=TODAY)


def test_filters_by_period_neighbourhood_need_outcome_and_text(service: FieldService) -> None:
    service.record_contact(sample_contact(date="2026-10-02"), today=TODAY)
    service.record_contact(
        sample_contact(neighbourhood="QN01402M", needs=["sante"], note="Besoin de soins 100%"),
        today=TODAY,
    )
    service.record_contact(sample_contact(outcome="pas-interesse", note=None), today=TODAY)
    assert service.count_contacts(ContactFilter(date_from=date(2026, 11, 1))) == 2
    assert service.count_contacts(ContactFilter(neighbourhood="QN01402M")) == 1
    assert service.count_contacts(ContactFilter(need="sante")) == 1
    assert service.count_contacts(ContactFilter(need="mobilite")) == 2
    assert service.count_contacts(ContactFilter(outcome="pas-interesse")) == 1
    assert service.count_contacts(ContactFilter(text="FORMATION")) == 1
    # LIKE wildcards typed by the user are literal characters.
    assert service.count_contacts(ContactFilter(text="100%")) == 1
    assert service.count_contacts(ContactFilter(text="%")) == 1
    assert service.last_neighbourhood() == "QN07601M"


def test_handover_lifecycle_with_illegal_transition_refused(service: FieldService) -> None:
    contact_id = service.record_contact(sample_contact(), today=TODAY)
    t0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    handover_id = service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale (fictive)",
            "mode": "rdv-tripartite",
            "consent": True,
            "follow_up": "2026-12-01",
        },
        now=t0,
    )
    with pytest.raises(TransitionError) as err:
        service.change_handover_status(handover_id, "entre_dispositif", now=t0)
    assert "rdv_fixe" in err.value.allowed
    for status in ("rdv_fixe", "rdv_honore", "entre_dispositif"):
        service.change_handover_status(handover_id, status, now=t0)
    record = service.handover(handover_id)
    assert record["status"] == "entre_dispositif"
    assert [h["status"] for h in record["history"]] == [
        "propose",
        "rdv_fixe",
        "rdv_honore",
        "entre_dispositif",
    ]
    with pytest.raises(TransitionError):
        service.change_handover_status(handover_id, "perdu_de_vue", now=t0)


def test_handover_needs_consent_and_an_existing_contact(service: FieldService) -> None:
    contact_id = service.record_contact(sample_contact(), today=TODAY)
    base = {"contact_id": contact_id, "partner": "CIDFF (fictif)", "mode": "appel-a-trois"}
    with pytest.raises(ValidationError) as err:
        service.propose_handover(base | {"consent": False})
    assert "consent" in {p.field for p in err.value.problems}
    with pytest.raises(LookupError):
        service.propose_handover(base | {"consent": True, "contact_id": "inexistant"})
    assert service.handovers() == []


def test_partner_refusal_requires_a_reason(service: FieldService) -> None:
    contact_id = service.record_contact(sample_contact(), today=TODAY)
    handover_id = service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "SIAE (fictive)",
            "mode": "mise-en-relation",
            "consent": True,
        }
    )
    with pytest.raises(ValidationError):
        service.change_handover_status(handover_id, "refus_partenaire")
    service.change_handover_status(handover_id, "refus_partenaire", reason="places complètes")
    assert service.handover(handover_id)["history"][-1]["reason"] == "places complètes"


def test_rebuilding_projections_gives_the_same_state(service: FieldService) -> None:
    a = service.record_contact(sample_contact(), today=TODAY)
    b = service.record_contact(sample_contact(needs=["sante"]), today=TODAY)
    service.amend_contact(a, {"age_band": "26-29"}, today=TODAY)
    service.void_contact(b, "doublon")
    h = service.propose_handover(
        {
            "contact_id": a,
            "partner": "France Travail (fictif)",
            "mode": "rdv-tripartite",
            "consent": True,
        }
    )
    service.change_handover_status(h, "rdv_fixe")
    before = (service.contacts(ContactFilter(include_voided=True)), service.handover(h))
    service.store.rebuild_projections()
    after = (service.contacts(ContactFilter(include_voided=True)), service.handover(h))
    assert before == after


def _handover(service: FieldService, now: datetime) -> str:
    contact_id = service.record_contact(sample_contact(), today=now.date())
    return service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale (fictive)",
            "mode": "rdv-tripartite",
            "consent": True,
            "follow_up": "2026-12-01",
        },
        now=now,
    )


def test_follow_up_and_appointment_can_be_changed_and_show_in_the_history(
    service: FieldService,
) -> None:
    t0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    handover_id = _handover(service, t0)
    service.reschedule_handover(
        handover_id,
        {"follow_up": "2026-12-08", "appointment": "2026-12-04T14:30:00+01:00"},
        now=t0,
    )
    record = service.handover(handover_id)
    assert record["follow_up"] == "2026-12-08"
    assert record["appointment"] == "2026-12-04T14:30+01:00"  # the time as typed, with its zone
    service.reschedule_handover(handover_id, {"appointment": None}, now=t0)
    record = service.handover(handover_id)
    assert record["appointment"] is None and record["follow_up"] == "2026-12-08"
    kinds = [e.type for e in service.history(handover_id)]
    assert kinds == ["handover.proposed", "handover.rescheduled", "handover.rescheduled"]
    with pytest.raises(ValidationError) as err:
        service.reschedule_handover(handover_id, {"follow_up": "2026-02-30"}, now=t0)
    assert err.value.problems[0].field == "follow_up"
    with pytest.raises(ValidationError):
        service.reschedule_handover(handover_id, {"appointment": "2026-12-04T14:30"}, now=t0)
    service.store.rebuild_projections()
    assert service.handover(handover_id)["follow_up"] == "2026-12-08"


def test_the_last_status_change_can_be_undone_by_a_correcting_event(
    service: FieldService,
) -> None:
    t0 = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    handover_id = _handover(service, t0)
    first = service.change_handover_status(handover_id, "rdv_fixe", now=t0)
    mistake = service.change_handover_status(handover_id, "perdu_de_vue", now=t0)
    with pytest.raises(ValidationError) as err:
        service.undo_status_change(handover_id, first)  # not the last one
    assert "dernier" in str(err.value)
    service.undo_status_change(handover_id, mistake)
    record = service.handover(handover_id)
    assert record["status"] == "rdv_fixe"  # a closed handover open again
    assert [h["status"] for h in record["history"]] == ["propose", "rdv_fixe"]
    assert service.history(handover_id)[-1].type == "handover.status_undone"
    service.change_handover_status(handover_id, "rdv_honore")  # the lifecycle goes on
    service.store.rebuild_projections()
    assert service.handover(handover_id)["status"] == "rdv_honore"
    with pytest.raises(ValidationError):
        service.undo_status_change(handover_id, mistake)  # already undone


def test_new_dates_and_an_undo_reach_the_coordinator_through_a_merge(territory: Territory) -> None:
    from sqlalchemy import select

    from fieldapp.storage.schema import handover_history, handovers

    device = territory.device("equipe-a")
    try:
        field = device.field
        contact_id = field.record_contact(sample_contact())
        handover_id = field.propose_handover(
            {
                "contact_id": contact_id,
                "partner": "Mission locale fictive",
                "mode": "rdv-tripartite",
                "consent": True,
            }
        )
        field.change_handover_status(handover_id, "rdv_fixe")
        mistake = field.change_handover_status(handover_id, "refus_personne")
        field.undo_status_change(handover_id, mistake)
        follow_up = date.today().isoformat()
        field.reschedule_handover(handover_id, {"follow_up": follow_up})
        assert device.sync.sync().ok
    finally:
        device.field.close()
    with territory.open() as coord:
        report = coord.merge(str(territory.drop))
        assert not report.batches_quarantined
        with coord.consolidated.engine.connect() as conn:
            row = conn.execute(select(handovers).where(handovers.c.id == handover_id)).one()
            steps = conn.execute(
                select(handover_history.c.status).where(
                    handover_history.c.handover_id == handover_id
                )
            ).scalars()
            assert (row.status, row.follow_up) == ("rdv_fixe", follow_up)
            assert sorted(steps) == ["propose", "rdv_fixe"]  # the undone refusal is not counted
