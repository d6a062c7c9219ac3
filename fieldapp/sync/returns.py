"""Return files, version 1 (docs/returns.md): the coordinator tells a device which of its
handovers a receiving structure confirmed.

One file per device, `relais-retour-<device_id>.rreturn`, replaced at each publication:

    {"format": "relais-return", "version": 1, "header": {...}, "signature": b64, "ciphertext": b64}

The header (canonical JSON) names the device the file is for, a sequence number that grows with
each publication, the creation time, the fingerprint of the device's X25519 key it is sealed to,
the fingerprint of the coordinator's signing key and the SHA-256 of the ciphertext. The body is
sealed with HPKE (the batches' suite and code, `batch.hpke_seal`) to the device key, with the
header (less the hash) as `info`; the coordinator signs context ‖ header ‖ hash with its Ed25519
key, the one the device trusted when it joined. A device refuses a file for another device, a file
not signed by its coordinator, and a file whose sequence is not above the last one it accepted
(an older file put back: a replay). The body holds confirmations only: handover id, status,
receiving structure, date; never a code, a pseudonym or a note.

Qt-free; the only I/O is `confirmations_for`, a query of the consolidated store.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final, Literal, TypeAlias

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Connection, select

from fieldapp.domain.ids import is_device_id
from fieldapp.domain.vocab import RECEPTION_STATUSES
from fieldapp.errors import DamagedError
from fieldapp.storage.coord_schema import devices
from fieldapp.storage.schema import handovers, receptions
from fieldapp.sync.batch import SUITE_X25519, canonical_json, hpke_open, hpke_seal, key_fingerprint

__all__ = [
    "FORMAT",
    "RETURN_STATUSES",
    "SUFFIX",
    "VERSION",
    "Confirmation",
    "ReturnError",
    "ReturnHeader",
    "confirmations_for",
    "file_name",
    "open_return",
    "seal_return",
]

FORMAT: Final = "relais-return"
VERSION: Final = 1
SUFFIX: Final = ".rreturn"
# Domain separation: the coordinator key also signs invitations and packs.
SIGNATURE_CONTEXT: Final = b"relais-return-v1\x00"
MAX_FILE_BYTES: Final = 8 * 1024 * 1024
MAX_CONFIRMATIONS: Final = 50_000
# The statuses a receiving structure records (domain/vocab.py), the last one known per handover.
RETURN_STATUSES: Final = tuple(RECEPTION_STATUSES.codes())

_STAMP_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"
_DATE_RE: Final = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_ID_RE: Final = re.compile(r"[0-9A-Za-z_-]{1,64}", re.ASCII)
_STRUCTURE_ID_RE: Final = re.compile(r"[0-9A-Za-z_.:-]{1,128}", re.ASCII)
_MAX_SEQ: Final = 2**53 - 1
_HEADER_FIELDS: Final = frozenset(
    {
        "format",
        "version",
        "device_id",
        "seq",
        "created",
        "recipient",
        "signer",
        "suite",
        "ciphertext_sha256",
    }
)
_CONFIRMATION_FIELDS: Final = frozenset(
    {"handover_id", "status", "structure_id", "structure_name", "date"}
)

ReturnErrorReason: TypeAlias = Literal[
    "malformed", "unsupported", "bad_signature", "wrong_device", "replayed", "decrypt_failed"
]


class ReturnError(DamagedError):
    """A return file the device refuses; nothing of it is stored. `reason` is stable."""

    def __init__(self, reason: ReturnErrorReason, /, **params: object) -> None:
        super().__init__(f"sync.returns.{reason}", **params)
        self.reason: ReturnErrorReason = reason


@dataclass(frozen=True)
class Confirmation:
    """What a receiving structure confirmed about one handover (no code, no person)."""

    handover_id: str
    status: str
    structure_id: str | None
    structure_name: str
    date: str  # YYYY-MM-DD

    def __post_init__(self) -> None:
        if not isinstance(self.handover_id, str) or not _ID_RE.fullmatch(self.handover_id):
            raise ValueError("handover_id")
        if self.status not in RETURN_STATUSES:
            raise ValueError("status")
        if self.structure_id is not None and (
            not isinstance(self.structure_id, str)
            or not _STRUCTURE_ID_RE.fullmatch(self.structure_id)
        ):
            raise ValueError("structure_id")
        name = self.structure_name
        if not isinstance(name, str) or not 1 <= len(name) <= 200 or not name.isprintable():
            raise ValueError("structure_name")
        if not isinstance(self.date, str) or not _DATE_RE.fullmatch(self.date):
            raise ValueError("date")
        datetime.strptime(self.date, "%Y-%m-%d")  # a real day

    def to_json(self) -> dict[str, Any]:
        return {
            "handover_id": self.handover_id,
            "status": self.status,
            "structure_id": self.structure_id,
            "structure_name": self.structure_name,
            "date": self.date,
        }

    @classmethod
    def from_json(cls, data: object) -> Confirmation:
        if not isinstance(data, dict) or set(data) != _CONFIRMATION_FIELDS:
            raise ValueError("fields")
        return cls(**data)


@dataclass(frozen=True)
class ReturnHeader:
    device_id: str
    seq: int
    created: str
    recipient: str  # fingerprint of the device's X25519 key
    signer: str  # fingerprint of the coordinator's Ed25519 key
    suite: str
    ciphertext_sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "device_id": self.device_id,
            "seq": self.seq,
            "created": self.created,
            "recipient": self.recipient,
            "signer": self.signer,
            "suite": self.suite,
            "ciphertext_sha256": self.ciphertext_sha256,
        }

    def hpke_info(self) -> bytes:
        fields = self.to_json()
        del fields["ciphertext_sha256"]  # known only after encryption
        return SIGNATURE_CONTEXT + canonical_json(fields)

    def signed_bytes(self) -> bytes:
        return SIGNATURE_CONTEXT + canonical_json(self.to_json())


def file_name(device_id: str) -> str:
    return f"relais-retour-{device_id}{SUFFIX}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal_return(
    confirmations: Sequence[Confirmation],
    *,
    device_id: str,
    seq: int,
    device_public: X25519PublicKey | bytes,
    signing_key: Ed25519PrivateKey,
    created: datetime | None = None,
) -> tuple[str, bytes]:
    """The (file name, bytes) of the return file number `seq` for `device_id`."""
    if not is_device_id(device_id):
        raise ValueError("identifiant d'appareil invalide")
    if type(seq) is not int or not 1 <= seq <= _MAX_SEQ:
        raise ValueError("numéro de retour invalide")
    if len(confirmations) > MAX_CONFIRMATIONS:
        raise ValueError("trop de confirmations pour un seul fichier de retour")
    stamp = (created or datetime.now(UTC)).astimezone(UTC).strftime(_STAMP_FORMAT)
    public = device_public if isinstance(device_public, bytes) else device_public.public_bytes_raw()
    draft = ReturnHeader(
        device_id=device_id,
        seq=seq,
        created=stamp,
        recipient=key_fingerprint(public),
        signer=key_fingerprint(signing_key.public_key().public_bytes_raw()),
        suite=SUITE_X25519,
        ciphertext_sha256="",
    )
    body = canonical_json({"confirmations": [c.to_json() for c in confirmations]})
    _, ciphertext = hpke_seal(body, public, info=draft.hpke_info(), suite=SUITE_X25519)
    header = ReturnHeader(**{**draft.__dict__, "ciphertext_sha256": _sha256(ciphertext)})
    document = {
        "format": FORMAT,
        "version": VERSION,
        "header": header.to_json(),
        "signature": _b64(signing_key.sign(header.signed_bytes())),
        "ciphertext": _b64(ciphertext),
    }
    return file_name(device_id), canonical_json(document)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _header(data: object) -> ReturnHeader:
    if not isinstance(data, dict) or set(data) != _HEADER_FIELDS:
        raise ReturnError("malformed")
    if data["format"] != FORMAT or data["version"] != VERSION:
        raise ReturnError("unsupported")
    fields = {k: v for k, v in data.items() if k not in ("format", "version")}
    if (
        not all(isinstance(fields[k], str) for k in fields if k != "seq")
        or type(fields["seq"]) is not int
    ):
        raise ReturnError("malformed")
    return ReturnHeader(**fields)


def _unb64(value: object) -> bytes:
    if not isinstance(value, str):
        raise ReturnError("malformed")
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise ReturnError("malformed") from None


def open_return(
    data: bytes,
    *,
    device_id: str,
    device_private: X25519PrivateKey,
    coordinator_public: Ed25519PublicKey | bytes,
    last_seq: int,
) -> tuple[ReturnHeader, list[Confirmation]]:
    """Verify and open a return file for this device; raises ReturnError, the first that fails:

    "malformed"/"unsupported" (framing), "bad_signature" (not signed by the coordinator the
    device trusts), "wrong_device" (for another device, or sealed to another key), "replayed"
    (sequence not above `last_seq`), "decrypt_failed", then "malformed" (the body).
    """
    if len(data) > MAX_FILE_BYTES:
        raise ReturnError("malformed")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ReturnError("malformed") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ReturnError("malformed")
    if document.get("version") != VERSION:
        raise ReturnError("unsupported")
    if set(document) != {"format", "version", "header", "signature", "ciphertext"}:
        raise ReturnError("malformed")
    header = _header(document["header"])
    signature = _unb64(document["signature"])
    ciphertext = _unb64(document["ciphertext"])
    verifier = (
        Ed25519PublicKey.from_public_bytes(coordinator_public)
        if isinstance(coordinator_public, bytes)
        else coordinator_public
    )
    try:
        verifier.verify(signature, header.signed_bytes())
    except InvalidSignature:
        raise ReturnError("bad_signature") from None
    ours = key_fingerprint(device_private.public_key().public_bytes_raw())
    if header.device_id != device_id or header.recipient != ours:
        raise ReturnError("wrong_device", device=header.device_id)
    if header.seq <= last_seq:
        raise ReturnError("replayed", seq=header.seq, last=last_seq)
    if not hmac.compare_digest(_sha256(ciphertext), header.ciphertext_sha256):
        raise ReturnError("decrypt_failed")
    body = hpke_open(ciphertext, device_private, info=header.hpke_info(), suite=header.suite)
    if body is None:
        raise ReturnError("decrypt_failed")
    try:
        content = json.loads(body.decode("utf-8"))
        if not isinstance(content, dict) or set(content) != {"confirmations"}:
            raise ValueError("fields")
        items = content["confirmations"]
        if not isinstance(items, list) or len(items) > MAX_CONFIRMATIONS:
            raise ValueError("confirmations")
        confirmations = [Confirmation.from_json(item) for item in items]
    except (UnicodeDecodeError, ValueError, TypeError, RecursionError):
        raise ReturnError("malformed") from None
    return header, confirmations


def confirmations_for(conn: Connection, device_id: str) -> list[Confirmation]:
    """At the coordinator: the handovers `device_id` proposed that a receiving structure
    recorded, paired by the code relais's HMAC (never the code), each with the last status
    recorded (by day, then by the order of recording) and the receiving device's structure."""
    rows = conn.execute(
        select(
            handovers.c.id.label("handover_id"),
            receptions.c.status,
            receptions.c.date,
            receptions.c.created_hlc,
            devices.c.structure_id,
            devices.c.structure_name,
        )
        .join(receptions, receptions.c.code_hmac == handovers.c.code_hmac)
        .join(devices, devices.c.device_id == receptions.c.device_id)
        .where(handovers.c.device_id == device_id, handovers.c.code_hmac.is_not(None))
        .order_by(handovers.c.id, receptions.c.date, receptions.c.created_hlc)
    ).all()
    last: dict[str, Confirmation] = {}
    for row in rows:
        if row.status not in RETURN_STATUSES:
            continue  # a status of a newer version: the device could not show it
        last[row.handover_id] = Confirmation(
            handover_id=row.handover_id,
            status=row.status,
            structure_id=row.structure_id or None,
            structure_name=row.structure_name or "—",
            date=row.date,
        )
    return list(last.values())
