"""How old a directory sheet is: « mis à jour il y a 3 mois », flagged after 6 months.

A sheet's `date_maj` (data·inclusion) is the last day its producer checked it. Past
`STALE_AFTER_MONTHS`, the Annuaire flags it so the worker calls before sending someone there.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fieldapp.messages import Text
from fieldapp.messages.plural import Count

STALE_AFTER_MONTHS = 6


@dataclass(frozen=True)
class Freshness:
    months: int  # whole months since `date_maj` (0: this month)
    days: int
    stale: bool

    def text(self) -> Text:
        """« mis à jour il y a 3 mois » (« il y a moins d'un mois », « il y a 1 an et 2 mois »)."""
        if self.days <= 0:
            return Text("domain.freshness.today")
        if self.months < 1:
            return Text("domain.freshness.this_month")
        years, months = divmod(self.months, 12)
        month_part = Count(months, "domain.freshness.month.one", "domain.freshness.month.other")
        year_part = Count(years, "domain.freshness.year.one", "domain.freshness.year.other")
        if not years:
            return Text("domain.freshness.ago", age=month_part)
        if not months:
            return Text("domain.freshness.ago", age=year_part)
        both = Text("domain.freshness.and", years=year_part, months=month_part)
        return Text("domain.freshness.ago", age=both)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from `start` to `end` (3 Jan → 2 Apr: 2; → 3 Apr: 3)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(months, 0)


def freshness(date_maj: object, today: dt.date) -> Freshness | None:
    """The age of a sheet dated `date_maj` (YYYY-MM-DD, or a date); None when it has none."""
    if isinstance(date_maj, dt.datetime):
        day = date_maj.date()
    elif isinstance(date_maj, dt.date):
        day = date_maj
    elif isinstance(date_maj, str) and date_maj:
        try:
            day = dt.date.fromisoformat(date_maj[:10])
        except ValueError:
            return None
    else:
        return None
    months = months_between(day, today)
    return Freshness(months=months, days=(today - day).days, stale=months >= STALE_AFTER_MONTHS)
