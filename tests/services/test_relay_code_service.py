"""The code relais on a real encrypted store: every new handover has one; the proposal event
carries only its HMAC, and only on a profile that joined a coordination."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from fieldapp.domain.events import EventType
from fieldapp.domain.relay_code import code_hmac, is_code
from fieldapp.services.field import FieldService
from fieldapp.storage.schema import events, relay_codes
from fieldapp.storage.store import UnknownRecord
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory


def _propose(field: FieldService) -> str:
    contact_id = field.record_contact(sample_contact())
    return field.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale fictive",
            "mode": "rdv-tripartite",
            "consent": True,
        }
    )


def _proposal_payload(field: FieldService, handover_id: str) -> dict[str, object]:
    with field.engine.connect() as conn:
        text = conn.execute(
            select(events.c.payload).where(
                events.c.entity_id == handover_id,
                events.c.type == str(EventType.HANDOVER_PROPOSED),
            )
        ).scalar_one()
    payload: dict[str, object] = json.loads(text)
    return payload


def test_a_joined_device_sends_the_hmac_and_keeps_the_code_to_itself(
    territory: Territory,
) -> None:
    device = territory.device("educ")
    field = device.field
    try:
        handover_id = _propose(field)
        code = field.handover_code(handover_id)
        assert code is not None and is_code(code)
        key = field.territory_key()
        assert key is not None
        payload = _proposal_payload(field, handover_id)
        assert payload["code_hmac"] == code_hmac(key, code)
        with field.engine.connect() as conn:
            log = " ".join(conn.execute(select(events.c.payload)).scalars())
        assert code not in log and code.replace("-", "") not in log
        row = field.handover(handover_id)
        assert (row["code"], row["code_hmac"]) == (code, payload["code_hmac"])
        assert [r["code"] for r in field.handovers()] == [code]
    finally:
        field.close()


def test_each_handover_gets_its_own_code(service: FieldService) -> None:
    first, second = _propose(service), _propose(service)
    assert service.handover_code(first) != service.handover_code(second)


def test_before_joining_the_code_is_shown_but_no_hmac_is_sent(service: FieldService) -> None:
    handover_id = _propose(service)
    assert is_code(service.handover_code(handover_id) or "")
    assert "code_hmac" not in _proposal_payload(service, handover_id)
    assert service.handover(handover_id)["code_hmac"] is None


def test_a_handover_older_than_codes_has_none(service: FieldService) -> None:
    handover_id = _propose(service)
    with service.engine.begin() as conn:
        conn.execute(relay_codes.delete())
    assert service.handover_code(handover_id) is None
    assert service.handover(handover_id)["code"] is None
    with pytest.raises(UnknownRecord):
        service.handover_code("inconnu")


def test_erasing_the_person_forgets_the_codes_of_her_handovers(service: FieldService) -> None:
    from fieldapp.services import privacy

    contact_id = service.record_contact(sample_contact(pseudonym="K7QF-2M9X"))
    erased = service.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive",
         "mode": "rdv-tripartite", "consent": True}
    )  # fmt: skip
    kept = _propose(service)
    assert privacy.erase_person(service, "K7QF-2M9X").handovers == 1
    with service.engine.connect() as conn:
        left = set(conn.execute(select(relay_codes.c.handover_id)).scalars())
    assert left == {kept} and erased not in left
