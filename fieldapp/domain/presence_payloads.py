"""`payloads.check_event` for the records of issue 17: rounds and joint actions and their
amendments (the whole record again, as for contacts). Their voids carry a reason, checked
like a contact's void."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.actions import parse_action
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.presence import parse_outing

OUTING_KINDS = frozenset({EventType.OUTING_RECORDED, EventType.OUTING_AMENDED})
ACTION_KINDS = frozenset({EventType.ACTION_RECORDED, EventType.ACTION_AMENDED})
PRESENCE_KINDS = OUTING_KINDS | ACTION_KINDS


def presence_note(event: Event, day: dt.date) -> str | None:
    """The payload parsed by the device's own parser (ValidationError when refused): its
    note, for the note guard."""
    if event.type in OUTING_KINDS:
        return parse_outing(event.payload, today=day).note
    return parse_action(event.payload, today=day).note
