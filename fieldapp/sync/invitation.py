"""Coordinator key material, the invitation file and the device's enrolment file.

The **invitation** (docs/invitation.md) carries what every device of a territory needs to take
part: the coordinator's HPKE public key (batches are sealed to it), its Ed25519 signing public key
(reference packs are signed with it), the random territory key (person pseudonyms are HMACs under
it), the drop settings (folder or WebDAV URL, optional credentials), the territory name and the
issue date. The content is **signed** with the coordinator's Ed25519 key (the one it carries), and
the whole is sealed with AES-256-GCM under a key derived with Argon2id from a **one-time code**
of 20 Crockford Base32 characters (100 bits) that the coordinator hands over separately. The device
keeps that signing key (trust on first use): later invitations and every reference pack must be
signed by the same key (`check_signer`, `sync.pack.verify_pack`).

The **enrolment** goes the other way: the device's public signing key, device id and structure,
with a short fingerprint that both sides read aloud, and (since issue 16) the device's X25519
public key that the coordinator's return files are sealed to.

Qt-free; the only I/O is reading and writing the two small files.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.domain import jsontext
from fieldapp.domain.ids import is_device_id
from fieldapp.errors import AccessError, DamagedError, RelaisError
from fieldapp.messages import Text
from fieldapp.storage import envelope
from fieldapp.storage.atomic import atomic_write
from fieldapp.storage.keyfile import MAX_ITERATIONS, MAX_LANES, MAX_MEMORY_KIB, KdfParams
from fieldapp.sync.batch import (
    SUITE_X25519,
    SUITE_XWING,
    RecipientPrivateKey,
    canonical_json,
    key_fingerprint,
    recipient_public_bytes,
)
from fieldapp.sync.transports import DropError, DropSettings

__all__ = [
    "CODE_ALPHABET",
    "INVITATION_KDF",
    "INVITATION_SUFFIX",
    "CoordinatorKeys",
    "DamagedInvitation",
    "Enrolment",
    "EnrolmentError",
    "ForgedInvitation",
    "Invitation",
    "InvitationError",
    "OtherCoordinator",
    "UnsignedInvitation",
    "UnsupportedInvitation",
    "WrongInvitationCode",
    "check_signer",
    "format_code",
    "new_code",
    "normalise_code",
    "open_invitation",
    "read_enrolment",
    "seal_invitation",
    "write_enrolment",
    "write_invitation",
]

INVITATION_FORMAT: Final = "relais-invitation"
# Version 2: the sealed content is signed by the coordinator's Ed25519 key. Version 1 files
# (unsigned) are refused (`UnsignedInvitation`): anyone holding their code could have forged one.
INVITATION_VERSION: Final = 2
UNSIGNED_VERSION: Final = 1
# Domain separation: the coordinator key also signs packs (b"relais-pack-v1\x00").
INVITATION_SIGNATURE_CONTEXT: Final = b"relais-invitation-v2\x00"
INVITATION_SUFFIX: Final = ".relais-invitation"
ENROLMENT_FORMAT: Final = "relais-enrolment"
ENROLMENT_VERSION: Final = 1
# Domain separation for the device key (docs/batch-format.md: every other use of a device key
# needs its own prefix).
ENROLMENT_CONTEXT: Final = b"relais-enrolment-v1\x00"

TERRITORY_KEY_BYTES: Final = 32
CODE_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford Base32
CODE_GROUPS: Final = 4
CODE_GROUP_LEN: Final = 5
CODE_LEN: Final = CODE_GROUPS * CODE_GROUP_LEN  # 20 characters = 100 bits
_CODE_LOOKALIKES: Final = str.maketrans({"I": "1", "L": "1", "O": "0"})

# The code already carries 100 random bits, so Argon2id only has to make each guess costly,
# not to stretch a weak secret: the security floor of profiles (64 MiB, t=3), about 0.1 s.
INVITATION_KDF: Final = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=4)
# A damaged or hostile file must not make a device spend minutes or gigabytes on one guess: the
# same bounds as key files (storage/keyfile.py), checked before any Argon2id.
_MAX_KDF_MEMORY_KIB: Final = MAX_MEMORY_KIB
_MAX_KDF_ITERATIONS: Final = MAX_ITERATIONS
_MAX_KDF_LANES: Final = MAX_LANES
_MAX_FILE_BYTES: Final = 64 * 1024

_SALT_LEN: Final = 16
_CHECK_LEN: Final = 16
_NONCE_LEN: Final = 12
_HKDF_INFO: Final = b"relais/invitation"
_MLKEM_SEED_BYTES: Final = 64
_X25519_BYTES: Final = 32


# --- Errors ---------------------------------------------------------------------------------


class InvitationError(RelaisError):
    """An invitation that cannot be used; `reason` is stable, str() is one line."""

    reason = "invalid"


class WrongInvitationCode(InvitationError, AccessError):
    reason = "wrong_code"

    def __init__(self, code: str = "sync.invitation.wrong_code") -> None:
        super().__init__(code)


class DamagedInvitation(InvitationError, DamagedError):
    reason = "damaged"

    def __init__(self, detail: Text | str) -> None:
        # `detail` is a Text, or the words of a lower-level check (a ValueError's).
        super().__init__("sync.invitation.damaged", detail=detail)
        self.detail = detail


class UnsupportedInvitation(InvitationError):
    reason = "unsupported"

    def __init__(self) -> None:
        super().__init__("sync.invitation.newer_version")


class UnsignedInvitation(InvitationError):
    """A version-1 invitation: unsigned, so it cannot be told from a forgery."""

    reason = "unsigned"

    def __init__(self) -> None:
        super().__init__("sync.invitation.unsigned")


class ForgedInvitation(InvitationError):
    """The content's signature is missing or is not by the signing key the content carries."""

    reason = "bad_signature"

    def __init__(self) -> None:
        super().__init__("sync.invitation.bad_signature")


class OtherCoordinator(InvitationError):
    """Signed by another coordinator key than the one this device already trusts."""

    reason = "other_coordinator"

    def __init__(self, found: str, expected: str) -> None:
        super().__init__("sync.invitation.other_coordinator", found=found, expected=expected)


class EnrolmentError(DamagedError):
    """An enrolment file that cannot be used; str() is one line."""


# --- One-time code --------------------------------------------------------------------------


def new_code() -> str:
    """A fresh one-time code, e.g. `7K2QD-M9XTA-0PHRC-4WNZ8` (100 random bits)."""
    return format_code("".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LEN)))


def format_code(code: str) -> str:
    clean = normalise_code(code)
    step = CODE_GROUP_LEN
    return "-".join(clean[i : i + step] for i in range(0, CODE_LEN, step))


def normalise_code(text: str) -> str:
    """Upper case, no spaces or dashes, I/L read as 1 and O as 0 (Crockford's rules).

    Raises WrongInvitationCode for something that cannot be a code at all.
    """
    clean = "".join(text.split()).replace("-", "").upper().translate(_CODE_LOOKALIKES)
    if len(clean) != CODE_LEN or any(c not in CODE_ALPHABET for c in clean):
        raise WrongInvitationCode("sync.invitation.malformed_code")
    return clean


# --- Coordinator keys -----------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, length: int | None, what: str) -> bytes:
    if not isinstance(value, str):
        raise ValueError(f"{what} : texte Base64 attendu")
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        raise ValueError(f"{what} : Base64 invalide") from None
    if length is not None and len(data) != length:
        raise ValueError(f"{what} : longueur inattendue")
    return data


@dataclass(frozen=True, repr=False)
class CoordinatorKeys:
    """The coordinator's secrets. `repr` is hidden so a key never lands in a log by accident."""

    hpke_x25519: X25519PrivateKey
    signing: Ed25519PrivateKey
    territory_key: bytes
    # Post-quantum hybrid (X-Wing): the ML-KEM-768 seed, alongside the X25519 key above.
    mlkem_seed: bytes | None = None

    def __repr__(self) -> str:
        return f"CoordinatorKeys(hpke={self.hpke_fingerprint}, suite={self.suite!r})"

    @classmethod
    def generate(cls, *, post_quantum: bool = False) -> CoordinatorKeys:
        seed = None
        if post_quantum:
            seed = MLKEM768PrivateKey.generate().private_bytes_raw()
        return cls(
            hpke_x25519=X25519PrivateKey.generate(),
            signing=Ed25519PrivateKey.generate(),
            territory_key=secrets.token_bytes(TERRITORY_KEY_BYTES),
            mlkem_seed=seed,
        )

    @property
    def suite(self) -> str:
        return SUITE_XWING if self.mlkem_seed is not None else SUITE_X25519

    @property
    def recipient_private(self) -> RecipientPrivateKey:
        """What `open_batch` needs to open batches sealed to this coordinator."""
        if self.mlkem_seed is None:
            return self.hpke_x25519
        return (MLKEM768PrivateKey.from_seed_bytes(self.mlkem_seed), self.hpke_x25519)

    @property
    def hpke_public(self) -> bytes:
        return recipient_public_bytes(self.recipient_private)

    @property
    def hpke_fingerprint(self) -> str:
        return key_fingerprint(self.hpke_public)

    @property
    def signing_public(self) -> bytes:
        return self.signing.public_key().public_bytes_raw()

    @property
    def signing_fingerprint(self) -> str:
        return key_fingerprint(self.signing_public)

    def to_secret_json(self) -> dict[str, Any]:
        """The private keys as JSON; only ever stored encrypted (workspace key blob)."""
        return {
            "hpke_x25519": _b64(self.hpke_x25519.private_bytes_raw()),
            "signing": _b64(self.signing.private_bytes_raw()),
            "territory_key": _b64(self.territory_key),
            "mlkem768_seed": _b64(self.mlkem_seed) if self.mlkem_seed is not None else None,
        }

    @classmethod
    def from_secret_json(cls, data: Any) -> CoordinatorKeys:
        """Raises ValueError for anything but the exact shape written by `to_secret_json`."""
        if not isinstance(data, dict) or set(data) != {
            "hpke_x25519",
            "signing",
            "territory_key",
            "mlkem768_seed",
        }:
            raise ValueError("clés du coordinateur : champs inattendus")
        seed = data["mlkem768_seed"]
        return cls(
            hpke_x25519=X25519PrivateKey.from_private_bytes(
                _unb64(data["hpke_x25519"], _X25519_BYTES, "hpke_x25519")
            ),
            signing=Ed25519PrivateKey.from_private_bytes(_unb64(data["signing"], 32, "signing")),
            territory_key=_unb64(data["territory_key"], TERRITORY_KEY_BYTES, "territory_key"),
            mlkem_seed=None if seed is None else _unb64(seed, _MLKEM_SEED_BYTES, "mlkem768_seed"),
        )


# --- Invitation content ---------------------------------------------------------------------


def _utc_stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, repr=False)
class Invitation:
    """What a device learns from an invitation. Holds secrets: never log or print it whole."""

    invitation_id: str
    territory: str
    issued: str
    suite: str
    hpke_public: bytes
    signing_public: bytes
    territory_key: bytes
    drop: DropSettings | None

    def __repr__(self) -> str:
        return f"Invitation({self.territory!r}, issued={self.issued}, hpke={self.hpke_fingerprint})"

    @classmethod
    def for_keys(
        cls,
        keys: CoordinatorKeys,
        *,
        territory: str,
        drop: DropSettings | None,
        issued: datetime | None = None,
    ) -> Invitation:
        return cls(
            invitation_id=str(uuid.uuid4()),
            territory=territory,
            issued=_utc_stamp(issued),
            suite=keys.suite,
            hpke_public=keys.hpke_public,
            signing_public=keys.signing_public,
            territory_key=keys.territory_key,
            drop=drop,
        )

    @property
    def hpke_fingerprint(self) -> str:
        return key_fingerprint(self.hpke_public)

    @property
    def signing_fingerprint(self) -> str:
        return key_fingerprint(self.signing_public)

    def to_json(self) -> dict[str, Any]:
        """The sealed content (secrets included: territory key, drop password)."""
        return {
            "invitation_id": self.invitation_id,
            "territory": self.territory,
            "issued": self.issued,
            "suite": self.suite,
            "hpke_public": _b64(self.hpke_public),
            "hpke_fingerprint": self.hpke_fingerprint,
            "signing_public": _b64(self.signing_public),
            "signing_fingerprint": self.signing_fingerprint,
            "territory_key": _b64(self.territory_key),
            "drop": self.drop.to_json() if self.drop is not None else None,
        }

    def public_json(self) -> dict[str, Any]:
        """Safe to show: no territory key, no password."""
        return {
            "invitation_id": self.invitation_id,
            "territory": self.territory,
            "issued": self.issued,
            "suite": self.suite,
            "hpke_fingerprint": self.hpke_fingerprint,
            "signing_fingerprint": self.signing_fingerprint,
            "drop": self.drop.public_json() if self.drop is not None else None,
        }

    @classmethod
    def from_json(cls, data: Any) -> Invitation:
        """Raises ValueError (French) for anything but a complete, self-consistent content."""
        expected = {
            "invitation_id",
            "territory",
            "issued",
            "suite",
            "hpke_public",
            "hpke_fingerprint",
            "signing_public",
            "signing_fingerprint",
            "territory_key",
            "drop",
        }
        if not isinstance(data, dict) or set(data) != expected:
            raise ValueError("champs inattendus ou manquants")
        suite = data["suite"]
        if suite not in (SUITE_X25519, SUITE_XWING):
            raise ValueError("suite de chiffrement inconnue")
        hpke_len = _X25519_BYTES if suite == SUITE_X25519 else 1216
        hpke_public = _unb64(data["hpke_public"], hpke_len, "hpke_public")
        signing_public = _unb64(data["signing_public"], 32, "signing_public")
        if data["hpke_fingerprint"] != key_fingerprint(hpke_public):
            raise ValueError("empreinte de la clé de chiffrement incohérente")
        if data["signing_fingerprint"] != key_fingerprint(signing_public):
            raise ValueError("empreinte de la clé de signature incohérente")
        territory, issued, invitation_id = data["territory"], data["issued"], data["invitation_id"]
        if not isinstance(territory, str) or not 1 <= len(territory) <= 200:
            raise ValueError("nom du territoire invalide")
        if not isinstance(issued, str) or not isinstance(invitation_id, str):
            raise ValueError("date ou identifiant invalide")
        try:
            datetime.strptime(issued, "%Y-%m-%dT%H:%M:%SZ")
        except ValueError:
            raise ValueError("date d'émission invalide") from None
        try:
            drop = None if data["drop"] is None else DropSettings.from_json(data["drop"])
        except DropError as exc:
            raise ValueError(str(exc)) from None
        return cls(
            invitation_id=invitation_id,
            territory=territory,
            issued=issued,
            suite=suite,
            hpke_public=hpke_public,
            signing_public=signing_public,
            territory_key=_unb64(data["territory_key"], TERRITORY_KEY_BYTES, "territory_key"),
            drop=drop,
        )


# --- Invitation file ------------------------------------------------------------------------


def _derive(code: str, kdf: KdfParams, salt: bytes) -> tuple[bytes, bytes]:
    stretched = Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(code.encode("ascii"))
    okm = HKDF(algorithm=hashes.SHA256(), length=32 + _CHECK_LEN, salt=None, info=_HKDF_INFO)
    okm_bytes = okm.derive(stretched)
    return okm_bytes[:32], okm_bytes[32:]


def _header(kdf: KdfParams, salt: bytes, check: bytes) -> dict[str, Any]:
    return {
        "format": INVITATION_FORMAT,
        "version": INVITATION_VERSION,
        "kdf": {
            "alg": "argon2id",
            "memory_kib": kdf.memory_kib,
            "iterations": kdf.iterations,
            "lanes": kdf.lanes,
            "salt": _b64(salt),
        },
        "check": _b64(check),
    }


def _signed_bytes(content: dict[str, Any]) -> bytes:
    return INVITATION_SIGNATURE_CONTEXT + canonical_json(content)


def signed_content(invitation: Invitation, signing_key: Ed25519PrivateKey) -> dict[str, Any]:
    """The content to seal: `to_json()` plus `signature`, by `signing_key` over
    "relais-invitation-v2" 0x00 ‖ canonical JSON of every other member."""
    if signing_key.public_key().public_bytes_raw() != invitation.signing_public:
        raise ValueError("La clé de signature ne correspond pas à celle de l'invitation")
    content = invitation.to_json()
    return content | {"signature": _b64(signing_key.sign(_signed_bytes(content)))}


def seal_content(content: dict[str, Any], code: str, *, kdf: KdfParams = INVITATION_KDF) -> bytes:
    """Seal an already signed content under `code` (the file format, nothing checked)."""
    clean = normalise_code(code)
    salt = secrets.token_bytes(_SALT_LEN)
    key, check = _derive(clean, kdf, salt)
    header = _header(kdf, salt, check)
    document = envelope.seal_document(key, header, canonical_json(content))
    return (json.dumps(document, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode()


def seal_invitation(
    invitation: Invitation,
    code: str,
    signing_key: Ed25519PrivateKey,
    *,
    kdf: KdfParams = INVITATION_KDF,
) -> bytes:
    """The bytes of an invitation file signed by `signing_key` (the coordinator's, whose public
    key the invitation carries) and sealed under `code` (see docs/invitation.md)."""
    return seal_content(signed_content(invitation, signing_key), code, kdf=kdf)


def write_invitation(
    path: Path,
    invitation: Invitation,
    code: str,
    signing_key: Ed25519PrivateKey,
    *,
    kdf: KdfParams = INVITATION_KDF,
) -> None:
    atomic_write(Path(path), seal_invitation(invitation, code, signing_key, kdf=kdf))


def check_signer(invitation: Invitation, trusted_signing_key: bytes | None) -> None:
    """Trust on first use: OtherCoordinator when the device already trusts another coordinator
    signing key than the one that signed `invitation` (None: nothing trusted yet)."""
    if trusted_signing_key is not None and trusted_signing_key != invitation.signing_public:
        raise OtherCoordinator(
            found=invitation.signing_fingerprint, expected=key_fingerprint(trusted_signing_key)
        )


def open_invitation(path: Path | str, code: str) -> Invitation:
    """Open an invitation file with its one-time code.

    Raises WrongInvitationCode (wrong or malformed code), DamagedInvitation (unreadable,
    truncated or altered file, or not an invitation), UnsupportedInvitation (newer format),
    UnsignedInvitation (version 1), ForgedInvitation (signature missing or not by the signing key
    the invitation carries).
    """
    path = Path(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InvitationError("sync.invitation.missing", path=path) from None
    except OSError as exc:
        raise InvitationError(
            "sync.invitation.unreadable", path=path, detail=exc.strerror or exc
        ) from None
    return open_invitation_bytes(raw, code)


def open_invitation_bytes(raw: bytes, code: str) -> Invitation:
    clean = normalise_code(code)  # a malformed code is refused before any slow work
    if len(raw) > _MAX_FILE_BYTES:
        raise DamagedInvitation(Text("sync.invitation.size"))
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DamagedInvitation(Text("sync.invitation.truncated")) from None
    if not isinstance(document, dict) or document.get("format") != INVITATION_FORMAT:
        raise DamagedInvitation(Text("sync.invitation.not_an_invitation"))
    version = document.get("version")
    if type(version) is int and version > INVITATION_VERSION:
        raise UnsupportedInvitation()
    if type(version) is int and version == UNSIGNED_VERSION:
        raise UnsignedInvitation()  # before any slow work: no code can make it trustworthy
    if version != INVITATION_VERSION or set(document) != {
        "format",
        "version",
        "kdf",
        "check",
        "nonce",
        "ciphertext",
    }:
        raise DamagedInvitation(Text("sync.invitation.fields"))
    kdf_doc = document["kdf"]
    if not isinstance(kdf_doc, dict) or set(kdf_doc) != {
        "alg",
        "memory_kib",
        "iterations",
        "lanes",
        "salt",
    }:
        raise DamagedInvitation(Text("sync.invitation.kdf_unreadable"))
    caps = {
        "memory_kib": _MAX_KDF_MEMORY_KIB,
        "iterations": _MAX_KDF_ITERATIONS,
        "lanes": _MAX_KDF_LANES,
    }
    if any(type(kdf_doc[k]) is int and kdf_doc[k] > cap for k, cap in caps.items()):
        raise DamagedInvitation(
            Text(
                "sync.invitation.kdf_bounds",
                memory_mib=_MAX_KDF_MEMORY_KIB // 1024,
                iterations=_MAX_KDF_ITERATIONS,
                lanes=_MAX_KDF_LANES,
            )
        )
    try:
        if kdf_doc["alg"] != "argon2id":
            raise ValueError("algorithme inconnu")
        kdf = KdfParams(
            memory_kib=kdf_doc["memory_kib"],
            iterations=kdf_doc["iterations"],
            lanes=kdf_doc["lanes"],
        )
        salt = _unb64(kdf_doc["salt"], _SALT_LEN, "salt")
        check = _unb64(document["check"], _CHECK_LEN, "check")
        nonce = _unb64(document["nonce"], _NONCE_LEN, "nonce")
        ciphertext = _unb64(document["ciphertext"], None, "ciphertext")
    except ValueError as exc:
        raise DamagedInvitation(str(exc)) from None
    key, expected_check = _derive(clean, kdf, salt)
    # The check value tells a wrong code from a damaged file (as the profile key file does).
    if not hmac.compare_digest(expected_check, check):
        raise WrongInvitationCode()
    try:
        plaintext = envelope.open_document(key, _header(kdf, salt, check), nonce, ciphertext)
    except envelope.EnvelopeError:
        raise DamagedInvitation(Text("sync.invitation.altered")) from None
    try:
        content = json.loads(plaintext.decode("utf-8"))
        signature = content.pop("signature", None) if isinstance(content, dict) else None
        invitation = Invitation.from_json(content)
    except (UnicodeDecodeError, ValueError) as exc:
        raise DamagedInvitation(Text("sync.invitation.inconsistent", detail=str(exc))) from None
    # Sealed under the right code proves only that the author holds the code: the signature by
    # the key the invitation carries binds its HPKE key, territory key and drop to that key.
    try:
        Ed25519PublicKey.from_public_bytes(invitation.signing_public).verify(
            _unb64(signature, 64, "signature"), _signed_bytes(content)
        )
    except (InvalidSignature, ValueError):
        raise ForgedInvitation() from None
    return invitation


# --- Enrolment ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Enrolment:
    """A device asking to be trusted by the coordinator (no secret in it)."""

    device_id: str
    signing_public: bytes
    structure: dict[str, str]
    created: str
    coordination: str | None  # fingerprint of the coordinator key the device joined, if any
    # Id of the invitation the device joined with (counted by the coordinator); absent from the
    # files of older versions, so that their signatures still verify.
    invitation: str | None = None
    # The device's X25519 (HPKE) public key, to which the coordinator seals its return files
    # (sync/returns.py); absent from older files, which keep verifying.
    encryption_public: bytes | None = None

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.signing_public)

    def body(self) -> dict[str, Any]:
        extra: dict[str, Any] = {} if self.invitation is None else {"invitation": self.invitation}
        if self.encryption_public is not None:
            extra["encryption_public"] = _b64(self.encryption_public)
        return extra | {
            "format": ENROLMENT_FORMAT,
            "version": ENROLMENT_VERSION,
            "device_id": self.device_id,
            "signing_public": _b64(self.signing_public),
            "fingerprint": self.fingerprint,
            "structure": dict(self.structure),
            "created": self.created,
            "coordination": self.coordination,
        }


def write_enrolment(path: Path, enrolment: Enrolment, signing_key: Ed25519PrivateKey) -> None:
    """Write the enrolment, signed by the device key (proof that the device holds it)."""
    if signing_key.public_key().public_bytes_raw() != enrolment.signing_public:
        raise ValueError("La clé de signature ne correspond pas à l'appareil")
    body = enrolment.body()
    signature = signing_key.sign(ENROLMENT_CONTEXT + canonical_json(body))
    document = {**body, "signature": _b64(signature)}
    text = json.dumps(document, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
    atomic_write(Path(path), text.encode("utf-8"))


def read_enrolment(path: Path | str) -> Enrolment:
    """Read and verify an enrolment file; raises EnrolmentError."""
    path = Path(path)
    try:
        raw = path.read_bytes()[: _MAX_FILE_BYTES + 1]
        document = jsontext.loads(raw)
    except OSError as exc:
        raise EnrolmentError(
            "sync.enrolment.unreadable", path=path, detail=exc.strerror or exc
        ) from None
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise EnrolmentError("sync.enrolment.not_readable", path=path) from None
    if not isinstance(document, dict) or document.get("format") != ENROLMENT_FORMAT:
        raise EnrolmentError("sync.enrolment.not_an_enrolment", path=path)
    if document.get("version") != ENROLMENT_VERSION:
        raise EnrolmentError("sync.enrolment.unknown_version")
    try:
        signature = _unb64(document.pop("signature", None), 64, "signature")
        public = _unb64(document.get("signing_public"), 32, "signing_public")
        structure = document.get("structure")
        if not isinstance(structure, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in structure.items()
        ):
            raise ValueError("structure illisible")
        if not is_device_id(document["device_id"]):
            raise ValueError("device_id : 1 à 64 caractères parmi A-Z, a-z, 0-9, _ et -")
        enrolment = Enrolment(
            device_id=document["device_id"],
            signing_public=public,
            structure=structure,
            created=str(document["created"]),
            coordination=document.get("coordination"),
            invitation=_invitation_id(document.get("invitation")),
            encryption_public=_encryption_public(document.get("encryption_public")),
        )
    except (KeyError, ValueError) as exc:
        raise EnrolmentError("sync.enrolment.incomplete", detail=str(exc)) from None
    if enrolment.body() != document:
        raise EnrolmentError("sync.enrolment.fields_altered")
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(
            signature, ENROLMENT_CONTEXT + canonical_json(document)
        )
    except InvalidSignature:
        raise EnrolmentError("sync.enrolment.bad_signature") from None
    return enrolment


def _invitation_id(value: Any) -> str | None:
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value))) if isinstance(value, str) and len(value) == 36 else ""
    except ValueError:
        return ""  # refused below: body() no longer matches the document


def _encryption_public(value: Any) -> bytes | None:
    if value is None:
        return None
    return _unb64(value, _X25519_BYTES, "encryption_public")


def enrolment_digest(enrolment: Enrolment) -> str:
    """SHA-256 of the canonical body, for a ledger of approved devices."""
    return hashlib.sha256(canonical_json(enrolment.body())).hexdigest()
