"""The signed reference pack: territories, partner directory and retention, from the coordinator.

One UTF-8 JSON file (docs/directory.md has the full description and an example):

    {
      "format": "relais-pack",
      "format_version": 1,
      "header": {
        "version": 3,                      increasing integer, chosen by the coordinator
        "date": "2026-11-20T10:00:00Z",    when the pack was built (UTC)
        "retention_months": 24,
        "relance_jours": 10,               optional (issue 16): days before a handover is
        "expiration_jours": 30,            chased, and before it expires; written only when
                                           not the defaults, so older apps still read the pack
        "coordination": "…",               territory name of the coordinator workspace
        "vocab_version": {"data_inclusion": "1.0.10", "relais": 1},
        "counts": {"territories": 6, "structures": 12, "services": 25},
        "content_sha256": "<hex SHA-256 of canonical_json(content)>",
        "signer": {"public_key": "<Base64 Ed25519>", "fingerprint": "ABCD-EFGH-IJKL-MNOP"}
      },
      "signature": "<Base64 Ed25519 over CONTEXT + canonical_json({format, format_version,
                     header})>",
      "content": {"territories": [...], "structures": [...], "services": [...]}
    }

A territory may carry the « carte des manques » (issue 18), the needs of its contacts marked
« sans solution » over the 12 full months before the pack's date, suppressed like the report:

    "manques": {"du": "2025-12", "au": "2026-11", "seuil": 5,
                "besoins": {"mobilite": 7, "logement-hebergement": null}}

`du`/`au`: first and last month counted; `seuil`: the threshold k; `besoins`: need code → count
(an int ≥ seuil) or null (hidden: 1 to seuil − 1, or hidden by complementary suppression);
needs at 0 are absent, and a territory without any unmet need has no `manques` key. Being
inside the content, it is covered by the content hash; an older app ignores the key.

The signature covers the header, and the header pins the content by its hash; a reader
recomputes both from what it parsed, so what is verified is exactly what is used. The signer's
public key travels in the header only to tell "altered" from "signed by someone else": the pack is
accepted only when that key is the coordinator's key from the invitation.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Final, Literal

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from fieldapp.domain import jsontext
from fieldapp.domain.handovers import EXPIRY_DAYS_DEFAULT, RELANCE_DAYS_DEFAULT
from fieldapp.errors import DamagedError, InputError
from fieldapp.messages import Text
from fieldapp.sync.batch import canonical_json, key_fingerprint

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "Pack",
    "PackError",
    "build_pack",
    "pack_from_document",
    "read_header",
    "stored_pack",
    "verify_pack",
]

FORMAT: Final = "relais-pack"
FORMAT_VERSION: Final = 1
SIGNATURE_CONTEXT: Final = b"relais-pack-v1\x00"  # domain separation from batch signatures
RELAIS_VOCAB_VERSION: Final = 1
DEFAULT_RETENTION_MONTHS: Final = 24
MAX_RETENTION_MONTHS: Final = 120
# The territory's handover delays (issue 16): « Aujourd'hui » lists the open handovers with no
# news for `relance_jours`, and `expiration_jours` is the pack's expiry delay.
DEFAULT_RELANCE_JOURS: Final = RELANCE_DAYS_DEFAULT
DEFAULT_EXPIRATION_JOURS: Final = EXPIRY_DAYS_DEFAULT
MAX_DELAY_DAYS: Final = 365
_DELAY_KEYS: Final = {"relance_jours": DEFAULT_RELANCE_JOURS,
                      "expiration_jours": DEFAULT_EXPIRATION_JOURS}  # fmt: skip
MAX_VERSION: Final = 2**53 - 1  # exact in every JSON reader
MAX_PACK_BYTES: Final = 256 * 1024 * 1024
_DATE_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"
# The « carte des manques » of a territory (issue 18): see the module docstring.
MANQUES_KEY: Final = "manques"
MANQUES_FIELDS: Final = frozenset({"du", "au", "seuil", "besoins"})
MAX_MANQUES_SEUIL: Final = 100
_MONTH: Final = re.compile(r"\d{4}-\d{2}", re.ASCII)

PackErrorReason = Literal["malformed", "unsupported", "tampered", "wrong_signer", "not_newer"]


class PackError(DamagedError):
    """A pack that must not be installed; `reason` is stable, str() is one line."""

    def __init__(self, reason: PackErrorReason, code: str, /, **params: object) -> None:
        super().__init__(code, **params)
        self.reason: PackErrorReason = reason


class PackSettingError(InputError, ValueError):
    """A pack cannot be built with these settings (version, retention)."""


def _malformed(detail: Text) -> PackError:
    return PackError("malformed", "sync.pack.malformed", detail=detail)


def _tampered(detail: Text) -> PackError:
    return PackError("tampered", "sync.pack.tampered", detail=detail)


@dataclass(frozen=True, eq=False)
class Pack:
    """A verified pack (or the built-in demo pack, `demo=True`, version 0, unsigned).

    `eq=False` keeps identity hashing, so indexes built for searching can be cached per pack.
    """

    version: int
    date: str
    retention_months: int
    coordination: str
    vocab_version: Mapping[str, Any]
    territories: Sequence[Mapping[str, Any]]
    structures: Sequence[Mapping[str, Any]]
    services: Sequence[Mapping[str, Any]]
    content_sha256: str
    signer_fingerprint: str | None = None
    demo: bool = False
    document: Mapping[str, Any] | None = field(default=None, repr=False)
    relance_jours: int = DEFAULT_RELANCE_JOURS
    expiration_jours: int = DEFAULT_EXPIRATION_JOURS

    @property
    def neighbourhood_codes(self) -> frozenset[str]:
        return frozenset(str(t["code"]) for t in self.territories)

    def summary(self) -> dict[str, Any]:
        """Facts to show or print (`--json`), without the content."""
        return {
            "version": self.version,
            "date": self.date,
            "retention_months": self.retention_months,
            "relance_jours": self.relance_jours,
            "expiration_jours": self.expiration_jours,
            "coordination": self.coordination,
            "demo": self.demo,
            "signer_fingerprint": self.signer_fingerprint,
            "content_sha256": self.content_sha256,
            "territories": len(self.territories),
            "structures": len(self.structures),
            "services": len(self.services),
        }


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def content_of(
    territories: Sequence[Mapping[str, Any]],
    structures: Sequence[Mapping[str, Any]],
    services: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    return {
        "territories": [dict(t) for t in territories],
        "structures": [dict(s) for s in structures],
        "services": [dict(s) for s in services],
    }


def content_hash(content: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def _check_retention(months: int) -> None:
    if type(months) is not int or not 1 <= months <= MAX_RETENTION_MONTHS:
        raise PackSettingError("sync.pack.retention_range", most=MAX_RETENTION_MONTHS)


def check_delays(relance_jours: int, expiration_jours: int) -> None:
    for days in (relance_jours, expiration_jours):
        if type(days) is not int or not 1 <= days <= MAX_DELAY_DAYS:
            raise PackSettingError("sync.pack.delay_range", most=MAX_DELAY_DAYS)
    if relance_jours >= expiration_jours:
        raise PackSettingError("sync.pack.delay_order")


def build_pack(
    signing_key: Ed25519PrivateKey,
    *,
    version: int,
    territories: Sequence[Mapping[str, Any]],
    structures: Sequence[Mapping[str, Any]],
    services: Sequence[Mapping[str, Any]],
    retention_months: int = DEFAULT_RETENTION_MONTHS,
    coordination: str = "",
    vocab_version: Mapping[str, Any] | None = None,
    now: datetime | None = None,
    relance_jours: int = DEFAULT_RELANCE_JOURS,
    expiration_jours: int = DEFAULT_EXPIRATION_JOURS,
) -> bytes:
    """The bytes of a signed pack file. Raises PackSettingError for a bad version/retention/
    delay."""
    if type(version) is not int or not 1 <= version <= MAX_VERSION:
        raise PackSettingError("sync.pack.version_positive")
    _check_retention(retention_months)
    check_delays(relance_jours, expiration_jours)
    content = content_of(territories, structures, services)
    public = signing_key.public_key().public_bytes_raw()
    header = {
        "version": version,
        "date": (now or datetime.now(UTC)).astimezone(UTC).strftime(_DATE_FORMAT),
        "retention_months": retention_months,
        "coordination": coordination,
        "vocab_version": dict(vocab_version or {"relais": RELAIS_VOCAB_VERSION}),
        "counts": {k: len(v) for k, v in content.items()},
        "content_sha256": content_hash(content),
        "signer": {"public_key": _b64(public), "fingerprint": key_fingerprint(public)},
    }
    chosen = {"relance_jours": relance_jours, "expiration_jours": expiration_jours}
    header.update({k: v for k, v in chosen.items() if v != _DELAY_KEYS[k]})
    signed = {"format": FORMAT, "format_version": FORMAT_VERSION, "header": header}
    signature = signing_key.sign(SIGNATURE_CONTEXT + canonical_json(signed))
    document = {**signed, "signature": _b64(signature), "content": content}
    return canonical_json(document) + b"\n"


# --- reading ----------------------------------------------------------------------------------


def _parse(data: bytes) -> dict[str, Any]:
    if len(data) > MAX_PACK_BYTES:
        raise _malformed(Text("sync.pack.size"))
    try:
        document = jsontext.loads(data)  # no NaN, no 5,000-digit integer, no deep nesting
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _malformed(Text("sync.pack.not_json")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _malformed(Text("sync.pack.not_a_pack"))
    return document


def _require(condition: bool, detail: Text) -> None:
    if not condition:
        raise _malformed(detail)


def _check_shape(document: Mapping[str, Any]) -> None:
    version = document.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise PackError("unsupported", "sync.pack.newer_version")
    _require(version == FORMAT_VERSION, Text("sync.pack.format_unknown"))
    _require(
        set(document) == {"format", "format_version", "header", "signature", "content"},
        Text("sync.pack.fields"),
    )
    header = document["header"]
    _require(isinstance(header, dict), Text("sync.pack.header_missing"))
    expected = {
        "version",
        "date",
        "retention_months",
        "coordination",
        "vocab_version",
        "counts",
        "content_sha256",
        "signer",
    }
    _require(expected <= set(header) <= expected | set(_DELAY_KEYS),
             Text("sync.pack.header_incomplete"))  # fmt: skip
    for key in _DELAY_KEYS:
        if key in header:
            _require(
                type(header[key]) is int and 1 <= header[key] <= MAX_DELAY_DAYS,
                Text("sync.pack.delay_invalid", key=key),
            )
    _require(
        type(header["version"]) is int and 0 < header["version"] <= MAX_VERSION,
        Text("sync.pack.version_invalid"),
    )
    _require(
        type(header["retention_months"]) is int
        and 1 <= header["retention_months"] <= MAX_RETENTION_MONTHS,
        Text("sync.pack.retention_invalid"),
    )
    _require(isinstance(header["coordination"], str), Text("sync.pack.coordination_invalid"))
    _require(isinstance(header["vocab_version"], dict), Text("sync.pack.vocab_invalid"))
    _require(isinstance(header["content_sha256"], str), Text("sync.pack.hash_missing"))
    try:
        datetime.strptime(header["date"], _DATE_FORMAT)
    except (TypeError, ValueError):
        raise _malformed(Text("sync.pack.date_invalid")) from None
    signer = header["signer"]
    _require(
        isinstance(signer, dict) and set(signer) == {"public_key", "fingerprint"},
        Text("sync.pack.signer_missing"),
    )
    _require(isinstance(document["signature"], str), Text("sync.pack.signature_missing"))
    content = document["content"]
    _require(
        isinstance(content, dict) and set(content) == {"territories", "structures", "services"},
        Text("sync.pack.content_incomplete"),
    )
    for name in ("territories", "structures", "services"):
        rows = content[name]
        _require(
            isinstance(rows, list) and all(isinstance(r, dict) for r in rows),
            Text("sync.pack.list_invalid", name=name),
        )


def _check_content(content: Mapping[str, Any]) -> None:
    # The signature vouches for the origin; these checks keep the app from crashing on a pack
    # built by a buggy or older tool.
    for territory in content["territories"]:
        _require(
            isinstance(territory.get("code"), str)
            and isinstance(territory.get("name"), str)
            and isinstance(territory.get("communes"), list),
            Text("sync.pack.territory_malformed"),
        )
        if MANQUES_KEY in territory:
            _check_manques(territory[MANQUES_KEY], str(territory["code"]))
    structure_ids = set()
    for structure in content["structures"]:
        _require(isinstance(structure.get("id"), str), Text("sync.pack.structure_no_id"))
        structure_ids.add(structure["id"])
    for service in content["services"]:
        _require(
            isinstance(service.get("id"), str) and isinstance(service.get("nom"), str),
            Text("sync.pack.service_no_id"),
        )
        _require(
            service.get("structure_id") in structure_ids, Text("sync.pack.service_no_structure")
        )


def _check_manques(manques: Any, code: str) -> None:
    """The shape of a territory's « carte des manques » (module docstring)."""

    def require(condition: bool, what: str) -> None:
        _require(condition, Text("sync.pack.manques_malformed", code=code, what=Text(what)))

    require(isinstance(manques, dict) and set(manques) == MANQUES_FIELDS,
            "sync.pack.manques.fields")  # fmt: skip
    du, au, seuil, besoins = (manques[k] for k in ("du", "au", "seuil", "besoins"))
    require(
        all(isinstance(m, str) and _MONTH.fullmatch(m) and 1 <= int(m[5:]) <= 12 for m in (du, au))
        and du <= au,
        "sync.pack.manques.period",
    )
    require(type(seuil) is int and 1 <= seuil <= MAX_MANQUES_SEUIL, "sync.pack.manques.seuil")
    require(
        isinstance(besoins, dict)
        and all(
            isinstance(need, str) and (n is None or (type(n) is int and n >= seuil))
            for need, n in besoins.items()
        ),
        "sync.pack.manques.besoins",
    )


def _unb64(value: Any, length: int) -> bytes | None:
    try:
        raw = base64.b64decode(value, validate=True)
    except (ValueError, TypeError):
        return None
    return raw if len(raw) == length else None


def pack_from_document(
    document: Mapping[str, Any],
    coordinator_public_key: bytes,
    *,
    current_version: int | None = None,
) -> Pack:
    """Check a parsed pack document: shape, signature, content hash, signer, version.

    Raises PackError with reason `malformed`, `unsupported`, `tampered`, `wrong_signer` or
    `not_newer` (in that order of checking).
    """
    _check_shape(document)
    header = document["header"]
    signer_public = _unb64(header["signer"]["public_key"], 32)
    signature = _unb64(document["signature"], 64)
    if signer_public is None or signature is None:
        raise _tampered(Text("sync.pack.signature_unreadable"))
    signed = {
        "format": document["format"],
        "format_version": document["format_version"],
        "header": header,
    }
    try:
        Ed25519PublicKey.from_public_bytes(signer_public).verify(
            signature, SIGNATURE_CONTEXT + canonical_json(signed)
        )
    except (InvalidSignature, ValueError):
        raise _tampered(Text("sync.pack.signature_mismatch")) from None
    content = document["content"]
    if content_hash(content) != header["content_sha256"]:
        raise _tampered(Text("sync.pack.hash_mismatch"))
    if signer_public != coordinator_public_key:
        raise PackError(
            "wrong_signer",
            "sync.pack.wrong_signer",
            found=key_fingerprint(signer_public),
            expected=key_fingerprint(coordinator_public_key),
        )
    _check_content(content)
    version = header["version"]
    if current_version is not None and version <= current_version:
        if version == current_version:
            detail = Text("sync.pack.already_installed", current=current_version)
        else:
            detail = Text("sync.pack.older", current=current_version, version=version)
        raise PackError("not_newer", "sync.pack.not_installed", detail=detail)
    return Pack(
        version=version,
        date=header["date"],
        retention_months=header["retention_months"],
        coordination=header["coordination"],
        vocab_version=header["vocab_version"],
        territories=content["territories"],
        structures=content["structures"],
        services=content["services"],
        content_sha256=header["content_sha256"],
        signer_fingerprint=key_fingerprint(signer_public),
        document=document,
        relance_jours=_delay(header, "relance_jours"),
        expiration_jours=_delay(header, "expiration_jours"),
    )


def verify_pack(
    data: bytes, coordinator_public_key: bytes, *, current_version: int | None = None
) -> Pack:
    """Verify a pack file's bytes against the coordinator's Ed25519 public key (32 raw bytes).

    `current_version`: the installed pack's version; a pack that is not newer is refused.
    """
    return pack_from_document(_parse(data), coordinator_public_key, current_version=current_version)


def stored_pack(document: Mapping[str, Any]) -> Pack:
    """A pack already verified at import and kept in the encrypted profile: the shape is
    checked again (a newer app may have written it), the signature is not (it is costly on a
    large directory and the store is authenticated encryption already)."""
    _check_shape(document)
    header, content = document["header"], document["content"]
    signer = _unb64(header["signer"]["public_key"], 32)
    return Pack(
        version=header["version"],
        date=header["date"],
        retention_months=header["retention_months"],
        coordination=header["coordination"],
        vocab_version=header["vocab_version"],
        territories=content["territories"],
        structures=content["structures"],
        services=content["services"],
        content_sha256=header["content_sha256"],
        signer_fingerprint=key_fingerprint(signer) if signer else None,
        document=document,
        relance_jours=_delay(header, "relance_jours"),
        expiration_jours=_delay(header, "expiration_jours"),
    )


def _delay(header: Mapping[str, Any], key: str) -> int:
    """A pack without the key (older, or the default chosen) has the default delay."""
    return int(header.get(key, _DELAY_KEYS[key]))


def read_header(data: bytes) -> dict[str, Any]:
    """The header of a pack file, unverified (to show what a file claims before importing it)."""
    document = _parse(data)
    _check_shape(document)
    return dict(document["header"])


def no_pack() -> Pack:
    """What a real profile shows before its coordination's pack is installed: nothing (never the
    fictional demo directory, so a real handover cannot go to a fake partner). Version 0."""
    content = content_of([], [], [])
    return Pack(
        version=0,
        date="",
        retention_months=DEFAULT_RETENTION_MONTHS,
        coordination="",
        vocab_version={"relais": RELAIS_VOCAB_VERSION},
        territories=content["territories"],
        structures=content["structures"],
        services=content["services"],
        content_sha256=content_hash(content),
    )


def demo_pack(
    *,
    territories: Sequence[Mapping[str, Any]],
    structures: Sequence[Mapping[str, Any]],
    services: Sequence[Mapping[str, Any]],
    date: str,
    coordination: str = "Démonstration (données fictives)",
) -> Pack:
    """The built-in demo pack: version 0 (any real pack is newer), unsigned, `demo=True`."""
    content = content_of(territories, structures, services)
    return Pack(
        version=0,
        date=date,
        retention_months=DEFAULT_RETENTION_MONTHS,
        coordination=coordination,
        vocab_version={"relais": RELAIS_VOCAB_VERSION},
        territories=content["territories"],
        structures=content["structures"],
        services=content["services"],
        content_sha256=content_hash(content),
        demo=True,
    )
