"""Immutable events: the only thing Relais stores and ships (DESIGN.md § Data model).

Current state is a projection of events; merging batches is a set union keyed by `id`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from fieldapp.domain.clock import _ENCODED as _HLC
from fieldapp.domain.clock import Hlc
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.messages import Text

SCHEMA_VERSION = 1
EVENT_FIELDS = ("id", "device_id", "seq", "hlc", "type", "entity_id", "payload", "schema")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Ids we make are hex, but tests and older tools may use readable ids such as "dev-1".
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")
_TYPE = re.compile(r"[a-z][a-z_]*\.[a-z][a-z_]*")
_FIELD_SET = frozenset(EVENT_FIELDS)
_REQUIRED = frozenset(EVENT_FIELDS) - {"schema"}


class EventType(StrEnum):
    CONTACT_RECORDED = "contact.recorded"
    CONTACT_AMENDED = "contact.amended"
    CONTACT_VOIDED = "contact.voided"
    HANDOVER_PROPOSED = "handover.proposed"
    HANDOVER_STATUS_CHANGED = "handover.status_changed"
    HANDOVER_AMENDED = "handover.amended"
    # A new follow-up date and/or appointment date-time (domain.handovers.parse_schedule_change).
    HANDOVER_RESCHEDULED = "handover.rescheduled"
    # The correction of a status change set by mistake (domain.handovers.parse_status_undo).
    HANDOVER_STATUS_UNDONE = "handover.status_undone"
    # What a receiving structure recorded about a code relais (domain.receptions, issue 16).
    RECEPTION_RECORDED = "reception.recorded"
    # Issue 17: street rounds (domain/presence.py) and joint actions (domain/actions.py).
    OUTING_RECORDED = "outing.recorded"
    OUTING_AMENDED = "outing.amended"
    OUTING_VOIDED = "outing.voided"
    ACTION_RECORDED = "action.recorded"
    ACTION_AMENDED = "action.amended"
    ACTION_VOIDED = "action.voided"
    # Privacy (storage.erasure): a person's records erased; a device's old records purged.
    PERSON_ERASED = "person.erased"
    RECORDS_PURGED = "records.purged"
    # A directory sheet to correct (domain.feedback.parse_feedback), an entity of its own.
    DIRECTORY_FEEDBACK = "directory.feedback"
    # A need of the contact marked « sans solution » (domain.unmet_needs.parse_need_unmet).
    CONTACT_NEED_UNMET = "contact.need_unmet"


@dataclass(frozen=True)
class Event:
    id: str
    device_id: str
    seq: int
    hlc: str
    type: str
    entity_id: str
    payload: dict[str, Any]
    schema: int = 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "device_id": self.device_id,
            "seq": self.seq,
            "hlc": self.hlc,
            # str() turns an EventType member into its plain value.
            "type": str(self.type),
            "entity_id": self.entity_id,
            "payload": dict(self.payload),
            "schema": self.schema,
        }

    def canonical_json(self) -> bytes:
        """Deterministic bytes (sorted keys, no spaces, UTF-8): what gets hashed and signed."""
        return json.dumps(
            self.to_dict(),
            sort_keys=True,
            separators=(",", ":"),
            ensure_ascii=False,
            allow_nan=False,
        ).encode("utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Event:
        """Check the envelope of an event read from a batch or the store.

        Only the shape is checked here; the payload is checked by the record parsers, so a
        merge can still keep events of a type this version does not project yet.
        """
        event = _well_formed(data)
        if event is not None:
            return event
        problems: list[Problem] = []
        if not isinstance(data, Mapping):
            raise ValidationError([Problem("event", Text("domain.event.object_expected"))])
        for key in data:
            if key not in EVENT_FIELDS:
                problems.append(
                    Problem(str(key), Text("domain.field.unknown", allowed=", ".join(EVENT_FIELDS)))
                )
        for key in EVENT_FIELDS:
            if key != "schema" and data.get(key) is None:
                problems.append(Problem(key, Text("domain.field.missing")))

        event_id = data.get("id")
        if event_id is not None and not (isinstance(event_id, str) and _UUID.fullmatch(event_id)):
            problems.append(Problem("id", Text("domain.event.uuid_expected")))
        for key in ("device_id", "entity_id"):
            value = data.get(key)
            if value is not None and not (isinstance(value, str) and _TOKEN.fullmatch(value)):
                problems.append(Problem(key, Text("domain.event.token_expected")))
        seq = data.get("seq")
        if seq is not None and (isinstance(seq, bool) or not isinstance(seq, int) or seq < 1):
            problems.append(Problem("seq", Text("domain.event.seq_expected")))
        hlc = data.get("hlc")
        if hlc is not None:
            try:
                Hlc.parse(hlc)
            except ValidationError as exc:
                problems.extend(exc.problems)
        event_type = data.get("type")
        if event_type is not None and not (
            isinstance(event_type, str) and _TYPE.fullmatch(event_type)
        ):
            problems.append(Problem("type", Text("domain.event.type_expected")))
        payload = data.get("payload")
        if payload is not None and not (
            isinstance(payload, dict) and all(isinstance(k, str) for k in payload)
        ):
            problems.append(Problem("payload", Text("domain.event.payload_expected")))
        schema = data.get("schema", SCHEMA_VERSION)
        if isinstance(schema, bool) or not isinstance(schema, int) or schema < 1:
            problems.append(Problem("schema", Text("domain.event.schema_expected")))
        elif schema > SCHEMA_VERSION:
            # A newer device wrote it: refuse rather than misread it.
            problems.append(
                Problem(
                    "schema",
                    Text("domain.event.schema_newer", schema=schema, supported=SCHEMA_VERSION),
                )
            )
        if problems:
            raise ValidationError(problems)
        return cls(
            id=data["id"],
            device_id=data["device_id"],
            seq=data["seq"],
            hlc=data["hlc"],
            type=str(data["type"]),
            entity_id=data["entity_id"],
            payload=dict(data["payload"]),
            schema=schema,
        )


def _well_formed(data: object) -> Event | None:
    """The event if `data` passes every check of `Event.from_dict`, else None (no reasons).

    The merge checks a million events at a time: this straight line of exact type tests and
    the same patterns costs a fraction of collecting problems. Anything unusual (a Mapping that
    is not a dict, a missing field, a subclass...) returns None and gets the full check, so the
    two accept exactly the same events.
    """
    if type(data) is not dict or not _REQUIRED <= data.keys() <= _FIELD_SET:
        return None
    event_id = data["id"]
    device_id = data["device_id"]
    seq = data["seq"]
    hlc = data["hlc"]
    event_type = data["type"]
    entity_id = data["entity_id"]
    payload = data["payload"]
    schema = data.get("schema", SCHEMA_VERSION)
    if not (
        type(event_id) is str
        and type(device_id) is str
        and type(entity_id) is str
        and type(hlc) is str
        and type(event_type) is str
        and type(seq) is int
        and type(schema) is int
        and type(payload) is dict
        and seq >= 1
        and 1 <= schema <= SCHEMA_VERSION
        and _UUID.fullmatch(event_id)
        and _TOKEN.fullmatch(device_id)
        and _TOKEN.fullmatch(entity_id)
        # Hlc.parse accepts exactly what this pattern matches (both parts fit their digits).
        and _HLC.fullmatch(hlc)
        and _TYPE.fullmatch(event_type)
        and all(type(k) is str for k in payload)
    ):
        return None
    return Event(event_id, device_id, seq, hlc, event_type, entity_id, dict(payload), schema)
