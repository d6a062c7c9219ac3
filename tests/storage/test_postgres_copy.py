"""A PostgreSQL store loads large row sets with COPY (`storage.projection.bulk_insert`): the same
rows as the INSERTs it replaces, stored ids skipped and counted the same, a refused row raised as
SQLAlchemy's IntegrityError (so the merge's savepoint and quarantine still work), and concurrent
merges of large batches still safe."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError

from fieldapp.domain.clock import HybridClock
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.ids import new_device_id, uuid7
from fieldapp.domain.projection import TABLE_COLUMNS, fold
from fieldapp.services.demo import demo_contacts
from fieldapp.storage import projection
from fieldapp.storage.coord_schema import coord_metadata
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.storage.projection import event_values, insert_new_events, write_tuples
from fieldapp.storage.schema import contacts, events
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory, merge_concurrently
from tests.helpers.postgres import fresh_database

pytestmark = pytest.mark.postgres

ROWS = 300  # well above COPY_MIN_ROWS: the COPY path


def _events(count: int) -> list[Event]:
    device, clock = new_device_id(), HybridClock()
    payloads = demo_contacts(count, seed=11, today=date(2026, 11, 1))
    return [
        Event(
            uuid7(),
            device,
            seq,
            clock.tick().encode(),
            str(EventType.CONTACT_RECORDED),
            uuid7(),
            {k: v for k, v in payload.items() if v is not None},
        )
        for seq, payload in enumerate(payloads, start=1)
    ]


def _write(engine: Engine, batch: list[Event]) -> int:
    with engine.begin() as conn:
        inserted = insert_new_events(conn, [event_values(e) for e in batch])
        write_tuples(conn, fold(batch).as_tuples())
    return inserted


def _dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    with engine.connect() as conn:
        for name in ("events", "contacts", "contact_needs", "contact_registrations"):
            table = coord_metadata.tables[name]
            query = select(table).order_by(*table.primary_key.columns)
            out[name] = [tuple(r) for r in conn.execute(query)]
    return out


def _store(url: str, tmp_path: Path, name: str) -> Engine:
    (tmp_path / name).mkdir()
    return open_consolidated(tmp_path / name, os.urandom(32), url)


def test_copy_stores_exactly_what_the_inserts_store(
    postgres_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = _events(ROWS)
    copied = _store(fresh_database(postgres_server), tmp_path, "copy")
    try:
        assert _write(copied, batch) == ROWS
        by_copy = _dump(copied)
        # The same rows again: every id is stored, none inserted, nothing changed.
        assert _write_events_only(copied, batch) == 0
        assert _dump(copied) == by_copy
    finally:
        copied.dispose()
    monkeypatch.setattr(projection, "COPY_MIN_ROWS", 10**9)  # the INSERT path
    inserted = _store(fresh_database(postgres_server), tmp_path, "insert")
    try:
        assert _write(inserted, batch) == ROWS
        by_insert = _dump(inserted)
    finally:
        inserted.dispose()
    assert by_copy == by_insert
    assert len(by_copy["contacts"]) == ROWS and by_copy["contact_needs"]  # not vacuous


def _write_events_only(engine: Engine, batch: list[Event]) -> int:
    with engine.begin() as conn:
        return insert_new_events(conn, [event_values(e) for e in batch])


def test_copy_skips_stored_ids_and_counts_the_new_ones(postgres_url: str, tmp_path: Path) -> None:
    engine = _store(postgres_url, tmp_path, "s")
    try:
        batch = _events(2 * ROWS)
        assert _write_events_only(engine, batch[:ROWS]) == ROWS
        assert _write_events_only(engine, batch[ROWS // 2 :]) == ROWS  # half of them stored
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(events)).scalar() == 2 * ROWS
    finally:
        engine.dispose()


def test_a_row_copy_refuses_is_an_integrity_error_and_the_savepoint_undoes_it(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = _store(postgres_url, tmp_path, "r")
    try:
        batch = _events(ROWS)
        _write(engine, batch)
        rows = fold(batch).as_tuples()["contacts"]
        with engine.begin() as conn:
            savepoint = conn.begin_nested()
            with pytest.raises(IntegrityError):
                projection.bulk_insert(
                    conn, contacts, TABLE_COLUMNS["contacts"], rows
                )  # every id is already there
            savepoint.rollback()
            # The transaction goes on after the savepoint is undone.
            assert conn.execute(select(func.count()).select_from(contacts)).scalar() == ROWS
    finally:
        engine.dispose()


def test_four_concurrent_merges_of_large_batches_are_safe(
    territory: Territory, postgres_url: str
) -> None:
    territory.open(postgres_url).service.close()  # schema created, URL remembered
    devices = [territory.device(name) for name in ("a", "b")]
    for n, device in enumerate(devices):
        device.sync.batch_events = 100  # above COPY_MIN_ROWS
        device.field.record_contacts([sample_contact() for _ in range(250 + n)])
        device.sync.sync()
    total = 250 + 251
    reports = merge_concurrently(territory, 4)
    assert sum(r.events_inserted for r in reports) == total
    assert all(r.batches_quarantined == [] for r in reports)
    with territory.open() as coord, coord.consolidated.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(contacts)).scalar() == total
