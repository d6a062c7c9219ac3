"""An invitation enrols one device unless the coordinator issues it for several (issue 22, 5)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fieldapp.cli import main
from fieldapp.services import coordination, packs
from fieldapp.services.coordination import CoordinationError, CoordinationService
from fieldapp.services.sync import SyncService
from fieldapp.storage import keyfile
from fieldapp.sync import invitation as inv
from fieldapp.sync.pack import build_pack
from tests.helpers import COORD_PASSPHRASE, make_coordination, make_profile


def device_enrolment(tmp: Path, name: str, invitation: Path, code: str) -> Path:
    field, _ = make_profile(tmp / name)
    try:
        sync = SyncService(field)
        sync.join_coordination(invitation, code)
        out = tmp / f"{name}.enrolment"
        sync.enrolment(out)
    finally:
        field.close()
    return out


def invite(root: Path, uses: int) -> tuple[Path, str]:
    made = coordination.issue_invitation(
        root, COORD_PASSPHRASE, invitation_kdf=keyfile.FAST_TEST_KDF, uses=uses
    )
    return Path(made["invitation"]), made["code"]


def test_a_one_time_invitation_enrols_one_device(tmp_path: Path) -> None:
    made = make_coordination(tmp_path / "coord")
    path, code = invite(made.root, 1)
    first = device_enrolment(tmp_path, "a", path, code)
    second = device_enrolment(tmp_path, "b", path, code)
    service = CoordinationService.open(made.root, COORD_PASSPHRASE)
    try:
        assert (
            service.read_enrolment(first).invitation
            == inv.open_invitation(path, code).invitation_id
        )
        service.enrol(service.read_enrolment(first))
        service.enrol(service.read_enrolment(first))  # the same device again: no use consumed
        with pytest.raises(CoordinationError, match="déjà servi à enrôler 1 appareil"):
            service.enrol(service.read_enrolment(second))
        assert len(service.devices()) == 1
    finally:
        service.close()


def test_an_invitation_for_three_enrols_three(tmp_path: Path) -> None:
    made = make_coordination(tmp_path / "coord")
    path, code = invite(made.root, 3)
    files = [device_enrolment(tmp_path, n, path, code) for n in "abcd"]
    service = CoordinationService.open(made.root, COORD_PASSPHRASE)
    try:
        for f in files[:3]:
            service.enrol(service.read_enrolment(f))
        with pytest.raises(CoordinationError, match="3 appareil"):
            service.enrol(service.read_enrolment(files[3]))
        ledger = service.workspace.invitations()
        assert [len(e["devices"]) for e in ledger.values() if e["uses"] == 3] == [3]
    finally:
        service.close()


def test_the_first_invitation_of_coord_init_is_one_time_too(tmp_path: Path) -> None:
    info = coordination.create_coordination(
        tmp_path / "coord", COORD_PASSPHRASE, invitation_kdf=keyfile.FAST_TEST_KDF,
        kdf=keyfile.FAST_TEST_KDF, allow_weak=True,
    )  # fmt: skip
    path, code = Path(info["invitation"]), info["code"]
    a, b = (device_enrolment(tmp_path, n, path, code) for n in "ab")
    service = CoordinationService.open(tmp_path / "coord", COORD_PASSPHRASE)
    try:
        service.enrol(service.read_enrolment(a))
        with pytest.raises(CoordinationError):
            service.enrol(service.read_enrolment(b))
    finally:
        service.close()


def test_enrolments_of_older_versions_still_work(tmp_path: Path) -> None:
    """A file without `invitation` (older device) verifies and enrols, as before."""
    made = make_coordination(tmp_path / "coord")
    path, code = invite(made.root, 1)
    field, _ = make_profile(tmp_path / "old")
    try:
        SyncService(field).join_coordination(path, code)
        signing = SyncService(field)._signing_key()
        old = inv.Enrolment(
            device_id=field.device_id,
            signing_public=signing.public_key().public_bytes_raw(),
            structure={k: str(v) for k, v in field.structure.items()},
            created="2026-11-20T10:00:00Z",
            coordination=made.info["hpke_fingerprint"],
        )
        inv.write_enrolment(tmp_path / "old.enrolment", old, signing)
    finally:
        field.close()
    assert "invitation" not in json.loads((tmp_path / "old.enrolment").read_text("utf-8"))
    service = CoordinationService.open(made.root, COORD_PASSPHRASE)
    try:
        service.enrol(service.read_enrolment(tmp_path / "old.enrolment"))
        assert len(service.devices()) == 1
    finally:
        service.close()


def test_an_altered_invitation_id_breaks_the_signature(tmp_path: Path) -> None:
    made = make_coordination(tmp_path / "coord")
    path, code = invite(made.root, 1)
    enrolment = device_enrolment(tmp_path, "a", path, code)
    doc = json.loads(enrolment.read_text("utf-8"))
    for value in ("00000000-0000-0000-0000-000000000000", None):
        if value is None:
            del doc["invitation"]
        else:
            doc["invitation"] = value
        enrolment.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(inv.EnrolmentError):
            inv.read_enrolment(enrolment)


def test_coord_invite_uses_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_coordination(tmp_path / "coord")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    ws = ["--workspace", str(made.root)]
    assert main(["coord", "invite", *ws, "--uses", "0"]) == 1
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "de 1 à 1000" in err
    assert main(["coord", "invite", *ws, "--json"]) == 0
    issued = json.loads(capsys.readouterr().out)
    assert issued["uses"] == 1
    a, b = (device_enrolment(tmp_path, n, Path(issued["invitation"]), issued["code"]) for n in "ab")
    assert main(["coord", "enrol", *ws, str(a), "--yes"]) == 0
    capsys.readouterr()
    assert main(["coord", "enrol", *ws, str(b), "--yes"]) == 1
    _, err = capsys.readouterr()
    assert len(err.strip().splitlines()) == 1 and "déjà servi" in err
    with pytest.raises(SystemExit):
        main(["coord", "invite", "--help"])
    assert "--uses" in capsys.readouterr().out


def test_after_enrolment_only_packs_signed_by_the_invitations_key_install(tmp_path: Path) -> None:
    """Trust on first use (issue 14, 5): the signing key of the invitation the device joined is
    the only one its packs may be signed by, even when the caller offers another."""
    made = make_coordination(tmp_path / "coord")
    path, code = invite(made.root, 1)
    field, _ = make_profile(tmp_path / "device")
    try:
        sync = SyncService(field)
        sync.join_coordination(path, code)
        sync.enrolment(tmp_path / "device.enrolment")
        service = CoordinationService.open(made.root, COORD_PASSPHRASE)
        try:
            service.enrol(service.read_enrolment(tmp_path / "device.enrolment"))
            genuine_key = service.workspace.keys.signing
        finally:
            service.close()
        other = inv.CoordinatorKeys.generate().signing
        content: dict[str, Any] = {
            "territories": [{"code": "QN00001T", "name": "Quartier d'essai", "communes": []}],
            "structures": [{"id": "essai--s1"}],
            "services": [
                {"id": "essai--v1", "nom": "Service d'essai", "structure_id": "essai--s1"}
            ],
        }
        forged = tmp_path / "forged.relais-pack"
        forged.write_bytes(build_pack(other, version=5, **content))
        for offered in (None, other.public_key().public_bytes_raw()):
            with pytest.raises(packs.PackRefused) as caught:
                packs.import_pack(field, forged, coordinator_key=offered)
            assert caught.value.reason == "wrong_signer"
            assert "\n" not in str(caught.value)
        assert packs.installed_pack(field) is None
        genuine = tmp_path / "genuine.relais-pack"
        genuine.write_bytes(build_pack(genuine_key, version=1, **content))
        assert packs.import_pack(field, genuine).version == 1
    finally:
        field.close()
