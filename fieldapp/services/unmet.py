"""Needs « sans solution » on a contact (issue 18, item 2): the worker marks the needs that no
service of the directory could take (the Annuaire proposes them, `directory.unmet_needs`); each
is one `contact.need_unmet` event on the contact, carried in the next batch like its other
changes, and counted by neighbourhood and month in the reports (docs/indicators.md)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.events import EventType
from fieldapp.domain.unmet_needs import parse_need_unmet
from fieldapp.messages import Text
from fieldapp.services.field import FieldService
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.schema import contact_unmet_needs

__all__ = ["mark_unmet", "unmet_of"]


def unmet_of(service: FieldService, contact_id: str) -> list[str]:
    """The contact's needs already marked « sans solution »."""
    t = contact_unmet_needs
    with service.engine.connect() as conn:
        rows = conn.execute(select(t.c.need).where(t.c.contact_id == contact_id).order_by(t.c.need))
        return [str(need) for need in rows.scalars()]


def mark_unmet(
    service: FieldService, contact_id: str, needs: Sequence[str], *, now: datetime | None = None
) -> list[str]:
    """Mark these needs of the contact « sans solution »; returns the ones newly marked (a need
    already marked is left as it is). Refuses a need the contact does not have, or a voided
    contact."""
    row = service.contact(contact_id)
    if row["voided"]:
        raise ValidationError([Problem("contact", Text("services.field.voided_locked"))])
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    changes = [parse_need_unmet({"need": need, "at": stamp}) for need in needs]
    missing = [c.need for c in changes if c.need not in (row.get("needs") or ())]
    if missing:
        text = Text("services.unmet.not_a_need", needs=", ".join(missing))
        raise ValidationError([Problem("need", text)])
    already = set(unmet_of(service, contact_id))
    fresh = [c for c in changes if c.need not in already]
    with write_transaction(service.engine) as conn:
        for change in fresh:
            service.store.append(
                conn, EventType.CONTACT_NEED_UNMET, contact_id, change.to_payload()
            )
    return [c.need for c in fresh]
