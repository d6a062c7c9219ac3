"""Is this event's payload one a Relais device could have written? The coordinator asks it of
every event it merges (`sync/merge_pipeline.prepare`), with the device's own parsers.

A valid signature only proves *which* device sent a batch; it does not make its content
acceptable. So each payload goes again through exactly what the device's write path runs before
it records the event (`services/field.py`): `parse_contact` for a contact and its amendment,
`parse_handover` for a proposal, `parse_status_change`, `parse_schedule_change`,
`parse_status_undo`, the text rule of `domain/text.py` (inside the parsers' `FieldReader`), the
note guard `pii.scan` on every free text that leaves a device (note, partner, reasons), and size
limits. One code path: a payload the device would refuse is refused here, with the same message.

Dates are judged against the coordinator's tomorrow, later than any day the device judged them
against: a batch delivered late stays valid, a forged clock changes nothing. Vocabularies are
the ones of this Relais version (`domain/vocab.py`, one version per release; docs/merge.md).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

from fieldapp.domain import pii
from fieldapp.domain.contacts import parse_contact
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.feedback import parse_feedback
from fieldapp.domain.handovers import (
    parse_handover,
    parse_schedule_change,
    parse_status_change,
    parse_status_undo,
)
from fieldapp.domain.presence_payloads import PRESENCE_KINDS, presence_note
from fieldapp.domain.receptions import parse_reception
from fieldapp.domain.relay_code import is_code_hmac
from fieldapp.domain.text import TextRefused
from fieldapp.domain.text import clean as clean_text
from fieldapp.domain.unmet_needs import parse_need_unmet
from fieldapp.messages import Text

__all__ = ["MAX_PAYLOAD_BYTES", "PayloadRefused", "check_event"]

# One event's payload, serialised: a contact with a full 2,000-character note of 4-byte
# characters stays below it (8 KiB), a 200 KB note does not.
MAX_PAYLOAD_BYTES = 16 * 1024
VOID_REASON_MAX_CHARS = 500  # services/field.MAX_VOID_REASON: the same bound

# Kinds whose payload the merge's erasure code reads itself (storage/erasure.py) and stubs.
_CHECKED_ELSEWHERE = frozenset({EventType.PERSON_ERASED, EventType.RECORDS_PURGED})
_STUB = "record.erased"


class PayloadRefused(ValidationError):
    """An event's payload that no device would have written: `seq` and the problems by field."""

    def __init__(self, seq: int, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.seq = seq

    @property
    def field(self) -> str:
        return self.problems[0].field if self.problems else "payload"


def _reference_day(today: dt.date | None = None) -> dt.date:
    """The day dates are judged against: the coordinator's tomorrow (time zones up to 14 h
    ahead of UTC). Later than any day the device could have judged against, so a batch
    delivered late never fails "not in the future" nor "at most a year ahead"; a device clock
    set years ahead or behind changes nothing here (what such a clock may win over is the
    merge's ownership rule, docs/merge.md)."""
    return (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=1)


def _guard(problems: list[Problem], field: str, text: object, day: dt.date) -> None:
    if isinstance(text, str) and text and pii.scan(text, today=day):
        found = "; ".join(pii.summary(pii.scan(text, today=day)))
        problems.append(Problem(field, Text("domain.payload.personal_data", found=found)))


def _void_reason(payload: Mapping[str, Any], problems: list[Problem], day: dt.date) -> None:
    if set(payload) != {"reason"} or not isinstance(payload["reason"], str):
        problems.append(Problem("reason", Text("domain.payload.shape", keys="reason")))
        return
    try:
        reason = clean_text(payload["reason"], note=True)
    except TextRefused as refused:
        problems.append(Problem("reason", refused.text))
        return
    if not reason or len(reason) > VOID_REASON_MAX_CHARS:
        problems.append(
            Problem("reason", Text("domain.payload.too_long", max=VOID_REASON_MAX_CHARS))
        )
        return
    _guard(problems, "reason", reason, day)


def _checked(event: Event, day: dt.date) -> list[Problem]:
    payload = event.payload
    problems: list[Problem] = []
    match event.type:
        case EventType.CONTACT_RECORDED | EventType.CONTACT_AMENDED:
            contact = parse_contact(payload, today=day)
            _guard(problems, "note", contact.note, day)
        case EventType.CONTACT_VOIDED:
            _void_reason(payload, problems, day)
        case EventType.HANDOVER_PROPOSED:
            # The proposal is the parsed handover plus its moment (`at`, checked like a status's).
            # Since issue 16 it may carry `code_hmac`, the code relais's HMAC (never the code).
            fields = {k: v for k, v in payload.items() if k not in ("at", "code_hmac")}
            handover = parse_handover(fields, today=day)
            parse_status_change({"status": "propose", "at": payload.get("at")})
            _guard(problems, "partner", handover.partner, day)
            if "code_hmac" in payload and not is_code_hmac(payload["code_hmac"]):
                problems.append(Problem("code_hmac", Text("domain.relay_code.hmac")))
        case EventType.HANDOVER_STATUS_CHANGED:
            change = parse_status_change(payload)
            _guard(problems, "reason", change.reason, day)
        case EventType.HANDOVER_RESCHEDULED:
            parse_schedule_change(payload, today=day)
        case EventType.HANDOVER_STATUS_UNDONE:
            parse_status_undo(payload)
        case EventType.RECEPTION_RECORDED:
            parse_reception(payload, today=day)  # codes only: no free text to guard
        case EventType.CONTACT_NEED_UNMET:
            parse_need_unmet(payload)
        case EventType.DIRECTORY_FEEDBACK:
            _guard(problems, "comment", parse_feedback(payload, today=day).comment, day)
        case EventType.OUTING_VOIDED | EventType.ACTION_VOIDED:
            _void_reason(payload, problems, day)
        case kind if kind in PRESENCE_KINDS:
            _guard(problems, "note", presence_note(event, day), day)
        case kind if kind in _CHECKED_ELSEWHERE or kind == _STUB:
            pass
        case _:
            # handover.amended and any kind this version does not write.
            problems.append(Problem("type", Text("domain.payload.kind", kind=event.type)))
    return problems


def check_event(event: Event, *, today: dt.date | None = None) -> None:
    """Raise PayloadRefused (its seq, the field, the device's own message) when `event`'s payload
    is not one a device running this version could have written."""
    size = len(json.dumps(event.payload, ensure_ascii=False, separators=(",", ":")).encode())
    if size > MAX_PAYLOAD_BYTES:
        text = Text("domain.payload.too_big", size=size, max=MAX_PAYLOAD_BYTES)
        raise PayloadRefused(event.seq, [Problem("payload", text)])
    if not event.payload:
        return  # an empty payload has its own quarantine reason (sync/merge.py: empty_payload)
    try:
        problems = _checked(event, _reference_day(today))
    except ValidationError as refused:
        problems = list(refused.problems)
    if problems:
        raise PayloadRefused(event.seq, problems)
