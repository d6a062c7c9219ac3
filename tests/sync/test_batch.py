"""Sealed batch format v1 (fieldapp.sync.batch, docs/batch-format.md).

Must show (issue 4): round trip; every bit flip and every truncation of a small batch rejected;
wrong coordinator key and another device's signature rejected with distinct reasons; no
plaintext marker in the file; seal refuses gaps and mixed devices; decompression bomb refused.
"""

from __future__ import annotations

import hashlib
import json
import re
import struct
import uuid
import zlib
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.sync import batch
from fieldapp.sync.batch import (
    MAX_EVENTS,
    SUITE_X25519,
    SUITE_XWING,
    BatchError,
    Manifest,
    key_fingerprint,
    open_batch,
    read_manifest,
    recipient_public_bytes,
    seal_batch,
    suite_available,
)
from tests.helpers.text import fr

DEVICE_ID = "dev-a1b2c3"
STRUCTURE_ID = "structure-test"
MARKER = "ZQX-MARQUEUR-EN-CLAIR-7731"

# Module-level keys: generated once, shared by plain and hypothesis tests.
DEVICE_KEY = Ed25519PrivateKey.generate()
OTHER_DEVICE_KEY = Ed25519PrivateKey.generate()
COORD_KEY = X25519PrivateKey.generate()
OTHER_COORD_KEY = X25519PrivateKey.generate()

needs_xwing = pytest.mark.skipif(
    not suite_available(SUITE_XWING), reason="ML-KEM absent de ce build de cryptography"
)


def make_events(
    count: int = 3, *, first_seq: int = 1, device_id: str = DEVICE_ID, note: str = "RAS"
) -> list[dict[str, Any]]:
    return [
        {
            "id": str(uuid.uuid4()),
            "device_id": device_id,
            "seq": seq,
            "hlc": f"{1_741_944_413_000 + seq}:0000:{device_id}",
            "type": "contact.created",
            "entity_id": str(uuid.uuid4()),
            "payload": {"qpv": "QN07601M", "age_band": "18-25", "note": note},
            "schema": 1,
        }
        for seq in range(first_seq, first_seq + count)
    ]


def seal(events: list[dict[str, Any]], **overrides: Any) -> tuple[str, bytes]:
    kwargs: dict[str, Any] = {
        "device_id": DEVICE_ID,
        "structure_id": STRUCTURE_ID,
        "signing_key": DEVICE_KEY,
        "recipient_public": COORD_KEY.public_key(),
    }
    kwargs.update(overrides)
    return seal_batch(events, **kwargs)


def open_(data: bytes, **overrides: Any) -> tuple[Manifest, list[dict[str, Any]]]:
    kwargs: dict[str, Any] = {
        "recipient_private": COORD_KEY,
        "device_public": DEVICE_KEY.public_key(),
    }
    kwargs.update(overrides)
    return open_batch(data, **kwargs)


def reason_of(data: bytes, **overrides: Any) -> str:
    with pytest.raises(BatchError) as caught:
        open_(data, **overrides)
    return caught.value.reason


# --- An independent writer, straight from the byte layout in docs/batch-format.md ----------


def canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def manifest_fields(count: int = 3, first_seq: int = 1) -> dict[str, Any]:
    return {
        "format": "relais-batch",
        "version": 1,
        "batch_id": str(uuid.uuid4()),
        "device_id": DEVICE_ID,
        "structure_id": STRUCTURE_ID,
        "first_seq": first_seq,
        "last_seq": first_seq + count - 1,
        "event_count": count,
        "created": "2025-03-14T09:26:53Z",
        "recipient": key_fingerprint(COORD_KEY.public_key().public_bytes_raw()),
        "suite": SUITE_X25519,
        "compression": "zlib",
    }


def craft(
    fields: dict[str, Any],
    compressed: bytes,
    *,
    info: bytes | None = None,
    manifest_bytes: bytes | None = None,
    version_byte: int = 1,
) -> bytes:
    """A correctly signed and encrypted file around arbitrary content, to test the reader."""
    suite = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
    info = canonical(fields) if info is None else info
    ciphertext = suite.encrypt(compressed, COORD_KEY.public_key(), info=info)
    digest = hashlib.sha256(ciphertext)
    if manifest_bytes is None:
        manifest_bytes = canonical({**fields, "ciphertext_sha256": digest.hexdigest()})
    signature = DEVICE_KEY.sign(b"relais-batch-v1\x00" + manifest_bytes + digest.digest())
    return b"".join(
        (
            b"RLBATCH",
            bytes([version_byte]),
            struct.pack(">I", len(manifest_bytes)),
            manifest_bytes,
            struct.pack(">H", len(signature)),
            signature,
            struct.pack(">Q", len(ciphertext)),
            ciphertext,
        )
    )


# --- Round trip -----------------------------------------------------------------------------


def test_round_trip_yields_exactly_the_events() -> None:
    events = make_events(3, first_seq=501)
    name, data = seal(events)
    assert name == f"relais-{DEVICE_ID}-501-503.rbatch"
    manifest, opened = open_(data)
    assert opened == events
    assert [sorted(e) for e in opened] == [sorted(e) for e in events]  # no key added or renamed
    assert manifest == read_manifest(data)
    assert (manifest.first_seq, manifest.last_seq, manifest.event_count) == (501, 503, 3)
    assert manifest.device_id == DEVICE_ID
    assert manifest.structure_id == STRUCTURE_ID
    assert manifest.file_name == name


@needs_xwing
def test_round_trip_post_quantum_hybrid_suite() -> None:
    recipient = (MLKEM768PrivateKey.generate(), X25519PrivateKey.generate())
    public = (recipient[0].public_key(), recipient[1].public_key())
    events = make_events(4)
    for recipient_public in (public, recipient_public_bytes(public)):
        _name, data = seal(events, recipient_public=recipient_public, suite=SUITE_XWING)
        manifest, opened = open_(data, recipient_private=recipient)
        assert opened == events
        assert manifest.suite == SUITE_XWING
        assert manifest.recipient == key_fingerprint(recipient_public_bytes(recipient))
        # The X25519 half alone is not the recipient.
        assert reason_of(data, recipient_private=recipient[1]) == "wrong_recipient"


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@settings(
    max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    payloads=st.lists(st.dictionaries(st.text(max_size=10), json_values, max_size=5), min_size=1),
    first_seq=st.integers(0, 2**40),
    structure_id=st.text(
        st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40
    ).filter(str.isprintable),
)
def test_round_trip_any_json_payload(
    payloads: list[dict[str, Any]], first_seq: int, structure_id: str
) -> None:
    events = make_events(len(payloads), first_seq=first_seq)
    for event, payload in zip(events, payloads, strict=True):
        event["payload"] = payload
    _name, data = seal(events, structure_id=structure_id)
    manifest, opened = open_(data)
    assert opened == events
    assert json.dumps(opened, sort_keys=True) == json.dumps(events, sort_keys=True)
    assert manifest.structure_id == structure_id
    assert manifest.last_seq == first_seq + len(payloads) - 1


def test_manifest_fields_and_canonical_bytes() -> None:
    created = datetime(2025, 3, 14, 10, 26, 53, 999, tzinfo=timezone(timedelta(hours=1)))
    batch_id = str(uuid.uuid4())
    _name, data = seal(make_events(2, first_seq=7), created=created, batch_id=batch_id)
    manifest = read_manifest(data)  # no key needed
    assert manifest.created == "2025-03-14T09:26:53Z"
    assert manifest.created_at == datetime(2025, 3, 14, 9, 26, 53, tzinfo=UTC)
    assert manifest.batch_id == batch_id
    assert manifest.format == "relais-batch"
    assert manifest.version == 1
    assert manifest.suite == SUITE_X25519
    assert manifest.compression == "zlib"
    assert manifest.recipient == key_fingerprint(COORD_KEY.public_key().public_bytes_raw())
    raw = manifest.to_bytes()
    assert raw == canonical(json.loads(raw))
    assert raw in data  # the manifest bytes in the file are exactly to_bytes()
    assert data.startswith(b"RLBATCH\x01" + struct.pack(">I", len(raw)) + raw)
    info = json.loads(manifest.hpke_info())
    assert "ciphertext_sha256" not in info
    assert info == {k: v for k, v in json.loads(raw).items() if k != "ciphertext_sha256"}


def test_default_created_is_now_and_batch_id_is_a_uuid() -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    _name, data = seal(make_events(1))
    manifest = read_manifest(data)
    assert before <= manifest.created_at <= datetime.now(UTC)
    assert str(uuid.UUID(manifest.batch_id)) == manifest.batch_id
    assert read_manifest(seal(make_events(1))[1]).batch_id != manifest.batch_id


def test_key_fingerprint_format() -> None:
    # SHA-256("") starts e3b0c44298fc1c149afb; Base32 of those 10 bytes:
    assert key_fingerprint(b"") == "4OYM-IQUY-7QOB-JGX3"
    fingerprint = key_fingerprint(COORD_KEY.public_key().public_bytes_raw())
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){3}", fingerprint)
    assert fingerprint != key_fingerprint(OTHER_COORD_KEY.public_key().public_bytes_raw())


# --- Tampering: every bit, every length -----------------------------------------------------

SMALL_EVENTS = make_events(3, first_seq=12)
_SMALL_NAME, SMALL = seal(SMALL_EVENTS)


def regions(data: bytes) -> dict[str, range]:
    manifest_len = struct.unpack_from(">I", data, 8)[0]
    sig_at = 12 + manifest_len
    return {
        "header": range(0, 12),
        "manifest": range(12, sig_at),
        "signature_length": range(sig_at, sig_at + 2),
        "signature": range(sig_at + 2, sig_at + 66),
        "ciphertext_length": range(sig_at + 66, sig_at + 74),
        "ciphertext": range(sig_at + 74, len(data)),
    }


EXPECTED_REASONS = {
    "header": {"malformed", "unsupported"},
    "manifest": {"malformed", "unsupported", "bad_signature"},
    "signature_length": {"malformed"},
    "signature": {"bad_signature"},
    "ciphertext_length": {"malformed"},
    "ciphertext": {"bad_hash"},
}


def test_every_single_bit_flip_is_rejected() -> None:
    assert open_(SMALL)[1] == SMALL_EVENTS
    seen: dict[str, set[str]] = {}
    buffer = bytearray(SMALL)
    for region, positions in regions(SMALL).items():
        for position in positions:
            for bit in range(8):
                buffer[position] ^= 1 << bit
                with pytest.raises(BatchError) as caught:
                    open_(bytes(buffer))
                buffer[position] ^= 1 << bit
                assert caught.value.reason in EXPECTED_REASONS[region], (region, position, bit)
                seen.setdefault(region, set()).add(caught.value.reason)
    assert bytes(buffer) == SMALL
    assert len(SMALL) * 8 > 4000  # the whole file was covered, not a sample
    assert seen["ciphertext"] == {"bad_hash"}
    assert seen["signature"] == {"bad_signature"}
    assert "bad_signature" in seen["manifest"]


def test_every_truncation_is_rejected() -> None:
    for length in range(len(SMALL)):
        with pytest.raises(BatchError) as caught:
            open_(SMALL[:length])
        assert caught.value.reason == "malformed", length
        with pytest.raises(BatchError):
            read_manifest(SMALL[:length])


def test_trailing_bytes_are_rejected() -> None:
    assert reason_of(SMALL + b"\x00") == "malformed"
    assert reason_of(SMALL + SMALL) == "malformed"


@settings(max_examples=200, deadline=None, database=None)
@given(edits=st.dictionaries(st.integers(0, len(SMALL) - 1), st.integers(1, 255), min_size=1))
def test_random_corruption_only_ever_raises_batch_error(edits: dict[int, int]) -> None:
    buffer = bytearray(SMALL)
    for position, mask in edits.items():
        buffer[position] ^= mask
    with pytest.raises(BatchError):
        open_(bytes(buffer))


@settings(max_examples=200, deadline=None, database=None)
@given(data=st.binary(max_size=300) | st.binary(max_size=60).map(lambda b: b"RLBATCH\x01" + b))
def test_garbage_is_malformed_never_a_crash(data: bytes) -> None:
    with pytest.raises(BatchError) as caught:
        read_manifest(data)
    assert caught.value.reason in {"malformed", "unsupported"}
    assert str(caught.value) == caught.value.message()


# --- Keys: recipient and device -------------------------------------------------------------


def test_wrong_coordinator_key_and_other_device_signature_have_distinct_reasons() -> None:
    _name, data = seal(make_events(3))
    wrong_recipient = reason_of(data, recipient_private=OTHER_COORD_KEY)
    # A device that holds the coordinator's public key signs a batch under another device id.
    _name, forged = seal(make_events(3), signing_key=OTHER_DEVICE_KEY)
    other_signer = reason_of(forged)
    assert wrong_recipient == "wrong_recipient"
    assert other_signer == "bad_signature"
    # Checking a genuine batch against the wrong enrolled device key is a bad signature too.
    assert reason_of(data, device_public=OTHER_DEVICE_KEY.public_key()) == "bad_signature"


def test_error_messages_are_plain_french() -> None:
    _name, data = seal(make_events(3))
    with pytest.raises(BatchError) as caught:
        open_(data, device_public=OTHER_DEVICE_KEY.public_key())
    assert str(caught.value) == fr(
        "Signature invalide : le lot n'a pas été signé par l'appareil déclaré."
    )
    with pytest.raises(BatchError) as caught:
        open_(data, recipient_private=OTHER_COORD_KEY)
    assert "autre coordination" in str(caught.value)
    assert read_manifest(data).recipient in str(caught.value)  # says which key was expected
    for reason in batch.REASONS:
        assert str(BatchError(reason)).endswith(".")


def test_verification_order_signature_then_hash_then_recipient() -> None:
    _name, data = seal(make_events(3))
    tampered = data[:-1] + bytes([data[-1] ^ 1])  # ciphertext damaged
    assert reason_of(tampered, device_public=OTHER_DEVICE_KEY.public_key()) == "bad_signature"
    assert reason_of(tampered, recipient_private=OTHER_COORD_KEY) == "bad_hash"


def test_recipient_public_key_as_raw_bytes() -> None:
    events = make_events(2)
    _name, data = seal(events, recipient_public=COORD_KEY.public_key().public_bytes_raw())
    assert open_(data)[1] == events


# --- Confidentiality ------------------------------------------------------------------------


def test_file_contains_no_plaintext_marker() -> None:
    events = make_events(5, note=f"Note de test {MARKER} fin")
    _name, data = seal(events)
    assert open_(data)[1] == events  # the marker is really in the sealed events
    for needle in (MARKER, MARKER.lower(), "QN07601M", "contact.created", events[0]["id"]):
        assert needle.encode("utf-8") not in data
        assert needle.encode("utf-16-le") not in data
    # Encrypted, not merely compressed.
    assert zlib.compress(batch.canonical_json(events), 6)[2:40] not in data


# --- Seal refuses bad input -----------------------------------------------------------------


def _gap() -> list[dict[str, Any]]:
    events = make_events(4)
    del events[2]
    return events


def _unsorted() -> list[dict[str, Any]]:
    events = make_events(3)
    events[0], events[1] = events[1], events[0]
    return events


def _mixed_devices() -> list[dict[str, Any]]:
    return make_events(2) + make_events(1, first_seq=3, device_id="dev-other")


def _duplicate_seq() -> list[dict[str, Any]]:
    events = make_events(2)
    events.append({**events[1], "id": str(uuid.uuid4())})
    return events


def _duplicate_id() -> list[dict[str, Any]]:
    events = make_events(2)
    events[1]["id"] = events[0]["id"]
    return events


def _bool_seq() -> list[dict[str, Any]]:
    events = make_events(1)
    events[0]["seq"] = True
    return events


def _not_json() -> list[dict[str, Any]]:
    events = make_events(1)
    events[0]["payload"] = {"note": {1, 2}}
    return events


def _nan() -> list[dict[str, Any]]:
    events = make_events(1)
    events[0]["payload"] = {"score": float("nan")}
    return events


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], "Lot vide"),
        (_gap(), "sans trou"),
        (_unsorted(), "dans l'ordre"),
        (_mixed_devices(), "émis par l'appareil 'dev-other'"),
        (_duplicate_seq(), "numéro"),
        (_duplicate_id(), "en double"),
        (_bool_seq(), "seq"),
        (make_events(1, first_seq=-1), "seq"),
        (_not_json(), "JSON"),
        (_nan(), "JSON"),
        (make_events(MAX_EVENTS + 1), "au plus 5000"),
    ],
    ids=[
        "empty",
        "gap",
        "unsorted",
        "mixed-devices",
        "duplicate-seq",
        "duplicate-id",
        "bool-seq",
        "negative-seq",
        "not-json",
        "nan",
        "too-many",
    ],
)
def test_seal_refuses(events: list[dict[str, Any]], expected: str) -> None:
    with pytest.raises(ValueError, match=re.escape(expected)):
        seal(events)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"created": datetime(2025, 3, 14, 9, 0)}, "fuseau horaire"),  # naive on purpose
        ({"device_id": "../etc"}, "identifiant d'appareil"),
        ({"batch_id": "pas-un-uuid"}, "batch_id"),
        ({"structure_id": ""}, "structure"),
        ({"structure_id": "a\nb"}, "structure"),
        ({"suite": "ROT13"}, "Suite de chiffrement inconnue"),
        ({"recipient_public": b"\x01" * 31}, "ne correspond pas à la suite"),
        ({"suite": SUITE_XWING}, "ne correspond pas à la suite"),
    ],
    ids=["naive-date", "device-id", "batch-id", "empty-structure", "control-char", "suite",
         "short-key", "key-suite-mismatch"],
)  # fmt: skip
def test_seal_refuses_bad_parameters(overrides: dict[str, Any], expected: str) -> None:
    events = make_events(1, device_id=overrides.get("device_id", DEVICE_ID))
    with pytest.raises(ValueError, match=re.escape(expected)):
        seal(events, **overrides)


def test_seal_accepts_the_maximum_batch() -> None:
    events = make_events(MAX_EVENTS)
    _name, data = seal(events)
    assert open_(data)[1] == events


# --- Reader: content that is signed and encrypted but wrong ---------------------------------


def test_crafted_file_matches_the_documented_layout() -> None:
    events = make_events(3)
    data = craft(manifest_fields(), zlib.compress(canonical(events)))
    assert open_(data)[1] == events


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda e: e[1].update(device_id="dev-other"), "inconsistent"),
        (lambda e: e[2].update(seq=9), "inconsistent"),
        (lambda e: e[2].update(seq=3.0), "inconsistent"),
        (lambda e: e.pop(), "inconsistent"),
        (lambda e: e.append({**e[0], "seq": 4}), "inconsistent"),
        (lambda e: e[1].update(id=e[0]["id"]), "inconsistent"),
        (lambda e: e[0].pop("id"), "inconsistent"),
        (lambda e: e.__setitem__(1, "pas un objet"), "malformed"),
    ],
    ids=["device", "seq-gap", "seq-float", "missing", "extra", "duplicate-id", "no-id",
         "not-object"],
)  # fmt: skip
def test_events_not_matching_the_manifest(mutate: Any, reason: str) -> None:
    events: list[Any] = make_events(3)
    mutate(events)
    data = craft(manifest_fields(3), zlib.compress(canonical(events)))
    with pytest.raises(BatchError) as caught:
        open_(data)
    assert caught.value.reason == reason
    if reason == "inconsistent":
        assert str(caught.value).startswith("Lot incohérent")


@pytest.mark.parametrize(
    "compressed",
    [
        b"not zlib at all",
        zlib.compress(b"[{]"),
        zlib.compress(b'{"seq": 1}'),
        zlib.compress(b"[NaN]"),
        zlib.compress('["é"]'.encode("utf-16")),
        zlib.compress(b"[]")[:-3],  # truncated stream
        zlib.compress(b"[]") + b"tail",  # data after the stream
    ],
    ids=["not-zlib", "bad-json", "not-a-list", "nan", "utf16", "truncated-zlib", "tail"],
)
def test_bad_plaintext_is_malformed(compressed: bytes) -> None:
    assert reason_of(craft(manifest_fields(1), compressed)) == "malformed"


def test_decryption_bound_to_manifest_info() -> None:
    events = make_events(3)
    data = craft(manifest_fields(), zlib.compress(canonical(events)), info=b"autre contexte")
    assert reason_of(data) == "decrypt_failed"


def test_decompression_bomb_is_refused_at_the_real_limit() -> None:
    limit = batch.MAX_PLAINTEXT_BYTES
    assert limit == 256 * 2**20
    deflater = zlib.compressobj(9)
    chunk = b" " * 2**20  # whitespace: still valid JSON once wrapped, if it were ever parsed
    parts = [deflater.compress(b"[")]
    parts += [deflater.compress(chunk) for _ in range(limit // len(chunk))]
    parts += [deflater.compress(b"]"), deflater.flush()]
    bomb = b"".join(parts)
    assert len(bomb) < 2**20  # a small file...
    with pytest.raises(BatchError) as caught:
        open_(craft(manifest_fields(1), bomb))  # ...that would inflate past the limit
    assert caught.value.reason == "malformed"
    assert "trop volumineux" in str(caught.value)


def test_decompression_limit_is_exact(monkeypatch: pytest.MonkeyPatch) -> None:
    events = make_events(2)
    plaintext = canonical(events)
    data = craft(manifest_fields(2), zlib.compress(plaintext))
    monkeypatch.setattr(batch, "MAX_PLAINTEXT_BYTES", len(plaintext))
    assert open_(data)[1] == events
    monkeypatch.setattr(batch, "MAX_PLAINTEXT_BYTES", len(plaintext) - 1)
    assert reason_of(data) == "malformed"


def test_manifest_must_be_canonical_and_complete() -> None:
    fields = manifest_fields(1)
    compressed = zlib.compress(canonical(make_events(1)))
    spaced = json.dumps({**fields, "ciphertext_sha256": "0" * 64}).encode()
    assert reason_of(craft(fields, compressed, manifest_bytes=spaced)) == "malformed"
    extra = {**fields, "commentaire": "x"}
    assert reason_of(craft(extra, compressed)) == "malformed"
    missing = {k: v for k, v in fields.items() if k != "structure_id"}
    assert reason_of(craft(missing, compressed)) == "malformed"
    assert reason_of(craft({**fields, "event_count": 2}, compressed)) == "malformed"
    assert reason_of(craft({**fields, "first_seq": True}, compressed)) == "malformed"
    assert reason_of(craft({**fields, "created": "2025-03-14 09:26:53"}, compressed)) == "malformed"
    assert reason_of(craft({**fields, "format": "autre"}, compressed)) == "malformed"


def test_manifest_limit() -> None:
    fields = {**manifest_fields(1), "structure_id": "s" * 200}
    compressed = zlib.compress(canonical(make_events(1)))
    manifest_bytes = canonical({**fields, "ciphertext_sha256": "0" * 64, "x": "y" * 9000})
    assert reason_of(craft(fields, compressed, manifest_bytes=manifest_bytes)) == "malformed"


def test_newer_versions_and_suites_are_unsupported_not_corrupt() -> None:
    compressed = zlib.compress(canonical(make_events(1)))
    fields = manifest_fields(1)
    assert reason_of(craft(fields, compressed, version_byte=2)) == "unsupported"
    assert reason_of(craft({**fields, "version": 2, "nouveau": 1}, compressed)) == "unsupported"
    assert reason_of(craft({**fields, "suite": "FUTURE-KEM/X/Y"}, compressed)) == "unsupported"
    assert reason_of(craft({**fields, "compression": "zstd"}, compressed)) == "unsupported"
    with pytest.raises(BatchError) as caught:
        read_manifest(craft(fields, compressed, version_byte=2))
    assert "mettez Relais à jour" in str(caught.value)
