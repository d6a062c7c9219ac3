"""Sealed batch format, version 1 (specified in docs/batch-format.md).

A batch carries a contiguous run of one device's events to the coordinator:

    magic "RLBATCH" | version 0x01 | u32 manifest length | manifest (canonical JSON)
    | u16 signature length | Ed25519 signature | u64 ciphertext length | HPKE enc || ct

The manifest stays in clear so that a batch can be listed and routed without keys
(`read_manifest`); the events are compressed with zlib, then sealed with HPKE (RFC 9180, base
mode) to the coordinator's key with the manifest as `info`; the device signs the manifest and
the ciphertext hash with its Ed25519 key. `open_batch` checks everything in a fixed order and
reports the first failure as a `BatchError` with a stable `reason` and a French message.

This module is Qt-free and I/O-free: it turns events into bytes and back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import re
import struct
import uuid
import zlib
from base64 import b32encode
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal, TypeAlias

from cryptography.exceptions import InvalidSignature, InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from fieldapp.errors import DamagedError
from fieldapp.messages import Text
from fieldapp.sync.bounded_json import (
    InflatedTooLarge,
    InflateError,
    JsonLimitError,
    JsonSyntaxError,
    Limits,
    NotObjectsError,
    decode_events,
)

__all__ = [
    "COMPRESSION",
    "FORMAT",
    "MAGIC",
    "MAX_CIPHERTEXT_BYTES",
    "MAX_EVENTS",
    "MAX_EVENTS_BYTES",
    "MAX_MANIFEST_BYTES",
    "MAX_PLAINTEXT_BYTES",
    "REASONS",
    "SIGNATURE_CONTEXT",
    "SUITES",
    "SUITE_X25519",
    "SUITE_XWING",
    "VERSION",
    "BatchError",
    "BatchErrorReason",
    "Manifest",
    "RecipientPrivateKey",
    "RecipientPublicKey",
    "XWingPrivateKey",
    "XWingPublicKey",
    "canonical_json",
    "hpke_open",
    "hpke_seal",
    "key_fingerprint",
    "open_batch",
    "read_manifest",
    "recipient_public_bytes",
    "seal_batch",
    "signed_message",
    "suite_available",
]

# --- Format constants (normative: changing one is a new format version) ---------------------

FORMAT: Final = "relais-batch"
VERSION: Final = 1
MAGIC: Final = b"RLBATCH"
# Prefix of every signed message, so that a device key can never be tricked into signing
# something that verifies as a batch (or the reverse) in another Relais protocol.
SIGNATURE_CONTEXT: Final = b"relais-batch-v1\x00"
COMPRESSION: Final = "zlib"
_ZLIB_LEVEL: Final = 6

SUITE_X25519: Final = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM"
# X-Wing (draft-connolly-cfrg-xwing-kem), HPKE KEM id 0x647A in draft-ietf-hpke-pq.
SUITE_XWING: Final = "MLKEM768-X25519/HKDF-SHA256/AES-256-GCM"
SUITES: Final = (SUITE_X25519, SUITE_XWING)

# Hard limits, checked before any expensive work so that a hostile file costs little.
MAX_MANIFEST_BYTES: Final = 8 * 1024
MAX_EVENTS: Final = 5_000
MAX_CIPHERTEXT_BYTES: Final = 64 * 1024 * 1024
MAX_PLAINTEXT_BYTES = 256 * 1024 * 1024  # zip-bomb guard; tests may lower it
# The events' own bytes (the plaintext less whitespace and separators): what a reader keeps
# and decodes. Depth, containers, elements, strings and numbers: bounded_json.Limits.
MAX_EVENTS_BYTES: Final = 32 * 1024 * 1024
MAX_SEQ: Final = 2**53 - 1  # largest integer every JSON reader keeps exact

_HEADER = struct.Struct(">7sBI")  # magic, version, manifest length
_SIG_LEN = struct.Struct(">H")
_CT_LEN = struct.Struct(">Q")
_ED25519_SIGNATURE_BYTES: Final = 64
_AEAD_TAG_BYTES: Final = 16
_ENC_BYTES: Final = {SUITE_X25519: 32, SUITE_XWING: 1120}
_X25519_KEY_BYTES: Final = 32
_MLKEM768_PUBLIC_BYTES: Final = 1184
_XWING_PUBLIC_BYTES: Final = _MLKEM768_PUBLIC_BYTES + _X25519_KEY_BYTES

_DEVICE_ID_RE: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FINGERPRINT_RE: Final = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){3}")
_SHA256_HEX_RE: Final = re.compile(r"[0-9a-f]{64}")
_CREATED_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", re.ASCII)
_CREATED_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"
_MAX_STRUCTURE_ID_CHARS: Final = 200

# Keys for the post-quantum hybrid suite: cryptography builds X-Wing from its two halves.
XWingPrivateKey: TypeAlias = tuple[MLKEM768PrivateKey, X25519PrivateKey]
XWingPublicKey: TypeAlias = tuple[MLKEM768PublicKey, X25519PublicKey]
RecipientPublicKey: TypeAlias = X25519PublicKey | XWingPublicKey | bytes
RecipientPrivateKey: TypeAlias = X25519PrivateKey | XWingPrivateKey

_HpkePublic: TypeAlias = X25519PublicKey | hpke.MLKEM768X25519PublicKey
_HpkePrivate: TypeAlias = X25519PrivateKey | hpke.MLKEM768X25519PrivateKey


# --- Errors ---------------------------------------------------------------------------------

BatchErrorReason: TypeAlias = Literal[
    "malformed",
    "unsupported",
    "bad_signature",
    "bad_hash",
    "wrong_recipient",
    "decrypt_failed",
    "inconsistent",
]
REASONS: Final[tuple[BatchErrorReason, ...]] = (
    "malformed",
    "unsupported",
    "bad_signature",
    "bad_hash",
    "wrong_recipient",
    "decrypt_failed",
    "inconsistent",
)

_CODES: Final[Mapping[BatchErrorReason, str]] = {
    "malformed": "sync.batch.malformed",
    "unsupported": "sync.batch.unsupported",
    "bad_signature": "sync.batch.bad_signature",
    "bad_hash": "sync.batch.bad_hash",
    "wrong_recipient": "sync.batch.wrong_recipient",
    "decrypt_failed": "sync.batch.decrypt_failed",
    "inconsistent": "sync.batch.inconsistent",
}


class BatchError(DamagedError):
    """A batch that must be quarantined; `reason` is a stable short category, `str()` the line.

    `detail` is a catalogue `Text`, or a plain `str` shown as is (a check's own French words).
    """

    def __init__(self, reason: BatchErrorReason, detail: Text | str | None = None) -> None:
        base = Text(_CODES[reason])
        if detail is None:
            super().__init__("sync.batch.sentence", base=base)
        else:
            super().__init__("sync.batch.detailed", base=base, detail=detail)
        self.reason: BatchErrorReason = reason
        self.detail = detail

    @property
    def text(self) -> Text:
        return Text(self.code, **self.params)


class _UnsupportedValueError(ValueError):
    """A well-formed value this reader does not know (newer version, suite, compression)."""


# --- Canonical JSON and fingerprints --------------------------------------------------------


def canonical_json(value: Any) -> bytes:
    """Sorted keys, no spaces, UTF-8, no NaN: one byte string per value, so it can be signed."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def key_fingerprint(public_key_bytes: bytes) -> str:
    """Short fingerprint read aloud to compare keys: `ABCD-EFGH-IJKL-MNOP`.

    First 10 bytes (80 bits) of SHA-256 over the raw public key, in RFC 4648 Base32 (no 0/1 to
    confuse with O/I), as four groups of four.
    """
    text = b32encode(hashlib.sha256(public_key_bytes).digest()[:10]).decode("ascii")
    return "-".join(text[i : i + 4] for i in range(0, 16, 4))


def suite_available(suite: str) -> bool:
    """Whether this build of `cryptography`/OpenSSL can seal and open with `suite`."""
    if suite not in SUITES:
        return False
    try:
        _hpke_suite(suite)
        if suite == SUITE_XWING:
            MLKEM768PrivateKey.generate()
    except (UnsupportedAlgorithm, ValueError, AttributeError):
        return False
    return True


def _hpke_suite(suite: str) -> hpke.Suite:
    kem = hpke.KEM.MLKEM768_X25519 if suite == SUITE_XWING else hpke.KEM.X25519
    return hpke.Suite(kem, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)


def recipient_public_bytes(key: RecipientPublicKey | RecipientPrivateKey) -> bytes:
    """Raw public encoding that `key_fingerprint` and the manifest's `recipient` refer to.

    X25519: the 32-byte key. X-Wing: ML-KEM-768 public key (1184 bytes) then X25519 (32 bytes).
    """
    if isinstance(key, bytes):
        if len(key) not in (_X25519_KEY_BYTES, _XWING_PUBLIC_BYTES):
            raise ValueError("Clé publique du destinataire de longueur inattendue")
        return key
    if isinstance(key, X25519PrivateKey):
        return key.public_key().public_bytes_raw()
    if isinstance(key, X25519PublicKey):
        return key.public_bytes_raw()
    mlkem_key, x25519_key = key
    if isinstance(mlkem_key, MLKEM768PrivateKey) and isinstance(x25519_key, X25519PrivateKey):
        return (
            mlkem_key.public_key().public_bytes_raw() + x25519_key.public_key().public_bytes_raw()
        )
    if isinstance(mlkem_key, MLKEM768PublicKey) and isinstance(x25519_key, X25519PublicKey):
        return mlkem_key.public_bytes_raw() + x25519_key.public_bytes_raw()
    raise ValueError("Clé du destinataire d'un type inattendu")


def _hpke_public(key: RecipientPublicKey, suite: str) -> tuple[bytes, _HpkePublic]:
    """The recipient key in the form HPKE wants, checking it fits `suite`."""
    mismatch = ValueError("La clé du destinataire ne correspond pas à la suite de chiffrement")
    if suite == SUITE_X25519:
        if isinstance(key, bytes):
            if len(key) != _X25519_KEY_BYTES:
                raise mismatch
            key = X25519PublicKey.from_public_bytes(key)
        if not isinstance(key, X25519PublicKey):
            raise mismatch
        return key.public_bytes_raw(), key
    if isinstance(key, bytes):
        if len(key) != _XWING_PUBLIC_BYTES:
            raise mismatch
        key = (
            MLKEM768PublicKey.from_public_bytes(key[:_MLKEM768_PUBLIC_BYTES]),
            X25519PublicKey.from_public_bytes(key[_MLKEM768_PUBLIC_BYTES:]),
        )
    if not isinstance(key, tuple):
        raise mismatch
    mlkem_key, x25519_key = key
    if not (isinstance(mlkem_key, MLKEM768PublicKey) and isinstance(x25519_key, X25519PublicKey)):
        raise mismatch
    raw = mlkem_key.public_bytes_raw() + x25519_key.public_bytes_raw()
    return raw, hpke.MLKEM768X25519PublicKey(mlkem_key, x25519_key)


def _hpke_private(key: RecipientPrivateKey, suite: str) -> _HpkePrivate | None:
    """The private key in the form HPKE wants, or None if it does not fit `suite`."""
    if suite == SUITE_X25519:
        return key if isinstance(key, X25519PrivateKey) else None
    if isinstance(key, tuple):
        mlkem_key, x25519_key = key
        if isinstance(mlkem_key, MLKEM768PrivateKey) and isinstance(x25519_key, X25519PrivateKey):
            return hpke.MLKEM768X25519PrivateKey(mlkem_key, x25519_key)
    return None


def hpke_seal(
    plaintext: bytes, recipient_public: RecipientPublicKey, *, info: bytes, suite: str
) -> tuple[str, bytes]:
    """HPKE base-mode seal (the batches' and the return files'): (recipient fingerprint, enc||ct).

    Raises ValueError (French) when the key does not fit `suite`.
    """
    recipient_bytes, recipient_key = _hpke_public(recipient_public, suite)
    ciphertext = _hpke_suite(suite).encrypt(plaintext, recipient_key, info=info)
    return key_fingerprint(recipient_bytes), ciphertext


def hpke_open(
    ciphertext: bytes | memoryview,
    recipient_private: RecipientPrivateKey,
    *,
    info: bytes,
    suite: str,
) -> bytes | None:
    """The plaintext, or None when the key does not fit `suite` or the ciphertext fails."""
    hpke_key = _hpke_private(recipient_private, suite)
    if hpke_key is None:
        return None
    try:
        return _hpke_suite(suite).decrypt(bytes(ciphertext), hpke_key, info=info)
    except (InvalidTag, ValueError, UnsupportedAlgorithm):
        return None


# --- Manifest -------------------------------------------------------------------------------


def _require_int(name: str, value: object, low: int, high: int) -> int:
    # bool is an int in Python but never a valid count or sequence number.
    if type(value) is not int or not low <= value <= high:
        raise ValueError(f"champ « {name} » : entier attendu entre {low} et {high}")
    return value


def _require_str(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise ValueError(f"champ « {name} » : texte attendu")
    return value


@dataclass(frozen=True)
class Manifest:
    """Clear-text description of a batch; every field is covered by the device signature."""

    batch_id: str
    device_id: str
    structure_id: str
    first_seq: int
    last_seq: int
    event_count: int
    created: str  # RFC 3339, UTC, whole seconds: 2025-03-14T09:26:53Z
    recipient: str  # key_fingerprint of the coordinator's HPKE public key
    suite: str
    ciphertext_sha256: str  # lowercase hex
    compression: str = COMPRESSION
    format: str = FORMAT
    version: int = VERSION

    def __post_init__(self) -> None:
        # French ValueError messages: seal_batch passes them to the user as they are.
        if self.format != FORMAT:
            raise ValueError(f"ce n'est pas un manifeste de lot Relais (format {self.format!r})")
        if type(self.version) is not int:
            raise ValueError("champ « version » : entier attendu")
        if self.version != VERSION:
            raise _UnsupportedValueError(f"version {self.version} du format de lot")
        batch_id = _require_str("batch_id", self.batch_id)
        try:
            canonical_uuid = str(uuid.UUID(batch_id))
        except ValueError:
            canonical_uuid = ""
        if canonical_uuid != batch_id:
            raise ValueError("champ « batch_id » : UUID en minuscules attendu")
        if not _DEVICE_ID_RE.fullmatch(_require_str("device_id", self.device_id)):
            raise ValueError(
                "identifiant d'appareil invalide : 1 à 64 caractères parmi A-Z, a-z, 0-9, _ et -"
            )
        structure_id = _require_str("structure_id", self.structure_id)
        if not 1 <= len(structure_id) <= _MAX_STRUCTURE_ID_CHARS or not structure_id.isprintable():
            raise ValueError(
                "identifiant de structure vide, trop long ou avec des caractères de contrôle"
            )
        first = _require_int("first_seq", self.first_seq, 0, MAX_SEQ)
        last = _require_int("last_seq", self.last_seq, first, MAX_SEQ)
        count = _require_int("event_count", self.event_count, 1, MAX_EVENTS)
        if count != last - first + 1:
            raise ValueError("le nombre d'événements ne correspond pas à la plage de numéros")
        created = _require_str("created", self.created)
        try:
            parsed = datetime.strptime(created, _CREATED_FORMAT)
        except ValueError:
            parsed = None
        if not _CREATED_RE.fullmatch(created) or parsed is None:
            raise ValueError("champ « created » : date UTC attendue, par ex. 2025-03-14T09:26:53Z")
        if not _FINGERPRINT_RE.fullmatch(_require_str("recipient", self.recipient)):
            raise ValueError(
                "champ « recipient » : empreinte de clé attendue (XXXX-XXXX-XXXX-XXXX)"
            )
        if _require_str("suite", self.suite) not in SUITES:
            raise _UnsupportedValueError(f"suite de chiffrement {self.suite!r}")
        if not _SHA256_HEX_RE.fullmatch(_require_str("ciphertext_sha256", self.ciphertext_sha256)):
            raise ValueError("champ « ciphertext_sha256 » : SHA-256 en hexadécimal attendu")
        if _require_str("compression", self.compression) != COMPRESSION:
            raise _UnsupportedValueError(f"compression {self.compression!r}")

    @property
    def created_at(self) -> datetime:
        return datetime.strptime(self.created, _CREATED_FORMAT).replace(tzinfo=UTC)

    @property
    def file_name(self) -> str:
        return f"relais-{self.device_id}-{self.first_seq}-{self.last_seq}.rbatch"

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def to_bytes(self) -> bytes:
        """Canonical JSON: the exact bytes stored in the file and signed."""
        return canonical_json(self.to_dict())

    def hpke_info(self) -> bytes:
        """HPKE `info`: the canonical manifest without `ciphertext_sha256`.

        The hash can only be known after encryption, so it is the one field left out; every
        other field (device, range, recipient, suite...) is bound to the ciphertext.
        """
        fields = self.to_dict()
        del fields["ciphertext_sha256"]
        return canonical_json(fields)

    @classmethod
    def from_bytes(cls, data: bytes) -> Manifest:
        """Parse and validate manifest bytes; only the canonical encoding is accepted."""
        try:
            fields = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise BatchError("malformed", Text("sync.batch.manifest_unreadable")) from None
        if not isinstance(fields, dict):
            raise BatchError("malformed", Text("sync.batch.manifest_unreadable"))
        expected = {field.name for field in dataclasses.fields(cls)}
        if fields.get("format") == FORMAT and fields.get("version") not in (VERSION, None):
            # A newer version may have other fields: say "update Relais", not "corrupt".
            raise BatchError(
                "unsupported",
                Text("sync.batch.format_version", version=repr(fields.get("version"))),
            )
        if set(fields) != expected:
            raise BatchError("malformed", Text("sync.batch.manifest_fields"))
        try:
            manifest = cls(**fields)
        except _UnsupportedValueError as exc:
            raise BatchError("unsupported", str(exc)) from None
        except ValueError as exc:
            raise BatchError("malformed", Text("sync.batch.manifest", detail=str(exc))) from None
        if manifest.to_bytes() != data:
            raise BatchError("malformed", Text("sync.batch.manifest_not_canonical"))
        return manifest


def _reject_constant(name: str) -> Any:
    raise ValueError(f"constante JSON interdite : {name}")


# --- Framing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Parsed:
    manifest: Manifest
    manifest_bytes: bytes
    signature: bytes
    ciphertext: memoryview


def _frame(manifest_bytes: bytes, signature: bytes, ciphertext: bytes) -> bytes:
    return b"".join(
        (
            _HEADER.pack(MAGIC, VERSION, len(manifest_bytes)),
            manifest_bytes,
            _SIG_LEN.pack(len(signature)),
            signature,
            _CT_LEN.pack(len(ciphertext)),
            ciphertext,
        )
    )


def _parse(data: bytes) -> _Parsed:
    """Split a file into its parts; every length is checked before it is trusted."""
    view = memoryview(data)
    size = len(view)
    if size < _HEADER.size:
        raise BatchError("malformed", Text("sync.batch.truncated"))
    magic, version, manifest_len = _HEADER.unpack_from(view, 0)
    if magic != MAGIC:
        raise BatchError("malformed", Text("sync.batch.not_a_batch"))
    if version != VERSION:
        raise BatchError("unsupported", Text("sync.batch.format_version", version=version))
    if not 0 < manifest_len <= MAX_MANIFEST_BYTES:
        raise BatchError("malformed", Text("sync.batch.manifest_length"))
    pos = _HEADER.size
    if size < pos + manifest_len + _SIG_LEN.size:
        raise BatchError("malformed", Text("sync.batch.truncated"))
    manifest_bytes = bytes(view[pos : pos + manifest_len])
    pos += manifest_len
    (signature_len,) = _SIG_LEN.unpack_from(view, pos)
    pos += _SIG_LEN.size
    if signature_len != _ED25519_SIGNATURE_BYTES:
        raise BatchError("malformed", Text("sync.batch.signature_length"))
    if size < pos + signature_len + _CT_LEN.size:
        raise BatchError("malformed", Text("sync.batch.truncated"))
    signature = bytes(view[pos : pos + signature_len])
    pos += signature_len
    (ciphertext_len,) = _CT_LEN.unpack_from(view, pos)
    pos += _CT_LEN.size
    if ciphertext_len > MAX_CIPHERTEXT_BYTES:
        raise BatchError("malformed", Text("sync.batch.ciphertext_too_large"))
    if size < pos + ciphertext_len:
        raise BatchError("malformed", Text("sync.batch.truncated"))
    if size > pos + ciphertext_len:
        raise BatchError("malformed", Text("sync.batch.trailing_data"))
    manifest = Manifest.from_bytes(manifest_bytes)
    if ciphertext_len < _ENC_BYTES[manifest.suite] + _AEAD_TAG_BYTES:
        raise BatchError("malformed", Text("sync.batch.ciphertext_too_short"))
    return _Parsed(manifest, manifest_bytes, signature, view[pos:])


def signed_message(manifest_bytes: bytes, ciphertext_sha256: str) -> bytes:
    """What the device signs: context, manifest bytes, then the raw 32-byte ciphertext hash."""
    return SIGNATURE_CONTEXT + manifest_bytes + bytes.fromhex(ciphertext_sha256)


# --- Events ---------------------------------------------------------------------------------


def _event_problem(events: Sequence[object], device_id: str, first_seq: int) -> Text | None:
    """What is wrong with the first event that does not fit the batch, or None."""
    seen_ids: set[str] = set()
    for index, event in enumerate(events):
        n = index + 1
        if not isinstance(event, Mapping):
            return Text("sync.batch.event_not_object", n=n)
        if event.get("device_id") != device_id:
            return Text(
                "sync.batch.event_device",
                n=n,
                found=repr(event.get("device_id")),
                expected=repr(device_id),
            )
        seq = event.get("seq")
        if type(seq) is not int or seq != first_seq + index:
            return Text("sync.batch.event_seq", n=n, found=repr(seq), expected=first_seq + index)
        event_id = event.get("id")
        if not isinstance(event_id, str) or not event_id:
            return Text("sync.batch.event_no_id", n=n)
        if event_id in seen_ids:
            return Text("sync.batch.event_duplicate_id", n=n, id=event_id)
        seen_ids.add(event_id)
    return None


def _events_limits() -> Limits:
    return Limits(max_inflated=MAX_PLAINTEXT_BYTES, max_total=MAX_EVENTS_BYTES)


def _decode_events(compressed: bytes) -> list[Any]:
    """Inflate and decode the events within the limits, as they are read (bounded_json.py)."""
    try:
        return decode_events(compressed, _events_limits())
    except InflatedTooLarge:
        mib = MAX_PLAINTEXT_BYTES // 2**20
        raise BatchError("malformed", Text("sync.batch.decompressed_too_large", mib=mib)) from None
    except InflateError:
        raise BatchError("malformed", Text("sync.batch.compressed_unreadable")) from None
    except JsonLimitError as exc:
        raise BatchError("malformed", exc.text) from None
    except NotObjectsError:
        raise BatchError("malformed", Text("sync.batch.events_not_objects")) from None
    except JsonSyntaxError:
        raise BatchError("malformed", Text("sync.batch.events_unreadable")) from None


# --- Seal -----------------------------------------------------------------------------------


def _format_created(created: datetime | None) -> str:
    if created is None:
        created = datetime.now(UTC)
    elif created.tzinfo is None or created.utcoffset() is None:
        raise ValueError("La date de création du lot doit porter un fuseau horaire")
    return created.astimezone(UTC).strftime(_CREATED_FORMAT)


def seal_batch(
    events: Sequence[Mapping[str, Any]],
    *,
    device_id: str,
    structure_id: str,
    signing_key: Ed25519PrivateKey,
    recipient_public: RecipientPublicKey,
    created: datetime | None = None,
    batch_id: str | None = None,
    suite: str = SUITE_X25519,
) -> tuple[str, bytes]:
    """Seal a contiguous run of this device's events into (file name, file bytes).

    Raises ValueError, with a French message, for an empty list, more than MAX_EVENTS events,
    events of another device, sequence numbers that are unsorted or have gaps, or a recipient key
    that does not fit `suite`.
    """
    if not events:
        raise ValueError("Lot vide : il n'y a aucun événement à sceller")
    if len(events) > MAX_EVENTS:
        raise ValueError(f"Lot trop gros : {len(events)} événements, au plus {MAX_EVENTS} par lot")
    if suite not in SUITES:
        raise ValueError(f"Suite de chiffrement inconnue : {suite}")
    first = events[0]
    first_seq = first.get("seq") if isinstance(first, Mapping) else None
    if type(first_seq) is not int or not 0 <= first_seq <= MAX_SEQ:
        raise ValueError("Événement n° 1 : numéro de séquence (seq) entier positif attendu")
    problem = _event_problem(events, device_id, first_seq)
    if problem is not None:
        raise ValueError(f"Lot refusé : {problem}")
    recipient_bytes, _ = _hpke_public(recipient_public, suite)
    draft = Manifest(
        batch_id=batch_id if batch_id is not None else str(uuid.uuid4()),
        device_id=device_id,
        structure_id=structure_id,
        first_seq=first_seq,
        last_seq=first_seq + len(events) - 1,
        event_count=len(events),
        created=_format_created(created),
        recipient=key_fingerprint(recipient_bytes),
        suite=suite,
        ciphertext_sha256="0" * 64,  # placeholder, not part of the HPKE info
    )
    try:
        plaintext = canonical_json(list(events))
    except (TypeError, ValueError) as exc:  # includes lone surrogates (UnicodeEncodeError)
        raise ValueError(f"Lot refusé : un événement n'est pas du JSON valide ({exc})") from None
    if len(plaintext) > min(MAX_PLAINTEXT_BYTES, MAX_EVENTS_BYTES):
        raise ValueError("Lot trop volumineux : scindez-le en lots plus petits")
    compressed = zlib.compress(plaintext, _ZLIB_LEVEL)
    _, ciphertext = hpke_seal(compressed, recipient_public, info=draft.hpke_info(), suite=suite)
    if len(ciphertext) > MAX_CIPHERTEXT_BYTES:
        raise ValueError("Lot trop volumineux : scindez-le en lots plus petits")
    manifest = dataclasses.replace(draft, ciphertext_sha256=hashlib.sha256(ciphertext).hexdigest())
    manifest_bytes = manifest.to_bytes()
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise ValueError("Manifeste trop long : identifiant de structure trop long")
    signature = signing_key.sign(signed_message(manifest_bytes, manifest.ciphertext_sha256))
    return manifest.file_name, _frame(manifest_bytes, signature, ciphertext)


# --- Read and open --------------------------------------------------------------------------


def read_manifest(data: bytes) -> Manifest:
    """Parse a batch file without any key, to list it or find the sending device.

    Checks the framing and the manifest only; nothing returned here is authenticated until
    `open_batch` succeeds. Raises BatchError ("malformed" or "unsupported").
    """
    return _parse(data).manifest


def open_batch(
    data: bytes,
    *,
    recipient_private: RecipientPrivateKey,
    device_public: Ed25519PublicKey,
) -> tuple[Manifest, list[dict[str, Any]]]:
    """Verify, decrypt and check a batch; return its manifest and exactly the events sealed.

    Order (the first failure wins): framing and manifest ("malformed"/"unsupported"), device
    signature ("bad_signature"), ciphertext hash ("bad_hash"), recipient fingerprint
    ("wrong_recipient"), HPKE decryption ("decrypt_failed"), decompression and JSON
    ("malformed"), events against the manifest ("inconsistent"). The events are decoded
    within the limits of `bounded_json.Limits` while they are inflated.
    """
    parsed = _parse(data)
    manifest = parsed.manifest
    try:
        device_public.verify(
            parsed.signature, signed_message(parsed.manifest_bytes, manifest.ciphertext_sha256)
        )
    except InvalidSignature:
        raise BatchError("bad_signature") from None
    actual_hash = hashlib.sha256(parsed.ciphertext).hexdigest()
    if not hmac.compare_digest(actual_hash, manifest.ciphertext_sha256):
        raise BatchError("bad_hash")
    try:
        ours = key_fingerprint(recipient_public_bytes(recipient_private))
    except ValueError:
        ours = ""
    hpke_key = _hpke_private(recipient_private, manifest.suite)
    if ours != manifest.recipient or hpke_key is None:
        raise BatchError(
            "wrong_recipient",
            Text("sync.batch.recipient_key", recipient=manifest.recipient, ours=ours),
        )
    compressed = hpke_open(
        parsed.ciphertext, recipient_private, info=manifest.hpke_info(), suite=manifest.suite
    )
    if compressed is None:
        raise BatchError("decrypt_failed")
    events = _decode_events(compressed)
    if len(events) != manifest.event_count:
        raise BatchError(
            "inconsistent",
            Text("sync.batch.event_count", received=len(events), announced=manifest.event_count),
        )
    problem = _event_problem(events, manifest.device_id, manifest.first_seq)
    if problem is not None:
        raise BatchError("inconsistent", problem)
    return manifest, events
