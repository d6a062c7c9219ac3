"""Writing events and keeping the projection tables in step, for the field store and the merge.

`append_events` is the one way events enter a store: it inserts them and brings the projection
rows of the records they touch up to date, in the caller's transaction. Records seen for the first
time are folded from the new events alone (bulk inserts, the merge's common case); records that
already had events are re-folded from their whole history, so late or out-of-order events land
in the right place.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, RowMapping, Table, delete, select
from sqlalchemy.exc import DBAPIError

from fieldapp.domain.events import Event
from fieldapp.domain.projection import TABLE_COLUMNS, ProjectionRows, fold
from fieldapp.storage.presence_schema import PRESENCE_TABLES
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contact_unmet_needs,
    contacts,
    directory_feedback,
    events,
    handover_history,
    handovers,
    receptions,
)

CHUNK = 500
EVENT_COLUMNS = ("id", "device_id", "seq", "hlc", "type", "entity_id", "payload", "schema")

# Deletion order children first; insertion order parents first.
_TABLES: tuple[tuple[Table, str, str], ...] = (
    # Issue 17's tables, children first (their key: the id of the round or action).
    *(
        (t, t.name, "id" if t.name in ("outings", "actions") else t.name.split("_")[0] + "_id")
        for t in reversed(PRESENCE_TABLES)
    ),
    (handover_history, "handover_history", "handover_id"),
    (handovers, "handovers", "id"),
    (contact_needs, "contact_needs", "contact_id"),
    (contact_registrations, "contact_registrations", "contact_id"),
    (contact_unmet_needs, "contact_unmet_needs", "contact_id"),
    (contacts, "contacts", "id"),
    (receptions, "receptions", "id"),
    (directory_feedback, "directory_feedback", "id"),
)


def event_values(event: Event) -> tuple[Any, ...]:
    """The `events` row of an event, in `EVENT_COLUMNS` order."""
    return (
        event.id,
        event.device_id,
        event.seq,
        event.hlc,
        str(event.type),
        event.entity_id,
        json.dumps(event.payload, ensure_ascii=False, sort_keys=True),
        event.schema,
    )


def event_row(event: Event) -> dict[str, Any]:
    return dict(zip(EVENT_COLUMNS, event_values(event), strict=True))


def values_to_event(values: Sequence[Any]) -> Event:
    """The event back from its `events` row (as `event_values` made it)."""
    return row_to_event(dict(zip(EVENT_COLUMNS, values, strict=True)))


def row_to_event(row: Mapping[str, Any] | RowMapping) -> Event:
    return Event(
        id=row["id"],
        device_id=row["device_id"],
        seq=row["seq"],
        hlc=row["hlc"],
        type=row["type"],
        entity_id=row["entity_id"],
        payload=json.loads(row["payload"]),
        schema=row["schema"],
    )


def append_events(conn: Connection, new_events: Sequence[Event]) -> None:
    """Insert events that are not in the store yet and update the projections they touch."""
    if not new_events:
        return
    defer_foreign_key_checks(conn)
    entity_ids = {e.entity_id for e in new_events}
    known = entities_with_events(conn, entity_ids)
    bulk_insert(conn, events, EVENT_COLUMNS, [event_values(e) for e in new_events])
    if known:
        reproject(conn, known)
    write_rows(conn, fold(e for e in new_events if e.entity_id not in known))


def entities_with_events(conn: Connection, entity_ids: Collection[str]) -> set[str]:
    return {row[0] for row in events_of_entities(conn, "entity_id", entity_ids)}


def events_of_entities(
    conn: Connection, columns: str, entity_ids: Collection[str]
) -> Iterator[tuple[Any, ...]]:
    """`SELECT <columns> FROM events` for these entities. Plain SQL through the driver:
    compiling SQLAlchemy's IN lists cost a merge more than the index lookups themselves. On
    PostgreSQL one query with the ids as an array (`= ANY`); on SQLite IN lists of 500 ids
    (its limit on bound parameters). `columns` is SQL from this code, never from data."""
    ids = sorted(entity_ids)
    if conn.dialect.name == "postgresql":
        sql = f"SELECT {columns} FROM events WHERE entity_id = ANY(%s)"  # noqa: S608
        yield from map(tuple, conn.exec_driver_sql(sql, (ids,)))
        return
    for chunk in _chunks(ids):
        marks = ", ".join("?" for _ in chunk)
        sql = f"SELECT {columns} FROM events WHERE entity_id IN ({marks})"  # noqa: S608
        yield from map(tuple, conn.exec_driver_sql(sql, tuple(chunk)))


def reproject(conn: Connection, entity_ids: Collection[str]) -> None:
    """Recompute the projection rows of these records from all their events."""
    defer_foreign_key_checks(conn)
    ids = sorted(entity_ids)
    history: list[Event] = []
    for chunk in _chunks(ids):
        rows = conn.execute(select(events).where(events.c.entity_id.in_(chunk)))
        history.extend(row_to_event(r._mapping) for r in rows)
        for table, _, key in _TABLES:
            conn.execute(delete(table).where(table.c[key].in_(chunk)))
    write_rows(conn, fold(history))


def rebuild_all(conn: Connection) -> None:
    """Drop every projection row and fold the whole log again (repair, or after a schema change)."""
    defer_foreign_key_checks(conn)
    for table, _, _ in _TABLES:
        conn.execute(delete(table))
    log = (row_to_event(r._mapping) for r in conn.execute(select(events)))
    write_rows(conn, fold(log))


def write_rows(conn: Connection, rows: ProjectionRows) -> None:
    write_tuples(conn, rows.as_tuples())


def write_tuples(conn: Connection, tuples: Mapping[str, Sequence[tuple[Any, ...]]]) -> None:
    """Insert projection rows given as tuples in `TABLE_COLUMNS` order (parents first)."""
    for table, name, _ in reversed(_TABLES):
        bulk_insert(conn, table, TABLE_COLUMNS[name], tuples[name])


def insert_new_events(conn: Connection, values: Sequence[tuple[Any, ...]]) -> int:
    """Insert event rows, skipping ids already stored; how many were inserted.

    Another event with the same device and seq still raises IntegrityError.
    """
    return bulk_insert(conn, events, EVENT_COLUMNS, values, skip_conflict="id")


# From this many rows, a PostgreSQL store loads them with COPY (one round trip, no statement per
# row): the merge's rows went in at ≈ 235 µs per event with executemany (docs/performance.md).
COPY_MIN_ROWS = 64


def bulk_insert(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    values: Sequence[tuple[Any, ...]],
    *,
    skip_conflict: str | None = None,
) -> int:
    """Insert rows given as tuples in `columns` order, straight through the driver's executemany.

    A merge writes millions of rows; SQLAlchemy's per-row parameter processing would cost more
    than the database itself (see benchmarks/bench_merge.py). Returns the driver's row count.
    """
    if not values:
        return 0
    if conn.dialect.name == "postgresql" and len(values) >= COPY_MIN_ROWS:
        return _copy_insert(conn, table, columns, values, skip_conflict=skip_conflict)
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    # Table and column names come from our schema; the values are bound parameters.
    names = ", ".join(quote(c) for c in columns)
    marks = ", ".join(mark for _ in columns)
    sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({marks})"  # noqa: S608
    if skip_conflict:
        sql += f" ON CONFLICT ({quote(skip_conflict)}) DO NOTHING"
    return int(conn.exec_driver_sql(sql, list(values)).rowcount)


def _copy_insert(
    conn: Connection,
    table: Table,
    columns: Sequence[str],
    values: Sequence[tuple[Any, ...]],
    *,
    skip_conflict: str | None,
) -> int:
    """`bulk_insert` on PostgreSQL through COPY, in the caller's transaction: straight into the
    table, or — to skip stored ids — into a temporary staging table, then
    `INSERT … SELECT … ON CONFLICT DO NOTHING`. A row the table refuses raises SQLAlchemy's
    IntegrityError, as the INSERT would: the caller's savepoint and quarantine work unchanged."""
    import psycopg  # the server driver: only for a server store

    quote = conn.dialect.identifier_preparer.quote
    target = quote(table.name)
    names = ", ".join(quote(c) for c in columns)
    statement = f"COPY {target} ({names}) FROM STDIN"
    try:
        with conn.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
            if skip_conflict is None:
                with cursor.copy(statement) as copy:
                    for row in values:
                        copy.write_row(row)
                return len(values)
            stage = quote(f"relais_stage_{table.name}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage} (LIKE {target}) "
                "ON COMMIT DELETE ROWS"
            )
            statement = f"COPY {stage} ({names}) FROM STDIN"
            with cursor.copy(statement) as copy:
                for row in values:
                    copy.write_row(row)
            statement = (
                f"INSERT INTO {target} ({names}) SELECT {names} FROM {stage} "  # noqa: S608
                f"ON CONFLICT ({quote(skip_conflict)}) DO NOTHING"
            )
            cursor.execute(statement)
            inserted = int(cursor.rowcount)
            cursor.execute(f"TRUNCATE {stage}")
            return inserted
    except psycopg.Error as exc:
        raise DBAPIError.instance(statement, None, exc, psycopg.Error) from exc


def defer_foreign_key_checks(conn: Connection) -> None:
    # A record's rows are deleted and written again within one transaction; SQLite checks the
    # field store's foreign keys at commit instead of at each statement.
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def iter_events(conn: Connection, query: Any) -> Iterable[Event]:
    for r in conn.execute(query):
        yield row_to_event(r._mapping)
