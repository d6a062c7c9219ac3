"""The field store: append-only event log plus the projections that queries read.

Every write goes through `FieldStore.append`, which allocates the next gap-free `seq` and an HLC
timestamp, inserts the event and updates the projections in one SQLite transaction: either the
save is acknowledged and durable, or nothing of it exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    exists,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from fieldapp.domain.clock import Hlc, HybridClock
from fieldapp.domain.events import SCHEMA_VERSION, Event, EventType
from fieldapp.domain.ids import uuid7
from fieldapp.errors import InputError
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.projection import append_events, rebuild_all, row_to_event
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contacts,
    events,
    handover_history,
    handovers,
    profile_settings,
    relay_codes,
)


class UnknownRecord(InputError, LookupError):
    """No such record; `record_type` is "contact" or "handover" (`kind` is the error's kind)."""

    def __init__(self, record_type: Literal["contact", "handover"], record_id: str) -> None:
        super().__init__(f"storage.store.unknown_{record_type}", record_id=record_id)
        self.record_type = record_type
        self.record_id = record_id


@dataclass(frozen=True)
class ContactFilter:
    """What the contact list shows; every part is optional."""

    date_from: date | None = None
    date_to: date | None = None
    neighbourhood: str | None = None
    need: str | None = None
    outcome: str | None = None
    text: str | None = None
    include_voided: bool = False

    def clauses(self) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if not self.include_voided:
            out.append(contacts.c.voided.is_(False))
        if self.date_from:
            out.append(contacts.c.date >= self.date_from.isoformat())
        if self.date_to:
            out.append(contacts.c.date <= self.date_to.isoformat())
        if self.neighbourhood:
            out.append(contacts.c.neighbourhood == self.neighbourhood)
        if self.outcome:
            out.append(contacts.c.outcome == self.outcome)
        if self.need:
            out.append(
                exists().where(
                    and_(
                        contact_needs.c.contact_id == contacts.c.id,
                        contact_needs.c.need == self.need,
                    )
                )
            )
        if self.text:
            pattern = (
                "%" + self.text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            )
            out.append(
                or_(
                    contacts.c.note.ilike(pattern, escape="\\"),
                    contacts.c.pseudonym.ilike(pattern, escape="\\"),
                )
            )
        return out


SORTABLE = {
    "date": (contacts.c.date, contacts.c.created_hlc),
    "neighbourhood": (contacts.c.neighbourhood, contacts.c.date),
    "outcome": (contacts.c.outcome, contacts.c.date),
    "age_band": (contacts.c.age_band, contacts.c.date),
}


class FieldStore:
    """Events and projections of one device's store."""

    def __init__(self, engine: Engine, device_id: str) -> None:
        self.engine = engine
        self.device_id = device_id
        with engine.connect() as conn:
            last = conn.execute(
                select(func.max(events.c.hlc)).where(events.c.device_id == device_id)
            ).scalar()
        self.clock = HybridClock(last=Hlc.parse(last) if last else None)

    # -- writing ---------------------------------------------------------------------------------

    def record(self, type_: EventType, entity_id: str, payload: Mapping[str, Any]) -> Event:
        """Append one event and project it; returns once it is durable."""
        with write_transaction(self.engine) as conn:
            return self.append(conn, type_, entity_id, payload)

    def append(
        self, conn: Connection, type_: EventType, entity_id: str, payload: Mapping[str, Any]
    ) -> Event:
        """Append within the caller's write transaction (several events commit together)."""
        last_seq = conn.execute(
            select(func.max(events.c.seq)).where(events.c.device_id == self.device_id)
        ).scalar()
        event = Event(
            id=uuid7(),
            device_id=self.device_id,
            seq=(last_seq or 0) + 1,
            hlc=self.clock.tick().encode(),
            type=str(type_),
            entity_id=entity_id,
            payload=dict(payload),
            schema=SCHEMA_VERSION,
        )
        append_events(conn, [event])
        return event

    # -- settings kept inside the encrypted database ----------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(profile_settings.c.value).where(profile_settings.c.key == key)
            ).scalar()
        return default if value is None else json.loads(value)

    def set_setting(self, key: str, value: Any) -> None:
        with write_transaction(self.engine) as conn:
            write_setting(conn, key, value)

    # -- reading ---------------------------------------------------------------------------------

    def neighbourhoods(self) -> list[str]:
        """Distinct neighbourhood codes of the contacts (read from their index)."""
        with self.engine.connect() as conn:
            codes = conn.execute(select(contacts.c.neighbourhood).distinct()).scalars().all()
        return sorted(str(c) for c in codes)

    def count_contacts(self, flt: ContactFilter = ContactFilter()) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.count()).select_from(contacts).where(*flt.clauses())
                ).scalar()
                or 0
            )

    def list_contacts(
        self,
        flt: ContactFilter = ContactFilter(),
        *,
        offset: int = 0,
        limit: int | None = None,
        sort: str = "date",
        descending: bool = True,
    ) -> list[dict[str, Any]]:
        """Contacts as dicts (needs and registrations included), newest first by default."""
        keys = SORTABLE.get(sort, SORTABLE["date"])
        order = [k.desc() if descending else k.asc() for k in keys]
        query = (
            select(contacts).where(*flt.clauses()).order_by(*order, contacts.c.id).offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(query)]
            _attach_choices(conn, rows)
        return rows

    def get_contact(self, contact_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(contacts).where(contacts.c.id == contact_id)).first()
            if row is None:
                raise UnknownRecord("contact", contact_id)
            out = [dict(row._mapping)]
            _attach_choices(conn, out)
        return out[0]

    def save_relay_code(self, conn: Connection, handover_id: str, code: str) -> None:
        """Keep a handover's raw code relais, on this device only (never in an event)."""
        conn.execute(insert(relay_codes).values(handover_id=handover_id, code=code))

    @staticmethod
    def drop_orphan_relay_codes(conn: Connection) -> None:
        """Forget the codes of handovers that no longer exist here (erased, purged)."""
        conn.execute(
            relay_codes.delete().where(relay_codes.c.handover_id.not_in(select(handovers.c.id)))
        )

    def relay_code(self, handover_id: str) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(relay_codes.c.code).where(relay_codes.c.handover_id == handover_id)
            ).scalar()
        return str(value) if value is not None else None

    def get_handover(self, handover_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(_handovers_with_code().where(handovers.c.id == handover_id)).first()
            if row is None:
                raise UnknownRecord("handover", handover_id)
            out = dict(row._mapping)
            out["history"] = [
                dict(h._mapping)
                for h in conn.execute(
                    select(
                        handover_history.c.status, handover_history.c.at, handover_history.c.reason
                    )
                    .where(handover_history.c.handover_id == handover_id)
                    .order_by(handover_history.c.at, handover_history.c.event_id)
                )
            ]
        return out

    def list_handovers(
        self, *, status: Sequence[str] | None = None, contact_id: str | None = None
    ) -> list[dict[str, Any]]:
        query = _handovers_with_code().order_by(
            handovers.c.follow_up.is_(None), handovers.c.follow_up
        )
        if status:
            query = query.where(handovers.c.status.in_(list(status)))
        if contact_id:
            query = query.where(handovers.c.contact_id == contact_id)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query)]

    def entity_history(self, entity_id: str) -> list[Event]:
        """Every event about one record, oldest first (the record's visible history)."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(events).where(events.c.entity_id == entity_id).order_by(events.c.hlc)
            )
            return [row_to_event(r._mapping) for r in rows]

    def events_from(self, first_seq: int, limit: int | None = None) -> Iterator[Event]:
        """This device's events from `first_seq` on, in seq order (what sync seals)."""
        query = (
            select(events)
            .where(events.c.device_id == self.device_id, events.c.seq >= first_seq)
            .order_by(events.c.seq)
        )
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        for r in rows:
            yield row_to_event(r._mapping)

    def last_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(
                conn.execute(
                    select(func.max(events.c.seq)).where(events.c.device_id == self.device_id)
                ).scalar()
                or 0
            )

    def rebuild_projections(self) -> None:
        """Recompute every projection from the event log (after a schema change, or to repair)."""
        with write_transaction(self.engine) as conn:
            rebuild_all(conn)


# -- helpers ---------------------------------------------------------------------------------------


def _handovers_with_code() -> Select[Any]:
    """Handover rows with their raw code relais as `code` (None for older handovers)."""
    return select(handovers, relay_codes.c.code).select_from(
        handovers.outerjoin(relay_codes, relay_codes.c.handover_id == handovers.c.id)
    )


def write_setting(conn: Connection, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False)
    updated = conn.execute(
        update(profile_settings).where(profile_settings.c.key == key).values(value=text)
    )
    if updated.rowcount == 0:
        conn.execute(insert(profile_settings).values(key=key, value=text))


def _attach_choices(conn: Connection, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    by_id = {r["id"]: r for r in rows}
    for r in rows:
        r["needs"] = []
        r["registrations"] = []
    ids = list(by_id)
    for chunk in _chunks(ids, 500):
        for cid, need in conn.execute(
            select(contact_needs.c.contact_id, contact_needs.c.need)
            .where(contact_needs.c.contact_id.in_(chunk))
            .order_by(contact_needs.c.contact_id, contact_needs.c.need)
        ):
            by_id[cid]["needs"].append(need)
        for cid, reg in conn.execute(
            select(contact_registrations.c.contact_id, contact_registrations.c.registration)
            .where(contact_registrations.c.contact_id.in_(chunk))
            .order_by(contact_registrations.c.contact_id, contact_registrations.c.registration)
        ):
            by_id[cid]["registrations"].append(reg)


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
