"""Current state from events: the one definition of what the projection tables hold.

`fold` turns the complete event history of some records into the rows of the projection tables.
The field store uses it after every save (for the one record touched) and the coordinator's merge
uses it in bulk; both therefore agree on what a sequence of events means, whatever the order the
events arrived in (they are sorted by hybrid logical clock, then id).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from fieldapp.domain.contacts import CONTACT_FIELDS
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.presence_projection import (
    PRESENCE_EVENT_TYPES,
    PRESENCE_TABLE_COLUMNS,
    PresenceFold,
)

# Single-valued contact fields: a column each (the multi-choice ones get their own tables).
CONTACT_COLUMNS = tuple(f for f in CONTACT_FIELDS if f not in ("needs", "registrations"))
HANDOVER_COLUMNS = (
    "contact_id",
    "partner",
    "partner_structure_id",
    "partner_service_id",
    "mode",
    "consent",
    "follow_up",
    "action_id",
)

# Column order of each table's rows as tuples, for bulk inserts straight through the driver.
TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "contacts": (
        "id",
        "device_id",
        *CONTACT_COLUMNS,
        "voided",
        "void_reason",
        "version",
        "created_hlc",
        "updated_hlc",
    ),
    "contact_needs": ("contact_id", "need"),
    "contact_registrations": ("contact_id", "registration"),
    "contact_unmet_needs": ("contact_id", "need", "at"),
    "handovers": (
        "id",
        "device_id",
        *HANDOVER_COLUMNS,
        "status",
        "status_at",
        "created_hlc",
        "updated_hlc",
        "code_hmac",
    ),
    "handover_history": ("event_id", "handover_id", "status", "at", "reason"),
    "receptions": ("id", "device_id", "code_hmac", "status", "date", "reason", "created_hlc"),
    "directory_feedback": (
        "id",
        "device_id",
        "structure_id",
        "service_id",
        "reason",
        "comment",
        "date",
        "date_maj",
        "created_hlc",
    ),
    **PRESENCE_TABLE_COLUMNS,  # issue 17: rounds and joint actions
}


@dataclass
class ProjectionRows:
    """Rows to insert, table by table, after deleting the rows of the same records."""

    contacts: list[dict[str, Any]] = field(default_factory=list)
    contact_needs: list[dict[str, Any]] = field(default_factory=list)
    contact_registrations: list[dict[str, Any]] = field(default_factory=list)
    contact_unmet_needs: list[dict[str, Any]] = field(default_factory=list)
    handovers: list[dict[str, Any]] = field(default_factory=list)
    handover_history: list[dict[str, Any]] = field(default_factory=list)
    receptions: list[dict[str, Any]] = field(default_factory=list)
    directory_feedback: list[dict[str, Any]] = field(default_factory=list)
    outings: list[dict[str, Any]] = field(default_factory=list)
    outing_seen: list[dict[str, Any]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    action_partners: list[dict[str, Any]] = field(default_factory=list)
    action_employers: list[dict[str, Any]] = field(default_factory=list)
    action_participants: list[dict[str, Any]] = field(default_factory=list)

    def as_tuples(self) -> dict[str, list[tuple[Any, ...]]]:
        """The same rows as tuples in `TABLE_COLUMNS` order (itemgetter: one C call per row)."""
        return {
            name: list(map(itemgetter(*columns), getattr(self, name)))
            for name, columns in TABLE_COLUMNS.items()
        }


def fold(events: Iterable[Event]) -> ProjectionRows:
    """Projection rows for the records these events describe (give each record's whole history).

    Events of unknown types (from a newer app) are skipped; they stay in the log for later.
    A record whose history lacks its creating event yields no row until that event arrives.
    """
    contacts: dict[str, dict[str, Any]] = {}
    handovers: dict[str, dict[str, Any]] = {}
    history: dict[str, list[dict[str, Any]]] = {}  # handover id -> its status steps, in order
    receptions: dict[str, dict[str, Any]] = {}
    feedback: dict[str, dict[str, Any]] = {}
    unmet: dict[str, dict[str, str]] = {}  # contact id -> need -> when first marked
    presence = PresenceFold()
    for event in sorted(events, key=lambda e: (e.hlc, e.id)):
        p = event.payload
        match event.type:
            case EventType.CONTACT_RECORDED:
                contacts[event.entity_id] = _contact_row(event) | {
                    "voided": False,
                    "void_reason": None,
                    "version": 1,
                    "created_hlc": event.hlc,
                }
            case EventType.CONTACT_AMENDED if event.entity_id in contacts:
                row = contacts[event.entity_id]
                row.update(_contact_row(event), version=row["version"] + 1)
            case EventType.CONTACT_VOIDED if event.entity_id in contacts:
                contacts[event.entity_id].update(
                    voided=True, void_reason=p.get("reason"), updated_hlc=event.hlc
                )
            case EventType.HANDOVER_PROPOSED:
                handovers[event.entity_id] = {
                    "id": event.entity_id,
                    "device_id": event.device_id,
                    **{c: p.get(c) for c in HANDOVER_COLUMNS},
                    "status": "propose",
                    "status_at": p["at"],
                    "created_hlc": event.hlc,
                    "updated_hlc": event.hlc,
                    "code_hmac": p.get("code_hmac"),
                }
                history[event.entity_id] = [_history(event, "propose", p["at"], None)]
            case EventType.HANDOVER_STATUS_CHANGED if event.entity_id in handovers:
                handovers[event.entity_id].update(
                    status=p["status"], status_at=p["at"], updated_hlc=event.hlc
                )
                steps = history.setdefault(event.entity_id, [])
                steps.append(_history(event, p["status"], p["at"], p.get("reason")))
            case EventType.HANDOVER_AMENDED if event.entity_id in handovers:
                changes = {c: p[c] for c in HANDOVER_COLUMNS if c in p and c != "contact_id"}
                handovers[event.entity_id].update(changes, updated_hlc=event.hlc)
            case EventType.HANDOVER_RESCHEDULED if event.entity_id in handovers:
                # The appointment lives in the events (the handover's history shows it).
                row = handovers[event.entity_id]
                if "follow_up" in p:
                    row["follow_up"] = p["follow_up"]
                row["updated_hlc"] = event.hlc
            case EventType.HANDOVER_STATUS_UNDONE if event.entity_id in handovers:
                # A correction: the undone step leaves the status path (indicators never count
                # it) and the handover is back where it was. Only the last step can be undone.
                steps = history.get(event.entity_id, [])
                if len(steps) >= 2 and steps[-1]["event_id"] == p.get("undoes"):
                    steps.pop()
                    handovers[event.entity_id].update(
                        status=steps[-1]["status"], status_at=steps[-1]["at"], updated_hlc=event.hlc
                    )
            case EventType.RECEPTION_RECORDED:
                # One row per recorded status (its own entity); paired by `code_hmac` later.
                receptions[event.entity_id] = {
                    "id": event.entity_id,
                    "device_id": event.device_id,
                    "code_hmac": p["code_hmac"],
                    "status": p["status"],
                    "date": p["date"],
                    "reason": p.get("reason"),
                    "created_hlc": event.hlc,
                }
            case EventType.CONTACT_NEED_UNMET if event.entity_id in contacts:
                unmet.setdefault(event.entity_id, {}).setdefault(p["need"], p["at"])
            case EventType.DIRECTORY_FEEDBACK:
                feedback[event.entity_id] = _feedback_row(event)
            case kind if kind in PRESENCE_EVENT_TYPES:
                presence.apply(event)
            case _:
                pass
    rows = ProjectionRows(
        contacts=list(contacts.values()),
        handovers=list(handovers.values()),
        receptions=list(receptions.values()),
        directory_feedback=list(feedback.values()),
        **presence.tables(),
    )
    for contact in rows.contacts:
        # A need marked « sans solution » counts while the contact still has that need.
        for need, at in unmet.get(contact["id"], {}).items():
            if need in contact["needs"]:
                rows.contact_unmet_needs.append(
                    {"contact_id": contact["id"], "need": need, "at": at}
                )
        needs = contact.pop("needs")
        regs = contact.pop("registrations")
        rows.contact_needs.extend({"contact_id": contact["id"], "need": n} for n in needs)
        rows.contact_registrations.extend(
            {"contact_id": contact["id"], "registration": r} for r in regs
        )
    rows.handover_history = [
        step for handover_id, steps in history.items() if handover_id in handovers for step in steps
    ]
    return rows


def _contact_row(event: Event) -> dict[str, Any]:
    p = event.payload
    return {
        "id": event.entity_id,
        "device_id": event.device_id,
        **{c: p.get(c) for c in CONTACT_COLUMNS},
        "needs": list(p.get("needs") or []),
        "registrations": list(p.get("registrations") or []),
        "updated_hlc": event.hlc,
    }


def _feedback_row(event: Event) -> dict[str, Any]:
    p = event.payload
    return {
        "id": event.entity_id,
        "device_id": event.device_id,
        **{c: p.get(c) for c in ("structure_id", "service_id", "reason", "comment", "date")},
        "date_maj": p.get("date_maj"),
        "created_hlc": event.hlc,
    }


def _history(event: Event, status: str, at: str, reason: str | None) -> dict[str, Any]:
    return {
        "event_id": event.id,
        "handover_id": event.entity_id,
        "status": status,
        "at": at,
        "reason": reason,
    }
