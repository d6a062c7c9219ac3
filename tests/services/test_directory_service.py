"""Coordinator `make_pack` and field `import_pack` on real files, workspaces and profiles."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.services import coordination as coordination_service
from fieldapp.services import directory, packs
from fieldapp.services import sync as sync_service
from fieldapp.services.field import FieldService
from fieldapp.services.profile import ProfileError
from fieldapp.storage import keyfile
from fieldapp.sync import workspace as ws
from fieldapp.sync.pack import verify_pack
from tests.helpers import service, structure
from tests.helpers.text import fr

COORD_PASSPHRASE = "coordination-essai-annuaire"  # test-only
FAST: dict[str, Any] = {
    "kdf": keyfile.FAST_TEST_KDF,
    "allow_weak": True,
    "invitation_kdf": keyfile.FAST_TEST_KDF,
}


def write_sources(root: Path, services: int = 2, **extra: Any) -> tuple[Path, Path, Path]:
    root.mkdir(parents=True, exist_ok=True)
    s_path, v_path, t_path = root / "structures.json", root / "services.jsonl", root / "qpv.csv"
    s_path.write_text(json.dumps([structure(1), structure(2)]), encoding="utf-8")
    rows = [service(n, **extra) for n in range(1, services + 1)]
    v_path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    t_path.write_text("code_qp;lib_qp;insee_com\nQN07699T;Quartier d'essai;76990\n")
    return s_path, v_path, t_path


@pytest.fixture
def workspace(tmp_path: Path) -> ws.Workspace:
    coordination_service.create_coordination(
        tmp_path / "coordination", COORD_PASSPHRASE, territory="Territoire d'essai", **FAST
    )
    return coordination_service.open_workspace(tmp_path / "coordination", COORD_PASSPHRASE)


@pytest.fixture
def joined(tmp_path: Path, field: FieldService, workspace: ws.Workspace) -> FieldService:
    invitation, code = workspace.issue_invitation(
        tmp_path / "invitation.relais-invitation", kdf=keyfile.FAST_TEST_KDF
    )
    sync_service.SyncService(field).join_coordination(invitation, code)
    return field


def test_make_pack_reports_refused_rows_and_writes_the_rest(
    data_dir: Path, tmp_path: Path, coordinator: Ed25519PrivateKey
) -> None:
    report = packs.make_pack(
        coordinator,
        data_dir / "structures.json",
        data_dir / "services.jsonl",
        data_dir / "qpv.csv",
        tmp_path / "territoire.relais-pack",
        retention_months=36,
    )
    assert report.version == 1
    assert report.counts == {"territories": 3, "structures": 5, "services": 6}
    assert report.refused == 4 + 7 + 1
    assert set(report.problems) == {"structures.json", "services.jsonl", "qpv.csv"}
    assert report.problem_lines()[0].startswith(fr("structures.json : ligne 6 (dora--bad-siret)"))
    assert report.to_dict()["problems"][0] == {
        "file": "structures.json",
        "line": 6,
        "id": "dora--bad-siret",
        "field": "siret",
        "message": fr("numéro SIRET à 14 chiffres attendu, reçu « 1234 »"),
    }
    pack = verify_pack(
        (tmp_path / "territoire.relais-pack").read_bytes(),
        coordinator.public_key().public_bytes_raw(),
    )
    assert pack.retention_months == 36
    assert pack.vocab_version["data_inclusion"] == "v1"
    assert pack.vocab_version["data_inclusion_schema"]


def test_auto_version_follows_the_archive_and_explicit_version_must_grow(
    tmp_path: Path, coordinator: Ed25519PrivateKey
) -> None:
    sources = write_sources(tmp_path / "src")
    archive = tmp_path / "packs"
    out = tmp_path / "out" / "pack.relais-pack"
    out.parent.mkdir()
    first = packs.make_pack(coordinator, *sources, out, archive_dir=archive)
    second = packs.make_pack(coordinator, *sources, out, archive_dir=archive)
    assert (first.version, second.version) == (1, 2)
    assert sorted(p.name for p in archive.iterdir()) == [
        "pack-v0001.relais-pack",
        "pack-v0002.relais-pack",
    ]
    assert packs.make_pack(coordinator, *sources, out, version=10).version == 10
    with pytest.raises(packs.DirectoryError, match="La version 10 a déjà été publiée"):
        packs.make_pack(coordinator, *sources, out, archive_dir=archive, version=7)
    # Another coordinator's pack at the same place does not count.
    other = packs.make_pack(Ed25519PrivateKey.generate(), *sources, out)
    assert other.version == 1


def test_make_pack_errors_are_profile_errors(
    tmp_path: Path, coordinator: Ed25519PrivateKey
) -> None:
    s_path, v_path, t_path = write_sources(tmp_path)
    out = tmp_path / "p.relais-pack"
    with pytest.raises(ProfileError, match="introuvable"):
        packs.make_pack(coordinator, tmp_path / "absent.json", v_path, t_path, out)
    v_path.write_text("[{]")
    with pytest.raises(ProfileError, match=fr(r"services\.jsonl : JSON invalide")):
        packs.make_pack(coordinator, s_path, v_path, t_path, out)
    v_path.write_text(json.dumps([service(1, structure_id="test--absente")]))
    with pytest.raises(ProfileError, match="Aucun\\(e\\) service valide"):
        packs.make_pack(coordinator, s_path, v_path, t_path, out)
    assert not out.exists()


def test_workspace_pack_is_accepted_by_a_joined_profile(
    tmp_path: Path, workspace: ws.Workspace, joined: FieldService
) -> None:
    sources = write_sources(tmp_path / "src")
    out = tmp_path / "territoire.relais-pack"
    report = packs.make_workspace_pack(workspace, *sources, out)
    assert (workspace.root / "packs" / "pack-v0001.relais-pack").is_file()
    assert report.signer_fingerprint == workspace.keys.signing_fingerprint

    assert directory.current_pack(joined).demo
    pack = packs.import_pack(joined, out)
    assert (pack.version, pack.coordination) == (1, "Territoire d'essai")
    assert directory.current_pack(joined) is pack
    assert directory.current_pack(joined, reload=True).version == 1
    stored = joined.store.get_setting(packs.PACK_SETTING)
    assert stored["header"]["version"] == 1


def test_reopened_profile_keeps_the_pack(
    tmp_path: Path, workspace: ws.Workspace, joined: FieldService
) -> None:
    from fieldapp.services import profile
    from fieldapp.storage.home import Home
    from tests.helpers import PASSPHRASE

    out = tmp_path / "p.relais-pack"
    packs.make_workspace_pack(workspace, *write_sources(tmp_path / "src", services=3), out)
    packs.import_pack(joined, out)
    joined.close()
    again = profile.open_profile(Home(tmp_path / "profil"), PASSPHRASE)
    try:
        pack = directory.current_pack(again)
        assert (pack.version, len(pack.services), pack.demo) == (1, 3, False)
        assert pack.signer_fingerprint == workspace.keys.signing_fingerprint
    finally:
        again.close()


def test_older_or_equal_version_refused_and_current_pack_kept(
    tmp_path: Path, workspace: ws.Workspace, joined: FieldService
) -> None:
    sources = write_sources(tmp_path / "src")
    v1, v2 = tmp_path / "v1.relais-pack", tmp_path / "v2.relais-pack"
    packs.make_workspace_pack(workspace, *sources, v1)
    packs.make_workspace_pack(workspace, *sources, v2)
    packs.import_pack(joined, v2)
    for path, message in ((v2, "la version 2 est déjà installée"), (v1, "plus ancien")):
        with pytest.raises(packs.PackRefused, match=message) as caught:
            packs.import_pack(joined, path)
        assert caught.value.reason == "not_newer"
        assert directory.current_pack(joined).version == 2
        assert joined.store.get_setting(packs.PACK_SETTING)["header"]["version"] == 2


def test_tampered_pack_refused_and_current_pack_kept(
    tmp_path: Path, workspace: ws.Workspace, joined: FieldService
) -> None:
    sources = write_sources(tmp_path / "src")
    good, bad = tmp_path / "v1.relais-pack", tmp_path / "v2.relais-pack"
    packs.make_workspace_pack(workspace, *sources, good)
    packs.make_workspace_pack(workspace, *sources, bad)
    packs.import_pack(joined, good)
    data = bad.read_bytes()
    bad.write_bytes(data.replace(b"Service d'essai n", b"Service d'essai N", 1))
    with pytest.raises(packs.PackRefused, match="altéré") as caught:
        packs.import_pack(joined, bad)
    assert caught.value.reason == "tampered"
    assert directory.current_pack(joined).version == 1


def test_pack_of_another_coordinator_refused(
    tmp_path: Path, joined: FieldService, coordinator: Ed25519PrivateKey
) -> None:
    out = tmp_path / "autre.relais-pack"
    packs.make_pack(coordinator, *write_sources(tmp_path / "src"), out)
    with pytest.raises(packs.PackRefused, match="autre coordinateur") as caught:
        packs.import_pack(joined, out)
    assert caught.value.reason == "wrong_signer"
    # An explicit key cannot override the coordination the profile joined.
    with pytest.raises(packs.PackRefused) as caught:
        packs.import_pack(joined, out, coordinator_key=coordinator.public_key().public_bytes_raw())
    assert caught.value.reason == "wrong_signer"
    assert directory.current_pack(joined).demo


def test_profile_without_coordination(
    tmp_path: Path, field: FieldService, coordinator: Ed25519PrivateKey
) -> None:
    out = tmp_path / "p.relais-pack"
    packs.make_pack(coordinator, *write_sources(tmp_path / "src"), out)
    with pytest.raises(packs.PackRefused, match="aucune coordination") as caught:
        packs.import_pack(field, out)
    assert caught.value.reason == "not_joined"
    assert directory.current_pack(field).demo
    key = coordinator.public_key().public_bytes_raw()
    assert packs.import_pack(field, out, coordinator_key=key).version == 1
    assert not directory.current_pack(field).demo


def test_unreadable_pack_file(tmp_path: Path, joined: FieldService) -> None:
    with pytest.raises(packs.DirectoryError, match="introuvable"):
        packs.import_pack(joined, tmp_path / "absent.relais-pack")
    (tmp_path / "vide.relais-pack").write_bytes(b"")
    with pytest.raises(packs.PackRefused) as caught:
        packs.import_pack(joined, tmp_path / "vide.relais-pack")
    assert caught.value.reason == "malformed"


def test_no_profile_means_demo() -> None:
    assert directory.current_pack(None) is packs.demo_pack()
