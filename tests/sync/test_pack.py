"""The signed reference pack: round trip, tampering, other signer, version order, bad files."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.sync.batch import canonical_json, key_fingerprint
from fieldapp.sync.pack import (
    SIGNATURE_CONTEXT,
    PackError,
    build_pack,
    read_header,
    stored_pack,
    verify_pack,
)
from tests.helpers import service, structure

TERRITORIES = [{"code": "QN07699T", "name": "Quartier d'essai", "communes": ["76990"]}]
NOW = datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def make(key: Ed25519PrivateKey, version: int = 1, **kw: Any) -> bytes:
    return build_pack(
        key,
        version=version,
        territories=kw.pop("territories", TERRITORIES),
        structures=kw.pop("structures", [structure(1)]),
        services=kw.pop("services", [service(1), service(2)]),
        now=NOW,
        coordination="Territoire d'essai",
        **kw,
    )


def test_round_trip(coordinator: Ed25519PrivateKey) -> None:
    data = make(coordinator, 3, retention_months=18)
    pack = verify_pack(data, public(coordinator))
    assert (pack.version, pack.date, pack.retention_months) == (3, "2026-11-20T10:00:00Z", 18)
    assert pack.coordination == "Territoire d'essai"
    assert pack.signer_fingerprint == key_fingerprint(public(coordinator))
    assert [s["id"] for s in pack.services] == ["test--v1", "test--v2"]
    assert pack.neighbourhood_codes == {"QN07699T"}
    assert not pack.demo
    assert pack.summary()["services"] == 2
    content = json.loads(data)["content"]
    assert pack.content_sha256 == hashlib.sha256(canonical_json(content)).hexdigest()
    # What was verified is what the profile keeps, and it reads back the same.
    assert pack.document is not None
    again = stored_pack(json.loads(json.dumps(pack.document)))
    assert again.version == 3 and again.services == pack.services


def test_file_is_canonical_json_with_the_documented_fields(coordinator: Ed25519PrivateKey) -> None:
    data = make(coordinator)
    document = json.loads(data)
    assert data == canonical_json(document) + b"\n"
    assert set(document) == {"format", "format_version", "header", "signature", "content"}
    assert document["format"] == "relais-pack" and document["format_version"] == 1
    assert set(document["header"]) == {
        "version",
        "date",
        "retention_months",
        "coordination",
        "vocab_version",
        "counts",
        "content_sha256",
        "signer",
    }
    assert document["header"]["retention_months"] == 24  # the default
    assert document["header"]["counts"] == {"territories": 1, "structures": 1, "services": 2}
    signed = {k: document[k] for k in ("format", "format_version", "header")}
    coordinator.public_key().verify(
        base64.b64decode(document["signature"]), SIGNATURE_CONTEXT + canonical_json(signed)
    )
    assert read_header(data)["version"] == 1


@pytest.mark.parametrize(
    "offset",
    [
        pytest.param(lambda d: d.index(b"Service d'essai n") + 3, id="content"),
        pytest.param(lambda d: d.index(b'"retention_months":') + 19, id="header"),
        pytest.param(lambda d: d.index(b'"signature":"') + 20, id="signature"),
    ],
)
def test_flipped_byte_is_refused_as_tampered(coordinator: Ed25519PrivateKey, offset: Any) -> None:
    data = bytearray(make(coordinator))
    at = offset(bytes(data))
    # One character for another of the same kind, so that the JSON stays well-formed.
    char = chr(data[at])
    data[at] = ord(
        ("3" if char == "2" else "2") if char.isdigit() else ("C" if char == "B" else "B")
    )
    with pytest.raises(PackError) as caught:
        verify_pack(bytes(data), public(coordinator))
    assert caught.value.reason == "tampered"
    assert "altéré" in str(caught.value)


def test_no_single_bit_flip_is_ever_accepted(coordinator: Ed25519PrivateKey) -> None:
    data = make(coordinator)
    key = public(coordinator)
    for at in range(0, len(data) - 1, max(1, len(data) // 300)):  # the final newline is slack
        damaged = bytearray(data)
        damaged[at] ^= 0x01
        with pytest.raises(PackError):
            verify_pack(bytes(damaged), key)


def test_content_swapped_under_a_valid_header_is_refused(coordinator: Ed25519PrivateKey) -> None:
    document = json.loads(make(coordinator))
    document["content"]["services"].append(service(9))
    with pytest.raises(PackError, match="empreinte SHA-256") as caught:
        verify_pack(canonical_json(document), public(coordinator))
    assert caught.value.reason == "tampered"


def test_signed_by_another_coordinator(coordinator: Ed25519PrivateKey) -> None:
    other = Ed25519PrivateKey.generate()
    with pytest.raises(PackError, match="autre coordinateur") as caught:
        verify_pack(make(other), public(coordinator))
    assert caught.value.reason == "wrong_signer"
    assert key_fingerprint(public(other)) in str(caught.value)
    assert key_fingerprint(public(coordinator)) in str(caught.value)


def test_signer_key_replaced_in_the_header_is_tampering(coordinator: Ed25519PrivateKey) -> None:
    other = Ed25519PrivateKey.generate()
    document = json.loads(make(other))
    document["header"]["signer"] = {
        "public_key": base64.b64encode(public(coordinator)).decode(),
        "fingerprint": key_fingerprint(public(coordinator)),
    }
    with pytest.raises(PackError) as caught:
        verify_pack(canonical_json(document), public(coordinator))
    assert caught.value.reason == "tampered"


@pytest.mark.parametrize(
    ("installed", "message"),
    [
        (4, "la version 4 est déjà installée"),
        (5, "la version 5 est déjà installée et ce pack est plus ancien (version 4)"),
    ],
)
def test_not_newer_is_refused(coordinator: Ed25519PrivateKey, installed: int, message: str) -> None:
    with pytest.raises(PackError, match=message.replace("(", r"\(").replace(")", r"\)")) as caught:
        verify_pack(make(coordinator, 4), public(coordinator), current_version=installed)
    assert caught.value.reason == "not_newer"
    assert verify_pack(make(coordinator, 4), public(coordinator), current_version=3).version == 4


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\x00\x01binaire",
        b"[1, 2]",
        b'{"format": "relais-batch"}',
        b'{"format": "relais-pack", "format_version": 1}',
        b'{"format": "relais-pack", "format_version": 1, "header": {}, "signature": "", '
        b'"content": {}}',
    ],
)
def test_malformed(coordinator: Ed25519PrivateKey, data: bytes) -> None:
    with pytest.raises(PackError) as caught:
        verify_pack(data, public(coordinator))
    assert caught.value.reason == "malformed"
    assert str(caught.value).startswith("Pack de référence illisible")


def test_truncated_file_is_malformed(coordinator: Ed25519PrivateKey) -> None:
    data = make(coordinator)
    with pytest.raises(PackError) as caught:
        verify_pack(data[: len(data) // 2], public(coordinator))
    assert caught.value.reason == "malformed"


def test_newer_format_asks_for_an_update(coordinator: Ed25519PrivateKey) -> None:
    document = json.loads(make(coordinator))
    document["format_version"] = 2
    with pytest.raises(PackError, match="mettez Relais à jour") as caught:
        verify_pack(canonical_json(document), public(coordinator))
    assert caught.value.reason == "unsupported"


def test_signed_but_inconsistent_content_is_malformed(coordinator: Ed25519PrivateKey) -> None:
    # A buggy tool could sign a service whose structure is missing: refused, not crashed on.
    data = make(coordinator, services=[service(1, structure_id="test--absente")])
    with pytest.raises(PackError, match="service sans structure"):
        verify_pack(data, public(coordinator))


@pytest.mark.parametrize(("version", "months"), [(0, 24), (-1, 24), (1, 0), (1, 121)])
def test_build_refuses_bad_version_or_retention(
    coordinator: Ed25519PrivateKey, version: int, months: int
) -> None:
    with pytest.raises(ValueError):
        make(coordinator, version, retention_months=months)
