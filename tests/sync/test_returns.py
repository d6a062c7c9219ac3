"""The return file format (sync/returns.py): sealed to one device, signed by the coordinator,
numbered so that an older file is refused."""

from __future__ import annotations

import base64
import dataclasses
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync.batch import canonical_json, hpke_open
from fieldapp.sync.invitation import Enrolment, EnrolmentError, read_enrolment, write_enrolment
from fieldapp.sync.returns import Confirmation, ReturnError, ReturnHeader, open_return, seal_return

HANDOVER = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
CONFIRMED = Confirmation(
    handover_id=HANDOVER,
    status="entre_dispositif",
    structure_id="a1b2c3d4e5f6",
    structure_name="Mission locale de Rouen",
    date="2026-03-12",
)


def _open(
    data: bytes,
    device_id: str,
    key: X25519PrivateKey,
    coordinator: Ed25519PrivateKey,
    last_seq: int = 0,
) -> list[Confirmation]:
    _, confirmations = open_return(
        data,
        device_id=device_id,
        device_private=key,
        coordinator_public=coordinator.public_key(),
        last_seq=last_seq,
    )
    return confirmations


def _seal(
    device_id: str, key: X25519PrivateKey, coordinator: Ed25519PrivateKey, seq: int = 1
) -> bytes:
    _, data = seal_return(
        [CONFIRMED],
        device_id=device_id,
        seq=seq,
        device_public=key.public_key(),
        signing_key=coordinator,
    )
    return data


def test_round_trip_for_the_device_it_is_sealed_to(coordinator: Ed25519PrivateKey) -> None:
    key = X25519PrivateKey.generate()
    name, data = seal_return(
        [CONFIRMED],
        device_id="dev-a",
        seq=3,
        device_public=key.public_key(),
        signing_key=coordinator,
    )
    assert name == "relais-retour-dev-a.rreturn"
    header, confirmations = open_return(
        data,
        device_id="dev-a",
        device_private=key,
        coordinator_public=coordinator.public_key(),
        last_seq=2,
    )
    assert header.seq == 3 and confirmations == [CONFIRMED]


def test_a_file_for_a_cannot_be_read_by_b(coordinator: Ed25519PrivateKey) -> None:
    key_a, key_b = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    data = _seal("dev-a", key_a, coordinator)
    with pytest.raises(ReturnError) as err:
        _open(data, "dev-b", key_b, coordinator)
    assert err.value.reason == "wrong_device"
    assert "destiné à un autre appareil (dev-a)" in str(err.value)
    # B cannot decrypt it either, whatever it claims to be: the ciphertext is for A's key.
    document = json.loads(data)
    header = ReturnHeader(
        **{k: v for k, v in document["header"].items() if k not in ("format", "version")}
    )
    ciphertext = base64.b64decode(document["ciphertext"])
    assert hpke_open(ciphertext, key_b, info=header.hpke_info(), suite=header.suite) is None
    assert hpke_open(ciphertext, key_a, info=header.hpke_info(), suite=header.suite) is not None


def test_a_file_re_addressed_to_b_is_refused_by_b(coordinator: Ed25519PrivateKey) -> None:
    key_a, key_b = X25519PrivateKey.generate(), X25519PrivateKey.generate()
    document = json.loads(_seal("dev-a", key_a, coordinator))
    document["header"]["device_id"] = "dev-b"
    with pytest.raises(ReturnError) as err:
        _open(canonical_json(document), "dev-b", key_b, coordinator)
    assert err.value.reason == "bad_signature"
    assert "pas signé par votre coordination" in str(err.value)


def test_a_file_signed_by_another_key_is_refused(coordinator: Ed25519PrivateKey) -> None:
    key = X25519PrivateKey.generate()
    forged = _seal("dev-a", key, Ed25519PrivateKey.generate())
    with pytest.raises(ReturnError) as err:
        _open(forged, "dev-a", key, coordinator)
    assert err.value.reason == "bad_signature"


def test_an_older_file_is_refused_as_a_replay(coordinator: Ed25519PrivateKey) -> None:
    key = X25519PrivateKey.generate()
    old = _seal("dev-a", key, coordinator, seq=4)
    with pytest.raises(ReturnError) as err:
        _open(old, "dev-a", key, coordinator, last_seq=5)
    assert err.value.reason == "replayed"
    assert "plus ancien (n° 4) que le dernier reçu (n° 5)" in str(err.value)
    assert _open(old, "dev-a", key, coordinator, last_seq=3) == [CONFIRMED]


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[:-10],
        lambda d: d.replace(b'"seq":1', b'"seq":2'),
        lambda d: b"not json",
    ],
)
def test_damaged_files_are_refused(coordinator: Ed25519PrivateKey, damage: object) -> None:
    key = X25519PrivateKey.generate()
    data = damage(_seal("dev-a", key, coordinator))  # type: ignore[operator]
    with pytest.raises(ReturnError) as err:
        _open(data, "dev-a", key, coordinator)
    assert err.value.reason in ("malformed", "bad_signature")


def test_the_body_holds_confirmations_only(coordinator: Ed25519PrivateKey) -> None:
    key = X25519PrivateKey.generate()
    document = json.loads(_seal("dev-a", key, coordinator))
    header = ReturnHeader(
        **{k: v for k, v in document["header"].items() if k not in ("format", "version")}
    )
    body = hpke_open(
        base64.b64decode(document["ciphertext"]), key, info=header.hpke_info(), suite=header.suite
    )
    assert body is not None
    content = json.loads(body)
    assert list(content) == ["confirmations"]
    assert set(content["confirmations"][0]) == {
        "handover_id",
        "status",
        "structure_id",
        "structure_name",
        "date",
    }
    # Nothing in clear but routing facts: no structure, no handover.
    assert b"Mission" not in _seal("dev-a", key, coordinator)
    assert HANDOVER.encode() not in _seal("dev-a", key, coordinator)


def test_a_confirmation_with_an_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError):
        Confirmation(HANDOVER, "accepte", None, "Mission locale", "2026-03-12")


def test_the_enrolment_carries_the_device_key_under_its_signature(tmp_path: Path) -> None:
    signing = Ed25519PrivateKey.generate()
    key = X25519PrivateKey.generate()
    enrolment = Enrolment(
        device_id="dev-a",
        signing_public=signing.public_key().public_bytes_raw(),
        structure={"id": "s1", "name": "Équipe test", "type": "prevention-specialisee"},
        created="2026-03-14T09:00:00Z",
        coordination=None,
        encryption_public=key.public_key().public_bytes_raw(),
    )
    path = tmp_path / "enrolment.json"
    write_enrolment(path, enrolment, signing)
    assert read_enrolment(path).encryption_public == key.public_key().public_bytes_raw()
    # Another key put in its place breaks the device's signature.
    document = json.loads(path.read_text())
    other = X25519PrivateKey.generate().public_key().public_bytes_raw()
    document["encryption_public"] = base64.b64encode(other).decode()
    path.write_text(json.dumps(document))
    with pytest.raises(EnrolmentError):
        read_enrolment(path)
    # A file of an earlier version, without the member, still verifies.
    write_enrolment(path, dataclasses.replace(enrolment, encryption_public=None), signing)
    assert read_enrolment(path).encryption_public is None
