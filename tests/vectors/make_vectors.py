"""Regenerate the sealed batch test vectors (docs/batch-format.md § Test vectors).

    .venv/bin/python tests/vectors/make_vectors.py

Keys are derived from fixed labels, so they never change. HPKE encryption is randomised (fresh
ephemeral key each time), so every run writes a different ciphertext, hence a different
`ciphertext_sha256`, manifest, signature and file: all of them stay valid, and the committed
files are the reference. Regenerate only when the format changes.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync.batch import (
    SUITE_X25519,
    SUITE_XWING,
    RecipientPrivateKey,
    canonical_json,
    key_fingerprint,
    read_manifest,
    recipient_public_bytes,
    seal_batch,
    signed_message,
)

HERE = Path(__file__).resolve().parent
DEVICE_ID = "0f3c9a2e5b7d4c18"
STRUCTURE_ID = "structure-demo-rouen-01"
CREATED = datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)


def derived(label: str, size: int = 32) -> bytes:
    """Fixed test key material: SHA-256 (or SHA-512) of a public label. Never use elsewhere."""
    data = f"relais batch test vector: {label}".encode()
    return (hashlib.sha512 if size == 64 else hashlib.sha256)(data).digest()[:size]


def events() -> list[dict[str, Any]]:
    """Three synthetic events of one device, seq 41 to 43; no personal data."""
    base = {"device_id": DEVICE_ID, "schema": 1}
    return [
        {
            **base,
            "id": "01959380-2b6d-7a4e-8f00-000000000041",
            "seq": 41,
            "hlc": "1741944413000:0000:0f3c9a2e5b7d4c18",
            "type": "contact.created",
            "entity_id": "01959380-2b6d-7a4e-8f00-00000000c001",
            "payload": {
                "date": "2025-03-14",
                "slot": "matin",
                "qpv": "QN07601M",
                "place_type": "pied_immeuble",
                "contact_mode": "premier_contact",
                "age_band": "18-25",
                "gender": "non_renseigne",
                "situation": "sans_emploi_ni_formation",
                "registrations": ["aucune"],
                "needs": ["numerique", "trouver-un-emploi"],
                "outcome": "rdv_propose",
                "note": "Vecteur de test : café, atelier numérique — aucune donnée réelle.",
            },
        },
        {
            **base,
            "id": "01959380-2b6d-7a4e-8f00-000000000042",
            "seq": 42,
            "hlc": "1741944414000:0000:0f3c9a2e5b7d4c18",
            "type": "handover.created",
            "entity_id": "01959380-2b6d-7a4e-8f00-00000000e001",
            "payload": {
                "contact_id": "01959380-2b6d-7a4e-8f00-00000000c001",
                "partner_service": "demo-service-42",
                "mode": "accompagnement_physique",
                "consent": True,
                "status": "propose",
            },
        },
        {
            **base,
            "id": "01959380-2b6d-7a4e-8f00-000000000043",
            "seq": 43,
            "hlc": "1741944415000:0001:0f3c9a2e5b7d4c18",
            "type": "handover.status_changed",
            "entity_id": "01959380-2b6d-7a4e-8f00-00000000e001",
            "payload": {"status": "rdv_fixe", "at": "2025-03-14T09:30:00Z", "reason": None},
        },
    ]


def make(suite: str, batch_id: str) -> dict[str, Any]:
    device_seed = derived("device ed25519 seed")
    signing_key = Ed25519PrivateKey.from_private_bytes(device_seed)
    device_public = signing_key.public_key().public_bytes_raw()
    recipient: RecipientPrivateKey
    keys: dict[str, str] = {
        "device_ed25519_seed_hex": device_seed.hex(),
        "device_ed25519_public_hex": device_public.hex(),
        "device_fingerprint": key_fingerprint(device_public),
    }
    x25519_private = derived("coordinator x25519 private key")
    keys["recipient_x25519_private_hex"] = x25519_private.hex()
    if suite == SUITE_XWING:
        mlkem_seed = derived("coordinator ml-kem-768 seed (d || z)", 64)
        keys["recipient_mlkem768_seed_hex"] = mlkem_seed.hex()
        recipient = (
            MLKEM768PrivateKey.from_seed_bytes(mlkem_seed),
            X25519PrivateKey.from_private_bytes(x25519_private),
        )
    else:
        recipient = X25519PrivateKey.from_private_bytes(x25519_private)
    recipient_public = recipient_public_bytes(recipient)
    keys["recipient_public_hex"] = recipient_public.hex()
    keys["recipient_fingerprint"] = key_fingerprint(recipient_public)

    batch_events = events()
    name, data = seal_batch(
        batch_events,
        device_id=DEVICE_ID,
        structure_id=STRUCTURE_ID,
        signing_key=signing_key,
        recipient_public=recipient_public,
        created=CREATED,
        batch_id=batch_id,
        suite=suite,
    )
    manifest = read_manifest(data)
    manifest_bytes = manifest.to_bytes()
    message = signed_message(manifest_bytes, manifest.ciphertext_sha256)
    return {
        "description": (
            "Relais sealed batch v1 test vector. Open `file_hex` with the recipient key and the "
            "device public key: it must yield exactly `events`. HPKE is randomised, so sealing "
            "again gives a different file; `manifest`, `signed_message_hex` and `signature_hex` "
            "describe this file. See docs/batch-format.md."
        ),
        "suite": suite,
        "keys": keys,
        "device_id": DEVICE_ID,
        "structure_id": STRUCTURE_ID,
        "batch_id": batch_id,
        "created": manifest.created,
        "events": batch_events,
        "plaintext_json": canonical_json(batch_events).decode("utf-8"),
        "hpke_info": manifest.hpke_info().decode("utf-8"),
        "manifest": manifest_bytes.decode("utf-8"),
        "signed_message_hex": message.hex(),
        "signature_hex": signing_key.sign(message).hex(),
        "file_name": name,
        "file_sha256": hashlib.sha256(data).hexdigest(),
        "file_hex": data.hex(),
    }


def main() -> None:
    outputs = {
        "batch-v1-x25519.json": make(SUITE_X25519, "6f1d2c3b-4a59-4e68-9d7c-0b1a2f3e4d5c"),
        "batch-v1-xwing.json": make(SUITE_XWING, "7a2e3d4c-5b6a-4f79-8e8d-1c2b3a4f5e6d"),
    }
    for file_name, vector in outputs.items():
        text = json.dumps(vector, indent=2, ensure_ascii=False) + "\n"
        (HERE / file_name).write_text(text, encoding="utf-8")
        print(f"wrote {file_name}: {vector['file_name']}, {len(vector['file_hex']) // 2} bytes")


if __name__ == "__main__":
    main()
