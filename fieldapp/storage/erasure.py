"""Erasure of a person and the retention purge, in the field store and the consolidated store.

Erased records leave the projection tables, and their events stay as empty stubs: the type
becomes `record.erased` and the payload `{}`. The stubs keep each device's numbering (seq)
whole, so batches sealed later and the coordinator's completeness check see no gap, while the
content (dates, needs, the pseudonym…) is gone. `secure_delete` (storage.engine) overwrites the
freed pages; the field store also truncates its WAL afterwards.

Two events carry the decision to the coordinator, whose merge applies the same rule
(`apply_tombstones`):
- `person.erased` {"pseudonym": code}: every record of that person, from every device, now and
  in batches merged later (the coordinator remembers it in `erasures`).
- `records.purged` {"before": "YYYY-MM-DD"}: the sending device's contacts dated before that
  day (and their handovers), also in its batches merged later (`purges`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Final

from sqlalchemy import Connection, and_, delete, func, insert, literal_column, select, update

from fieldapp.domain.events import Event, EventType
from fieldapp.storage.coord_schema import erasures, purges
from fieldapp.storage.presence_erasure import erase_presence, presence_before, purged_later
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contact_unmet_needs,
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
    """Contacts dated before `day` (of one device only, when given).

    The month condition follows from the date one. Written as the consolidated store's report
    index begins (`substr(date, 1, 7)`, constants inline), it lets that index find the old
    contacts by range: that store has no index on the date itself (revision c011), and a merge
    applies one purge per device and day once a notebook is past its retention."""
    month = func.substr(contacts.c.date, literal_column("1"), literal_column("7"))
    clause = and_(month <= day.isoformat()[:7], contacts.c.date < day.isoformat())
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
        conn.execute(delete(contact_unmet_needs).where(contact_unmet_needs.c.contact_id.in_(chunk)))
        conn.execute(
            delete(contact_registrations).where(contact_registrations.c.contact_id.in_(chunk))
        )
        conn.execute(delete(contacts).where(contacts.c.id.in_(chunk)))
    return len(contact_list), len(handover_list)


def is_tombstone(event_type: str) -> bool:
    return event_type in (PERSON_ERASED, RECORDS_PURGED)


def apply_tombstones(
    conn: Connection, tombstones: Sequence[Event], entity_ids: Collection[str]
) -> tuple[int, int]:
    """After a batch's events and projections are in (consolidated store only).

    `tombstones` are the batch's `person.erased` / `records.purged` events: applied now and
    remembered (`erasures`, `purges`). `entity_ids` are the records the batch touched; they are
    checked against everything remembered, whatever order batches arrive in: a contact of an
    erased person or dated before its device's purge limit, a handover of an erased contact,
    and any late amendment, void or status change of a record already erased. Returns
    (contacts, handovers) removed. Costs two tiny-table reads when nothing was ever erased.
    """
    removed = [0, 0]

    def erase(ids: Iterable[str]) -> None:
        found = erase_records(conn, set(ids))
        removed[0] += found[0]
        removed[1] += found[1]

    for event in tombstones:
        if event.type == PERSON_ERASED:
            pseudonym = str(event.payload.get("pseudonym", ""))
            _remember_erasure(conn, pseudonym, event.hlc)
            erase(contacts_of_person(conn, pseudonym))
        elif event.type == RECORDS_PURGED:
            before = date.fromisoformat(str(event.payload["before"]))
            _remember_purge(conn, event.device_id, before)
            erase(contacts_before(conn, before, event.device_id))
            erase_presence(conn, presence_before(conn, before, event.device_id))
    erased = sorted(conn.execute(select(erasures.c.pseudonym)).scalars())
    purged = conn.execute(select(purges.c.device_id).limit(1)).first() is not None
    if not erased and not purged:
        return removed[0], removed[1]
    doomed: set[str] = set()  # records that arrive already condemned
    parents: set[str] = set()  # contacts of the handovers this batch touched
    for chunk in _chunks(sorted(entity_ids)):
        if erased:
            doomed.update(
                conn.execute(
                    select(contacts.c.id).where(
                        contacts.c.id.in_(chunk), contacts.c.pseudonym.in_(erased)
                    )
                ).scalars()
            )
        if purged:
            erase_presence(conn, sorted(purged_later(conn, chunk)))
            doomed.update(
                conn.execute(
                    select(contacts.c.id)
                    .join(purges, purges.c.device_id == contacts.c.device_id)
                    .where(contacts.c.id.in_(chunk), contacts.c.date < purges.c.before)
                ).scalars()
            )
        # A late amendment, void or status change of a record erased earlier: stub it too.
        doomed.update(_stubbed(conn, chunk))
        parents.update(
            conn.execute(select(handovers.c.contact_id).where(handovers.c.id.in_(chunk))).scalars()
        )
    erase(doomed)
    # Handovers arriving for a contact erased earlier (its events are stubs now).
    for chunk in _chunks(sorted(parents - doomed)):
        erase(_stubbed(conn, chunk))
    return removed[0], removed[1]


def _stubbed(conn: Connection, ids: Sequence[str]) -> set[str]:
    query = select(events.c.entity_id).where(
        events.c.entity_id.in_(ids), events.c.type == ERASED_TYPE
    )
    return set(conn.execute(query.distinct()).scalars())


def _remember_erasure(conn: Connection, pseudonym: str, at: str) -> None:
    known = select(erasures.c.pseudonym).where(erasures.c.pseudonym == pseudonym)
    if conn.execute(known).first() is None:
        conn.execute(insert(erasures).values(pseudonym=pseudonym, at=at))


def _remember_purge(conn: Connection, device_id: str, before: date) -> None:
    current = conn.execute(select(purges.c.before).where(purges.c.device_id == device_id)).scalar()
    if current is None:
        conn.execute(insert(purges).values(device_id=device_id, before=before.isoformat()))
    elif current < before.isoformat():
        conn.execute(
            update(purges).where(purges.c.device_id == device_id).values(before=before.isoformat())
        )


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
