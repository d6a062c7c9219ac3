"""Handovers (relais accompagnés) and their status lifecycle (DESIGN.md § Data model).

The states mirror the orientation states of Dora / Les Emplois de l'inclusion and RDV-Insertion,
so indicators can be compared with theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from fieldapp.domain._fields import FieldReader, shown, years_before
from fieldapp.domain.contacts import record_link
from fieldapp.domain.display import Label
from fieldapp.domain.employers import EMPLOYER_TRANSITIONS, is_employer_mode
from fieldapp.domain.errors import Problem, TransitionError, ValidationError
from fieldapp.domain.vocab import HANDOVER_MODES, HANDOVER_STATUSES
from fieldapp.messages import Text

INITIAL_STATUS = "propose"
# The territory sets both in its pack (`relance_jours`, `expiration_jours`, sync/pack.py); these
# are the values of a pack that says nothing, or of a profile without a pack (issue 16; the
# expiry delay was a fixed 90 days before).
RELANCE_DAYS_DEFAULT = 10
EXPIRY_DAYS_DEFAULT = 30
PARTNER_MAX_CHARS = 200
REASON_MAX_CHARS = 500
# A follow-up is a near-term reminder; a date years ahead is almost surely a typo.
FOLLOW_UP_MAX_AHEAD_DAYS = 366
_PAST_YEARS = 10

ALLOWED_TRANSITIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "propose": frozenset(
            {"rdv_fixe", "refus_personne", "refus_partenaire", "perdu_de_vue", "expire"}
        ),
        "rdv_fixe": frozenset(
            {
                "rdv_honore",
                "absent",
                "refus_personne",
                "refus_partenaire",
                "perdu_de_vue",
                "expire",
            }
        ),
        # A missed appointment can be rebooked.
        "absent": frozenset({"rdv_fixe", "refus_personne", "perdu_de_vue", "expire"}),
        "rdv_honore": frozenset(
            {"entre_dispositif", "refus_partenaire", "refus_personne", "perdu_de_vue", "expire"}
        ),
        "entre_dispositif": frozenset(),
        "refus_personne": frozenset(),
        "refus_partenaire": frozenset(),
        "perdu_de_vue": frozenset(),
        "expire": frozenset(),
    }
)
# Issue 18: a handover with an employer mode follows its own track (domain/employers.py).
_EVERY_TRANSITION: Mapping[str, frozenset[str]] = MappingProxyType(
    {**EMPLOYER_TRANSITIONS, **ALLOWED_TRANSITIONS}
)
TERMINAL_STATUSES = frozenset(code for code, nxt in _EVERY_TRANSITION.items() if not nxt)
OPEN_STATUSES = tuple(c for c in HANDOVER_STATUSES.codes() if c not in TERMINAL_STATUSES)
# Statuses whose change must say why (the partner's refusal is what the commission reviews).
REASON_REQUIRED = frozenset({"refus_partenaire"})

HANDOVER_FIELDS = (
    "contact_id",
    "partner",
    "partner_structure_id",
    "partner_service_id",
    "mode",
    "consent",
    "follow_up",
    "action_id",  # issue 17: the joint action it came from
)
STATUS_CHANGE_FIELDS = ("status", "at", "reason")
SCHEDULE_FIELDS = ("at", "follow_up", "appointment")
STATUS_UNDO_FIELDS = ("at", "undoes", "status")
CONSENT_MESSAGE = Text("domain.handover.consent_required")


def _unknown_status(status: str) -> ValidationError:
    return ValidationError(
        [
            Problem(
                "status",
                Text(
                    "domain.handover.status_unknown",
                    value=shown(status),
                    allowed=", ".join(HANDOVER_STATUSES.codes()),
                ),
            )
        ]
    )


def transitions_for(mode: str | None) -> Mapping[str, frozenset[str]]:
    """The track of a handover with this mode: the employer's for an employer mode."""
    return EMPLOYER_TRANSITIONS if is_employer_mode(mode) else ALLOWED_TRANSITIONS


def allowed_next(current: str | None, *, mode: str | None = None) -> tuple[str, ...]:
    """States reachable from `current` (None: no handover yet), in vocabulary order, on the
    track of a handover with `mode` (the usual track when not given)."""
    if current is None:
        return (INITIAL_STATUS,)
    if current not in _EVERY_TRANSITION:
        raise _unknown_status(current)
    allowed = transitions_for(mode).get(current, frozenset())
    return tuple(code for code in HANDOVER_STATUSES.codes() if code in allowed)


def is_terminal(status: str) -> bool:
    if status not in _EVERY_TRANSITION:
        raise _unknown_status(status)
    return status in TERMINAL_STATUSES


def check_transition(current: str | None, requested: str, *, mode: str | None = None) -> None:
    """Raise TransitionError unless `requested` may follow `current` on the track of a
    handover with `mode`."""
    if current is not None and current not in _EVERY_TRANSITION:
        raise TransitionError(
            current,
            requested,
            (),
            message=Text("domain.transition.current_unknown", current=current, requested=requested),
        )
    allowed = allowed_next(current, mode=mode)
    if requested not in allowed:
        raise TransitionError(current, requested, allowed)


@dataclass(frozen=True)
class Handover:
    """A validated handover. Build it with `parse_handover`."""

    contact_id: str
    partner: str
    partner_structure_id: str | None
    partner_service_id: str | None
    mode: str
    consent: bool
    follow_up: dt.date | None = None
    action_id: str | None = None

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "contact_id": self.contact_id,
            "partner": self.partner,
            "partner_structure_id": self.partner_structure_id,
            "partner_service_id": self.partner_service_id,
            "mode": self.mode,
            "consent": self.consent,
            "follow_up": self.follow_up.isoformat() if self.follow_up is not None else None,
            "action_id": self.action_id,
        }
        return {key: value for key, value in payload.items() if value is not None}


def parse_handover(data: Mapping[str, Any], *, today: dt.date | None = None) -> Handover:
    """Validate raw input into a Handover; all problems are raised together."""
    today = today if today is not None else dt.date.today()
    reader = FieldReader(data, record="handover", allowed=HANDOVER_FIELDS)

    contact_id = reader.text(
        "contact_id", required=True, max_len=100, what=Text("domain.what.identifier")
    )
    if contact_id is not None and any(ch.isspace() for ch in contact_id):
        reader.add("contact_id", "domain.handover.identifier_spaces")
        contact_id = None
    partner = reader.text("partner", required=True, max_len=PARTNER_MAX_CHARS)
    structure_id = reader.text(
        "partner_structure_id", required=False, max_len=200, what=Text("domain.what.identifier")
    )
    service_id = reader.text(
        "partner_service_id", required=False, max_len=200, what=Text("domain.what.identifier")
    )
    mode = reader.code("mode", HANDOVER_MODES)
    consent = _consent(reader)
    follow_up = reader.iso_date("follow_up", required=False)
    if follow_up is not None:
        if follow_up > today + dt.timedelta(days=FOLLOW_UP_MAX_AHEAD_DAYS):
            reader.add("follow_up", "domain.handover.follow_up_too_far")
        elif follow_up < years_before(today, _PAST_YEARS):
            reader.add("follow_up", "domain.handover.follow_up_too_old", years=_PAST_YEARS)
    action_id = record_link(reader, "action_id")
    if (
        is_employer_mode(mode)
        and structure_id is None
        and not reader.has_problem("partner_structure_id")
    ):
        # The employer's track and its monthly places need the employer of the directory.
        reader.add("partner_structure_id", "domain.employer.mode_needs_structure", mode=mode)

    reader.raise_if_any()
    assert contact_id is not None and partner is not None and mode is not None
    assert consent is not None
    return Handover(
        contact_id=contact_id,
        partner=partner,
        partner_structure_id=structure_id,
        partner_service_id=service_id,
        mode=mode,
        consent=consent,
        follow_up=follow_up,
        action_id=action_id,
    )


def amend_handover(
    current: Handover, changes: Mapping[str, Any], *, today: dt.date | None = None
) -> Handover:
    """Apply `changes` (null clears an optional field); the linked contact cannot change."""
    if "contact_id" in changes and changes["contact_id"] != current.contact_id:
        raise ValidationError([Problem("contact_id", Text("domain.handover.contact_fixed"))])
    merged: dict[str, Any] = current.to_payload()
    merged.update(changes)
    return parse_handover(merged, today=today)


def _consent(reader: FieldReader) -> bool | None:
    consent = reader.boolean("consent", required=False)
    if consent is None:
        if not reader.has_problem("consent"):
            reader.add("consent", CONSENT_MESSAGE)
        return None
    if not consent:
        reader.add("consent", CONSENT_MESSAGE)
        return None
    return consent


@dataclass(frozen=True)
class StatusChange:
    status: str
    at: dt.datetime  # timezone-aware, UTC
    reason: str | None = None

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"status": self.status, "at": _iso_utc(self.at)}
        if self.reason is not None:
            payload["reason"] = self.reason
        return payload


def parse_status_change(data: Mapping[str, Any]) -> StatusChange:
    """Validate a status change; whether it may follow the current one is `check_transition`."""
    reader = FieldReader(data, record="status_change", allowed=STATUS_CHANGE_FIELDS)
    status = reader.code("status", HANDOVER_STATUSES)
    at = _aware_datetime(reader, "at")
    reason = reader.text(
        "reason",
        required=False,
        max_len=REASON_MAX_CHARS,
        what=Text("domain.what.reason"),
        note=True,
    )
    if status in REASON_REQUIRED and reason is None and not reader.has_problem("reason"):
        reader.add(
            "reason", "domain.handover.reason_required", status=Label(HANDOVER_STATUSES, status)
        )
    reader.raise_if_any()
    assert status is not None and at is not None
    return StatusChange(status=status, at=at, reason=reason)


@dataclass(frozen=True)
class ScheduleChange:
    """A new follow-up date and/or appointment (`handover.rescheduled`). Only the fields in
    `changed` change; a changed field at None is cleared."""

    at: dt.datetime
    changed: frozenset[str]
    follow_up: dt.date | None = None
    appointment: dt.datetime | None = None  # timezone-aware, as typed (local time, its offset)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {"at": _iso_utc(self.at)}
        if "follow_up" in self.changed:
            payload["follow_up"] = self.follow_up.isoformat() if self.follow_up else None
        if "appointment" in self.changed:
            payload["appointment"] = (
                self.appointment.isoformat(timespec="minutes") if self.appointment else None
            )
        return payload


def parse_schedule_change(
    data: Mapping[str, Any], *, today: dt.date | None = None
) -> ScheduleChange:
    """Validate a `handover.rescheduled` payload: `at` (aware), and `follow_up` (ISO date) and/or
    `appointment` (ISO date-time with its zone), each possibly null (cleared)."""
    today = today if today is not None else dt.date.today()
    reader = FieldReader(data, record="schedule", allowed=SCHEDULE_FIELDS)
    at = _aware_datetime(reader, "at")
    changed = frozenset(
        k for k in ("follow_up", "appointment") if isinstance(data, Mapping) and k in data
    )
    if isinstance(data, Mapping) and not changed and not reader.problems:
        reader.add("follow_up", "domain.handover.schedule_empty")
    follow_up = None
    if "follow_up" in changed and data["follow_up"] is not None:
        follow_up = reader.iso_date("follow_up", required=True)
        if follow_up is not None:
            if follow_up > today + dt.timedelta(days=FOLLOW_UP_MAX_AHEAD_DAYS):
                reader.add("follow_up", "domain.handover.follow_up_too_far")
            elif follow_up < years_before(today, _PAST_YEARS):
                reader.add("follow_up", "domain.handover.follow_up_too_old", years=_PAST_YEARS)
    appointment = None
    if "appointment" in changed and data["appointment"] is not None:
        appointment = _aware_datetime(reader, "appointment", keep_zone=True)
        if appointment is not None:
            day = appointment.date()
            if day > today + dt.timedelta(days=FOLLOW_UP_MAX_AHEAD_DAYS):
                reader.add("appointment", "domain.handover.appointment_too_far")
            elif day < years_before(today, _PAST_YEARS):
                reader.add("appointment", "domain.handover.follow_up_too_old", years=_PAST_YEARS)
    reader.raise_if_any()
    assert at is not None
    return ScheduleChange(at=at, changed=changed, follow_up=follow_up, appointment=appointment)


@dataclass(frozen=True)
class StatusUndo:
    """`handover.status_undone`: the status change `undoes` (an event id) was a mistake; the
    handover is back to `status`, the state before it."""

    at: dt.datetime
    undoes: str
    status: str

    def to_payload(self) -> dict[str, Any]:
        return {"at": _iso_utc(self.at), "undoes": self.undoes, "status": self.status}


def parse_status_undo(data: Mapping[str, Any]) -> StatusUndo:
    reader = FieldReader(data, record="status_undo", allowed=STATUS_UNDO_FIELDS)
    at = _aware_datetime(reader, "at")
    undoes = reader.text("undoes", required=True, max_len=100, what=Text("domain.what.identifier"))
    status = reader.code("status", HANDOVER_STATUSES)
    reader.raise_if_any()
    assert at is not None and undoes is not None and status is not None
    return StatusUndo(at=at, undoes=undoes, status=status)


def undo_target(history: Sequence[Mapping[str, Any]]) -> tuple[str, str] | None:
    """(event id of the last status change, the status before it) from a handover's status
    history (oldest first, `event_id` and `status` per step); None when only the proposal is
    left. Only the last change can be undone, so an undo never skips a later one."""
    if len(history) < 2:
        return None
    return str(history[-1]["event_id"]), str(history[-2]["status"])


def _aware_datetime(
    reader: FieldReader, name: str, *, keep_zone: bool = False
) -> dt.datetime | None:
    value = reader.raw(name, required=True)
    if isinstance(value, str):
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            reader.add(name, "domain.handover.datetime_invalid", value=shown(value))
            return None
        value = parsed
    elif not isinstance(value, dt.datetime):
        if reader.has_problem(name):  # missing, already reported
            return None
        reader.add(name, "domain.handover.datetime_expected")
        return None
    if value.tzinfo is None or value.utcoffset() is None:
        # A naive time is ambiguous across devices in different zones or DST.
        reader.add(name, "domain.handover.timezone_missing")
        return None
    return value if keep_zone else value.astimezone(dt.UTC)


def _iso_utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def follow_up_due(follow_up: dt.date | str | None, status: str, today: dt.date) -> bool:
    """The follow-up falls today or has passed and the handover is still open: it is to be done.
    `follow_up` is a date or its ISO text, as the handover rows carry it."""
    if not follow_up:
        return False
    day = dt.date.fromisoformat(follow_up) if isinstance(follow_up, str) else follow_up
    return day <= today and not is_terminal(status)


def is_overdue(follow_up: dt.date | None, status: str, today: dt.date) -> bool:
    """The follow-up date has passed and the handover is still open."""
    return follow_up is not None and follow_up < today and not is_terminal(status)


def days_quiet(status_at: dt.datetime | str, today: dt.date) -> int:
    """Whole days since the handover's last status change (`status_at`, aware or its ISO text
    as the rows carry it), counted on its UTC date."""
    moment = dt.datetime.fromisoformat(status_at) if isinstance(status_at, str) else status_at
    return (today - moment.astimezone(dt.UTC).date()).days


def to_chase(
    status_at: dt.datetime | str, status: str, today: dt.date, days: int = RELANCE_DAYS_DEFAULT
) -> bool:
    """An open handover without news for `days` days: time to ask the partner or the person."""
    if days < 1:
        raise ValueError("le délai de relance doit être d'au moins un jour")
    return not is_terminal(status) and days_quiet(status_at, today) >= days


def is_expired(
    last_change: dt.datetime, status: str, now: dt.datetime, days: int = EXPIRY_DAYS_DEFAULT
) -> bool:
    """An open handover with no update for `days` days (it should move to « expire »)."""
    if days < 1:
        raise ValueError("le délai d'expiration doit être d'au moins un jour")
    if last_change.tzinfo is None or now.tzinfo is None:
        raise ValueError("dates avec fuseau horaire attendues")
    return not is_terminal(status) and now - last_change >= dt.timedelta(days=days)
