"""Return files (issue 16): the coordinator publishes, per device, what receiving structures
confirmed about its handovers; the device's side is `SyncService.receive_returns`.

`publish_returns` writes one sealed and signed file per trusted device that has an encryption
key (sync/returns.py) into the drop, replacing the previous one atomically; a device enrolled
before issue 16 has no key and is listed under `reenrol`, with the message asking it to enrol
again. The sequence number is taken (and committed) before the file is written, so that a file
is never published twice under one number, whatever fails in between.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, update

from fieldapp.messages import Text
from fieldapp.services.coordination import CoordinationError, CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.storage.confirmations import all_confirmations
from fieldapp.storage.coord_records import coord_transaction
from fieldapp.storage.coord_schema import devices
from fieldapp.sync.returns import Confirmation, confirmations_for, seal_return
from fieldapp.sync.transports import DeliveryError, make_transport

__all__ = [
    "ConfirmationSource",
    "ReturnsReport",
    "confirmation_text",
    "partner_confirmations",
    "publish_returns",
]

# (connection to the consolidated store, device id) → that device's confirmations.
ConfirmationSource = Callable[[Connection, str], list[Confirmation]]


@dataclass
class ReturnsReport:
    destination: str
    published: list[dict[str, Any]] = field(default_factory=list)
    reenrol: list[dict[str, Any]] = field(default_factory=list)

    def lines(self) -> list[Text]:
        texts = [Text("services.returns.device_without_key", **_params(d)) for d in self.reenrol]
        count = len(self.published)
        return [*texts, Text("services.returns.published", n=count, destination=self.destination)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "destination": self.destination,
            "published": self.published,
            "reenrol": [
                d | {"message": str(Text("services.returns.device_without_key", **_params(d)))}
                for d in self.reenrol
            ],
        }


def _params(device: dict[str, Any]) -> dict[str, Any]:
    return {"device": device["device_id"], "structure": device["structure"]}


def publish_returns(
    service: CoordinationService,
    to: str | None = None,
    *,
    source: ConfirmationSource = confirmations_for,
    now: datetime | None = None,
) -> ReturnsReport:
    """`coord returns`: one return file per trusted device into the drop (`to`, else the
    workspace's own); raises CoordinationError when the drop refuses a file."""
    drop = service.source(to)
    engine = service.consolidated.engine
    signing_key = service.workspace.keys.signing
    report = ReturnsReport(destination=drop.describe())
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                devices.c.device_id,
                devices.c.structure_name,
                devices.c.encryption_public,
            )
            .where(devices.c.status == "trusted")
            .order_by(devices.c.device_id)
        ).all()
    transport = make_transport(drop)
    try:
        for row in rows:
            if not row.encryption_public:
                report.reenrol.append(
                    {"device_id": row.device_id, "structure": row.structure_name or "—"}
                )
                continue
            with coord_transaction(engine) as conn:
                seq = _next_seq(conn, row.device_id)
                confirmations = source(conn, row.device_id)
            name, data = seal_return(
                confirmations,
                device_id=row.device_id,
                seq=seq,
                device_public=base64.b64decode(row.encryption_public),
                signing_key=signing_key,
                created=now or datetime.now(UTC),
            )
            try:
                transport.replace(name, data, hashlib.sha256(data).hexdigest())
            except DeliveryError as exc:
                raise CoordinationError("services.returns.failed", problem=exc) from exc
            report.published.append(
                {
                    "device_id": row.device_id,
                    "file_name": name,
                    "seq": seq,
                    "confirmations": len(confirmations),
                }
            )
    finally:
        transport.close()
    service.audit("returns", files=len(report.published), reenrol=len(report.reenrol))
    return report


def _next_seq(conn: Connection, device_id: str) -> int:
    current = conn.execute(
        select(devices.c.returns_seq).where(devices.c.device_id == device_id)
    ).scalar()
    seq = int(current or 0) + 1
    conn.execute(update(devices).where(devices.c.device_id == device_id).values(returns_seq=seq))
    return seq


# -- the device's side: what the handover shows ------------------------------------------------


def partner_confirmations(field: FieldService) -> dict[str, dict[str, Any]]:
    """handover id → what the receiving structure confirmed (status, structure_name, date…)."""
    return all_confirmations(field.engine)


def confirmation_text(confirmation: dict[str, Any]) -> Text:
    """« Accueil confirmé par Mission locale de Rouen le 12/03 » (worded by status)."""
    day = confirmation["date"]
    return Text(
        f"services.returns.confirmed.{confirmation['status']}",
        structure=confirmation["structure_name"],
        date=f"{day[8:10]}/{day[5:7]}",
    )
