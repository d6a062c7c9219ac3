"""Feedback on a directory sheet: « Signaler une information à corriger » (issue 18).

A field worker says that a service or a structure of the installed pack is wrong (closed, other
hours, other contact details...). The feedback is an event of its own (`directory.feedback`, one
new entity per feedback), carried in the next batch like any other; the coordinator lists them
per structure and marks them handled (docs/directory.md).

The payload names the sheet by its data·inclusion ids, never a person: `structure_id` always
(the service's structure for a service), `service_id` for a service, the `reason` code, an
optional short `comment` (text rule and note guard, like a contact's note), the `date` it was
said, and the sheet's `date_maj` as the device knew it (a later pack with a newer `date_maj`
for that sheet marks the feedback handled).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain._fields import FieldReader
from fieldapp.domain.vocab import Term, Vocabulary

COMMENT_MAX_CHARS = 300
ID_MAX_CHARS = 200
FEEDBACK_FIELDS = ("service_id", "structure_id", "reason", "comment", "date", "date_maj")

FEEDBACK_REASONS = Vocabulary(
    "reason",
    (
        Term("ferme", "Fermé (temporairement ou non)", "Closed (for now or for good)"),
        Term("horaires", "Horaires à corriger", "Opening hours to correct"),
        Term("coordonnees", "Adresse ou contact à corriger", "Address or contact to correct"),
        Term("conditions", "Conditions d'accès à corriger", "Access conditions to correct"),
        Term("n-existe-plus", "N'existe plus", "No longer exists"),
        Term("autre", "Autre", "Other"),
    ),
)


@dataclass(frozen=True)
class Feedback:
    structure_id: str
    reason: str
    date: dt.date
    service_id: str | None = None
    comment: str | None = None
    date_maj: str | None = None  # the sheet's date as the device had it (YYYY-MM-DD)

    def to_payload(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "structure_id": self.structure_id,
            "reason": self.reason,
            "date": self.date.isoformat(),
        }
        if self.service_id:
            payload["service_id"] = self.service_id
        if self.comment:
            payload["comment"] = self.comment
        if self.date_maj:
            payload["date_maj"] = self.date_maj
        return payload


def parse_feedback(data: Mapping[str, Any], *, today: dt.date) -> Feedback:
    """The feedback of `data`, or ValidationError with every problem (the comment's personal
    data is the note guard's business: the caller runs it, as for a note)."""
    reader = FieldReader(data, record="feedback", allowed=FEEDBACK_FIELDS)
    structure_id = reader.text("structure_id", required=True, max_len=ID_MAX_CHARS)
    service_id = reader.text("service_id", required=False, max_len=ID_MAX_CHARS)
    reason = reader.code("reason", FEEDBACK_REASONS)
    comment = reader.text("comment", required=False, max_len=COMMENT_MAX_CHARS, note=True)
    day = reader.iso_date("date", required=True)
    if day is not None and day > today:
        reader.add("date", "domain.feedback.future")
    date_maj = reader.iso_date("date_maj", required=False)
    reader.raise_if_any()
    assert structure_id is not None and reason is not None and day is not None
    return Feedback(
        structure_id=structure_id,
        reason=reason,
        date=day,
        service_id=service_id,
        comment=comment,
        date_maj=date_maj.isoformat() if date_maj else None,
    )
