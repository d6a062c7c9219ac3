"""When a handover's follow-up is to be done: the rule the Today and Relais pages share."""

from __future__ import annotations

import datetime as dt

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
