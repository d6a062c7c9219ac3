"""Revision c002: the indicators' covering indexes, on a new store and on one upgraded from c001."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fieldapp.storage import migrate
from fieldapp.storage.coord_schema import coord_metadata
from fieldapp.storage.coord_store import DB_FILE, open_consolidated
from fieldapp.storage.engine import open_engine
from tests.helpers.old_stores import indexes, load_as_old_release, report_cells
from tests.helpers.reports import load_territory

REPORT_INDEXES = {
    "contacts": "ix_contacts_report",
    "handover_history": "ix_handover_history_report",
}


BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.mark.parametrize("backend", BACKENDS)
def test_head_store_has_every_declared_index(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = request.getfixturevalue("postgres_url") if backend == "postgres" else None
    engine = open_consolidated(tmp_path, os.urandom(32), url)
    try:
        for table in coord_metadata.sorted_tables:
            assert {i.name for i in table.indexes} <= indexes(engine, table.name), table.name
        for table, name in REPORT_INDEXES.items():
            assert name in indexes(engine, table)
    finally:
        engine.dispose()


def test_c001_store_upgrades_to_the_report_indexes_with_the_same_results(tmp_path: Path) -> None:
    key = os.urandom(32)
    old_root, new_root, bare_root = tmp_path / "old", tmp_path / "new", tmp_path / "bare"
    for root in (old_root, new_root, bare_root):
        root.mkdir()
    # A store as the first release left it: schema c001, with data.
    engine = open_engine(old_root / DB_FILE, key, pool_size=1)
    migrate.upgrade(
        engine, old_root / DB_FILE, old_root / "backups", target="c001",
        migrations=migrate.COORD_MIGRATIONS,
    )  # fmt: skip
    load_as_old_release(engine)
    assert migrate.current_revision(engine) == "c001"
    for table, name in REPORT_INDEXES.items():
        assert name not in indexes(engine, table)
    engine.dispose()
    # The same queries without their indexes: a head store whose report indexes are dropped
    # (the report of this version reads tables that c001 did not have).
    bare = open_consolidated(bare_root, os.urandom(32))
    load_territory(bare)
    with bare.begin() as conn:
        for name in REPORT_INDEXES.values():
            conn.exec_driver_sql(f"DROP INDEX {name}")
    before = report_cells(bare)
    bare.dispose()

    upgraded = open_consolidated(old_root, key)
    fresh = open_consolidated(new_root, os.urandom(32))
    try:
        assert migrate.current_revision(upgraded) == migrate.head_revision(migrate.COORD_MIGRATIONS)
        for table, name in REPORT_INDEXES.items():
            assert name in indexes(upgraded, table)
        # The upgrade backed the c001 file up first.
        assert [p.name.split("-")[1] for p in (old_root / "backups").iterdir()] == ["schemac001"]
        load_territory(fresh)
        assert report_cells(upgraded) == before == report_cells(fresh)
        assert before  # the comparison is not vacuous
    finally:
        upgraded.dispose()
        fresh.dispose()
