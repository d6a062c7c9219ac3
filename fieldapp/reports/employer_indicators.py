"""Immersions and hirings (issue 18, item 3): the handovers to an employer whose history
reached `immersion_realisee` or `embauche`, by month and neighbourhood of the contact they came
from, as the other handover tables count them (docs/indicators.md § immersions_embauches).

Read from the projection tables shared by the device and the coordinator (`handovers`,
`handover_history`, `contacts`), in the indicators' scope (its conditions on `contacts`). A
step undone (`handover.status_undone`) has left the history and is not counted; a handover is
counted once per status, however often it reached it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Connection, func, literal_column, select

from fieldapp.storage.schema import contacts, handover_history, handovers

__all__ = ["COUNTED", "EmploymentCounts", "compute_employment"]

COUNTED = ("immersion_realisee", "embauche")

# (month, neighbourhood)
EmploymentKey = tuple[str, str]


@dataclass
class EmploymentCounts:
    immersions: dict[EmploymentKey, int] = field(default_factory=dict)
    hirings: dict[EmploymentKey, int] = field(default_factory=dict)

    def keys(self) -> list[EmploymentKey]:
        return sorted(set(self.immersions) | set(self.hirings))


def compute_employment(
    conn: Connection, conditions: Sequence[ColumnElement[bool]]
) -> EmploymentCounts:
    """Immersions done and hirings by (month, neighbourhood), for the contacts meeting
    `conditions` (the indicators' scope)."""
    c, h, hh = contacts.c, handovers.c, handover_history.c
    month = func.substr(c.date, literal_column("1"), literal_column("7"))
    query = (
        select(month, c.neighbourhood, hh.status, func.count(func.distinct(h.id)))
        .select_from(
            handover_history.join(handovers, hh.handover_id == h.id).join(
                contacts, h.contact_id == c.id
            )
        )
        .where(hh.status.in_(COUNTED), *conditions)
        .group_by(month, c.neighbourhood, hh.status)
    )
    out = EmploymentCounts()
    for m, nbh, status, n in conn.execute(query):
        target = out.immersions if status == "immersion_realisee" else out.hirings
        target[(str(m), str(nbh))] = int(n)
    return out
