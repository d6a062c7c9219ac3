"""The pipelined merge (a worker process prepares the next batches): same checks, same store."""

from __future__ import annotations

import os
from base64 import b64decode
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, select

from fieldapp.storage.coord_schema import batches
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contacts,
    events,
    handover_history,
    handovers,
)
from fieldapp.sync import merge, merge_pipeline
from fieldapp.sync.batch import read_manifest
from fieldapp.sync.merge_pipeline import Outcome, Prepared, key_material, prepare
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory

TABLES = (events, contacts, contact_needs, contact_registrations, handovers, handover_history)


def _state(service: Any) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the event log, projections and ledger (merge and first-seen times left out)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with service.consolidated.engine.connect() as conn:
        for table in TABLES:
            out[table.name] = sorted(tuple(r) for r in conn.execute(select(table)))
        ledger = select(*(c for c in batches.c if c.name not in ("merged_at", "first_seen")))
        out["batches"] = sorted(tuple(r) for r in conn.execute(ledger))
    return out


def _forget_merges(service: Any) -> None:
    with service.consolidated.engine.begin() as conn:
        for table in (*TABLES, batches):
            conn.execute(delete(table))


def _count_short_paths(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Record whether each batch went in by the one-go path or the long way."""
    taken: list[bool] = []
    original = merge._append_prepared

    def spy(conn: Any, prepared: Prepared, *rest: Any) -> bool:
        taken.append(original(conn, prepared, *rest))
        return taken[-1]

    monkeypatch.setattr(merge, "_append_prepared", spy)
    return taken


def _busy_devices(territory: Territory) -> None:
    """Two devices, many small batches, records amended and voided across batches.

    Batch files sort by name, so `relais-x-13-16` merges before `relais-x-5-8`: amendments
    arrive before their record, records already known get re-folded (the long path).
    """
    for name in ("a", "b"):
        device = territory.device(name)
        device.sync.batch_events = 3
        ids = device.field.record_contacts([sample_contact() for _ in range(8)])
        device.field.amend_contact(ids[0], {"outcome": "information-donnee"})
        device.field.void_contact(ids[1], "doublon")
        handover = device.field.propose_handover(
            {"contact_id": ids[2], "partner": "Partenaire fictif", "mode": "appel-a-trois"}
            | {"consent": True}
        )
        device.field.change_handover_status(handover, "rdv_fixe")
        device.field.record_contacts([sample_contact() for _ in range(6)])
        assert device.sync.sync().ok


def test_pipelined_merge_gives_the_same_store_as_the_sequential_one(
    territory: Territory, monkeypatch: pytest.MonkeyPatch
) -> None:
    _busy_devices(territory)
    taken = _count_short_paths(monkeypatch)
    with territory.open() as coord:
        monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 10**6)
        sequential = coord.merge()
        expected = _state(coord)
        _forget_merges(coord)
        monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 1)
        pipelined = coord.merge()
        assert _state(coord) == expected
        assert pipelined.to_dict() == sequential.to_dict()
        assert pipelined.batches_merged == 2 * 6 and pipelined.batches_quarantined == []
        assert True in taken and False in taken  # both paths were exercised
        # Merging again through the pipeline adds nothing.
        again = coord.merge()
        assert again.batches_already_merged == 12 and again.events_inserted == 0
        assert _state(coord) == expected


def test_pipelined_merge_quarantines_like_the_sequential_one(
    territory: Territory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 1)
    known = territory.device("a")
    stranger = territory.device("b", enrol=False)
    for device in (known, stranger):
        device.sync.batch_events = 2
        device.field.record_contacts([sample_contact() for _ in range(6)])
        device.sync.sync()
    names = sorted(p.name for p in territory.drop.glob("*.rbatch"))
    mine = [
        n
        for n in names
        if read_manifest((territory.drop / n).read_bytes()).device_id == known.field.device_id
    ]
    damaged = territory.drop / mine[1]
    data = bytearray(damaged.read_bytes())
    data[-20] ^= 0x01
    damaged.write_bytes(bytes(data))
    with territory.open() as coord:
        report = coord.merge()
        reasons = {q["file"]: q["reason_code"] for q in report.batches_quarantined}
        assert reasons[damaged.name] in {"bad_hash", "bad_signature", "decrypt_failed"}
        assert sorted(c for f, c in reasons.items() if f != damaged.name) == ["unknown_device"] * 3
        assert report.batches_merged == 2 and report.events_inserted == 4
        assert len(coord.quarantined()) == 4


def _die(data: bytes, device_public: bytes) -> Outcome:
    os._exit(3)  # the worker process dies without a word


def _fail(data: bytes, device_public: bytes) -> Outcome:
    raise RuntimeError("panne simulée du processus auxiliaire")


@pytest.mark.parametrize("worker", [_die, _fail])
def test_a_failing_worker_loses_nothing(
    territory: Territory, monkeypatch: pytest.MonkeyPatch, worker: Any
) -> None:
    monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 1)
    monkeypatch.setattr(merge_pipeline, "prepare_in_worker", worker)
    device = territory.device("a")
    device.sync.batch_events = 2
    device.field.record_contacts([sample_contact() for _ in range(9)])
    device.sync.sync()
    cut = sorted(territory.drop.glob("*.rbatch"))[0]
    cut.write_bytes(cut.read_bytes()[:-10])
    with territory.open() as coord:
        report = coord.merge()
        # Every batch was prepared again by the merge itself: merged, or quarantined as usual.
        assert report.batches_merged == 4 and report.events_inserted == 7
        assert [q["reason_code"] for q in report.batches_quarantined] == ["malformed"]


def test_the_worker_prepares_exactly_what_the_merge_would(territory: Territory) -> None:
    device = territory.device("a")
    device.field.record_contacts([sample_contact() for _ in range(5)])
    device.sync.sync()
    (path,) = territory.drop.glob("*.rbatch")
    data = path.read_bytes()
    with territory.open() as coord:
        key = coord.consolidated.recipient_private
        row = coord.consolidated.device(device.field.device_id)
    signing = b64decode(row["signing_public"])
    here = prepare(data, key, Ed25519PublicKey.from_public_bytes(signing))
    merge_pipeline._init_worker(key_material(key))
    try:
        there = merge_pipeline.prepare_in_worker(data, signing)
    finally:
        merge_pipeline._worker_key = None
    assert isinstance(here, Prepared) and isinstance(there, Prepared)
    assert there.events is None and here.events is not None
    assert there.all_events() == here.events
    assert (there.event_rows, there.projection) == (here.event_rows, here.projection)
    assert len(here.projection["contacts"]) == 5  # type: ignore[index]


@pytest.mark.postgres
def test_pipelined_merge_into_postgresql(
    territory: Territory, postgres_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    territory.open(postgres_url).service.close()
    monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 1)
    _busy_devices(territory)
    taken = _count_short_paths(monkeypatch)
    with territory.open() as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"
        report = coord.merge()
        assert report.batches_merged == 12 and report.batches_quarantined == []
        assert report.events_inserted == 2 * (8 + 2 + 2 + 6)
        state = _state(coord)
        assert len(state["contacts"]) == 2 * 14 and len(state["handover_history"]) == 4
        assert True in taken and False in taken  # psycopg reports executemany's row count
        _forget_merges(coord)
        monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 10**6)
        assert coord.merge().to_dict() == report.to_dict()
        assert _state(coord) == state
