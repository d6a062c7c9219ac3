"""Retention of street rounds and joint actions (issue 17), beside storage/erasure.py.

They hold no person, so erasing a person leaves them alone; the purge by age applies: a
`records.purged` {"before": day} also removes the device's rounds and actions dated before
that day, now and in batches merged later. Their events become the same `record.erased` stubs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Connection, delete, select, update

from fieldapp.storage.coord_schema import purges
from fieldapp.storage.presence_schema import (
    action_employers,
    action_participants,
    action_partners,
    actions,
    outing_seen,
    outings,
)
from fieldapp.storage.schema import events

ERASED_TYPE = "record.erased"  # storage.erasure.ERASED_TYPE
CHUNK = 500


def presence_before(conn: Connection, day: date, device_id: str | None = None) -> list[str]:
    """Rounds and actions dated before `day` (of one device only, when given)."""
    found: list[str] = []
    for table in (outings, actions):
        query = select(table.c.id).where(table.c.date < day.isoformat())
        if device_id is not None:
            query = query.where(table.c.device_id == device_id)
        found.extend(conn.execute(query).scalars())
    return found


def purged_later(conn: Connection, ids: Sequence[str]) -> set[str]:
    """Of these records, the rounds and actions dated before their device's purge limit."""
    doomed: set[str] = set()
    for table in (outings, actions):
        query = (
            select(table.c.id)
            .join(purges, purges.c.device_id == table.c.device_id)
            .where(table.c.id.in_(ids), table.c.date < purges.c.before)
        )
        doomed.update(conn.execute(query).scalars())
    return doomed


def erase_presence(conn: Connection, ids: Sequence[str]) -> int:
    """Stub these records' events and drop their projection rows; how many ids were given."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        chunk = ordered[start : start + CHUNK]
        conn.execute(
            update(events)
            .where(events.c.entity_id.in_(chunk))
            .values(type=ERASED_TYPE, payload="{}")
        )
        conn.execute(delete(outing_seen).where(outing_seen.c.outing_id.in_(chunk)))
        for child in (action_participants, action_partners, action_employers):
            conn.execute(delete(child).where(child.c.action_id.in_(chunk)))
        conn.execute(delete(outings).where(outings.c.id.in_(chunk)))
        conn.execute(delete(actions).where(actions.c.id.in_(chunk)))
    return len(ordered)
