"""Store access of the consolidated store's own records: its write transaction, quarantine,
alarms and device list (the merge's rules about them are in `fieldapp.sync.merge`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from fieldapp.storage.coord_schema import alarms, devices, quarantine
from fieldapp.storage.engine import write_transaction

# Any constant shared by every Relais coordinator: it names the merge's lock on PostgreSQL.
_MERGE_LOCK = 7245002


@contextmanager
def coord_transaction(engine: Engine) -> Iterator[Connection]:
    """A write transaction on the consolidated store, one merge at a time."""
    if engine.dialect.name == "sqlite":
        with write_transaction(engine) as conn:
            yield conn
    else:
        with engine.begin() as conn:
            # Several coordinators may merge into one regional database: one at a time.
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_MERGE_LOCK})")
            yield conn


def put_in_quarantine(conn: Connection, sha256: str, attempt: dict[str, Any], **first: Any) -> None:
    """Record a refused batch file, or only its new reason and attempt time if already kept.

    `attempt`: reason_code, reason and last_attempt; `first`: the columns written only once
    (file_name, batch_id, device_id, first_seen, content)."""
    updated = conn.execute(
        update(quarantine).where(quarantine.c.sha256 == sha256).values(**attempt)
    )
    if updated.rowcount == 0:
        conn.execute(insert(quarantine).values(sha256=sha256, **attempt, **first))


def add_alarm(conn: Connection, at: str, kind: str, message: str) -> None:
    conn.execute(insert(alarms).values(at=at, kind=kind, message=message))


def quarantine_list(engine: Engine) -> list[dict[str, Any]]:
    """The quarantined files, oldest first, without their content."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(quarantine).order_by(quarantine.c.first_seen, quarantine.c.file_name)
        )
        return [{k: v for k, v in r._mapping.items() if k != "content"} for r in rows]


def alarm_list(engine: Engine) -> list[dict[str, Any]]:
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(alarms).order_by(alarms.c.id))]


def device_list(engine: Engine) -> list[dict[str, Any]]:
    """The enrolled devices, by structure name."""
    with engine.connect() as conn:
        return [
            dict(r._mapping)
            for r in conn.execute(select(devices).order_by(devices.c.structure_name))
        ]
