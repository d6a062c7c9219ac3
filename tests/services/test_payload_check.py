"""One code path: every event an honest device writes passes the coordinator's payload check
(fieldapp/domain/payloads.py), which runs the device's own parsers again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fieldapp.domain.handovers import is_terminal
from fieldapp.domain.payloads import check_event
from fieldapp.services import demo
from fieldapp.services.field import FieldService


def test_every_kind_the_device_writes_passes_the_merge_check(field: FieldService) -> None:
    demo.fill_demo(field, 40)  # contacts and handovers at every stage
    field.void_contact(field.contacts()[0]["id"], "Saisi deux fois par erreur.")
    open_ones = [h for h in field.handovers() if not is_terminal(str(h["status"]))]
    assert open_ones
    soon = (datetime.now(UTC) + timedelta(days=7)).date().isoformat()
    field.reschedule_handover(open_ones[0]["id"], {"follow_up": soon})
    step = field.change_handover_status(open_ones[0]["id"], "rdv_fixe")
    field.undo_status_change(open_ones[0]["id"], str(step))
    kinds = set()
    for event in field.store.events_from(1):
        check_event(event)  # raises PayloadRefused for anything a device would not write
        kinds.add(event.type)
    assert {
        "contact.recorded", "contact.voided", "handover.proposed", "handover.status_changed",
        "handover.rescheduled", "handover.status_undone",
    } <= kinds  # fmt: skip


def test_feedback_the_device_writes_passes_the_merge_check(field: FieldService) -> None:
    from fieldapp.services import feedback
    from fieldapp.services.directory import current_pack

    service_id = str(current_pack(field).services[0]["id"])
    comment = "fermé le lundi"
    feedback.report_feedback(field, service_id=service_id, reason="horaires", comment=comment)
    (event,) = [e for e in field.store.events_from(1) if e.type == "directory.feedback"]
    check_event(event)
    assert event.payload["service_id"] == service_id and event.payload["reason"] == "horaires"
