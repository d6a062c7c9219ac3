"""The raw figures of street rounds and joint actions (issue 17), on a consolidated store or a
field store: per month × neighbourhood × structure type (× action type for actions).

The scope is the report's: records not voided, dated within the period, of the chosen
neighbourhood and of devices of the chosen structure (type). A round's or action's structure
type is its device's, as for contacts. Contacts and handovers "from" a round or an action are
those that name it (`outing_id`, `action_id`; a handover also counts when its contact names
the action), grouped under the round's or action's month, neighbourhood and type.

Rounds and actions are few (a few per worker and week): the rows are read once and summed here.
Definitions: docs/indicators.md § Présence et actions collectives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, select

from fieldapp.storage.coord_schema import devices
from fieldapp.storage.presence_schema import actions, outings
from fieldapp.storage.schema import contacts, handovers

Cell3 = tuple[str, str, str]  # month, neighbourhood, structure type
Cell4 = tuple[str, str, str, str]  # ... and action type
T = TypeVar("T")


@dataclass
class OutingFigures:
    outings: int = 0
    minutes: int = 0
    seen: int = 0
    mediations: int = 0
    contacts: int = 0  # contacts that name a round of this cell
    handovers: int = 0  # handovers of those contacts
    ambiance: dict[str, int] = field(default_factory=dict)

    @property
    def hours(self) -> float:
        return self.minutes / 60


@dataclass
class ActionFigures:
    actions: int = 0
    participants: int = 0
    employers: int = 0
    contacts: int = 0  # contacts that name an action of this cell
    handovers: int = 0  # handovers that name one, or whose contact does


@dataclass
class PresenceFigures:
    outings: dict[Cell3, OutingFigures] = field(default_factory=dict)
    actions: dict[Cell4, ActionFigures] = field(default_factory=dict)


def compute_presence(
    source: Engine | Connection, scope: Any, *, own_structure_type: str | None = None
) -> PresenceFigures:
    """`scope` is `reports.indicators.Scope` (not imported: that module imports this one)."""
    if isinstance(source, Connection):
        return _compute(source, scope, own_structure_type)
    with source.connect() as conn:
        try:
            return _compute(conn, scope, own_structure_type)
        finally:
            conn.rollback()


def _compute(conn: Connection, scope: Any, own_type: str | None) -> PresenceFigures:
    stype, structure = _devices(conn, own_type)

    def keep(row: Any) -> bool:
        if scope.date_from is not None and row.date < scope.date_from.isoformat():
            return False
        if scope.date_to is not None and row.date > scope.date_to.isoformat():
            return False
        if scope.neighbourhood is not None and row.neighbourhood != scope.neighbourhood:
            return False
        if scope.structure_type is not None and stype(row.device_id) != scope.structure_type:
            return False
        # A field store is its own structure (as reports.indicators._filter reads it).
        if scope.structure_id is None or own_type is not None:
            return True
        return bool(structure(row.device_id) == scope.structure_id)

    out = PresenceFigures()
    # A link counts only between records of the same device (a device links its own records;
    # another's link, however it got here, must not change that device's figures).
    owner: dict[str, str] = {}
    outing_cell: dict[str, Cell3] = {}
    o = outings.c
    query = select(o.id, o.device_id, o.date, o.neighbourhood, o.duration_minutes,
                   o.people_seen, o.ambiance, o.mediations).where(o.voided.is_(False))  # fmt: skip
    for row in conn.execute(query):
        if not keep(row):
            continue
        key = (row.date[:7], row.neighbourhood, stype(row.device_id))
        outing_cell[row.id] = key
        owner[row.id] = row.device_id
        figures = _get(out.outings, key, OutingFigures)
        figures.outings += 1
        figures.minutes += row.duration_minutes
        figures.seen += row.people_seen
        figures.mediations += row.mediations
        figures.ambiance[row.ambiance] = figures.ambiance.get(row.ambiance, 0) + 1

    action_cell: dict[str, Cell4] = {}
    a = actions.c
    query = select(a.id, a.device_id, a.date, a.neighbourhood, a.action_type,
                   a.employer_count, a.participant_count).where(a.voided.is_(False))  # fmt: skip
    for arow in conn.execute(query):
        if not keep(arow):
            continue
        key4 = (arow.date[:7], arow.neighbourhood, stype(arow.device_id), arow.action_type)
        action_cell[arow.id] = key4
        owner[arow.id] = arow.device_id
        figures4 = _get(out.actions, key4, ActionFigures)
        figures4.actions += 1
        figures4.participants += arow.participant_count
        figures4.employers += arow.employer_count

    if not outing_cell and not action_cell:
        return out  # no round or action in scope: no link can count (and the scans cost ≈ 2 s)
    c, h = contacts.c, handovers.c
    linked = (c.outing_id.is_not(None)) | (c.action_id.is_not(None))
    contact_links: dict[str, tuple[str | None, str | None]] = {}
    query = select(c.id, c.device_id, c.outing_id, c.action_id).where(~c.voided, linked)
    for crow in conn.execute(query):
        outing = crow.outing_id if owner.get(crow.outing_id) == crow.device_id else None
        action = crow.action_id if owner.get(crow.action_id) == crow.device_id else None
        contact_links[crow.id] = (outing, action)
        if outing in outing_cell:
            out.outings[outing_cell[outing]].contacts += 1
        if action in action_cell:
            out.actions[action_cell[action]].contacts += 1
    live = select(h.contact_id, h.device_id, h.action_id).join(contacts, c.id == h.contact_id)
    for hrow in conn.execute(live.where(~c.voided)):
        outing_id, contact_action = contact_links.get(hrow.contact_id, (None, None))
        own_action = hrow.action_id if owner.get(hrow.action_id) == hrow.device_id else None
        if outing_id in outing_cell:
            out.outings[outing_cell[outing_id]].handovers += 1
        action_id = own_action or contact_action
        if action_id in action_cell:
            out.actions[action_cell[action_id]].handovers += 1
    return out


def _devices(
    conn: Connection, own_type: str | None
) -> tuple[Callable[[str], str], Callable[[str], str | None]]:
    """Each device's structure type ("" when unknown) and structure id."""
    if own_type is not None:
        return (lambda _device: own_type), (lambda _device: None)
    rows = conn.execute(
        select(devices.c.device_id, devices.c.structure_type, devices.c.structure_id)
    )
    types: dict[str, str] = {}
    ids: dict[str, str | None] = {}
    for device_id, structure_type, structure_id in rows:
        types[device_id] = structure_type or ""
        ids[device_id] = structure_id
    return (lambda device: types.get(device, "")), (lambda device: ids.get(device))


def _get(table: dict[Any, T], key: Any, make: Callable[[], T]) -> T:
    if key not in table:
        table[key] = make()
    return table[key]


__all__ = ["ActionFigures", "OutingFigures", "PresenceFigures", "compute_presence"]
