"""Event envelope: shape checks and canonical bytes for hashing and signing."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.clock import Hlc
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.events import SCHEMA_VERSION, Event, EventType
from fieldapp.domain.ids import new_device_id, uuid7


def sample(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": "01936a2e-5c00-7abc-8def-0123456789ab",
        "device_id": "0f" * 16,
        "seq": 1,
        "hlc": "0001732550000000-00000",
        "type": "contact.recorded",
        "entity_id": "01936a2e-5c00-7abc-8def-0123456789ac",
        "payload": {"slot": "matin", "note": "équipe du soir"},
        "schema": 1,
    }
    data.update(overrides)
    return data


def test_event_types_are_stable_strings() -> None:
    assert {t.value for t in EventType} == {
        "contact.recorded",
        "contact.amended",
        "contact.voided",
        "handover.proposed",
        "handover.status_changed",
        "handover.amended",
        "handover.rescheduled",
        "handover.status_undone",
        "reception.recorded",
        "person.erased",
        "records.purged",
        "directory.feedback",
        "contact.need_unmet",
        "outing.recorded",
        "outing.amended",
        "outing.voided",
        "action.recorded",
        "action.amended",
        "action.voided",
    }
    assert str(EventType.HANDOVER_STATUS_CHANGED) == "handover.status_changed"
    assert isinstance(EventType.CONTACT_RECORDED, str)
    assert SCHEMA_VERSION == 1


def test_round_trip_through_dict() -> None:
    event = Event.from_dict(sample())
    assert event.to_dict() == sample()
    assert Event.from_dict(event.to_dict()) == event


def test_schema_defaults_to_current_version() -> None:
    data = sample()
    del data["schema"]
    assert Event.from_dict(data).schema == SCHEMA_VERSION


def test_enum_type_is_stored_as_plain_string() -> None:
    event = Event(
        id=uuid7(),
        device_id=new_device_id(),
        seq=3,
        hlc=Hlc(5, 0).encode(),
        type=EventType.CONTACT_VOIDED,
        entity_id=uuid7(),
        payload={},
    )
    assert type(event.to_dict()["type"]) is str
    assert b'"type":"contact.voided"' in event.canonical_json()


def test_canonical_json_is_sorted_compact_utf8() -> None:
    event = Event.from_dict(sample())
    raw = event.canonical_json()
    assert raw.startswith(b'{"device_id":')
    assert b" " not in raw.replace("équipe du soir".encode(), b"")
    assert "équipe".encode() in raw  # not \u00e9 escapes
    assert json.loads(raw) == sample()
    # Key order of the input does not change the bytes.
    reordered = dict(reversed(list(sample().items())))
    reordered["payload"] = dict(reversed(list(sample()["payload"].items())))
    assert Event.from_dict(reordered).canonical_json() == raw


def test_to_dict_does_not_share_the_payload() -> None:
    event = Event.from_dict(sample())
    event.to_dict()["payload"]["slot"] = "soir"
    assert event.payload["slot"] == "matin"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("id", "not-a-uuid"),
        ("id", "01936A2E-5C00-7ABC-8DEF-0123456789AB"),
        ("device_id", ""),
        ("device_id", "has space"),
        ("entity_id", 12),
        ("seq", 0),
        ("seq", True),
        ("seq", "1"),
        ("hlc", "yesterday"),
        ("type", "Contact Recorded"),
        ("payload", ["a"]),
        ("schema", 0),
        ("schema", 2),
    ],
)
def test_bad_field_is_named(field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as caught:
        Event.from_dict(sample(**{field: value}))
    assert [p.field for p in caught.value.problems] == [field]


def test_newer_schema_asks_for_an_update() -> None:
    with pytest.raises(ValidationError, match="mettez Relais à jour"):
        Event.from_dict(sample(schema=2))


def test_missing_and_unknown_fields_reported_together() -> None:
    data = sample(extra=1)
    del data["seq"]
    del data["payload"]
    with pytest.raises(ValidationError) as caught:
        Event.from_dict(data)
    fields = {p.field for p in caught.value.problems}
    assert fields == {"extra", "seq", "payload"}
    assert "champ obligatoire manquant" in str(caught.value)


def test_not_a_mapping_is_refused() -> None:
    with pytest.raises(ValidationError, match="objet JSON"):
        Event.from_dict([1, 2])  # type: ignore[arg-type]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=10,
)


@settings(database=None)
@given(
    seq=st.integers(min_value=1, max_value=2**53),
    payload=st.dictionaries(st.text(), json_values, max_size=5),
    event_type=st.sampled_from(list(EventType)),
)
def test_canonical_json_round_trip(seq: int, payload: dict[str, Any], event_type: str) -> None:
    event = Event.from_dict(sample(seq=seq, payload=payload, type=event_type))
    again = Event.from_dict(json.loads(event.canonical_json()))
    assert again == event
    assert again.canonical_json() == event.canonical_json()
