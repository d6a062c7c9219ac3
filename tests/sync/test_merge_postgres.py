"""The regional store: the same merge into a real PostgreSQL, and concurrent coordinators."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from fieldapp.storage.schema import contacts, events
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory, merge_concurrently

pytestmark = pytest.mark.postgres


def test_merge_into_postgresql(territory: Territory, postgres_url: str) -> None:
    territory.open(postgres_url).service.close()  # the workspace now uses this database
    device = territory.device("a")
    ids = device.field.record_contacts([sample_contact() for _ in range(6)])
    device.field.void_contact(ids[0], "doublon")
    device.sync.sync()
    with territory.open(postgres_url) as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"
        report = coord.merge()
        assert report.batches_merged == 1 and report.events_inserted == 7
        assert coord.merge().batches_already_merged == 1
        with coord.consolidated.engine.connect() as conn:
            voided = conn.execute(select(contacts.c.voided).where(contacts.c.id == ids[0])).scalar()
        assert voided is True


def test_concurrent_merges_into_one_postgresql_are_safe(
    territory: Territory, postgres_url: str
) -> None:
    territory.open(postgres_url).service.close()  # schema created, URL remembered
    devices = [territory.device(name) for name in ("a", "b", "c")]
    for n, device in enumerate(devices):
        device.sync.batch_events = 7
        device.field.record_contacts([sample_contact() for _ in range(20 + n)])
        device.sync.sync()
    total = 20 + 21 + 22
    reports = merge_concurrently(territory, 3)
    assert sum(r.events_inserted for r in reports) == total
    assert all(r.batches_quarantined == [] for r in reports)
    with territory.open() as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"
        with coord.consolidated.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(events)).scalar() == total
            assert conn.execute(select(func.count()).select_from(contacts)).scalar() == total
        assert all(c["gaps"] == [] for c in coord.completeness())
