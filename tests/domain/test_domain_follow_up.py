"""When a handover's follow-up is to be done: the rule the Today and Relais pages share."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.handovers import OPEN_STATUSES, TERMINAL_STATUSES, follow_up_due

TODAY = dt.date(2026, 3, 14)


def test_due_today_or_past_while_open() -> None:
    for status in OPEN_STATUSES:
        assert follow_up_due(TODAY, status, TODAY)
        assert follow_up_due("2026-03-01", status, TODAY)
        assert not follow_up_due("2026-03-15", status, TODAY)


def test_never_due_when_closed_or_without_a_date() -> None:
    for status in TERMINAL_STATUSES:
        assert not follow_up_due("2026-03-01", status, TODAY)
    assert not follow_up_due(None, "propose", TODAY)
    assert not follow_up_due("", "propose", TODAY)


def test_open_and_terminal_statuses_split_the_vocabulary() -> None:
    assert set(OPEN_STATUSES).isdisjoint(TERMINAL_STATUSES)
    assert "propose" in OPEN_STATUSES and "expire" in TERMINAL_STATUSES


def test_new_handover_events_parse_and_fold_whatever_the_arrival_order() -> None:
    import random

    from fieldapp.domain.events import Event, EventType
    from fieldapp.domain.handovers import parse_schedule_change, parse_status_undo
    from fieldapp.domain.projection import fold

    today = dt.date(2026, 11, 20)
    at = "2026-11-20T15:00:00Z"
    change = parse_schedule_change({"at": at, "follow_up": "2026-12-01"}, today=today)
    assert change.to_payload() == {"at": at, "follow_up": "2026-12-01"}
    with pytest.raises(ValidationError):
        parse_schedule_change({"at": at}, today=today)  # nothing to change
    with pytest.raises(ValidationError):
        parse_schedule_change({"at": at, "follow_up": "2029-01-01"}, today=today)
    with pytest.raises(ValidationError):
        parse_status_undo({"at": at, "undoes": "e2", "status": "pas-un-etat"})

    def event(n: int, kind: str, payload: dict[str, object]) -> Event:
        return Event(
            f"00000000-0000-7000-8000-00000000000{n}", "dev-1", n, f"{n:013d}-0000", kind,
            "h1", payload,
        )  # fmt: skip

    history = [
        event(
            1,
            EventType.HANDOVER_PROPOSED,
            {"contact_id": "c1", "partner": "P", "mode": "m", "consent": True, "at": at},
        ),
        event(2, EventType.HANDOVER_STATUS_CHANGED, {"status": "rdv_fixe", "at": at}),
        event(3, EventType.HANDOVER_STATUS_CHANGED, {"status": "perdu_de_vue", "at": at}),
        event(
            4,
            EventType.HANDOVER_STATUS_UNDONE,
            {"at": at, "undoes": history_id(3), "status": "rdv_fixe"},
        ),
        event(5, EventType.HANDOVER_RESCHEDULED, {"at": at, "follow_up": "2026-12-08"}),
    ]
    for _ in range(5):
        random.shuffle(history)
        rows = fold(history)
        (row,) = rows.handovers
        assert row["status"] == "rdv_fixe" and row["follow_up"] == "2026-12-08"
        assert [h["status"] for h in rows.handover_history] == ["propose", "rdv_fixe"]


def history_id(n: int) -> str:
    return f"00000000-0000-7000-8000-00000000000{n}"
