"""Employers of the directory on this device (issue 18, item 3): which modes a handover to a
structure may take, and how many of an employer's monthly places this device has used.

The rules are in `fieldapp.domain.employers`; this reads the installed pack and the store.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from fieldapp.domain.employers import is_employer, is_employer_mode, places_full, places_used
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.handovers import Handover
from fieldapp.messages import Text
from fieldapp.services.field import FieldService
from fieldapp.storage.employer_queries import handovers_towards
from fieldapp.sync.pack import Pack

__all__ = ["Places", "check_partner", "places", "places_of", "ranking_places"]


@dataclass(frozen=True)
class Places:
    """An employer's places this month: `used` by this device's handovers, of `capacity`."""

    used: int
    capacity: int

    @property
    def full(self) -> bool:
        return places_full(self.used, self.capacity)


def _pack(service: FieldService) -> Pack:
    from fieldapp.services.directory import current_pack

    return current_pack(service)


def _structures(pack: Pack) -> Mapping[str, Mapping[str, Any]]:
    from fieldapp.services.directory import structures_by_id

    return structures_by_id(pack)


def check_partner(service: FieldService, handover: Handover) -> None:
    """Refuse an employer mode towards a structure that is not an employer of the installed
    directory, and a usual mode towards one that is (its track would not fit)."""
    structure_id = handover.partner_structure_id
    employer_mode = is_employer_mode(handover.mode)
    if structure_id is None:
        return  # parse_handover already asks an employer mode for its structure
    structure = _structures(_pack(service)).get(structure_id)
    if structure is None:
        if employer_mode:
            raise ValidationError(
                [
                    Problem(
                        "partner_structure_id",
                        Text("services.employer.unknown_structure", id=structure_id),
                    )
                ]
            )
        return
    name = str(structure.get("nom") or structure_id)
    if employer_mode and not is_employer(structure):
        text = Text("services.employer.not_an_employer", mode=handover.mode, name=name)
        raise ValidationError([Problem("mode", text)])
    if not employer_mode and is_employer(structure):
        text = Text("services.employer.employer_mode_required", name=name)
        raise ValidationError([Problem("mode", text)])


def places(
    service: FieldService, pack: Pack | None = None, *, today: date | None = None
) -> dict[str, Places]:
    """Employers of the pack that gave a monthly capacity → their places this month (the
    month of `today`, UTC), as used by this device's handovers."""
    pack = pack if pack is not None else _pack(service)
    day = today or datetime.now(UTC).date()
    employers = {
        sid: s
        for sid, s in _structures(pack).items()
        if is_employer(s) and type(s.get("capacite_mensuelle")) is int
    }
    rows = handovers_towards(service.engine, employers)
    return {
        sid: Places(places_used(rows, sid, day), int(structure["capacite_mensuelle"]))
        for sid, structure in employers.items()
    }


def places_of(
    service: FieldService, structure_id: str, *, today: date | None = None
) -> Places | None:
    """One employer's places this month, or None (not an employer, or no capacity given)."""
    return places(service, today=today).get(structure_id)


def ranking_places(service: FieldService, pack: Pack | None = None) -> dict[str, tuple[int, int]]:
    """`places` as the ranking takes them (`services.directory.rank_for_contact`)."""
    return {sid: (p.used, p.capacity) for sid, p in places(service, pack).items()}
