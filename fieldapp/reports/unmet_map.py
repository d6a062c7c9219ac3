"""The « carte des manques » (issue 18, item 2): per neighbourhood, the needs marked « sans
solution » over a period, for the signed pack that goes back to the devices.

Counted in SQL on the consolidated store (SQLite/SQLCipher or PostgreSQL): for each
(neighbourhood, need), the contacts whose need was marked « sans solution » and whose date falls
in the months [du, au]. The contacts counted are those the report counts: the same conditions as
`compute_indicators` (`indicators._filter`: not voided, in the period; an erased person's contacts
are gone from the store).

Then suppressed like the report (`suppression.suppress`): a count from 1 to k−1 is hidden, and
since the report publishes each neighbourhood's unmet needs by month (`besoins_sans_solution`),
each neighbourhood's need cells form a line whose total is known (`Line(members, total=None)`):
one hidden cell alone would be given away by subtraction, so a second one is hidden.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, func, select

from fieldapp.reports.indicators import Scope, _filter
from fieldapp.reports.publish import DEFAULT_K
from fieldapp.reports.suppression import Line, suppress
from fieldapp.storage.schema import contact_unmet_needs, contacts

__all__ = ["MONTHS_COUNTED", "count_unmet", "period_before", "unmet_map"]

MONTHS_COUNTED = 12  # the full months before the pack's date

# code → {"du", "au", "seuil", "besoins": {need: count or None}}, the pack's `manques` value.
UnmetMap = dict[str, dict[str, Any]]


def _shift(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def period_before(day: date, months: int = MONTHS_COUNTED) -> tuple[str, str]:
    """(du, au): the `months` full months before `day`'s month (2026-12-03 → 2025-12, 2026-11)."""
    au = _shift(day.year, day.month, -1)
    du = _shift(*au, -(months - 1))
    return f"{du[0]:04d}-{du[1]:02d}", f"{au[0]:04d}-{au[1]:02d}"


def _bounds(du: str, au: str) -> tuple[date, date]:
    first = date(int(du[:4]), int(du[5:7]), 1)
    year, month = _shift(int(au[:4]), int(au[5:7]), 1)
    return first, date(year, month, 1) - timedelta(days=1)


def count_unmet(source: Engine | Connection, du: str, au: str) -> dict[str, dict[str, int]]:
    """neighbourhood → need → contacts with that need « sans solution », months [du, au]."""
    date_from, date_to = _bounds(du, au)
    where = _filter(Scope(date_from=date_from, date_to=date_to), None)
    c, u = contacts.c, contact_unmet_needs.c
    query = (
        select(c.neighbourhood, u.need, func.count())
        .select_from(contact_unmet_needs.join(contacts, u.contact_id == c.id))
        .where(*where.conditions)
        .group_by(c.neighbourhood, u.need)
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    if isinstance(source, Connection):
        rows = list(source.execute(query))
    else:
        with source.connect() as conn:
            rows = list(conn.execute(query))
    for neighbourhood, need, n in rows:
        if n:
            out[str(neighbourhood)][str(need)] = int(n)
    return dict(out)


def _suppressed(counts: dict[str, int], k: int) -> dict[str, int | None]:
    needs = sorted(counts)
    values = [counts[n] for n in needs]
    # The neighbourhood's total is published elsewhere (the report, by month): a known total.
    hidden = suppress(values, [Line(tuple(range(len(values))), None)], k)
    return {need: None if i in hidden else values[i] for i, need in enumerate(needs)}


def unmet_map(
    source: Engine | Connection,
    du: str,
    au: str,
    *,
    k: int = DEFAULT_K,
    neighbourhoods: frozenset[str] | set[str] | None = None,
) -> UnmetMap:
    """The pack's `manques` of each neighbourhood with an unmet need (only those of
    `neighbourhoods` when given), suppressed with threshold `k`."""
    out: UnmetMap = {}
    for code, counts in sorted(count_unmet(source, du, au).items()):
        if neighbourhoods is not None and code not in neighbourhoods:
            continue
        # Each neighbourhood on its own: their lines share no cell.
        out[code] = {"du": du, "au": au, "seuil": k, "besoins": _suppressed(counts, k)}
    return out
