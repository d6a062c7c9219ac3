"""Handovers to follow up today (« Aujourd'hui »), with the territory's delays (issue 16).

Two reasons to look at a handover again: its follow-up date has come (the worker chose it), or
it has had no news for the pack's `relance_jours` (the territory chose it, default 10 days).
`expiration_jours` (default 30) is the pack's expiry delay, for `domain.handovers.is_expired`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from fieldapp.domain.handovers import (
    EXPIRY_DAYS_DEFAULT,
    OPEN_STATUSES,
    RELANCE_DAYS_DEFAULT,
    days_quiet,
    follow_up_due,
    to_chase,
)
from fieldapp.services import packs
from fieldapp.services.field import FieldService


@dataclass(frozen=True)
class Delays:
    relance_jours: int = RELANCE_DAYS_DEFAULT
    expiration_jours: int = EXPIRY_DAYS_DEFAULT


def delays(service: FieldService) -> Delays:
    """The installed pack's delays, or the defaults before a pack is installed."""
    pack = packs.installed_pack(service)
    if pack is None:
        return Delays()
    return Delays(pack.relance_jours, pack.expiration_jours)


def handovers_to_follow(service: FieldService, today: date | None = None) -> list[dict[str, Any]]:
    """Open handovers whose follow-up is due or that have had no news for `relance_jours`;
    each row gains `due` (follow-up date reached), `chase` (no news) and `days_quiet`.
    Follow-ups first (most overdue first), then the quiet ones (longest first)."""
    day = today or date.today()
    relance = delays(service).relance_jours
    out = []
    for row in service.handovers(status=list(OPEN_STATUSES)):
        status = str(row["status"])
        due = follow_up_due(row.get("follow_up"), status, day)
        chase = to_chase(str(row["status_at"]), status, day, relance)
        if due or chase:
            out.append(
                row | {"due": due, "chase": chase, "days_quiet": days_quiet(row["status_at"], day)}
            )
    out.sort(key=lambda r: (not r["due"], str(r["follow_up"] or ""), -int(r["days_quiet"])))
    return out
