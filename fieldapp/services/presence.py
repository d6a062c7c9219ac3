"""Street rounds and joint actions (issue 17) for the CLI and the window: record, amend, void,
list; and the check that a contact or handover names a round or action of this device."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, TypeVar

from fieldapp.domain.actions import Action, parse_action
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.events import EventType
from fieldapp.domain.ids import uuid7
from fieldapp.domain.presence import Outing, parse_outing
from fieldapp.domain.text import TextRefused
from fieldapp.domain.text import clean as clean_text
from fieldapp.messages import Text
from fieldapp.services.field import MAX_VOID_REASON, FieldService, PersonalDataInNote, guard_text
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.presence_store import get_record, list_records
from fieldapp.storage.store import write_setting

Record = TypeVar("Record", Outing, Action)
# (record type, parser, event types recorded / amended / voided)
_KINDS: dict[str, tuple[Callable[..., Any], EventType, EventType, EventType]] = {
    "outing": (
        parse_outing,
        EventType.OUTING_RECORDED,
        EventType.OUTING_AMENDED,
        EventType.OUTING_VOIDED,
    ),
    "action": (
        parse_action,
        EventType.ACTION_RECORDED,
        EventType.ACTION_AMENDED,
        EventType.ACTION_VOIDED,
    ),
}


class PresenceService:
    """The field service's rounds and actions (the same store, events and note guard)."""

    def __init__(self, field: FieldService) -> None:
        self.field = field

    def record(
        self,
        kind: str,
        items: Sequence[Mapping[str, Any]],
        *,
        today: date | None = None,
        redact: bool = False,
    ) -> list[str]:
        """All or nothing, like `FieldService.record_contacts`: every item validated (fields
        prefixed by its position when there are several) before any is saved."""
        parse, recorded, _, _ = _KINDS[kind]
        day = today or date.today()
        parsed: list[Outing | Action] = []
        problems: list[Problem] = []
        only_personal_data = True
        for n, item in enumerate(items, start=1):
            prefix = f"n°{n} " if len(items) > 1 else ""
            try:
                parsed.append(self._guarded(parse(item, today=day), redact, day))
            except ValidationError as exc:
                only_personal_data &= isinstance(exc, PersonalDataInNote)
                problems.extend(Problem(prefix + p.field, p.text) for p in exc.problems)
        if problems:
            raise (PersonalDataInNote if only_personal_data else ValidationError)(problems)
        ids = [uuid7() for _ in parsed]
        with write_transaction(self.field.engine) as conn:
            for record_id, record in zip(ids, parsed, strict=True):
                self.field.store.append(conn, recorded, record_id, record.to_payload())
            if parsed:
                write_setting(conn, "last_neighbourhood", parsed[-1].neighbourhood)
        return ids

    def record_outing(self, data: Mapping[str, Any], **kwargs: Any) -> str:
        return self.record("outing", [data], **kwargs)[0]

    def record_action(self, data: Mapping[str, Any], **kwargs: Any) -> str:
        return self.record("action", [data], **kwargs)[0]

    def amend(
        self,
        kind: str,
        record_id: str,
        changes: Mapping[str, Any],
        *,
        today: date | None = None,
        redact: bool = False,
    ) -> None:
        """The whole record again, with `changes` applied (null clears an optional field)."""
        parse, _, amended, _ = _KINDS[kind]
        row = self.get(kind, record_id)
        if row["voided"]:
            raise ValidationError([Problem(kind, Text("services.field.voided_locked"))])
        current = parse(_payload(kind, row), today=max(today or date.today(), _day(row)))
        merged = current.to_payload() | dict(changes)
        merged = {k: v for k, v in merged.items() if v is not None}
        record = self._guarded(parse(merged, today=today or date.today()), redact, date.today())
        self.field.store.record(amended, record_id, record.to_payload())

    def void(self, kind: str, record_id: str, reason: str, *, redact: bool = False) -> None:
        _, _, _, voided = _KINDS[kind]
        row = self.get(kind, record_id)
        try:
            reason = clean_text(reason, note=True).strip()
        except TextRefused as refused:
            raise ValidationError([Problem("reason", refused.text)]) from None
        if not reason or len(reason) > MAX_VOID_REASON:
            text = Text("services.field.void_reason", max=MAX_VOID_REASON)
            raise ValidationError([Problem("reason", text)])
        reason = guard_text(reason, field="reason", redact=redact, today=date.today())
        if row["voided"]:
            raise ValidationError([Problem(kind, Text("services.field.already_voided"))])
        self.field.store.record(voided, record_id, {"reason": reason})

    def get(self, kind: str, record_id: str) -> dict[str, Any]:
        return get_record(self.field.engine, kind, record_id)

    def list(self, kind: str, *, include_voided: bool = False) -> list[dict[str, Any]]:
        return list_records(self.field.engine, kind, include_voided=include_voided)

    def _guarded(self, record: Record, redact: bool, day: date) -> Record:
        if not record.note:
            return record
        note = guard_text(
            record.note, field="note", redact=redact, today=day, code="services.field.personal_data"
        )
        return record if note == record.note else replace(record, note=note)


def _day(row: Mapping[str, Any]) -> date:
    return date.fromisoformat(str(row["date"]))


def _payload(kind: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row back as the record's input (what its parser reads)."""
    if kind == "outing":
        names: tuple[str, ...] = (
            "date",
            "slot",
            "neighbourhood",
            "commune",
            "duration_minutes",
            "seen",
            "ambiance",
            "mediations",
            "note",
        )
    else:
        names = (
            "date",
            "neighbourhood",
            "commune",
            "action_type",
            "partners",
            "employers",
            "participants",
            "note",
        )
    return {k: row[k] for k in names if row.get(k) is not None}
