"""The handovers of this store towards given structures, with the moment they were proposed:
what an employer's monthly places are counted on (domain/employers.places_used)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from sqlalchemy import Engine, select

from fieldapp.storage.schema import handover_history, handovers

__all__ = ["handovers_towards"]


def handovers_towards(engine: Engine, structure_ids: Collection[str]) -> list[dict[str, Any]]:
    """Rows `partner_structure_id`, `mode`, `status`, `proposed_at` (ISO, UTC) of the handovers
    to `structure_ids`; their proposal is the first step of their history."""
    if not structure_ids:
        return []
    h, hh = handovers.c, handover_history.c
    query = (
        select(h.partner_structure_id, h.mode, h.status, hh.at.label("proposed_at"))
        .select_from(handovers.join(handover_history, hh.handover_id == h.id))
        .where(h.partner_structure_id.in_(sorted(structure_ids)), hh.status == "propose")
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
