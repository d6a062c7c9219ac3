"""The committed test vectors (tests/vectors/batch-v1-*.json) still open and still agree.

They pin the format: if a change to fieldapp/sync/batch.py makes these fail, it broke files
already written by devices in the field, and needs a new format version instead.
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync.batch import (
    SUITE_X25519,
    SUITE_XWING,
    RecipientPrivateKey,
    canonical_json,
    key_fingerprint,
    open_batch,
    read_manifest,
    recipient_public_bytes,
    seal_batch,
    signed_message,
    suite_available,
)

VECTORS = Path(__file__).resolve().parents[1] / "vectors"
FILES = sorted(VECTORS.glob("batch-v1-*.json"))


def load(path: Path) -> dict[str, Any]:
    vector: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if vector["suite"] == SUITE_XWING and not suite_available(SUITE_XWING):
        pytest.skip("ML-KEM absent de ce build de cryptography")
    return vector


def recipient_of(vector: dict[str, Any]) -> RecipientPrivateKey:
    keys = vector["keys"]
    x25519 = X25519PrivateKey.from_private_bytes(
        bytes.fromhex(keys["recipient_x25519_private_hex"])
    )
    if vector["suite"] == SUITE_XWING:
        return (
            MLKEM768PrivateKey.from_seed_bytes(bytes.fromhex(keys["recipient_mlkem768_seed_hex"])),
            x25519,
        )
    return x25519


def device_of(vector: dict[str, Any]) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(
        bytes.fromhex(vector["keys"]["device_ed25519_seed_hex"])
    )


def test_both_suites_have_a_vector() -> None:
    suites = {json.loads(path.read_text(encoding="utf-8"))["suite"] for path in FILES}
    assert suites == {SUITE_X25519, SUITE_XWING}


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_vector_opens_to_exactly_the_listed_events(path: Path) -> None:
    vector = load(path)
    data = bytes.fromhex(vector["file_hex"])
    assert hashlib.sha256(data).hexdigest() == vector["file_sha256"]
    device = device_of(vector)
    manifest, events = open_batch(
        data, recipient_private=recipient_of(vector), device_public=device.public_key()
    )
    assert events == vector["events"]
    assert manifest.file_name == vector["file_name"]
    assert manifest.suite == vector["suite"]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_vector_parts_agree(path: Path) -> None:
    vector = load(path)
    keys = vector["keys"]
    data = bytes.fromhex(vector["file_hex"])
    device = device_of(vector)
    recipient = recipient_of(vector)

    # Keys and fingerprints.
    device_public = device.public_key().public_bytes_raw()
    assert device_public.hex() == keys["device_ed25519_public_hex"]
    assert key_fingerprint(device_public) == keys["device_fingerprint"]
    assert recipient_public_bytes(recipient).hex() == keys["recipient_public_hex"]
    assert key_fingerprint(recipient_public_bytes(recipient)) == keys["recipient_fingerprint"]

    # Manifest: the bytes in the file, parsed without keys, and the HPKE info derived from it.
    manifest_bytes = vector["manifest"].encode("utf-8")
    manifest = read_manifest(data)
    assert manifest.to_bytes() == manifest_bytes
    assert manifest.hpke_info() == vector["hpke_info"].encode("utf-8")
    assert manifest.recipient == keys["recipient_fingerprint"]
    assert (manifest.batch_id, manifest.created) == (vector["batch_id"], vector["created"])

    # Byte layout, read by hand.
    assert data[:8] == b"RLBATCH\x01"
    (manifest_len,) = struct.unpack_from(">I", data, 8)
    assert data[12 : 12 + manifest_len] == manifest_bytes
    at = 12 + manifest_len
    assert struct.unpack_from(">H", data, at) == (64,)
    signature = data[at + 2 : at + 66]
    (ciphertext_len,) = struct.unpack_from(">Q", data, at + 66)
    ciphertext = data[at + 74 :]
    assert len(ciphertext) == ciphertext_len
    assert hashlib.sha256(ciphertext).hexdigest() == manifest.ciphertext_sha256

    # Signature: Ed25519 is deterministic, so re-signing the message gives the same bytes.
    message = signed_message(manifest_bytes, manifest.ciphertext_sha256)
    assert message.hex() == vector["signed_message_hex"]
    assert message == b"relais-batch-v1\x00" + manifest_bytes + hashlib.sha256(ciphertext).digest()
    assert signature.hex() == vector["signature_hex"]
    assert device.sign(message) == signature
    device.public_key().verify(signature, message)

    # Plaintext: canonical JSON of the events (before zlib).
    assert canonical_json(vector["events"]) == vector["plaintext_json"].encode("utf-8")


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_resealing_vector_events_gives_the_same_manifest_but_a_fresh_ciphertext(
    path: Path,
) -> None:
    vector = load(path)
    recipient = recipient_of(vector)
    device = device_of(vector)
    original = read_manifest(bytes.fromhex(vector["file_hex"]))
    _name, data = seal_batch(
        vector["events"],
        device_id=vector["device_id"],
        structure_id=vector["structure_id"],
        signing_key=device,
        recipient_public=recipient_public_bytes(recipient),
        created=original.created_at,
        batch_id=vector["batch_id"],
        suite=vector["suite"],
    )
    resealed = read_manifest(data)
    assert resealed.hpke_info() == original.hpke_info()
    assert resealed.ciphertext_sha256 != original.ciphertext_sha256  # HPKE is randomised
    _manifest, events = open_batch(
        data, recipient_private=recipient, device_public=device.public_key()
    )
    assert events == vector["events"]
