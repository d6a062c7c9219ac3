"""The projection rows of street rounds and joint actions (issue 17), folded from their events
by `domain.projection.fold` beside contacts and handovers. An amendment carries the whole
record (as a contact's does); a void keeps the row, flagged, as for contacts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.events import Event, EventType

OUTING_COLUMNS = (
    "date",
    "slot",
    "neighbourhood",
    "commune",
    "duration_minutes",
    "ambiance",
    "mediations",
    "note",
)
ACTION_COLUMNS = ("date", "neighbourhood", "commune", "action_type", "note")
_RECORD = ("voided", "void_reason", "version", "created_hlc", "updated_hlc")

PRESENCE_TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "outings": ("id", "device_id", *OUTING_COLUMNS, "people_seen", *_RECORD),
    "outing_seen": ("outing_id", "gender", "age_band", "count"),
    "actions": (
        "id",
        "device_id",
        *ACTION_COLUMNS,
        "employer_count",
        "participant_count",
        *_RECORD,
    ),
    "action_partners": ("action_id", "structure_id"),
    "action_employers": ("action_id", "employer_id"),
    "action_participants": ("action_id", "gender", "age_band", "count"),
}

_CREATE: dict[str, str] = {EventType.OUTING_RECORDED: "outing", EventType.ACTION_RECORDED: "action"}
_AMEND: dict[str, str] = {EventType.OUTING_AMENDED: "outing", EventType.ACTION_AMENDED: "action"}
_VOID: dict[str, str] = {EventType.OUTING_VOIDED: "outing", EventType.ACTION_VOIDED: "action"}
PRESENCE_EVENT_TYPES = frozenset({*_CREATE, *_AMEND, *_VOID})


@dataclass
class PresenceFold:
    """Rounds and actions by id while `fold` walks the events in clock order."""

    records: dict[str, tuple[str, dict[str, Any]]] = field(default_factory=dict)

    def apply(self, event: Event) -> None:
        kind = event.type
        current = self.records.get(event.entity_id)
        if kind in _CREATE:
            row = _row(_CREATE[kind], event) | {
                "voided": False,
                "void_reason": None,
                "version": 1,
                "created_hlc": event.hlc,
            }
            self.records[event.entity_id] = (_CREATE[kind], row)
        elif current is None or current[0] != (_AMEND.get(kind) or _VOID.get(kind)):
            return  # its creation has not arrived (or another record's id)
        elif kind in _AMEND:
            row = current[1]
            row.update(_row(current[0], event), version=row["version"] + 1)
        else:
            current[1].update(
                voided=True, void_reason=event.payload.get("reason"), updated_hlc=event.hlc
            )

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {name: [] for name in PRESENCE_TABLE_COLUMNS}
        for record_id, (kind, row) in self.records.items():
            row = dict(row)
            cells = row.pop("_cells")
            if kind == "outing":
                out["outings"].append(row)
                out["outing_seen"].extend(_cells("outing_id", record_id, cells))
            else:
                partners, employers = row.pop("_partners"), row.pop("_employers")
                out["actions"].append(row)
                out["action_participants"].extend(_cells("action_id", record_id, cells))
                out["action_partners"].extend(
                    {"action_id": record_id, "structure_id": s} for s in partners
                )
                out["action_employers"].extend(
                    {"action_id": record_id, "employer_id": e} for e in employers
                )
        return out


def _row(kind: str, event: Event) -> dict[str, Any]:
    p = event.payload
    common = {"id": event.entity_id, "device_id": event.device_id, "updated_hlc": event.hlc}
    if kind == "outing":
        cells = list(p.get("seen") or [])
        return common | {
            **{c: p.get(c) for c in OUTING_COLUMNS},
            # Defaults as parse_outing reads them: a payload may leave them out and pass the check.
            "ambiance": p.get("ambiance") or "calme",
            "mediations": p.get("mediations") or 0,
            "people_seen": sum(int(c["count"]) for c in cells),
            "_cells": cells,
        }
    cells = list(p.get("participants") or [])
    employers = p.get("employers") or {}
    return common | {
        **{c: p.get(c) for c in ACTION_COLUMNS},
        "employer_count": int(employers.get("count") or 0),
        "participant_count": sum(int(c["count"]) for c in cells),
        "_cells": cells,
        "_partners": list(p.get("partners") or []),
        "_employers": list(employers.get("ids") or []),
    }


def _cells(key: str, record_id: str, cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {key: record_id, "gender": c["gender"], "age_band": c["age_band"], "count": c["count"]}
        for c in cells
    ]
