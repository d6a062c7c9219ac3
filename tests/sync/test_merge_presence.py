"""Rounds and joint actions (issue 17) travel like contacts: sealed by the outbox, merged and
projected on both engines, owned by their device, purged by age with their device's limit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine, select

from fieldapp.services import privacy
from fieldapp.services.presence import PresenceService
from fieldapp.storage.presence_schema import action_participants, actions, outing_seen, outings
from fieldapp.storage.schema import contacts, events, handovers
from fieldapp.sync.merge import MergeReport
from tests.helpers import sample_contact
from tests.helpers.coordination import Device, Territory
from tests.sync.hostile import Sealer, forged, next_seq, own_events, store_digest

OUTING = {
    "date": "2026-11-20",
    "slot": "soir",
    "neighbourhood": "QN07601M",
    "duration_minutes": 90,
    "seen": [
        {"gender": "homme", "age_band": "18-25", "count": 6},
        {"gender": "femme", "age_band": "16-17", "count": 3},
    ],
    "ambiance": "tendu",
    "mediations": 1,
}
ACTION = {
    "date": "2026-11-21",
    "neighbourhood": "QN07601M",
    "action_type": "forum-emploi",
    "partners": ["ml-le-havre"],
    "employers": {"count": 4, "ids": ["emp-1", "emp-2"]},
    "participants": [{"gender": "femme", "age_band": "26-29", "count": 11}],
}


def _record_all(device: Device) -> dict[str, str]:
    presence = PresenceService(device.field)
    outing_id = presence.record_outing(OUTING)
    action_id = presence.record_action(ACTION)
    (street,) = device.field.record_contacts([sample_contact(outing_id=outing_id)])
    (forum,) = device.field.record_contacts([sample_contact(action_id=action_id)])
    handover = device.field.propose_handover(
        {
            "contact_id": forum,
            "partner": "Mission locale",
            "mode": "mise-en-relation",
            "consent": True,
            "action_id": action_id,
        }
    )
    return {"outing": outing_id, "action": action_id, "street": street, "forum": forum,
            "handover": handover}  # fmt: skip


def _rows(engine: Engine, table: Any) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(table))]


def _check_merged(engine: Engine, ids: dict[str, str]) -> None:
    (outing,) = _rows(engine, outings)
    assert outing["id"] == ids["outing"]
    summary = (outing["duration_minutes"], outing["people_seen"], outing["ambiance"])
    assert summary == (90, 9, "tendu")
    assert sorted((r["gender"], r["count"]) for r in _rows(engine, outing_seen)) == [
        ("femme", 3),
        ("homme", 6),
    ]
    (action,) = _rows(engine, actions)
    assert (action["employer_count"], action["participant_count"]) == (4, 11)
    assert [r["count"] for r in _rows(engine, action_participants)] == [11]
    links = {r["id"]: (r["outing_id"], r["action_id"]) for r in _rows(engine, contacts)}
    assert links[ids["street"]] == (ids["outing"], None)
    assert links[ids["forum"]] == (None, ids["action"])
    (handover,) = _rows(engine, handovers)
    assert handover["action_id"] == ids["action"]


def test_rounds_and_actions_are_sealed_merged_and_projected(territory: Territory) -> None:
    device = territory.device("a")
    ids = _record_all(device)
    kinds = {e.type for e in device.field.store.events_from(1)}
    assert {"outing.recorded", "action.recorded"} <= kinds
    result = device.sync.sync()
    assert result.ok
    with territory.open() as coord:
        report = coord.merge()
        assert report.batches_merged == 1 and not report.batches_quarantined
        _check_merged(coord.consolidated.engine, ids)


def test_a_void_of_another_device_s_round_is_refused(territory: Territory) -> None:
    a, b = territory.device("a"), territory.device("b")
    outing_id = PresenceService(a.field).record_outing(OUTING)
    mine = PresenceService(b.field).record_outing(OUTING)
    PresenceService(b.field).void("outing", mine, "saisie en double")
    assert a.sync.sync().ok and b.sync.sync().ok
    with territory.open() as coord:
        assert coord.merge().batches_merged == 2
    template = [e for e in own_events(b) if e["type"] == "outing.voided"][-1]
    attack = forged(template, device_id=b.field.device_id, seq=next_seq(b), entity_id=outing_id)
    data = Sealer.of(territory, b).seal_events([attack])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        report = MergeReport()
        coord.consolidated.merge_bytes("forged.rbatch", data, report)
        (q,) = report.batches_quarantined
        assert q["reason_code"] == "foreign_record"
        assert store_digest(coord.consolidated.engine) == before
        voided = {r["id"]: r["voided"] for r in _rows(coord.consolidated.engine, outings)}
        assert voided == {outing_id: False, mine: True}


def test_the_purge_by_age_removes_old_rounds_and_actions_here_and_at_the_merge(
    territory: Territory,
) -> None:
    device = territory.device("a")
    _record_all(device)
    assert device.sync.sync().ok
    with territory.open() as coord:
        coord.merge()
    removed = privacy.apply_retention(device.field, today=date(2030, 1, 1))
    assert removed.contacts == 2
    assert PresenceService(device.field).list("outing", include_voided=True) == []
    assert PresenceService(device.field).list("action", include_voided=True) == []
    with device.field.engine.connect() as conn:
        stubs = conn.execute(select(events.c.type).where(events.c.type == "record.erased")).all()
    assert len(stubs) >= 5  # round, action, two contacts, the handover
    assert device.sync.sync().ok
    with territory.open() as coord:
        coord.merge()
        engine = coord.consolidated.engine
        assert _rows(engine, outings) == [] and _rows(engine, actions) == []
        assert _rows(engine, outing_seen) == [] and _rows(engine, action_participants) == []


@pytest.mark.postgres
def test_rounds_and_actions_merge_into_postgresql(territory: Territory, postgres_url: str) -> None:
    territory.open(postgres_url).service.close()
    device = territory.device("a")
    ids = _record_all(device)
    assert device.sync.sync().ok
    with territory.open(postgres_url) as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"
        report = coord.merge()
        assert report.batches_merged == 1 and not report.batches_quarantined
        _check_merged(coord.consolidated.engine, ids)
