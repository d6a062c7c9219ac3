"""The one AES-256-GCM envelope of Relais's four encrypted small files.

An envelope is a random 96-bit nonce, the ciphertext (with its 16-byte tag) and associated data
(AAD) that the tag authenticates without hiding it. Four files use it, each with a byte format
that is a contract (existing files must keep opening, so none of them changed here):

=============================  =============================================================
file                           layout (the AAD in brackets)
=============================  =============================================================
``relais.key`` (key file)      one JSON slot per secret, base64 ``nonce`` and ``ciphertext``
                               [canonical slot header: magic, version, slot, kdf, check…];
                               see `fieldapp.storage.keyfile`
invitation (``*.relais-invitation``) JSON document: header + base64 ``nonce`` and ``ciphertext``
                               [canonical header: format, version, kdf, check];
                               see docs/invitation.md
``coordinator-keys.enc``       JSON document: header + base64 ``nonce`` and ``ciphertext``
                               [canonical header: format, version]; see fieldapp.sync.workspace
``database-url.enc``           raw bytes ``nonce ‖ ciphertext`` [no AAD]
=============================  =============================================================

The version lives in each JSON header, which the AAD covers: a file whose version (or any other
header field) was edited does not open. Readers check their header's format and version first,
to say "newer version" rather than "damaged". The remembered database URL has no header: it is
re-written whenever the URL is given again, so a future format can simply replace it.
"""

from __future__ import annotations

import base64
import json
import secrets
from collections.abc import Mapping
from typing import Final, NamedTuple

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_LEN: Final = 32
NONCE_LEN: Final = 12
TAG_LEN: Final = 16


class EnvelopeError(ValueError):
    """The envelope does not open: wrong key, or nonce, ciphertext or AAD altered.

    Never shown as such: each file's reader turns it into its own "damaged" error, which names
    the file and how to recover it.
    """


class Sealed(NamedTuple):
    nonce: bytes
    ciphertext: bytes


def canonical_header(header: Mapping[str, object]) -> bytes:
    """The AAD for a JSON header: sorted keys, no spaces, ASCII (one byte string per header)."""
    return json.dumps(
        header, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False
    ).encode("ascii")


def seal(key: bytes, plaintext: bytes, aad: bytes = b"") -> Sealed:
    """Encrypt under `key` with a fresh random nonce (never reuse a nonce under one key)."""
    nonce = secrets.token_bytes(NONCE_LEN)
    return Sealed(nonce, AESGCM(key).encrypt(nonce, plaintext, aad))


def unseal(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes = b"") -> bytes:
    """The plaintext; EnvelopeError if the key is wrong or anything sealed was altered."""
    if len(nonce) != NONCE_LEN or len(ciphertext) < TAG_LEN:
        raise EnvelopeError("malformed envelope")
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except InvalidTag:
        raise EnvelopeError("authentication failed") from None


def seal_document(key: bytes, header: Mapping[str, object], plaintext: bytes) -> dict[str, object]:
    """`header` plus base64 `nonce` and `ciphertext`, the header authenticated as AAD."""
    if "nonce" in header or "ciphertext" in header:
        raise ValueError("the header cannot name the envelope's own fields")
    nonce, ciphertext = seal(key, plaintext, canonical_header(header))
    return {**header, "nonce": _b64(nonce), "ciphertext": _b64(ciphertext)}


def open_document(
    key: bytes, header: Mapping[str, object], nonce: bytes, ciphertext: bytes
) -> bytes:
    """Open what `seal_document` wrote; the reader has parsed and checked `header` itself."""
    return unseal(key, nonce, ciphertext, canonical_header(header))


def seal_blob(key: bytes, plaintext: bytes) -> bytes:
    """Header-less envelope: ``nonce ‖ ciphertext`` (the remembered database URL)."""
    nonce, ciphertext = seal(key, plaintext)
    return nonce + ciphertext


def open_blob(key: bytes, blob: bytes) -> bytes:
    return unseal(key, blob[:NONCE_LEN], blob[NONCE_LEN:])


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
