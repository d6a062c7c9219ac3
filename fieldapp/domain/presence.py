"""Presence in the neighbourhood (tournée, présence sociale): time spent on the street and the
people seen there but not approached (issue 17). The denominator of reach: contacts per 100
people seen. It holds no person, only counts by gender × age band."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain._fields import _MISSING, FieldReader, type_name, years_before
from fieldapp.domain.contacts import MAX_AGE_YEARS, NOTE_MAX_CHARS, _commune, _neighbourhood
from fieldapp.domain.vocab import AGE_BANDS, AMBIANCES, GENDERS, SLOTS

MAX_DURATION_MINUTES = 24 * 60
MAX_COUNT = 10_000  # people in one cell of one record: more is a typo
COUNT_FIELDS = ("gender", "age_band", "count")

OUTING_FIELDS = (
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

# (gender, age band, count): one cell of the people seen, or of an action's participants.
CountCell = tuple[str, str, int]


@dataclass(frozen=True)
class Outing:
    """A validated street round. Build it with `parse_outing`."""

    date: dt.date
    slot: str
    neighbourhood: str
    commune: str | None
    duration_minutes: int
    seen: tuple[CountCell, ...]
    ambiance: str
    mediations: int
    note: str | None = None

    @property
    def people_seen(self) -> int:
        return sum(n for _, _, n in self.seen)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "date": self.date.isoformat(),
            "slot": self.slot,
            "neighbourhood": self.neighbourhood,
            "commune": self.commune,
            "duration_minutes": self.duration_minutes,
            "seen": counts_payload(self.seen),
            "ambiance": self.ambiance,
            "mediations": self.mediations,
            "note": self.note,
        }
        return {key: value for key, value in payload.items() if value is not None}


def counts_payload(cells: Sequence[CountCell]) -> list[dict[str, Any]]:
    return [{"gender": g, "age_band": a, "count": n} for g, a, n in cells]


def parse_outing(
    data: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    known_neighbourhoods: Collection[str] | None = None,
) -> Outing:
    """Validate raw input (JSON object, form) into an Outing; all problems raised together."""
    reader = FieldReader(data, record="outing", allowed=OUTING_FIELDS)
    date = record_date(reader, today)
    slot = reader.code("slot", SLOTS)
    neighbourhood = _neighbourhood(reader, known_neighbourhoods)
    commune = _commune(reader, neighbourhood)
    duration = read_count(reader, "duration_minutes", required=True, maximum=MAX_DURATION_MINUTES)
    if duration == 0:
        reader.add("duration_minutes", "domain.presence.duration_zero")
    seen = read_count_cells(reader, "seen")
    ambiance = reader.code("ambiance", AMBIANCES, default="calme")
    mediations = read_count(reader, "mediations", required=False, maximum=MAX_COUNT)
    note = reader.text("note", required=False, max_len=NOTE_MAX_CHARS, note=True)
    reader.raise_if_any()
    assert date is not None and slot is not None and neighbourhood is not None
    assert duration is not None and seen is not None and ambiance is not None
    return Outing(
        date=date,
        slot=slot,
        neighbourhood=neighbourhood,
        commune=commune,
        duration_minutes=duration,
        seen=seen,
        ambiance=ambiance,
        mediations=mediations or 0,
        note=note,
    )


def record_date(reader: FieldReader, today: dt.date | None) -> dt.date | None:
    """The record's day: required, not in the future, at most ten years old (as contacts)."""
    today = today if today is not None else dt.date.today()
    date = reader.iso_date("date", required=True)
    if date is not None:
        if date > today:
            reader.add("date", "domain.contact.date_future", today=today.isoformat())
            return None
        if date < years_before(today, MAX_AGE_YEARS):
            reader.add("date", "domain.contact.date_too_old", years=MAX_AGE_YEARS)
            return None
    return date


def read_count(reader: FieldReader, name: str, *, required: bool, maximum: int) -> int | None:
    """A whole number from 0 to `maximum` (a boolean is not one); None when absent."""
    value = reader.raw(name, required=required)
    if value is _MISSING:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        reader.add(name, "domain.presence.count_expected", got=type_name(value))
        return None
    if value < 0:
        reader.add(name, "domain.presence.count_negative", value=value)
        return None
    if value > maximum:
        if name == "duration_minutes":
            reader.add(name, "domain.presence.duration_too_long", max=maximum)
        else:
            reader.add(name, "domain.presence.count_too_big", value=value, max=maximum)
        return None
    return value


def read_count_cells(reader: FieldReader, name: str) -> tuple[CountCell, ...] | None:
    """A list of {"gender", "age_band", "count"}: each pair once, in vocabulary order; cells
    of count 0 are dropped (they say nothing)."""
    value = reader.raw(name, required=False)
    if value is _MISSING:
        return ()
    if not isinstance(value, list):
        reader.add(name, "domain.presence.cells_expected", got=type_name(value))
        return None
    cells: dict[tuple[str, str], int] = {}
    ok = True
    for position, item in enumerate(value, start=1):
        field = f"{name}[{position}]"
        inner = FieldReader(item, record=field, allowed=COUNT_FIELDS)
        gender = inner.code("gender", GENDERS)
        age_band = inner.code("age_band", AGE_BANDS)
        count = read_count(inner, "count", required=True, maximum=MAX_COUNT)
        if inner.problems:
            ok = False
            for problem in inner.problems:
                prefix = "" if problem.field == field else field + "."
                reader.add(prefix + problem.field, problem.text)
            continue
        assert gender is not None and age_band is not None and count is not None
        if (gender, age_band) in cells:
            reader.add(field, "domain.presence.cell_twice", gender=gender, age_band=age_band)
            ok = False
            continue
        cells[(gender, age_band)] = count
    if not ok:
        return None
    order = sorted(cells, key=lambda pair: (GENDERS.index(pair[0]), AGE_BANDS.index(pair[1])))
    return tuple((g, a, cells[(g, a)]) for g, a in order if cells[(g, a)] > 0)
