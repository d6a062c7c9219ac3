"""Joint actions (actions collectives): a job fair, a shared drop-in, a joint street round…
run with partners and sometimes employers (issue 17). Counts of participants by gender × age
band, the partners' directory ids, the employers' count and ids; no person."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain._fields import _MISSING, FieldReader, type_name
from fieldapp.domain.contacts import NOTE_MAX_CHARS, _commune, _neighbourhood
from fieldapp.domain.presence import (
    MAX_COUNT,
    CountCell,
    counts_payload,
    read_count,
    read_count_cells,
    record_date,
)
from fieldapp.domain.vocab import ACTION_TYPES

ACTION_FIELDS = (
    "date",
    "neighbourhood",
    "commune",
    "action_type",
    "partners",
    "employers",
    "participants",
    "note",
)
EMPLOYER_FIELDS = ("count", "ids")
MAX_IDS = 50
# A directory id (structure, offer's employer): a token, no spaces, nothing that reads as text.
DIRECTORY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


@dataclass(frozen=True)
class Action:
    """A validated joint action. Build it with `parse_action`."""

    date: dt.date
    neighbourhood: str
    commune: str | None
    action_type: str
    partners: tuple[str, ...]
    employer_count: int
    employer_ids: tuple[str, ...]
    participants: tuple[CountCell, ...]
    note: str | None = None

    @property
    def participant_total(self) -> int:
        return sum(n for _, _, n in self.participants)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "date": self.date.isoformat(),
            "neighbourhood": self.neighbourhood,
            "commune": self.commune,
            "action_type": self.action_type,
            "partners": list(self.partners),
            "employers": {"count": self.employer_count, "ids": list(self.employer_ids)},
            "participants": counts_payload(self.participants),
            "note": self.note,
        }
        return {key: value for key, value in payload.items() if value is not None}


def parse_action(
    data: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    known_neighbourhoods: Collection[str] | None = None,
) -> Action:
    """Validate raw input into an Action; all problems raised together.

    `employers` is a count (`3`) or `{"count": 3, "ids": [...]}` (ids of the directory's
    employers, at most `count`); the count alone is stored as `{"count": 3, "ids": []}`.
    """
    reader = FieldReader(data, record="action", allowed=ACTION_FIELDS)
    date = record_date(reader, today)
    neighbourhood = _neighbourhood(reader, known_neighbourhoods)
    commune = _commune(reader, neighbourhood)
    action_type = reader.code("action_type", ACTION_TYPES)
    partners = _ids(reader, "partners", reader.raw("partners", required=False))
    employers = _employers(reader)
    participants = read_count_cells(reader, "participants")
    note = reader.text("note", required=False, max_len=NOTE_MAX_CHARS, note=True)
    reader.raise_if_any()
    assert date is not None and neighbourhood is not None and action_type is not None
    assert partners is not None and employers is not None and participants is not None
    return Action(
        date=date,
        neighbourhood=neighbourhood,
        commune=commune,
        action_type=action_type,
        partners=partners,
        employer_count=employers[0],
        employer_ids=employers[1],
        participants=participants,
        note=note,
    )


def _ids(reader: FieldReader, name: str, value: Any) -> tuple[str, ...] | None:
    if value is _MISSING:
        return ()
    if not isinstance(value, list):
        reader.add(name, "domain.action.ids_expected", got=type_name(value))
        return None
    if len(value) > MAX_IDS:
        reader.add(name, "domain.action.too_many_ids", max=MAX_IDS)
        return None
    ids: list[str] = []
    for item in value:
        if not isinstance(item, str) or not DIRECTORY_ID.fullmatch(item):
            reader.add(name, "domain.action.id_invalid")
            return None
        if item in ids:
            reader.add(name, "domain.action.id_twice")
            return None
        ids.append(item)
    return tuple(ids)


def _employers(reader: FieldReader) -> tuple[int, tuple[str, ...]] | None:
    value = reader.raw("employers", required=False)
    if value is _MISSING:
        return 0, ()
    if isinstance(value, Mapping):
        inner = FieldReader(value, record="employers", allowed=EMPLOYER_FIELDS)
        count = read_count(inner, "count", required=True, maximum=MAX_COUNT)
        ids = _ids(inner, "ids", inner.raw("ids", required=False))
        if count is not None and ids is not None and len(ids) > count:
            inner.add("ids", "domain.action.more_ids_than_count", count=count)
        for problem in inner.problems:
            field = problem.field if problem.field == "employers" else "employers." + problem.field
            reader.add(field, problem.text)
        if inner.problems:
            return None
        assert count is not None and ids is not None
        return count, ids
    probe = FieldReader({"employers": value}, record="action", allowed=("employers",))
    count = read_count(probe, "employers", required=True, maximum=MAX_COUNT)
    for problem in probe.problems:
        reader.add(problem.field, problem.text)
    return None if count is None else (count, ())
