"""Receptions: what a receiving structure records about a code relais (issue 16).

A Mission locale, France Travail, Cap emploi, SIAE or training body types or scans the code the
person brings, then records what happened: one `reception.recorded` event per status, payload
`{"code_hmac", "status", "date", "reason"?}`. No identity, no free text: the reason of a refusal
is a code of `RECEPTION_REFUSAL_REASONS`. The coordinator pairs these events with the sender's
handover by `code_hmac` (reports/relay_indicators.py), whatever arrives first.

The path: `accueilli` first, then one of `entre_dispositif`, `reoriente`, `refus_structure`,
`sans_suite`; a structure may also decline or close without having received the person
(`refus_structure`, `sans_suite` straight away). The device enforces the path
(`check_reception`); the coordinator counts what it is sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from fieldapp.domain._fields import FieldReader, years_before
from fieldapp.domain.display import Label
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.relay_code import is_code_hmac
from fieldapp.domain.vocab import RECEPTION_REFUSAL_REASONS, RECEPTION_STATUSES
from fieldapp.messages import Text

RECEPTION_FIELDS = ("code_hmac", "status", "date", "reason")
REASON_STATUS = "refus_structure"
CONFIRMED_STATUSES = frozenset({"accueilli", "entre_dispositif"})
_PAST_YEARS = 10

# None: nothing recorded yet for this code on this device.
RECEPTION_TRANSITIONS: Mapping[str | None, frozenset[str]] = MappingProxyType(
    {
        None: frozenset({"accueilli", "refus_structure", "sans_suite"}),
        "accueilli": frozenset({"entre_dispositif", "reoriente", "refus_structure", "sans_suite"}),
        "entre_dispositif": frozenset(),
        "reoriente": frozenset(),
        "refus_structure": frozenset(),
        "sans_suite": frozenset(),
    }
)


@dataclass(frozen=True)
class Reception:
    code_hmac: str
    status: str
    date: dt.date
    reason: str | None = None

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "code_hmac": self.code_hmac,
            "status": self.status,
            "date": self.date.isoformat(),
        }
        if self.reason is not None:
            payload["reason"] = self.reason
        return payload


def parse_reception(data: Mapping[str, Any], *, today: dt.date | None = None) -> Reception:
    """Validate a `reception.recorded` payload; all problems are raised together."""
    today = today if today is not None else dt.date.today()
    reader = FieldReader(data, record="reception", allowed=RECEPTION_FIELDS)
    value = reader.raw("code_hmac", required=True)
    code_hmac = value if is_code_hmac(value) else None
    if code_hmac is None and not reader.has_problem("code_hmac"):
        reader.add("code_hmac", "domain.relay_code.hmac")
    status = reader.code("status", RECEPTION_STATUSES)
    date = reader.iso_date("date", required=True)
    if date is not None:
        if date > today:
            reader.add("date", "domain.contact.date_future", today=today.isoformat())
        elif date < years_before(today, _PAST_YEARS):
            reader.add("date", "domain.contact.date_too_old", years=_PAST_YEARS)
    reason = reader.code("reason", RECEPTION_REFUSAL_REASONS, default="")
    if status == REASON_STATUS and not reason and not reader.has_problem("reason"):
        reader.add(
            "reason", "domain.reception.reason_required", status=Label(RECEPTION_STATUSES, status)
        )
    elif status is not None and status != REASON_STATUS and reason:
        reader.add("reason", "domain.reception.reason_unexpected", status=REASON_STATUS)
    reader.raise_if_any()
    assert code_hmac is not None and status is not None and date is not None
    return Reception(code_hmac=code_hmac, status=status, date=date, reason=reason or None)


def allowed_reception_next(current: str | None) -> tuple[str, ...]:
    allowed = RECEPTION_TRANSITIONS.get(current, frozenset())
    return tuple(code for code in RECEPTION_STATUSES.codes() if code in allowed)


def check_reception(history: Sequence[str], requested: str) -> None:
    """Raise ValidationError unless `requested` may follow the statuses already recorded for
    this code on this device (`history`, oldest first)."""
    current = history[-1] if history else None
    allowed = allowed_reception_next(current)
    if requested in allowed:
        return
    shown = ", ".join(allowed)  # the codes, as `received add --status` takes them
    if current is None:
        text = Text("domain.reception.first", allowed=shown)
    elif not allowed:
        text = Text("domain.reception.closed", current=Label(RECEPTION_STATUSES, current))
    else:
        text = Text(
            "domain.reception.transition",
            current=Label(RECEPTION_STATUSES, current),
            allowed=shown,
        )
    raise ValidationError([Problem("status", text)])
