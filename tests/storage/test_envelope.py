"""The AES-GCM envelope shared by the key file, invitations, workspace keys and database URL."""

from __future__ import annotations

import base64
import json

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.storage import envelope

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
HEADER = {"format": "relais-test", "version": 1}


def _flip(data: bytes, at: int = 0) -> bytes:
    return data[:at] + bytes([data[at] ^ 1]) + data[at + 1 :]


def _fields(document: dict[str, object]) -> tuple[bytes, bytes]:
    return (
        base64.b64decode(str(document["nonce"])),
        base64.b64decode(str(document["ciphertext"])),
    )


def test_document_round_trip_keeps_the_header_in_clear() -> None:
    document = envelope.seal_document(KEY, HEADER, b"secret")
    assert {k: document[k] for k in HEADER} == HEADER
    nonce, ciphertext = _fields(document)
    assert len(nonce) == envelope.NONCE_LEN
    assert envelope.open_document(KEY, HEADER, nonce, ciphertext) == b"secret"


def test_each_seal_draws_a_fresh_nonce() -> None:
    first, second = envelope.seal(KEY, b"same"), envelope.seal(KEY, b"same")
    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_wrong_key_does_not_open() -> None:
    nonce, ciphertext = _fields(envelope.seal_document(KEY, HEADER, b"secret"))
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_document(OTHER_KEY, HEADER, nonce, ciphertext)


@pytest.mark.parametrize("part", ["nonce", "ciphertext", "tag"])
def test_tampered_envelope_does_not_open(part: str) -> None:
    nonce, ciphertext = _fields(envelope.seal_document(KEY, HEADER, b"secret"))
    if part == "nonce":
        nonce = _flip(nonce)
    elif part == "ciphertext":
        ciphertext = _flip(ciphertext)
    else:
        ciphertext = _flip(ciphertext, len(ciphertext) - 1)
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_document(KEY, HEADER, nonce, ciphertext)


def test_an_edited_version_does_not_open() -> None:
    # The version is authenticated: a file cannot be passed off as another version.
    nonce, ciphertext = _fields(envelope.seal_document(KEY, HEADER, b"secret"))
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_document(KEY, {**HEADER, "version": 2}, nonce, ciphertext)


@pytest.mark.parametrize(
    ("nonce", "ciphertext"),
    [(b"", b"x" * 32), (b"n" * 11, b"x" * 32), (b"n" * 12, b"short")],
)
def test_malformed_envelope_is_refused_before_decryption(nonce: bytes, ciphertext: bytes) -> None:
    with pytest.raises(envelope.EnvelopeError):
        envelope.unseal(KEY, nonce, ciphertext)


def test_header_cannot_shadow_the_envelope_fields() -> None:
    with pytest.raises(ValueError, match="envelope"):
        envelope.seal_document(KEY, {**HEADER, "nonce": "x"}, b"secret")


def test_document_is_byte_compatible_with_the_format_written_before_the_envelope() -> None:
    # Written as coordinator-keys.enc and invitations were: AAD = canonical JSON of the header.
    nonce = bytes(12)
    aad = json.dumps(HEADER, sort_keys=True, separators=(",", ":")).encode()
    ciphertext = AESGCM(KEY).encrypt(nonce, b"secret", aad)
    assert envelope.canonical_header(HEADER) == aad
    assert envelope.open_document(KEY, HEADER, nonce, ciphertext) == b"secret"


def test_blob_is_nonce_then_ciphertext_without_aad() -> None:
    # database-url.enc as it was written before the envelope: nonce ‖ AES-GCM(url, no AAD).
    nonce = bytes(12)
    old_file = nonce + AESGCM(KEY).encrypt(nonce, b"postgresql://example.invalid/db", None)
    assert envelope.open_blob(KEY, old_file) == b"postgresql://example.invalid/db"
    blob = envelope.seal_blob(KEY, b"url")
    assert AESGCM(KEY).decrypt(blob[:12], blob[12:], None) == b"url"
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_blob(KEY, _flip(blob, len(blob) - 1))
    with pytest.raises(envelope.EnvelopeError):
        envelope.open_blob(OTHER_KEY, blob)
