"""Revision c011: the consolidated store drops the two indexes no coordinator query reads
(`ix_contacts_date`, `ix_contact_needs_need`), which the merge paid for on every contact and
need; the notebook keeps them for its filters. Upgraded from a real c004 store (SQLite) and a
c010 one (PostgreSQL), the report and the purge by date give what they gave before."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event

from fieldapp.storage import migrate
from fieldapp.storage.coord_store import DB_FILE, open_consolidated
from fieldapp.storage.engine import open_engine
from fieldapp.storage.erasure import contacts_before
from tests.helpers.old_stores import indexes, load_as_old_release, report_cells
from tests.helpers.reports import D1, load_territory

DROPPED = {"contacts": "ix_contacts_date", "contact_needs": "ix_contact_needs_need"}
# Contacts of the territory dated before 2026-02-01 (tests/helpers/reports.py: c1, c2, c3, c9).
BEFORE_FEBRUARY = 4


def _has_dropped(engine: Engine) -> dict[str, bool]:
    return {table: name in indexes(engine, table) for table, name in DROPPED.items()}


def test_c004_store_upgrades_without_the_two_indexes_and_reports_the_same(tmp_path: Path) -> None:
    key = os.urandom(32)
    old_root, new_root = tmp_path / "old", tmp_path / "new"
    for root in (old_root, new_root, tmp_path / "indexed"):
        root.mkdir()
    engine = open_engine(old_root / DB_FILE, key, pool_size=1)
    migrate.upgrade(
        engine, old_root / DB_FILE, old_root / "backups", target="c004",
        migrations=migrate.COORD_MIGRATIONS,
    )  # fmt: skip
    load_as_old_release(engine)
    assert migrate.current_revision(engine) == "c004"
    assert _has_dropped(engine) == {"contacts": True, "contact_needs": True}
    with engine.connect() as conn:
        purged_before = sorted(contacts_before(conn, date(2026, 2, 1)))
    engine.dispose()
    # The same report with the two indexes: a head store that has them again (this version's
    # report reads columns that c004 did not have).
    indexed = open_consolidated(tmp_path / "indexed", os.urandom(32))
    load_territory(indexed)
    with indexed.begin() as conn:
        conn.exec_driver_sql("CREATE INDEX ix_contacts_date ON contacts (date)")
        conn.exec_driver_sql("CREATE INDEX ix_contact_needs_need ON contact_needs (need)")
    before = report_cells(indexed)
    indexed.dispose()

    upgraded = open_consolidated(old_root, key)
    fresh = open_consolidated(new_root, os.urandom(32))
    try:
        assert migrate.current_revision(upgraded) == "c011"
        assert _has_dropped(upgraded) == {"contacts": False, "contact_needs": False}
        assert _has_dropped(fresh) == {"contacts": False, "contact_needs": False}
        assert "ix_contacts_neighbourhood" in indexes(upgraded, "contacts")  # read by the report
        assert [p.name.split("-")[1] for p in (old_root / "backups").iterdir()] == ["schemac004"]
        with upgraded.connect() as conn:
            assert sorted(contacts_before(conn, date(2026, 2, 1))) == purged_before
        assert len(purged_before) == BEFORE_FEBRUARY
        load_territory(fresh)
        assert report_cells(upgraded) == before == report_cells(fresh)
        assert before  # not vacuous
    finally:
        upgraded.dispose()
        fresh.dispose()


@pytest.mark.postgres
def test_c010_postgres_store_upgrades_without_the_two_indexes(
    postgres_url: str, tmp_path: Path
) -> None:
    engine = create_engine(postgres_url)
    migrate.upgrade(engine, None, tmp_path / "backups", target="c010",
                    migrations=migrate.COORD_MIGRATIONS)  # fmt: skip
    assert _has_dropped(engine) == {"contacts": True, "contact_needs": True}
    engine.dispose()
    upgraded = open_consolidated(tmp_path, b"", postgres_url)
    try:
        assert migrate.current_revision(upgraded) == "c011"
        assert _has_dropped(upgraded) == {"contacts": False, "contact_needs": False}
        load_territory(upgraded)
        with upgraded.connect() as conn:
            assert len(contacts_before(conn, date(2026, 2, 1))) == BEFORE_FEBRUARY
    finally:
        upgraded.dispose()


def test_the_purge_by_date_finds_old_contacts_by_range_without_the_date_index(
    tmp_path: Path,
) -> None:
    """A merge applies a purge per device and day once notebooks pass their retention: without
    `ix_contacts_date` the purge must still not read every contact of the store."""
    engine = open_consolidated(tmp_path, os.urandom(32))
    statements: list[tuple[str, object]] = []

    def remember(_c: object, _cur: object, sql: str, params: object, *_: object) -> None:
        statements.append((sql, params))

    try:
        load_territory(engine)
        event.listen(engine, "before_cursor_execute", remember)
        with engine.connect() as conn:
            found = contacts_before(conn, date(2026, 2, 1), D1)
        event.remove(engine, "before_cursor_execute", remember)
        assert len(found) == 3  # c1, c2, c9 of D1 (tests/helpers/reports.py)
        ((sql, params),) = [(q, p) for q, p in statements if "FROM contacts" in q]
        with engine.connect() as conn:
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(
                f"EXPLAIN QUERY PLAN {sql}", params))  # fmt: skip
        assert "SEARCH contacts USING COVERING INDEX ix_contacts_report" in plan, plan
    finally:
        engine.dispose()
