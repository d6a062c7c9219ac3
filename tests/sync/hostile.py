"""Hostile batches, validly signed by an enrolled test device, sealed with the project's code.

`seal_events` goes through `seal_batch` (any JSON the writer accepts); `seal_plaintext` seals a
zlib stream the writer would never produce (deep nesting, a bomb) with the same pieces
`seal_batch` uses: `Manifest`, the HPKE suite, `signed_message` and the framing.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import uuid
import zlib
from collections.abc import Iterator
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Engine, select

from fieldapp.storage.coord_schema import coord_metadata
from fieldapp.sync import batch
from fieldapp.sync.batch import Manifest, key_fingerprint, seal_batch, signed_message
from tests.helpers.coordination import Device, Territory


@dataclasses.dataclass
class Sealer:
    """What a device needs to seal: its id, structure, signing key, and the coordinator's key."""

    device_id: str
    structure_id: str
    signing_key: Ed25519PrivateKey
    recipient: X25519PrivateKey

    @classmethod
    def of(cls, territory: Territory, device: Device) -> Sealer:
        raw = base64.b64decode(device.field.store.get_setting("device_signing_key"))
        with territory.open() as coord:
            recipient = coord.workspace.recipient_private
        assert isinstance(recipient, X25519PrivateKey)
        return cls(
            device.field.device_id,
            str(device.field.structure["id"]),
            Ed25519PrivateKey.from_private_bytes(raw),
            recipient,
        )

    def seal_events(self, events: list[dict[str, Any]]) -> bytes:
        _, data = seal_batch(
            events,
            device_id=self.device_id,
            structure_id=self.structure_id,
            signing_key=self.signing_key,
            recipient_public=self.recipient.public_key(),
        )
        return data

    def seal_plaintext(self, compressed: bytes, *, first_seq: int = 1, count: int = 1) -> bytes:
        draft = Manifest(
            batch_id=str(uuid.uuid4()),
            device_id=self.device_id,
            structure_id=self.structure_id,
            first_seq=first_seq,
            last_seq=first_seq + count - 1,
            event_count=count,
            created="2026-03-14T09:00:00Z",
            recipient=key_fingerprint(self.recipient.public_key().public_bytes_raw()),
            suite=batch.SUITE_X25519,
            ciphertext_sha256="0" * 64,
        )
        suite = batch._hpke_suite(batch.SUITE_X25519)
        ciphertext = suite.encrypt(compressed, self.recipient.public_key(), info=draft.hpke_info())
        manifest = dataclasses.replace(
            draft, ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest()
        )
        manifest_bytes = manifest.to_bytes()
        signature = self.signing_key.sign(
            signed_message(manifest_bytes, manifest.ciphertext_sha256)
        )
        return batch._frame(manifest_bytes, signature, ciphertext)


def event_frame(event: dict[str, Any]) -> tuple[bytes, bytes]:
    """A real event's JSON cut around its payload: (before, after)."""
    marker = "\x00PAYLOAD\x00"
    text = batch.canonical_json([{**event, "payload": marker}])
    before, after = text.split(batch.canonical_json(marker))
    return before, after


def compress(parts: Iterator[bytes]) -> bytes:
    deflater = zlib.compressobj(9)
    out = [deflater.compress(part) for part in parts]
    out.append(deflater.flush())
    return b"".join(out)


def bomb(event: dict[str, Any], pairs: int = 83_000_000) -> bytes:
    """An event whose payload holds `pairs` empty arrays: about 250 MB inflated, ~243 KB sealed.

    Streamed into zlib a megabyte at a time: the test never holds the inflated text.
    """
    before, after = event_frame(event)

    def parts() -> Iterator[bytes]:
        yield before + b'{"x":['
        block = b"[]," * (2**20 // 3)
        left = pairs - 1
        while left > 0:
            n = min(left, len(block) // 3)
            yield block[: 3 * n]
            left -= n
        yield b"[]]}" + after

    return compress(parts())


def deep(event: dict[str, Any], depth: int) -> bytes:
    """An event whose payload is nested `depth` arrays deep."""
    before, after = event_frame(event)
    return compress(iter([before, b'{"x":' + b"[" * depth + b"]" * depth + b"}", after]))


# -- forged events and the store's fingerprint (tests/sync/test_merge_ownership.py, corpus) -----

# Tables a refused batch may write to: the quarantine itself, its alarms, the audit log.
RECORD_KEEPING = frozenset({"quarantine", "alarms", "audit_log"})
FAR_FUTURE_HLC = "9" * 16 + "-" + "0" * 5


def forged(template: dict[str, Any], *, device_id: str, seq: int, **changes: Any) -> dict[str, Any]:
    """A copy of a real event under a fresh id, as `device_id`'s event number `seq`."""
    return {**template, "id": str(uuid.uuid4()), "device_id": device_id, "seq": seq, **changes}


def next_seq(device: Device) -> int:
    """The seq the device's own next event would take."""
    return max((e.seq for e in device.field.store.events_from(1)), default=0) + 1


def own_events(device: Device) -> list[dict[str, Any]]:
    return [e.to_dict() for e in device.field.store.events_from(1)]


def store_digest(engine: Engine) -> str:
    """SHA-256 over every row of every table of the consolidated store, in a fixed order.

    Leaves out only what a refused batch is meant to write (`RECORD_KEEPING`): equal digests
    before and after a merge mean the store's data did not change by a single byte.
    """
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for name in sorted(coord_metadata.tables):
            if name in RECORD_KEEPING:
                continue
            rows = sorted(repr(tuple(r)) for r in conn.execute(select(coord_metadata.tables[name])))
            digest.update(f"{name}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(row.encode() + b"\n")
    return digest.hexdigest()
