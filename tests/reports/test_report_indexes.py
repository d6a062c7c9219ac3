"""Revision c002: the indicators' covering indexes, on a new store and on one upgraded from c001."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, text

from fieldapp.domain.projection import TABLE_COLUMNS, fold
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.storage import migrate
from fieldapp.storage.coord_schema import coord_metadata, devices
from fieldapp.storage.coord_store import DB_FILE, open_consolidated
from fieldapp.storage.engine import open_engine
from fieldapp.storage.projection import EVENT_COLUMNS, bulk_insert, event_values
from fieldapp.storage.schema import events
from tests.helpers.reports import PERIOD, load_territory, territory_devices, territory_events

REPORT_INDEXES = {
    "contacts": "ix_contacts_report",
    "handover_history": "ix_handover_history_report",
}


def _indexes(engine: Engine, table: str) -> set[str]:
    # Read from the catalogue: SQLAlchemy's reflection skips indexes on expressions.
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"PRAGMA index_list('{table}')")
            return {str(r[1]) for r in rows}
        rows = conn.execute(
            text("SELECT indexname FROM pg_indexes WHERE tablename = :t"), {"t": table}
        )
        return {str(r[0]) for r in rows}


def _cells(engine: Engine) -> dict[tuple[str, int, int], tuple[object, bool]]:
    report = build_report(compute_indicators(engine, Scope(*PERIOD)), k=5)
    return {
        (table.key, i, j): (cell.value, cell.suppressed)
        for table in report.tables
        for i, row in enumerate(table.rows)
        for j, cell in enumerate(row.cells)
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
            assert {i.name for i in table.indexes} <= _indexes(engine, table.name), table.name
        for table, name in REPORT_INDEXES.items():
            assert name in _indexes(engine, table)
    finally:
        engine.dispose()


def _load_as_c001(engine: Engine) -> None:
    """The territory as the first release stored it: events, and projection rows of the columns
    and tables that existed at c001 (later revisions add some, e.g. c009's rounds)."""
    with engine.begin() as conn:
        columns = {
            table: {str(r[1]) for r in conn.exec_driver_sql(f"PRAGMA table_info('{table}')")}
            for table in TABLE_COLUMNS
        }
        conn.execute(insert(devices), territory_devices())
        bulk_insert(conn, events, EVENT_COLUMNS, [event_values(e) for e in territory_events()])
        for name, rows in fold(territory_events()).as_tuples().items():
            if not columns[name]:
                continue  # a table of a later revision
            keep = [i for i, c in enumerate(TABLE_COLUMNS[name]) if c in columns[name]]
            table = coord_metadata.tables[name]
            names = [TABLE_COLUMNS[name][i] for i in keep]
            bulk_insert(conn, table, names, [tuple(row[i] for i in keep) for row in rows])


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
    _load_as_c001(engine)
    assert migrate.current_revision(engine) == "c001"
    for table, name in REPORT_INDEXES.items():
        assert name not in _indexes(engine, table)
    engine.dispose()
    # The same queries without their indexes: a head store whose report indexes are dropped
    # (the report of this version reads tables that c001 did not have).
    bare = open_consolidated(bare_root, os.urandom(32))
    load_territory(bare)
    with bare.begin() as conn:
        for name in REPORT_INDEXES.values():
            conn.exec_driver_sql(f"DROP INDEX {name}")
    before = _cells(bare)
    bare.dispose()

    upgraded = open_consolidated(old_root, key)
    fresh = open_consolidated(new_root, os.urandom(32))
    try:
        assert migrate.current_revision(upgraded) == migrate.head_revision(migrate.COORD_MIGRATIONS)
        for table, name in REPORT_INDEXES.items():
            assert name in _indexes(upgraded, table)
        # The upgrade backed the c001 file up first.
        assert [p.name.split("-")[1] for p in (old_root / "backups").iterdir()] == ["schemac001"]
        load_territory(fresh)
        assert _cells(upgraded) == before == _cells(fresh)
        assert before  # the comparison is not vacuous
    finally:
        upgraded.dispose()
        fresh.dispose()
