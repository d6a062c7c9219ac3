"""Directory feedback (issue 18): a field worker signals a sheet to correct; the coordinator
lists the signals per structure and marks them handled.

Device: `report_feedback` checks the target against the installed pack (an unknown id is
refused), runs the text rule and the note guard on the comment, and records one
`directory.feedback` event: the outbox seals it into the next batch like any other.

Coordinator: `coordination_feedback` lists the merged feedback with its structure's and
service's names and whether it is handled. It is handled when the coordinator said so
(`mark_handled`, `coord directory-feedback --handled ID`), or when the last published pack carries
the sheet with a `date_maj` later than the one the device had: the producer updated the sheet
since (docs/directory.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fieldapp.domain.events import EventType
from fieldapp.domain.feedback import FEEDBACK_REASONS, parse_feedback
from fieldapp.domain.ids import uuid7
from fieldapp.errors import InputError
from fieldapp.services.directory import current_pack
from fieldapp.services.field import FieldService, guard_text
from fieldapp.storage import feedback_records
from fieldapp.sync.pack import Pack

if TYPE_CHECKING:
    from fieldapp.services.coordination import CoordinationService

__all__ = [
    "FEEDBACK_REASONS",
    "FeedbackError",
    "coordination_feedback",
    "mark_handled",
    "reason_choices",
    "report_feedback",
]

# The keys of `coord directory-feedback --json`, in this order (issue 18).
JSON_KEYS = ("service_id", "structure_id", "reason", "comment", "date", "device_id", "handled")


class FeedbackError(InputError):
    """A feedback that cannot be recorded or found; str() is one line."""


def reason_choices(lang: str | None = None) -> list[tuple[str, str]]:
    """(code, label) of the reasons, in the order the dialog shows them."""
    from fieldapp.messages import language

    chosen = lang or language()
    return [(t.code, t.en if chosen == "en" else t.fr) for t in FEEDBACK_REASONS]


def _by_id(records: Sequence[Mapping[str, Any]], record_id: str) -> Mapping[str, Any] | None:
    return next((r for r in records if str(r.get("id")) == record_id), None)


def report_feedback(
    service: FieldService,
    *,
    reason: str,
    service_id: str | None = None,
    structure_id: str | None = None,
    comment: str | None = None,
    today: date | None = None,
    redact: bool = False,
) -> str:
    """Record a feedback on a service or a structure of the installed pack; returns its id."""
    if bool(service_id) == bool(structure_id):
        raise FeedbackError("services.feedback.target")
    day = today or date.today()
    pack = current_pack(service)
    if service_id:
        sheet = _by_id(pack.services, service_id)
        if sheet is None:
            raise FeedbackError("services.feedback.unknown_service", id=service_id)
        structure_id = str(sheet.get("structure_id") or "")
    else:
        assert structure_id is not None
        sheet = _by_id(pack.structures, structure_id)
        if sheet is None:
            raise FeedbackError("services.feedback.unknown_structure", id=structure_id)
    data: dict[str, Any] = {
        "structure_id": structure_id,
        "reason": reason,
        "date": day.isoformat(),
    }
    if service_id:
        data["service_id"] = service_id
    if comment and comment.strip():
        data["comment"] = comment
    date_maj = str(sheet.get("date_maj") or "")[:10]
    if date_maj:
        data["date_maj"] = date_maj
    feedback = parse_feedback(data, today=day)
    payload = feedback.to_payload()
    if feedback.comment:
        payload["comment"] = guard_text(
            feedback.comment,
            field="comment",
            redact=redact,
            today=day,
            code="services.feedback.personal_data",
        )
    feedback_id = uuid7()
    service.store.record(EventType.DIRECTORY_FEEDBACK, feedback_id, payload)
    return feedback_id


def device_feedback(service: FieldService) -> list[dict[str, Any]]:
    """The feedback this device recorded (its own projection rows)."""
    return feedback_records.feedback_rows(service.engine)


# -- coordinator -------------------------------------------------------------------------------


def published_pack(coordination: CoordinationService) -> Pack | None:
    """The last pack this coordination published (its `packs/` archive, checked against its own
    key); None when it has published none yet."""
    from fieldapp.services.packs import ARCHIVE_DIR, PACK_SUFFIX
    from fieldapp.sync.pack import PackError, verify_pack

    workspace = coordination.workspace
    files = sorted(Path(workspace.root, ARCHIVE_DIR).glob(f"pack-v*{PACK_SUFFIX}"))
    if not files:
        return None
    public = workspace.keys.signing.public_key().public_bytes_raw()
    try:
        return verify_pack(files[-1].read_bytes(), public)
    except (OSError, PackError):
        return None


def _fixed_by(pack: Pack | None, row: Mapping[str, Any]) -> bool:
    """The published pack's sheet is newer than the one the feedback was about."""
    if pack is None or not row.get("date_maj"):
        return False
    if row.get("service_id"):
        sheet = _by_id(pack.services, str(row["service_id"]))
    else:
        sheet = _by_id(pack.structures, str(row["structure_id"]))
    if sheet is None:
        return True  # the sheet left the directory: nothing left to correct
    return str(sheet.get("date_maj") or "")[:10] > str(row["date_maj"])


def coordination_feedback(coordination: CoordinationService) -> list[dict[str, Any]]:
    """The merged feedback, by structure: the JSON keys of the issue, plus `id`, `handled_by`
    ("coordination", "pack" or None) and the names of the structure and service."""
    engine = coordination.consolidated.engine
    marks = feedback_records.handled_marks(engine)
    pack = published_pack(coordination)
    structures = {str(s["id"]): str(s.get("nom") or "") for s in pack.structures} if pack else {}
    services = {str(s["id"]): str(s.get("nom") or "") for s in pack.services} if pack else {}
    out = []
    for row in feedback_records.feedback_rows(engine):
        handled_by = (
            "coordination" if row["id"] in marks else "pack" if _fixed_by(pack, row) else None
        )
        out.append(
            {key: row.get(key) for key in JSON_KEYS if key != "handled"}
            | {
                "handled": handled_by is not None,
                "id": row["id"],
                "handled_by": handled_by,
                "structure_name": structures.get(str(row["structure_id"]), ""),
                "service_name": services.get(str(row.get("service_id") or ""), ""),
            }
        )
    return out


def mark_handled(coordination: CoordinationService, feedback_id: str) -> None:
    """The coordinator has dealt with this feedback (corrected the sheet, or judged it)."""
    engine = coordination.consolidated.engine
    if not feedback_records.feedback_exists(engine, feedback_id):
        raise FeedbackError("services.feedback.unknown_feedback", id=feedback_id)
    at = datetime.now(UTC).isoformat(timespec="seconds")
    feedback_records.mark_handled(engine, feedback_id, at)
