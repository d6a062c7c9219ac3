"""Erasing a person and the retention purge, for the CLI and the window (docs/privacy.md).

Both remove records from this notebook at once (storage.erasure) and append an event that
carries the same decision to the coordinator's store at the next merge. Both are audited with
counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from fieldapp.domain.events import EventType
from fieldapp.domain.pseudonym import parse_pseudonym
from fieldapp.services import packs
from fieldapp.services.field import FieldService
from fieldapp.storage import audit, erasure, presence_erasure
from fieldapp.storage.confirmations import drop_orphans
from fieldapp.storage.engine import truncate_wal, write_transaction
from fieldapp.sync.pack import DEFAULT_RETENTION_MONTHS

NOTICE_DAYS: Final = 30  # records purged within this many days are announced in Aujourd'hui


@dataclass(frozen=True)
class Removed:
    contacts: int
    handovers: int


@dataclass(frozen=True)
class RetentionStatus:
    months: int
    limit: date  # records dated before this day are past retention today
    due_contacts: int  # already past: removed at the next purge
    soon_contacts: int  # past within NOTICE_DAYS
    soon_handovers: int


def erase_person(service: FieldService, code: str) -> Removed:
    """Every record of the person with this pseudonym, here now and at the coordinator later.

    Raises ValueError (French) for a malformed code. A code unknown here still sends its
    tombstone: other devices may have met the person.
    """
    pseudonym = parse_pseudonym(code)
    with write_transaction(service.engine) as conn:
        found = erasure.erase_records(conn, erasure.contacts_of_person(conn, pseudonym))
        service.store.drop_orphan_relay_codes(conn)  # a code of an erased handover goes too
        drop_orphans(conn)  # and what a receiving structure confirmed about it
        service.store.append(
            conn,
            EventType.PERSON_ERASED,
            erasure.person_entity(pseudonym),
            {"pseudonym": pseudonym},
        )
        audit.record(conn, service.device_id, "erase", contacts=found[0], handovers=found[1])
    truncate_wal(service.engine)
    return Removed(*found)


def person_records(service: FieldService, code: str) -> Removed:
    """What `erase_person` would remove here (for the confirmation). ValueError if malformed."""
    pseudonym = parse_pseudonym(code)
    with service.engine.connect() as conn:
        ids = erasure.contacts_of_person(conn, pseudonym)
        return Removed(len(ids), len(erasure.handovers_of(conn, ids)))


def retention_months(service: FieldService) -> int:
    pack = packs.installed_pack(service)
    return pack.retention_months if pack is not None else DEFAULT_RETENTION_MONTHS


def retention_limit(months: int, today: date) -> date:
    """The first day still kept: `months` calendar months before `today` (clamped day)."""
    month_index = today.year * 12 + today.month - 1 - months
    year, month = divmod(month_index, 12)
    for day in (today.day, 30, 29, 28):
        try:
            return date(year, month + 1, day)
        except ValueError:
            continue
    raise AssertionError("unreachable: day 28 exists in every month")


def retention_status(service: FieldService, today: date | None = None) -> RetentionStatus:
    day = today or date.today()
    months = retention_months(service)
    limit = retention_limit(months, day)
    with service.engine.connect() as conn:
        due, _ = erasure.count_before(conn, limit)
        soon, soon_handovers = erasure.count_before(conn, limit + timedelta(days=NOTICE_DAYS))
    return RetentionStatus(months, limit, due, soon - due, soon_handovers)


def apply_retention(service: FieldService, today: date | None = None) -> Removed:
    """Remove the records past retention (nothing, and no event, when none are)."""
    day = today or date.today()
    limit = retention_limit(retention_months(service), day)
    with write_transaction(service.engine) as conn:
        ids = erasure.contacts_before(conn, limit)
        old_presence = presence_erasure.presence_before(conn, limit)  # rounds, actions
        if not ids and not old_presence:
            return Removed(0, 0)
        found = erasure.erase_records(conn, ids)
        service.store.drop_orphan_relay_codes(conn)
        drop_orphans(conn)
        presence_erasure.erase_presence(conn, old_presence)
        service.store.append(
            conn,
            EventType.RECORDS_PURGED,
            f"purge:{limit.isoformat()}",
            {"before": limit.isoformat()},
        )
        audit.record(conn, service.device_id, "purge", contacts=found[0], handovers=found[1])
    truncate_wal(service.engine)
    return Removed(*found)
