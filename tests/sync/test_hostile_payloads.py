"""Payloads an enrolled device signs but would never write: the merge refuses them with the
device's own parsers (fieldapp/domain/payloads.py), batch whole, reason naming seq and field,
and the consolidated store unchanged to the byte.

Each batch is validly signed by an enrolled test device and sealed to the coordinator with the
project's own sealing code (tests/sync/hostile.py)."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.domain.events import Event
from fieldapp.domain.payloads import MAX_PAYLOAD_BYTES, PayloadRefused, check_event
from fieldapp.storage.coord_schema import coord_metadata
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.sync.hostile import Sealer


def _digest(engine: Any) -> str:
    """SHA-256 over every row of every table of the consolidated store but the record of what
    was refused (quarantine, alarms, audit log): equal digests mean no data changed."""
    h = hashlib.sha256()
    with engine.connect() as conn:
        for name in sorted(coord_metadata.tables):
            if name in {"quarantine", "alarms", "audit_log"}:
                continue
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(coord_metadata.tables[name])))
            h.update(f"{name}:{len(rows)}\n".encode())
            for row in rows:
                h.update(row.encode() + b"\n")
    return h.hexdigest()


def _cases(event: dict[str, Any]) -> dict[str, tuple[dict[str, Any], str]]:
    """name → (forged event, the field the reason must name)."""
    p = event["payload"]
    return {
        "note-200k": ({**event, "payload": {**p, "note": "x" * 200_000}}, "payload"),
        "script-code": ({**event, "payload": {**p, "place_type": "<script>"}}, "place_type"),
        "formula-code": ({**event, "payload": {**p, "slot": '=HYPERLINK("x","y")'}}, "slot"),
        "phone-in-note": (
            {**event, "payload": {**p, "note": "rappeler au 06 12 34 56 78"}},
            "note",
        ),
        "email-in-note": (
            {**event, "payload": {**p, "note": "écrire à personne.fictive@exemple.org"}},
            "note",
        ),
        "date-as-number": ({**event, "payload": {**p, "date": 20261120}}, "date"),
        "needs-as-object": ({**event, "payload": {**p, "needs": {"a": 1}}}, "needs"),
        "unknown-field": ({**event, "payload": {**p, "nom": "Fictif"}}, "nom"),
        "kind-nobody-writes": ({**event, "type": "handover.amended"}, "type"),
    }


@pytest.fixture
def forged(territory: Territory) -> tuple[Sealer, dict[str, Any]]:
    device = territory.device("p", enrol=True)
    device.field.record_contacts([sample_contact()])
    (event,) = [e.to_dict() for e in device.field.store.events_from(1)]
    return Sealer.of(territory, device), event


def test_each_forged_payload_is_refused_and_the_store_does_not_change(
    territory: Territory, forged: tuple[Sealer, dict[str, Any]]
) -> None:
    sealer, event = forged
    cases = _cases(event)
    with territory.open() as coord:
        coord.merge()
        before = _digest(coord.consolidated.engine)
    for name, (forged_event, _field) in cases.items():
        (territory.drop / f"{name}.rbatch").write_bytes(sealer.seal_events([forged_event]))
    with territory.open() as coord:
        report = coord.merge()
        got = {q["file"]: q for q in report.batches_quarantined}
        assert report.events_inserted == 0
        for name, (_event, field) in cases.items():
            q = got[f"{name}.rbatch"]
            assert q["reason_code"] == "invalid_payload", name
            assert "n° 1" in q["reason"], name  # the event's seq
            assert field in q["reason"] or field == "payload", (name, q["reason"])
            assert "06 12" not in q["reason"] and "exemple.org" not in q["reason"]
        assert _digest(coord.consolidated.engine) == before


def test_the_honest_payload_still_merges(
    territory: Territory, forged: tuple[Sealer, dict[str, Any]]
) -> None:
    sealer, event = forged
    (territory.drop / "honest.rbatch").write_bytes(sealer.seal_events([event]))
    with territory.open() as coord:
        report = coord.merge()
    assert report.batches_quarantined == [] and report.events_inserted == 1


def test_size_limit_is_explicit() -> None:
    base = {
        "id": "0192b0c4-7a6e-7000-8000-000000000001", "device_id": "d" * 32, "seq": 7,
        "hlc": "0001764633600000-00000",
        "type": "contact.recorded", "entity_id": "e", "payload": {"note": "é" * MAX_PAYLOAD_BYTES},
    }  # fmt: skip
    with pytest.raises(PayloadRefused) as refused:
        check_event(Event.from_dict(base))
    assert refused.value.seq == 7 and refused.value.field == "payload"
