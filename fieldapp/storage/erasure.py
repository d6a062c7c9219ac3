"""Erasure of a person and the retention purge, in the field store and the consolidated store.

Erased records leave the projection tables, and their events stay as empty stubs: the type
becomes `record.erased` and the payload `{}`. The stubs keep each device's numbering (seq)
whole, so batches sealed later and the coordinator's completeness check see no gap, while the
content (dates, needs, the pseudonym…) is gone. `secure_delete` (storage.engine) overwrites the
freed pages; the field store also truncates its WAL afterwards.

Two events carry the decision to the coordinator, whose merge applies the same rule
(`apply_tombstones`):
- `person.erased` {"pseudonym": code}: every record of that person, from every device, now and
  in batches merged later. Its entity id is `person:CODE`, so the merge finds the tombstones
  through the events' entity index instead of scanning the log.
- `records.purged` {"before": "YYYY-MM-DD"}: the sending device's contacts dated before that
  day (and their handovers).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Final

from sqlalchemy import Connection, and_, delete, select, update

from fieldapp.domain.events import Event, EventType
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contacts,
    events,
    handover_history,
    handovers,
)

ERASED_TYPE: Final = "record.erased"
PERSON_ERASED: Final = str(EventType.PERSON_ERASED)
RECORDS_PURGED: Final = str(EventType.RECORDS_PURGED)
PERSON_PREFIX: Final = "person:"
CHUNK: Final = 500


def person_entity(pseudonym: str) -> str:
    return PERSON_PREFIX + pseudonym


def contacts_of_person(conn: Connection, pseudonym: str) -> list[str]:
    return list(
        conn.execute(select(contacts.c.id).where(contacts.c.pseudonym == pseudonym)).scalars()
    )


def contacts_before(conn: Connection, day: date, device_id: str | None = None) -> list[str]:
    """Contacts dated before `day` (of one device only, when given)."""
    clause = contacts.c.date < day.isoformat()
    if device_id is not None:
        clause = and_(clause, contacts.c.device_id == device_id)
    return list(conn.execute(select(contacts.c.id).where(clause)).scalars())


def count_before(conn: Connection, day: date) -> tuple[int, int]:
    """(contacts, handovers) that a purge with this limit would remove."""
    ids = contacts_before(conn, day)
    return len(ids), len(handovers_of(conn, ids))


def erase_records(conn: Connection, contact_ids: Collection[str]) -> tuple[int, int]:
    """Remove these contacts and their handovers; returns (contacts, handovers) removed."""
    contact_list = sorted(contact_ids)
    handover_list = handovers_of(conn, contact_list)
    for chunk in _chunks([*contact_list, *handover_list]):
        conn.execute(
            update(events)
            .where(events.c.entity_id.in_(chunk))
            .values(type=ERASED_TYPE, payload="{}")
        )
    for chunk in _chunks(handover_list):
        conn.execute(delete(handover_history).where(handover_history.c.handover_id.in_(chunk)))
        conn.execute(delete(handovers).where(handovers.c.id.in_(chunk)))
    for chunk in _chunks(contact_list):
        conn.execute(delete(contact_needs).where(contact_needs.c.contact_id.in_(chunk)))
        conn.execute(
            delete(contact_registrations).where(contact_registrations.c.contact_id.in_(chunk))
        )
        conn.execute(delete(contacts).where(contacts.c.id.in_(chunk)))
    return len(contact_list), len(handover_list)


def erased_pseudonyms(conn: Connection) -> set[str]:
    """Every person erased so far (their tombstones' entity ids, read from the index)."""
    rows = conn.execute(
        select(events.c.entity_id).where(
            events.c.entity_id >= PERSON_PREFIX,
            events.c.entity_id < PERSON_PREFIX[:-1] + chr(ord(PERSON_PREFIX[-1]) + 1),
            events.c.type == PERSON_ERASED,
        )
    ).scalars()
    return {entity[len(PERSON_PREFIX) :] for entity in rows}


def is_tombstone(event_type: str) -> bool:
    return event_type in (PERSON_ERASED, RECORDS_PURGED)


def apply_tombstones(
    conn: Connection, tombstones: Sequence[Event], entity_ids: Collection[str]
) -> tuple[int, int]:
    """After a batch's events and projections are in (consolidated store).

    `tombstones` are the batch's `person.erased` / `records.purged` events, applied now;
    `entity_ids` are the records the batch touched, checked against every earlier erasure
    (read from the store, so nothing of the batch needs decoding). Returns (contacts,
    handovers) removed; costs one index lookup when nobody was ever erased.
    """
    removed = [0, 0]

    def erase(ids: Iterable[str]) -> None:
        found = erase_records(conn, set(ids))
        removed[0] += found[0]
        removed[1] += found[1]

    for event in tombstones:
        if event.type == PERSON_ERASED:
            erase(contacts_of_person(conn, str(event.payload.get("pseudonym", ""))))
        elif event.type == RECORDS_PURGED:
            before = date.fromisoformat(str(event.payload["before"]))
            erase(contacts_before(conn, before, event.device_id))
    erased = erased_pseudonyms(conn)
    if not erased:
        return removed[0], removed[1]
    touched = sorted(entity_ids)
    arriving: set[str] = set()  # contacts of an erased person, from a device that did not know
    parents: set[str] = set()  # contacts of the handovers this batch touched
    for chunk in _chunks(touched):
        arriving.update(
            conn.execute(
                select(contacts.c.id).where(
                    contacts.c.id.in_(chunk), contacts.c.pseudonym.in_(sorted(erased))
                )
            ).scalars()
        )
        parents.update(
            conn.execute(select(handovers.c.contact_id).where(handovers.c.id.in_(chunk))).scalars()
        )
    erase(arriving)
    # A handover arriving for a contact erased earlier: its contact's events are stubs now.
    gone: set[str] = set()
    for chunk in _chunks(sorted(parents)):
        gone.update(
            conn.execute(
                select(events.c.entity_id)
                .where(events.c.entity_id.in_(chunk), events.c.type == ERASED_TYPE)
                .distinct()
            ).scalars()
        )
    erase(gone)
    return removed[0], removed[1]


def handovers_of(conn: Connection, contact_ids: Sequence[str]) -> list[str]:
    found: list[str] = []
    for chunk in _chunks(list(contact_ids)):
        found.extend(
            conn.execute(select(handovers.c.id).where(handovers.c.contact_id.in_(chunk))).scalars()
        )
    return found


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]
