"""PresenceService (issue 17): amend and void a round on the real field store, each change an
event the coordinator's payload check accepts, a voided record locked."""

from __future__ import annotations

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.payloads import check_event
from fieldapp.services.field import FieldService, PersonalDataInNote
from fieldapp.services.presence import PresenceService

ROUND = {
    "date": "2026-11-20",
    "slot": "soir",
    "neighbourhood": "QN07601M",
    "duration_minutes": 60,
    "seen": [{"gender": "femme", "age_band": "18-25", "count": 2}],
}


def test_a_round_amended_then_voided_keeps_its_history(field: FieldService) -> None:
    presence = PresenceService(field)
    outing_id = presence.record_outing(ROUND)
    presence.amend("outing", outing_id, {"mediations": 3, "ambiance": "tendu"})
    row = presence.get("outing", outing_id)
    assert (row["mediations"], row["ambiance"], row["version"]) == (3, "tendu", 2)
    assert row["seen"] == ROUND["seen"] and row["duration_minutes"] == 60
    presence.void("outing", outing_id, "saisie en double")
    with pytest.raises(ValidationError):
        presence.amend("outing", outing_id, {"mediations": 4})
    kinds = [e.type for e in field.history(outing_id)]
    assert kinds == ["outing.recorded", "outing.amended", "outing.voided"]
    for event in field.history(outing_id):
        check_event(event)


def test_a_note_with_a_phone_number_is_refused_or_masked(field: FieldService) -> None:
    presence = PresenceService(field)
    note = {"note": "Rappeler le gardien au 06 12 34 56 78"}
    with pytest.raises(PersonalDataInNote):
        presence.record_outing(ROUND | note)
    assert presence.list("outing") == []
    outing_id = presence.record_outing(ROUND | note, redact=True)
    assert "06 12" not in str(presence.get("outing", outing_id)["note"])
