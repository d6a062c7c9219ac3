"""What a field worker does with Relais, as one service used by both the CLI and the window."""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any, Final

from sqlalchemy import Engine

from fieldapp.domain import pii
from fieldapp.domain.contacts import CONTACT_FIELDS, Contact, amend_contact, parse_contact
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.handovers import (
    INITIAL_STATUS,
    check_transition,
    is_terminal,
    parse_handover,
    parse_schedule_change,
    parse_status_change,
    parse_status_undo,
    undo_target,
)
from fieldapp.domain.ids import uuid7
from fieldapp.domain.projection import fold
from fieldapp.domain.relay_code import code_hmac, new_code
from fieldapp.domain.text import TextRefused
from fieldapp.domain.text import clean as clean_text
from fieldapp.errors import DamagedError
from fieldapp.messages import Text
from fieldapp.storage import audit
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.home import Home
from fieldapp.storage.presence_store import check_links
from fieldapp.storage.store import ContactFilter, FieldStore, UnknownRecord, write_setting

MAX_VOID_REASON = 500
# The profile setting that holds the coordination joined (services/sync.py writes it).
COORDINATION_KEY: Final = "coordination"


class PersonalDataInNote(ValidationError):
    """A note holds what looks like personal data; one problem per kind found."""


class IncompleteProfile(DamagedError):
    """The database opened but holds no device identity (a profile creation cut short)."""

    def __init__(self) -> None:
        super().__init__("services.field.incomplete_profile")


def guard_text(text: str, *, field: str, redact: bool, today: date, code: str = "") -> str:
    """The note guard on one free text that leaves the device: refuse it when it holds personal
    data, or mask that data when the user asked to (`redact`). Guarded fields: docs/privacy.md."""
    findings = pii.scan(text, today=today) if text else []
    if not findings:
        return text
    if redact:
        return pii.redact(text, findings, today=today)
    raise PersonalDataInNote(
        Problem(field, Text(code or "services.field.personal_data_text", found=line))
        for line in pii.summary(findings)
    )


def guard_note(contact: Contact, *, redact: bool, today: date, field: str = "note") -> Contact:
    """Refuse a note with personal data, or mask it when the user asked to (`redact`)."""
    if not contact.note:
        return contact
    note = guard_text(
        contact.note, field=field, redact=redact, today=today, code="services.field.personal_data"
    )
    return contact if note == contact.note else replace(contact, note=note)


class FieldService:
    def __init__(self, home: Home, engine: Engine, store: FieldStore, structure: dict[str, str]):
        self.home = home
        self.engine = engine
        self.store = store
        self.structure = structure

    @classmethod
    def load(cls, home: Home, engine: Engine) -> FieldService:
        probe = FieldStore(engine, device_id="")
        device_id = probe.get_setting("device_id")
        structure = probe.get_setting("structure")
        if not device_id or not structure:
            raise IncompleteProfile()
        return cls(home, engine, FieldStore(engine, device_id), structure)

    @property
    def device_id(self) -> str:
        return self.store.device_id

    @cached_property
    def is_demo(self) -> bool:
        """A demonstration profile (`create_profile(demo=True)`), fictional data only."""
        return self.store.get_setting("demo") is True

    def close(self) -> None:
        self.engine.dispose()

    # -- contacts ----------------------------------------------------------------------------------

    def record_contact(
        self, data: Mapping[str, Any], *, today: date | None = None, redact: bool = False
    ) -> str:
        """Validate and save one contact; returns its id once the save is durable."""
        day = today or date.today()
        contact = guard_note(parse_contact(data, today=day), redact=redact, today=day)
        check_links(self.engine, [("", contact.to_payload())])
        contact_id = uuid7()
        with write_transaction(self.engine) as conn:
            self.store.append(conn, EventType.CONTACT_RECORDED, contact_id, contact.to_payload())
            write_setting(conn, "last_neighbourhood", contact.neighbourhood)
        return contact_id

    def record_contacts(
        self,
        items: Sequence[Mapping[str, Any]],
        *,
        today: date | None = None,
        redact: bool = False,
        settings: Mapping[str, Any] | None = None,
    ) -> list[str]:
        """All or nothing: every item is validated before any is saved.

        `settings` are written in the same transaction (the import's file digest: remembered if
        and only if its contacts are saved).

        Raises ValidationError (PersonalDataInNote when only notes are at fault) whose fields are
        prefixed by the item's position (1-based) when there are several items.
        """
        parsed: list[Contact] = []
        problems: list[Problem] = []
        only_personal_data = True
        day = today or date.today()
        for n, item in enumerate(items, start=1):
            prefix = f"n°{n} " if len(items) > 1 else ""
            try:
                parsed.append(guard_note(parse_contact(item, today=day), redact=redact, today=day))
            except ValidationError as exc:
                only_personal_data &= isinstance(exc, PersonalDataInNote)
                problems.extend(Problem(prefix + p.field, p.text) for p in exc.problems)
        if problems:
            raise (PersonalDataInNote if only_personal_data else ValidationError)(problems)
        prefixes = [f"n°{n} " if len(parsed) > 1 else "" for n in range(1, len(parsed) + 1)]
        check_links(self.engine, zip(prefixes, (c.to_payload() for c in parsed), strict=True))
        ids = [uuid7() for _ in parsed]
        with write_transaction(self.engine) as conn:
            for contact_id, contact in zip(ids, parsed, strict=True):
                self.store.append(
                    conn, EventType.CONTACT_RECORDED, contact_id, contact.to_payload()
                )
            if parsed:
                write_setting(conn, "last_neighbourhood", parsed[-1].neighbourhood)
            for key, value in (settings or {}).items():
                write_setting(conn, key, value)
        return ids

    def amend_contact(
        self,
        contact_id: str,
        changes: Mapping[str, Any],
        *,
        today: date | None = None,
        redact: bool = False,
    ) -> None:
        day = today or date.today()
        current = self._contact_model(contact_id)
        amended = guard_note(amend_contact(current, changes, today=day), redact=redact, today=day)
        check_links(self.engine, [("", amended.to_payload())])
        self.store.record(EventType.CONTACT_AMENDED, contact_id, amended.to_payload())

    def void_contact(self, contact_id: str, reason: str, *, redact: bool = False) -> None:
        row = self.store.get_contact(contact_id)
        try:
            reason = clean_text(reason, note=True).strip()
        except TextRefused as refused:
            raise ValidationError([Problem("reason", refused.text)]) from None
        if not reason or len(reason) > MAX_VOID_REASON:
            text = Text("services.field.void_reason", max=MAX_VOID_REASON)
            raise ValidationError([Problem("reason", text)])
        reason = guard_text(reason, field="reason", redact=redact, today=date.today())
        if row["voided"]:
            raise ValidationError([Problem("contact", Text("services.field.already_voided"))])
        self.store.record(EventType.CONTACT_VOIDED, contact_id, {"reason": reason})

    def contact(self, contact_id: str) -> dict[str, Any]:
        return self.store.get_contact(contact_id)

    def contacts(self, flt: ContactFilter = ContactFilter(), **kwargs: Any) -> list[dict[str, Any]]:
        return self.store.list_contacts(flt, **kwargs)

    def count_contacts(self, flt: ContactFilter = ContactFilter()) -> int:
        return self.store.count_contacts(flt)

    def history(self, entity_id: str) -> list[Event]:
        return self.store.entity_history(entity_id)

    # -- audit -------------------------------------------------------------------------------------

    def audit(self, action: str, **detail: Any) -> None:
        """One line in the encrypted audit log: counts and codes only (storage.audit checks)."""
        audit.record_quietly(self.engine, self.device_id, action, **detail)

    def audit_entries(self, limit: int = 200) -> list[dict[str, Any]]:
        return audit.entries(self.engine, limit)

    def neighbourhoods(self) -> list[str]:
        return self.store.neighbourhoods()

    def last_neighbourhood(self) -> str | None:
        value = self.store.get_setting("last_neighbourhood")
        return str(value) if value else None

    # -- handovers ---------------------------------------------------------------------------------

    def propose_handover(
        self, data: Mapping[str, Any], *, now: datetime | None = None, redact: bool = False
    ) -> str:
        day = (now or datetime.now(UTC)).date()
        handover = parse_handover(data, today=day)
        partner = guard_text(handover.partner, field="partner", redact=redact, today=day)
        handover = replace(handover, partner=partner)
        check_links(self.engine, [("", handover.to_payload())])
        from fieldapp.services.employers import check_partner  # it reads the installed pack

        check_partner(self, handover)
        contact = self.store.get_contact(handover.contact_id)
        if contact["voided"]:
            raise ValidationError([Problem("contact_id", Text("services.field.contact_voided"))])
        check_transition(None, INITIAL_STATUS)
        handover_id = uuid7()
        payload = handover.to_payload() | {"at": _stamp(now)}
        # Every handover gets a code relais; the proposal carries only its HMAC, and only once
        # the profile has joined a coordination (no territory key before: docs/privacy.md).
        code = new_code()
        key = self.territory_key()
        if key is not None:
            payload["code_hmac"] = code_hmac(key, code)
        with write_transaction(self.engine) as conn:
            self.store.append(conn, EventType.HANDOVER_PROPOSED, handover_id, payload)
            self.store.save_relay_code(conn, handover_id, code)
        return handover_id

    def handover_code(self, handover_id: str) -> str | None:
        """The handover's code relais, as given to the person (None for older handovers)."""
        self.store.get_handover(handover_id)  # UnknownRecord for an unknown id
        return self.store.relay_code(handover_id)

    def territory_key(self) -> bytes | None:
        """The territory key (pseudonyms, codes relais' HMAC), once the profile has joined."""
        stored = self.store.get_setting(COORDINATION_KEY)
        return base64.b64decode(stored["territory_key"]) if stored else None

    def change_handover_status(
        self,
        handover_id: str,
        status: str,
        *,
        reason: str | None = None,
        now: datetime | None = None,
        redact: bool = False,
    ) -> str:
        """Move a handover on; refuses a transition the lifecycle does not allow. Returns the
        change's event id (what `undo_status_change` takes)."""
        change = parse_status_change(
            {"status": status, "at": _stamp(now)} | ({"reason": reason} if reason else {})
        )
        if change.reason:
            day = (now or datetime.now(UTC)).date()
            guarded = guard_text(change.reason, field="reason", redact=redact, today=day)
            change = replace(change, reason=guarded)
        with write_transaction(self.engine) as conn:
            row = self.store.get_handover(handover_id)
            check_transition(row["status"], change.status, mode=row["mode"])
            event = self.store.append(
                conn, EventType.HANDOVER_STATUS_CHANGED, handover_id, change.to_payload()
            )
        return event.id

    def reschedule_handover(
        self, handover_id: str, changes: Mapping[str, Any], *, now: datetime | None = None
    ) -> None:
        """Change the follow-up date and/or the appointment (`{"follow_up": "2026-12-10"}`,
        `{"appointment": "2026-12-10T14:30+01:00"}`, null clears); one `handover.rescheduled`
        event, shown in the handover's history."""
        day = (now or datetime.now(UTC)).date()
        payload = {k: v for k, v in changes.items()} | {"at": _stamp(now)}
        change = parse_schedule_change(payload, today=day)
        row = self.store.get_handover(handover_id)
        if is_terminal(str(row["status"])):
            raise ValidationError([Problem("follow_up", Text("services.field.handover_closed"))])
        self.store.record(EventType.HANDOVER_RESCHEDULED, handover_id, change.to_payload())

    def undo_status_change(
        self, handover_id: str, event_id: str, *, now: datetime | None = None
    ) -> None:
        """Undo the status change `event_id` (the handover's last one): a correcting
        `handover.status_undone` event, kept in the history; the state goes back."""
        with write_transaction(self.engine) as conn:
            steps = fold(self.store.entity_history(handover_id)).handover_history
            target = undo_target(steps)
            if target is None:
                raise ValidationError([Problem("status", Text("domain.handover.undo_nothing"))])
            last, previous = target
            if last != event_id:
                raise ValidationError([Problem("status", Text("domain.handover.undo_not_last"))])
            undo = parse_status_undo({"at": _stamp(now), "undoes": event_id, "status": previous})
            self.store.append(
                conn, EventType.HANDOVER_STATUS_UNDONE, handover_id, undo.to_payload()
            )

    def handover(self, handover_id: str) -> dict[str, Any]:
        """The handover's row, its status history and its current `appointment` (ISO or None)."""
        row = self.store.get_handover(handover_id)
        appointment = None
        for event in self.store.entity_history(handover_id):
            if event.type == EventType.HANDOVER_RESCHEDULED and "appointment" in event.payload:
                appointment = event.payload["appointment"]
        return row | {"appointment": appointment}

    def handovers(self, **kwargs: Any) -> list[dict[str, Any]]:
        return self.store.list_handovers(**kwargs)

    # -- helpers -----------------------------------------------------------------------------------

    def _contact_model(self, contact_id: str) -> Contact:
        row = self.store.get_contact(contact_id)
        if row["voided"]:
            raise ValidationError([Problem("contact", Text("services.field.voided_locked"))])
        payload = {k: v for k, v in row.items() if k in CONTACT_FIELDS and v is not None}
        # An old contact may predate today's date limits; amending must not reject its own date.
        return parse_contact(payload, today=max(date.today(), date.fromisoformat(row["date"])))


def _stamp(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


__all__ = ["ContactFilter", "FieldService", "IncompleteProfile", "UnknownRecord"]
