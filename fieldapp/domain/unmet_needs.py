"""Needs « sans solution » (issue 18, item 2, first part): the needs of a contact that no service
of the directory can take for this person, here.

A need has a solution when at least one service covering it is eligible for the contact: no
reason rules it out (its publics exclude the person for sure, or it serves another zone). The
ranking (`domain.eligibility.rank_services`) already judges both; this only reads its result,
so the Annuaire and the report will agree with the hints shown for each service.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fieldapp.domain.directory import categories_of
from fieldapp.domain.eligibility import Ranked
from fieldapp.domain.vocab import NEEDS

__all__ = ["needs_without_service"]


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
