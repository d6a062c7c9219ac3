"""Helpers shared by the sync tests and benchmarks (the fixtures are in conftest.py)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp.services import coordination as coordination_service
from fieldapp.services import sync as sync_service
from fieldapp.services.field import FieldService
from fieldapp.storage import keyfile
from fieldapp.sync import workspace as ws
from fieldapp.sync.batch import open_batch
from fieldapp.sync.outbox import RetryPolicy
from tests.helpers import sample_contact

COORD_PASSPHRASE = "coordination-test-passphrase"  # test-only
FAST: dict[str, Any] = {"kdf": keyfile.FAST_TEST_KDF, "allow_weak": True}


@dataclass
class Coordination:
    root: Path
    invitation: Path
    code: str
    info: dict[str, Any]

    def open(self) -> ws.Workspace:
        return ws.open_workspace(self.root, COORD_PASSPHRASE)


def make_coordination(root: Path, drop: Any = None, **kw: Any) -> Coordination:
    info = coordination_service.create_coordination(
        root,
        COORD_PASSPHRASE,
        territory="Métropole Rouen Normandie",
        drop=drop,
        invitation_kdf=keyfile.FAST_TEST_KDF,
        **FAST,
        **kw,
    )
    return Coordination(root, Path(info["invitation"]), info["code"], info)


class Clock:
    """A settable clock for the outbox and the service (backoff, retention, "il y a 2 min")."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 14, 9, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def make_sync(
    field: FieldService, clock: Clock | None = None, **kw: Any
) -> sync_service.SyncService:
    kw.setdefault("timeout", 2.0)
    kw.setdefault("policy", RetryPolicy())
    return sync_service.SyncService(field, now=clock, **kw)


def record(field: FieldService, count: int, **changes: Any) -> list[str]:
    return field.record_contacts([sample_contact(**changes) for _ in range(count)])


def device_public(field: FieldService) -> Ed25519PublicKey:
    raw = base64.b64decode(field.store.get_setting("device_signing_key"))
    return Ed25519PrivateKey.from_private_bytes(raw).public_key()


def seq_of(name: str) -> int:
    return int(name.removesuffix(".rbatch").split("-")[2])


def open_all(
    files: dict[str, bytes], workspace: ws.Workspace, field: FieldService
) -> list[dict[str, Any]]:
    """Open every delivered batch with the coordinator key; all events, in seq order."""
    events: list[dict[str, Any]] = []
    for name in sorted(files, key=seq_of):
        manifest, batch_events = open_batch(
            files[name],
            recipient_private=workspace.recipient_private,
            device_public=device_public(field),
        )
        assert manifest.file_name == name
        events.extend(batch_events)
    return events


def store_events(field: FieldService) -> list[dict[str, Any]]:
    return [e.to_dict() for e in field.store.events_from(1)]
