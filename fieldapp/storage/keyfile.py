"""Key hierarchy of a Relais profile (DESIGN.md § Security).

A random 256-bit **data key** protects everything (the SQLCipher key is
`derive_subkey(data_key, "sqlcipher")`). It is never stored in clear: the key file `relais.key`
holds two wrapped copies of it, one under the passphrase and one under the recovery key. Changing
the passphrase rewraps one copy; nothing else is re-encrypted.

Key derivation
--------------
* Passphrase slot: the passphrase is normalised to Unicode NFC, then UTF-8 encoded. NFC because
  the same visible passphrase ("été") can arrive as precomposed or decomposed code points
  depending on the keyboard, input method or OS (macOS file dialogs favour NFD); without
  normalisation a user could be locked out after changing computer. Argon2id(passphrase, salt,
  file parameters) gives 32 bytes, expanded by HKDF-SHA256 (info `relais/keyfile/passphrase`) into
  a 32-byte key-encryption key (KEK) and a 16-byte **key-check value**.
* Recovery slot: the recovery key already carries 160 random bits, so no slow KDF is needed:
  HKDF-SHA256(recovery bits, salt, info `relais/keyfile/recovery`) gives its KEK and check value.
* The data key is wrapped with AES-256-GCM under the KEK (random 96-bit nonce, fresh salt and
  therefore fresh KEK on every wrap).

Wrong secret versus damaged file
--------------------------------
The key-check value is compared first (constant time): a mismatch means the secret is wrong
(`WrongPassphrase` / `WrongRecoveryKey`). When it matches but AES-GCM rejects the tag, the secret
is right and the file was altered (`CorruptKeyFile`). An unparseable, truncated or non-canonical
file is also `CorruptKeyFile`. Limit, inherent to any password-based scheme: a change to a field
that feeds the derivation itself (Argon2 parameters, salt, check value) cannot be told apart
from a wrong passphrase; it still never yields a key, and never a wrong one.

File format (version 1)
-----------------------
UTF-8 JSON, keys sorted, indent 2, ASCII only, final newline; binary values are standard
Base64 with padding. The reader rejects any byte that differs from this canonical form, so no
edit can pass unnoticed as "formatting"::

    {"magic": "relais-keyfile", "version": 1,
     "slots": {
       "passphrase": {"kdf": {"alg": "argon2id", "memory_kib": M, "iterations": T,
                              "lanes": P, "salt": <16 B>},
                      "check": <16 B>, "nonce": <12 B>, "ciphertext": <32 B key + 16 B tag>},
       "recovery":   {"kdf": {"alg": "hkdf-sha256", "salt": <16 B>},
                      "check": <16 B>, "nonce": <12 B>, "ciphertext": <48 B>}}}

AES-GCM associated data (AAD), canonical JSON (sorted keys, no spaces):

* recovery slot: `{"magic", "version", "slot": "recovery", "kdf", "check"}` of that slot;
* passphrase slot: `{"magic", "version", "slot": "passphrase", "kdf", "check", "recovery"}` where
  `recovery` is the whole recovery slot.

So the header (format, version, KDF parameters) is authenticated by each slot, and the passphrase
slot also authenticates the recovery slot: a successful passphrase unlock proves that the
*whole* file is intact (a damaged recovery copy is reported at once, not on the day it is
needed). The recovery slot cannot cover the passphrase slot, because a passphrase change has no
recovery key at hand to rewrap it; recovery is precisely for a lost or damaged passphrase slot.
A newer `version` raises `UnsupportedKeyFile` before anything else is read.

Backup copy and crash safety
----------------------------
`<path>.bak` (here `relais.key.bak`) receives the same bytes after every successful change. Each
write goes through `atomic_write` (temp file, fsync, rename, folder fsync): main file first, then
the backup. A crash at any point leaves a main file that opens with the old or the new
passphrase, and the recovery slot is never modified. A damaged main file is never replaced by the
backup silently: `unlock` raises `CorruptKeyFile` naming the backup and `restore_backup` copies it
back on request.

Recovery key
------------
160 random bits, Base32 (RFC 4648 alphabet, no padding), 32 characters in 8 groups of 4 joined by
dashes: `ABCD-EFGH-…`. Parsing ignores case, spaces and dashes and reads the digits 0, 1 and 8
(absent from the alphabet) as the letters O, I and B they are mistaken for.
"""

from __future__ import annotations

import base64
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.errors import AccessError, DamagedError, RelaisError
from fieldapp.messages import Text
from fieldapp.storage import envelope
from fieldapp.storage.atomic import atomic_write, cleanup_temp_files

__all__ = [
    "DEFAULT_KDF",
    "FAST_TEST_KDF",
    "MAX_ITERATIONS",
    "MAX_LANES",
    "MAX_MEMORY_KIB",
    "MIN_ITERATIONS",
    "MIN_MEMORY_KIB",
    "CorruptKeyFile",
    "KdfParams",
    "KeyFileError",
    "UnsupportedKeyFile",
    "WrongPassphrase",
    "WrongRecoveryKey",
    "backup_path",
    "change_passphrase",
    "create_key_file",
    "derive_subkey",
    "read_kdf_params",
    "recover",
    "restore_backup",
    "unlock",
    "unlock_with_recovery",
]

MAGIC: Final = "relais-keyfile"
VERSION: Final = 1

DATA_KEY_LEN: Final = 32
_SALT_LEN: Final = 16
_CHECK_LEN: Final = 16
_NONCE_LEN: Final = 12
_WRAPPED_LEN: Final = DATA_KEY_LEN + 16  # AES-GCM appends a 16-byte tag
_RECOVERY_BYTES: Final = 20  # 160 bits → exactly 32 Base32 characters, no padding bits
_RECOVERY_GROUP: Final = 4
_B32_ALPHABET: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_RECOVERY_LOOKALIKES: Final = str.maketrans({"0": "O", "1": "I", "8": "B"})

_INFO_PASSPHRASE: Final = b"relais/keyfile/passphrase"
_INFO_RECOVERY: Final = b"relais/keyfile/recovery"
_SUBKEY_PREFIX: Final = b"relais/"

# DESIGN.md § Security floor for real profiles.
MIN_MEMORY_KIB: Final = 64 * 1024
MIN_ITERATIONS: Final = 3
# Upper bounds: what this app itself writes, with room to spare (DEFAULT_KDF is 256 MiB, t=5,
# p=4), so that a damaged or hostile key file, workspace key file or invitation cannot ask for
# minutes of work or gigabytes of memory. Checked when the file is parsed, before any Argon2id.
MAX_MEMORY_KIB: Final = 1024 * 1024
MAX_ITERATIONS: Final = 10
MAX_LANES: Final = 16
_MAX_MEMORY_KIB: Final = MAX_MEMORY_KIB
_MAX_ITERATIONS: Final = MAX_ITERATIONS
_MAX_LANES: Final = MAX_LANES
# A real key file is under 1 KiB; refuse to parse anything large.
_MAX_FILE_SIZE: Final = 64 * 1024


# --------------------------------------------------------------------------------------------
# Parameters


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters, stored in the key file header."""

    memory_kib: int
    iterations: int
    lanes: int

    def __post_init__(self) -> None:
        for name in ("memory_kib", "iterations", "lanes"):
            value = getattr(self, name)
            # bool is an int subclass: refuse it so `True` never means "1 lane".
            if type(value) is not int:
                raise ValueError(f"Paramètre Argon2id « {name} » invalide : entier attendu.")
        if not 1 <= self.lanes <= _MAX_LANES:
            raise ValueError(f"Paramètre Argon2id « lanes » hors limites (1 à {_MAX_LANES}).")
        if not 1 <= self.iterations <= _MAX_ITERATIONS:
            raise ValueError(
                f"Paramètre Argon2id « iterations » hors limites (1 à {_MAX_ITERATIONS})."
            )
        # Argon2 itself requires at least 8 KiB per lane.
        if not 8 * self.lanes <= self.memory_kib <= _MAX_MEMORY_KIB:
            raise ValueError(
                "Paramètre Argon2id « memory_kib » hors limites "
                f"({8 * self.lanes} à {_MAX_MEMORY_KIB} Kio)."
            )

    @property
    def is_weak(self) -> bool:
        """Below the DESIGN.md minimum (64 MiB, t ≥ 3): only acceptable for tests."""
        return self.memory_kib < MIN_MEMORY_KIB or self.iterations < MIN_ITERATIONS


# Measured on the 2-core reference machine (cryptography 50, OpenSSL Argon2id, best / median
# of 5 runs, idle): 64 MiB t=3 p=4 → 0.08 s; 256 MiB t=4 p=4 → 0.41 / 0.41 s;
# 256 MiB t=5 p=4 → 0.46 / 0.49 s (0.51 / 0.55 s with other jobs running);
# 384 MiB t=3 p=4 → 0.53 / 0.54 s. p=2 and p=4 cost the same here when idle and p=4 uses the
# extra cores of 4-core laptops, so: 256 MiB, t=5, p=4 ≈ 0.5 s.
DEFAULT_KDF: Final = KdfParams(memory_kib=256 * 1024, iterations=5, lanes=4)
# Smallest Argon2id the library accepts (8 KiB per lane): tests only, needs allow_weak=True.
FAST_TEST_KDF: Final = KdfParams(memory_kib=8, iterations=1, lanes=1)


# --------------------------------------------------------------------------------------------
# Errors


class KeyFileError(RelaisError):
    """Base of every key-file error; `str(exc)` is the message in the current language."""


class WrongPassphrase(KeyFileError, AccessError):
    def __init__(self, code: str = "storage.keyfile.wrong_passphrase") -> None:
        super().__init__(code)


class WrongRecoveryKey(KeyFileError, AccessError):
    def __init__(self, code: str = "storage.keyfile.wrong_recovery_key") -> None:
        super().__init__(code)


class UnsupportedKeyFile(KeyFileError):
    def __init__(self, code: str = "storage.keyfile.newer_version") -> None:
        super().__init__(code)


class CorruptKeyFile(KeyFileError, DamagedError):
    """The key file is damaged. `backup` is the backup copy when it looks intact, else None."""

    def __init__(
        self,
        code: str = "storage.keyfile.damaged",
        *,
        path: Path | None = None,
        backup: Path | None = None,
        **params: object,
    ) -> None:
        super().__init__(code, **params)
        self.path = path
        self.backup = backup


class _Malformed(Exception):
    """Internal: the bytes are not a valid version-1 key file (reason is for the message)."""

    def __init__(self, reason: Text) -> None:
        super().__init__(reason.code)
        self.reason = reason


# --------------------------------------------------------------------------------------------
# In-memory model and canonical encoding


@dataclass(frozen=True)
class _RecoverySlot:
    salt: bytes
    check: bytes
    nonce: bytes
    ciphertext: bytes

    def header(self) -> dict[str, Any]:
        return {"kdf": {"alg": "hkdf-sha256", "salt": _b64(self.salt)}, "check": _b64(self.check)}

    def to_json(self) -> dict[str, Any]:
        return {**self.header(), "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}


@dataclass(frozen=True)
class _PassphraseSlot:
    kdf: KdfParams
    salt: bytes
    check: bytes
    nonce: bytes
    ciphertext: bytes

    def header(self) -> dict[str, Any]:
        kdf = {
            "alg": "argon2id",
            "memory_kib": self.kdf.memory_kib,
            "iterations": self.kdf.iterations,
            "lanes": self.kdf.lanes,
            "salt": _b64(self.salt),
        }
        return {"kdf": kdf, "check": _b64(self.check)}

    def to_json(self) -> dict[str, Any]:
        return {**self.header(), "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}


@dataclass(frozen=True)
class _KeyFile:
    passphrase: _PassphraseSlot
    recovery: _RecoverySlot


@dataclass(frozen=True)
class _WrapKeys:
    kek: bytes
    check: bytes


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _file_header() -> dict[str, Any]:
    return {"magic": MAGIC, "version": VERSION}


def _recovery_aad(slot: _RecoverySlot) -> bytes:
    return _canonical({**_file_header(), "slot": "recovery", **slot.header()})


def _passphrase_aad(slot: _PassphraseSlot, recovery: _RecoverySlot) -> bytes:
    return _canonical(
        {**_file_header(), "slot": "passphrase", **slot.header(), "recovery": recovery.to_json()}
    )


def _serialize(kf: _KeyFile) -> bytes:
    doc = {
        **_file_header(),
        "slots": {"passphrase": kf.passphrase.to_json(), "recovery": kf.recovery.to_json()},
    }
    return (json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n").encode()


def _expect_object(value: Any, keys: set[str], where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != keys:
        raise _Malformed(Text("storage.keyfile.fields", where=where))
    return value


def _decode_b64(value: Any, length: int, where: str) -> bytes:
    if not isinstance(value, str):
        raise _Malformed(Text("storage.keyfile.value", where=where))
    try:
        data = base64.b64decode(value, validate=True)
    except ValueError:
        raise _Malformed(Text("storage.keyfile.base64", where=where)) from None
    # Non-canonical Base64 (stray padding bits) would decode to the same bytes: refuse it too.
    if len(data) != length or _b64(data) != value:
        raise _Malformed(Text("storage.keyfile.value", where=where))
    return data


def _parse(raw: bytes) -> _KeyFile:
    """Parse and fully validate the bytes of a key file (raises _Malformed or Unsupported)."""
    if len(raw) > _MAX_FILE_SIZE:
        raise _Malformed(Text("storage.keyfile.size"))
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _Malformed(Text("storage.keyfile.unreadable")) from None
    if not isinstance(doc, dict) or doc.get("magic") != MAGIC:
        raise _Malformed(Text("storage.keyfile.not_a_keyfile"))
    version = doc.get("version")
    if type(version) is not int:
        raise _Malformed(Text("storage.keyfile.version_unreadable"))
    if version > VERSION:
        raise UnsupportedKeyFile()
    if version != VERSION:
        raise _Malformed(Text("storage.keyfile.version_unknown"))
    _expect_object(doc, {"magic", "version", "slots"}, "racine")
    slots = _expect_object(doc["slots"], {"passphrase", "recovery"}, "slots")
    slot_keys = {"kdf", "check", "nonce", "ciphertext"}

    rec = _expect_object(slots["recovery"], slot_keys, "recovery")
    rec_kdf = _expect_object(rec["kdf"], {"alg", "salt"}, "recovery.kdf")
    if rec_kdf["alg"] != "hkdf-sha256":
        raise _Malformed(Text("storage.keyfile.algorithm", where="recovery"))
    recovery = _RecoverySlot(
        salt=_decode_b64(rec_kdf["salt"], _SALT_LEN, "recovery.kdf.salt"),
        check=_decode_b64(rec["check"], _CHECK_LEN, "recovery.check"),
        nonce=_decode_b64(rec["nonce"], _NONCE_LEN, "recovery.nonce"),
        ciphertext=_decode_b64(rec["ciphertext"], _WRAPPED_LEN, "recovery.ciphertext"),
    )

    pp = _expect_object(slots["passphrase"], slot_keys, "passphrase")
    pp_kdf = _expect_object(
        pp["kdf"], {"alg", "memory_kib", "iterations", "lanes", "salt"}, "passphrase.kdf"
    )
    if pp_kdf["alg"] != "argon2id":
        raise _Malformed(Text("storage.keyfile.algorithm", where="passphrase"))
    try:
        params = KdfParams(
            memory_kib=pp_kdf["memory_kib"],
            iterations=pp_kdf["iterations"],
            lanes=pp_kdf["lanes"],
        )
    except ValueError:
        raise _Malformed(Text("storage.keyfile.argon2")) from None
    passphrase = _PassphraseSlot(
        kdf=params,
        salt=_decode_b64(pp_kdf["salt"], _SALT_LEN, "passphrase.kdf.salt"),
        check=_decode_b64(pp["check"], _CHECK_LEN, "passphrase.check"),
        nonce=_decode_b64(pp["nonce"], _NONCE_LEN, "passphrase.nonce"),
        ciphertext=_decode_b64(pp["ciphertext"], _WRAPPED_LEN, "passphrase.ciphertext"),
    )

    kf = _KeyFile(passphrase=passphrase, recovery=recovery)
    if _serialize(kf) != raw:
        raise _Malformed(Text("storage.keyfile.layout"))
    return kf


# --------------------------------------------------------------------------------------------
# Key derivation and wrapping


def _split(ikm: bytes, salt: bytes | None, info: bytes) -> _WrapKeys:
    okm = HKDF(algorithm=hashes.SHA256(), length=32 + _CHECK_LEN, salt=salt, info=info).derive(ikm)
    return _WrapKeys(kek=okm[:32], check=okm[32:])


def _passphrase_keys(passphrase: bytes, kdf: KdfParams, salt: bytes) -> _WrapKeys:
    stretched = Argon2id(
        salt=salt,
        length=32,
        iterations=kdf.iterations,
        lanes=kdf.lanes,
        memory_cost=kdf.memory_kib,
    ).derive(passphrase)
    return _split(stretched, None, _INFO_PASSPHRASE)


def _recovery_keys(secret: bytes, salt: bytes) -> _WrapKeys:
    return _split(secret, salt, _INFO_RECOVERY)


def _encode_passphrase(passphrase: str) -> bytes:
    # NFC: see the module docstring (same visible passphrase, different code points).
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _new_passphrase_bytes(passphrase: str) -> bytes:
    if not passphrase:
        raise ValueError("La phrase de passe ne peut pas être vide.")
    return _encode_passphrase(passphrase)


def _check_kdf(kdf: KdfParams, allow_weak: bool) -> None:
    if kdf.is_weak and not allow_weak:
        raise ValueError(
            "Paramètres Argon2id trop faibles (minimum 64 Mio de mémoire et 3 passes) ; "
            "ils ne sont admis que pour les tests (allow_weak=True)."
        )


def _make_recovery_slot(secret: bytes, data_key: bytes) -> _RecoverySlot:
    salt = secrets.token_bytes(_SALT_LEN)
    keys = _recovery_keys(secret, salt)
    draft = _RecoverySlot(salt=salt, check=keys.check, nonce=b"", ciphertext=b"")
    nonce, ciphertext = envelope.seal(keys.kek, data_key, _recovery_aad(draft))
    return _RecoverySlot(salt=salt, check=keys.check, nonce=nonce, ciphertext=ciphertext)


def _make_passphrase_slot(
    passphrase: bytes, kdf: KdfParams, data_key: bytes, recovery: _RecoverySlot
) -> _PassphraseSlot:
    salt = secrets.token_bytes(_SALT_LEN)
    keys = _passphrase_keys(passphrase, kdf, salt)
    draft = _PassphraseSlot(kdf=kdf, salt=salt, check=keys.check, nonce=b"", ciphertext=b"")
    nonce, ciphertext = envelope.seal(keys.kek, data_key, _passphrase_aad(draft, recovery))
    return _PassphraseSlot(kdf=kdf, salt=salt, check=keys.check, nonce=nonce, ciphertext=ciphertext)


def _open_slot(
    path: Path, raw: bytes, keys: _WrapKeys, check: bytes, nonce: bytes, ct: bytes, aad: bytes
) -> bytes | None:
    """The data key; None if the secret is wrong; CorruptKeyFile if the file was altered."""
    if not hmac.compare_digest(keys.check, check):
        return None
    try:
        data_key = envelope.unseal(keys.kek, nonce, ct, aad)
    except envelope.EnvelopeError:
        raise _corrupt(path, raw, Text("storage.keyfile.ciphertext")) from None
    if len(data_key) != DATA_KEY_LEN:  # cannot happen with a valid tag; belt and braces
        raise _corrupt(path, raw, Text("storage.keyfile.data_key_size"))
    return data_key


def _unwrap_passphrase(path: Path, raw: bytes, kf: _KeyFile, passphrase: str) -> bytes:
    slot = kf.passphrase
    keys = _passphrase_keys(_encode_passphrase(passphrase), slot.kdf, slot.salt)
    aad = _passphrase_aad(slot, kf.recovery)
    data_key = _open_slot(path, raw, keys, slot.check, slot.nonce, slot.ciphertext, aad)
    if data_key is None:
        raise WrongPassphrase()
    return data_key


def _unwrap_recovery(path: Path, raw: bytes, kf: _KeyFile, recovery_key: str) -> bytes:
    slot = kf.recovery
    keys = _recovery_keys(_parse_recovery_key(recovery_key), slot.salt)
    aad = _recovery_aad(slot)
    data_key = _open_slot(path, raw, keys, slot.check, slot.nonce, slot.ciphertext, aad)
    if data_key is None:
        raise WrongRecoveryKey()
    return data_key


# --------------------------------------------------------------------------------------------
# Recovery key text


def _format_recovery_key(secret: bytes) -> str:
    text = base64.b32encode(secret).decode("ascii")
    return "-".join(text[i : i + _RECOVERY_GROUP] for i in range(0, len(text), _RECOVERY_GROUP))


def _parse_recovery_key(text: str) -> bytes:
    cleaned = "".join(text.split()).replace("-", "").upper().translate(_RECOVERY_LOOKALIKES)
    expected_len = _RECOVERY_BYTES * 8 // 5
    if len(cleaned) != expected_len or not set(cleaned) <= _B32_ALPHABET:
        raise WrongRecoveryKey()
    return base64.b32decode(cleaned)


# --------------------------------------------------------------------------------------------
# Files


def backup_path(path: Path) -> Path:
    """The backup copy kept next to the key file: `relais.key` → `relais.key.bak`."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _corrupt(path: Path, main_raw: bytes | None, reason: Text) -> CorruptKeyFile:
    """A CorruptKeyFile for `path` whose message says whether the backup can help."""
    bak = backup_path(path)
    usable = False
    try:
        bak_raw = bak.read_bytes()
    except OSError:
        bak_raw = None
    if bak_raw is not None and bak_raw != main_raw:
        try:
            _parse(bak_raw)
            usable = True
        except (_Malformed, UnsupportedKeyFile):
            usable = False
    names = {"name": path.name, "backup_name": bak.name, "reason": reason}
    if usable:
        return CorruptKeyFile("storage.keyfile.damaged_backup_ok", path=path, backup=bak, **names)
    return CorruptKeyFile("storage.keyfile.damaged_no_backup", path=path, backup=None, **names)


def _load(path: Path) -> tuple[_KeyFile, bytes]:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        # Missing main file next to a backup: a damaged profile, not a missing one.
        if backup_path(path).exists():
            raise _corrupt(path, None, Text("storage.keyfile.missing")) from None
        raise
    try:
        return _parse(raw), raw
    except _Malformed as exc:
        raise _corrupt(path, raw, exc.reason) from None


def _write_both(path: Path, kf: _KeyFile) -> None:
    raw = _serialize(kf)
    bak = backup_path(path)
    # Leftovers of a killed earlier write hold only wrapped keys, but do not keep them around.
    cleanup_temp_files(path)
    cleanup_temp_files(bak)
    # Main file first: until the backup is written too, the backup still opens (old passphrase).
    atomic_write(path, raw)
    atomic_write(bak, raw)


def _rewrap_passphrase(
    path: Path, kf: _KeyFile, data_key: bytes, new_passphrase: bytes, kdf: KdfParams
) -> None:
    slot = _make_passphrase_slot(new_passphrase, kdf, data_key, kf.recovery)
    _write_both(path, _KeyFile(passphrase=slot, recovery=kf.recovery))


# --------------------------------------------------------------------------------------------
# Public API


def create_key_file(
    path: Path,
    passphrase: str,
    *,
    kdf: KdfParams = DEFAULT_KDF,
    allow_weak: bool = False,
) -> tuple[bytes, str]:
    """Create `path` (and its backup copy) for a new profile.

    Returns `(data_key, recovery_key)`; the recovery key is to be shown to the user once and is
    not stored anywhere. Refuses to overwrite an existing key file or backup (FileExistsError).
    """
    path = Path(path)
    _check_kdf(kdf, allow_weak)
    pw = _new_passphrase_bytes(passphrase)
    for existing in (path, backup_path(path)):
        if existing.exists():
            raise FileExistsError(f"Un fichier de clés existe déjà : « {existing} ».")
    data_key = secrets.token_bytes(DATA_KEY_LEN)
    recovery_secret = secrets.token_bytes(_RECOVERY_BYTES)
    recovery = _make_recovery_slot(recovery_secret, data_key)
    slot = _make_passphrase_slot(pw, kdf, data_key, recovery)
    _write_both(path, _KeyFile(passphrase=slot, recovery=recovery))
    return data_key, _format_recovery_key(recovery_secret)


def unlock(path: Path, passphrase: str) -> bytes:
    """The data key. WrongPassphrase, CorruptKeyFile (never falls back to the backup silently),
    UnsupportedKeyFile, or FileNotFoundError when there is no key file at all."""
    kf, raw = _load(path)
    return _unwrap_passphrase(Path(path), raw, kf, passphrase)


def unlock_with_recovery(path: Path, recovery_key: str) -> bytes:
    """The data key, from the recovery key (WrongRecoveryKey if it does not match)."""
    kf, raw = _load(path)
    return _unwrap_recovery(Path(path), raw, kf, recovery_key)


def change_passphrase(
    path: Path,
    old: str,
    new: str,
    *,
    kdf: KdfParams | None = None,
    allow_weak: bool = False,
) -> None:
    """Rewrap the passphrase slot under `new` (fresh salt); recovery slot and data key unchanged.

    `kdf=None` keeps the file's current Argon2id parameters.
    """
    path = Path(path)
    if kdf is not None:
        _check_kdf(kdf, allow_weak)
    new_pw = _new_passphrase_bytes(new)
    kf, raw = _load(path)
    data_key = _unwrap_passphrase(path, raw, kf, old)
    _rewrap_passphrase(path, kf, data_key, new_pw, kdf if kdf is not None else kf.passphrase.kdf)


def recover(
    path: Path,
    recovery_key: str,
    new_passphrase: str,
    *,
    kdf: KdfParams | None = None,
    allow_weak: bool = False,
) -> bytes:
    """Set a new passphrase using the recovery key; returns the data key.

    The recovery key stays valid. `kdf=None` keeps the file's current Argon2id parameters.
    """
    path = Path(path)
    if kdf is not None:
        _check_kdf(kdf, allow_weak)
    new_pw = _new_passphrase_bytes(new_passphrase)
    kf, raw = _load(path)
    data_key = _unwrap_recovery(path, raw, kf, recovery_key)
    _rewrap_passphrase(path, kf, data_key, new_pw, kdf if kdf is not None else kf.passphrase.kdf)
    return data_key


def restore_backup(path: Path) -> None:
    """Replace the key file with its backup copy (atomically), after checking the backup parses.

    Only on the user's request: the backup may still be wrapped under the previous passphrase if
    a passphrase change was interrupted.
    """
    path = Path(path)
    bak = backup_path(path)
    try:
        raw = bak.read_bytes()
    except FileNotFoundError:
        raise CorruptKeyFile(
            "storage.keyfile.no_backup", path=path, name=path.name, backup_name=bak.name
        ) from None
    try:
        _parse(raw)
    except _Malformed as exc:
        raise CorruptKeyFile(
            "storage.keyfile.backup_damaged",
            path=path,
            name=path.name,
            backup_name=bak.name,
            reason=exc.reason,
        ) from None
    cleanup_temp_files(path)
    atomic_write(path, raw)


def read_kdf_params(path: Path) -> KdfParams:
    """The Argon2id parameters of the passphrase slot (e.g. to offer an upgrade)."""
    kf, _ = _load(path)
    return kf.passphrase.kdf


def derive_subkey(data_key: bytes, purpose: str, length: int = 32) -> bytes:
    """An independent key for one purpose: HKDF-SHA256(data_key, info=b"relais/" + purpose)."""
    if len(data_key) != DATA_KEY_LEN:
        raise ValueError(f"data_key must be {DATA_KEY_LEN} bytes")
    if not purpose:
        raise ValueError("purpose must not be empty")
    info = _SUBKEY_PREFIX + purpose.encode("utf-8")
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=info).derive(data_key)
