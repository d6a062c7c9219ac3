"""Needs « sans solution » (issue 18, item 2, first part): the needs of a contact that no service
of the directory can take for this person, here.

A need has a solution when at least one service covering it is eligible for the contact: no
reason rules it out (its publics exclude the person for sure, or it serves another zone). The
ranking (`domain.eligibility.rank_services`) already judges both; this only reads its result,
so the Annuaire and the report will agree with the hints shown for each service.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain._fields import FieldReader
from fieldapp.domain.directory import categories_of
from fieldapp.domain.eligibility import Ranked
from fieldapp.domain.handovers import _aware_datetime as aware_datetime
from fieldapp.domain.vocab import NEEDS

__all__ = ["NEED_UNMET_FIELDS", "NeedUnmet", "needs_without_service", "parse_need_unmet"]

NEED_UNMET_FIELDS = ("need", "at")


@dataclass(frozen=True)
class NeedUnmet:
    """A need of a contact marked « sans solution » (event `contact.need_unmet`)."""

    need: str
    at: dt.datetime  # UTC

    def to_payload(self) -> dict[str, Any]:
        return {"need": self.need, "at": self.at.isoformat(timespec="seconds")}


def parse_need_unmet(data: Mapping[str, Any]) -> NeedUnmet:
    """`{"need": code, "at": ISO date-time with its zone}`, or ValidationError."""
    reader = FieldReader(data, record="need_unmet", allowed=NEED_UNMET_FIELDS)
    need = reader.code("need", NEEDS)
    at = aware_datetime(reader, "at")
    reader.raise_if_any()
    assert need is not None and at is not None
    return NeedUnmet(need, at)


def needs_without_service(contact: Mapping[str, Any], ranked: Iterable[Ranked]) -> list[str]:
    """The contact's needs (codes, in the form's order) that no eligible service covers."""
    needs = set(contact.get("needs") or ())
    if not needs:
        return []
    covered: set[str] = set()
    for result in ranked:
        if result.eligible:
            covered |= categories_of(result.service) & needs
            if covered == needs:
                return []
    return [term.code for term in NEEDS if term.code in needs - covered]
