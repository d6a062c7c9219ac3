"""The receiving structure's inbox on a real encrypted store, joined to a coordination."""

from __future__ import annotations

from datetime import date

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.events import EventType
from fieldapp.domain.payloads import check_event
from fieldapp.domain.relay_code import RelayCodeError, code_hmac, new_code
from fieldapp.services.field import FieldService
from fieldapp.services.receptions import NotJoined, ReceptionService
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory


def test_a_structure_records_a_code_before_anything_arrived_from_the_sender(
    territory: Territory,
) -> None:
    device = territory.device("mission-locale")
    field = device.field
    try:
        inbox = ReceptionService(field)
        code = new_code()  # as printed on a slip by another device: nothing known of it here
        first = inbox.record(code.lower().replace("-", " "), "accueilli", day=date(2026, 12, 1))
        assert (first["code"], first["status"], first["date"]) == (code, "accueilli", "2026-12-01")
        inbox.record(code, "entre_dispositif")
        assert [r["status"] for r in inbox.receptions()] == ["entre_dispositif", "accueilli"]
        assert {r["code"] for r in inbox.receptions()} == {code}
        key = field.territory_key()
        assert key is not None
        events = [e for e in field.store.events_from(1) if e.type == EventType.RECEPTION_RECORDED]
        assert [e.payload["status"] for e in events] == ["accueilli", "entre_dispositif"]
        for event in events:
            assert event.payload["code_hmac"] == code_hmac(key, code)
            assert code not in str(event.payload) and code.replace("-", "") not in str(event)
            check_event(event)  # what the coordinator's merge asks of it
        # The path: nothing after a closing status.
        with pytest.raises(ValidationError):
            inbox.record(code, "sans_suite")
    finally:
        field.close()


def test_a_wrong_code_or_a_missing_reason_records_nothing(territory: Territory) -> None:
    device = territory.device("france-travail")
    field = device.field
    try:
        inbox = ReceptionService(field)
        code = new_code()
        typo = code[:-1] + ("0" if code[-1] != "0" else "1")
        before = field.store.last_seq()
        with pytest.raises(RelayCodeError) as raised:
            inbox.record(typo, "accueilli")
        assert "dernier caractère" in str(raised.value)
        with pytest.raises(ValidationError):
            inbox.record(code, "refus_structure")
        assert field.store.last_seq() == before and inbox.receptions() == []
        inbox.record(code, "refus_structure", reason="hors-criteres")
        assert inbox.receptions()[0]["reason"] == "hors-criteres"
    finally:
        field.close()


def test_a_proposal_with_its_hmac_passes_the_merge_check(territory: Territory) -> None:
    field = territory.device("educ").field
    try:
        contact_id = field.record_contact(sample_contact())
        field.propose_handover(
            {"contact_id": contact_id, "partner": "Mission locale fictive",
             "mode": "rdv-tripartite", "consent": True}
        )  # fmt: skip
        [proposal] = [e for e in field.store.events_from(1) if e.type == "handover.proposed"]
        assert "code_hmac" in proposal.payload
        check_event(proposal)
    finally:
        field.close()


def test_recording_needs_the_territory_key(service: FieldService) -> None:
    with pytest.raises(NotJoined) as raised:
        ReceptionService(service).record(new_code(), "accueilli")
    assert "rejoint la coordination" in str(raised.value)
