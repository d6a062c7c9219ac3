"""Consolidated stores as an older release left them, for the migration tests: the hand-built
territory of `tests.helpers.reports` loaded at an earlier revision, the indexes a store has, and
the cells of the report over it."""

from __future__ import annotations

from sqlalchemy import Engine, insert, text

from fieldapp.domain.projection import TABLE_COLUMNS, fold
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.storage.coord_schema import coord_metadata, devices
from fieldapp.storage.projection import EVENT_COLUMNS, bulk_insert, event_values
from fieldapp.storage.schema import events
from tests.helpers.reports import PERIOD, territory_devices, territory_events

Cells = dict[tuple[str, int, int], tuple[object, bool]]


def indexes(engine: Engine, table: str) -> set[str]:
    """Index names of `table`, read from the catalogue (SQLAlchemy's reflection skips indexes
    on expressions)."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            rows = conn.exec_driver_sql(f"PRAGMA index_list('{table}')")
            return {str(r[1]) for r in rows}
        rows = conn.execute(
            text("SELECT indexname FROM pg_indexes WHERE tablename = :t"), {"t": table}
        )
        return {str(r[0]) for r in rows}


def report_cells(engine: Engine) -> Cells:
    """Every cell of the published report over the territory's period (value, suppressed)."""
    report = build_report(compute_indicators(engine, Scope(*PERIOD)), k=5)
    return {
        (table.key, i, j): (cell.value, cell.suppressed)
        for table in report.tables
        for i, row in enumerate(table.rows)
        for j, cell in enumerate(row.cells)
    }


def load_as_old_release(engine: Engine) -> None:
    """The territory as an older release stored it (SQLite): events, and projection rows of
    the columns and tables its revision has (later revisions add some, e.g. c009's rounds)."""
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
