"""The receiving structure's inbox (« Relais reçus », `fieldapp received`): type or scan the
code relais the person brings, record what happened. Used by the CLI and the window alike.

The code is checked (its check character) before anything is written; the event carries only
`code_hmac(territory key, code)`, so the profile must have joined the coordination first (the
key comes with the invitation). Nothing needs the sender's batch: the coordinator pairs both
sides whenever they arrive (reports/relay_indicators.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from fieldapp.domain.events import EventType
from fieldapp.domain.ids import uuid7
from fieldapp.domain.receptions import check_reception, parse_reception
from fieldapp.domain.relay_code import code_hmac, normalise
from fieldapp.errors import InputError
from fieldapp.services.field import FieldService
from fieldapp.storage import reception_store
from fieldapp.storage.engine import write_transaction


class NotJoined(InputError):
    """No territory key yet: a code relais cannot be recorded before joining."""

    def __init__(self) -> None:
        super().__init__("services.reception.not_joined")


class ReceptionService:
    def __init__(self, field: FieldService) -> None:
        self.field = field

    def record(
        self,
        code: str,
        status: str,
        *,
        day: date | None = None,
        reason: str | None = None,
        today: date | None = None,
    ) -> dict[str, Any]:
        """Record one status for a code relais; returns the inbox row. Refuses a wrong code, a
        status that cannot follow the ones recorded here, a missing or unexpected reason."""
        canonical = normalise(code)
        key = self.field.territory_key()
        if key is None:
            raise NotJoined()
        today = today or date.today()
        fingerprint = code_hmac(key, canonical)
        data: dict[str, Any] = {
            "code_hmac": fingerprint,
            "status": status,
            "date": (day or today).isoformat(),
        }
        if reason:
            data["reason"] = reason
        reception = parse_reception(data, today=today)
        reception_id = uuid7()
        with write_transaction(self.field.engine) as conn:
            check_reception(reception_store.statuses_of(conn, fingerprint), reception.status)
            self.field.store.append(
                conn, EventType.RECEPTION_RECORDED, reception_id, reception.to_payload()
            )
            reception_store.keep_code(conn, fingerprint, canonical)
        return {
            "id": reception_id,
            "code": canonical,
            "status": reception.status,
            "date": reception.date.isoformat(),
            "reason": reception.reason,
        }

    def receptions(self) -> list[dict[str, Any]]:
        """What was recorded here, newest first: id, code, status, date, reason."""
        return reception_store.list_receptions(self.field.engine)
