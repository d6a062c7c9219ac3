"""No command deletes or overwrites a store, a key file or a backup (issue 22, item 1).

Every destructive path of before is played on real files: `init` and `coord init` on a folder
that holds a profile's or a workspace's files refuse with one line naming the file, and leave
every byte in place; opening with `relais.key` (or `coordinator.key`) missing restores it from
its backup and says so. Only the provable leftovers of an interrupted creation are cleared.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.messages import Text
from fieldapp.services import coordination, profile
from fieldapp.services.coordination import CoordinationService
from fieldapp.storage import guard, keyfile
from fieldapp.storage.home import Home
from fieldapp.sync import workspace as ws
from tests.helpers import (
    COORD_PASSPHRASE,
    FAST,
    PASSPHRASE,
    make_coordination,
    make_profile,
    sample_contact,
)
from tests.helpers.text import fr


def snapshot(root: Path) -> dict[str, str]:
    """Every file under `root` and the SHA-256 of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_profile(home: Home) -> None:
    service, _ = profile.create_profile(
        home,
        PASSPHRASE,
        structure="Autre équipe",
        structure_type="association",
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
    )
    service.close()


@pytest.fixture
def filled(tmp_path: Path) -> Home:
    """A profile holding two contacts, closed, whose key file then went missing."""
    home = Home(tmp_path / "profil")
    service, _ = make_profile(home.root)
    service.record_contact(sample_contact())
    service.record_contact(sample_contact())
    service.close()
    home.key_file.unlink()
    return home


# -- the field profile -----------------------------------------------------------------------


def test_missing_key_file_is_restored_from_its_backup_and_init_refuses(
    filled: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(filled.root)
    with pytest.raises(profile.FolderInUse) as refused:
        new_profile(filled)
    assert refused.value.file == filled.key_backup
    assert "relais.key.bak" in str(refused.value) and "passphrase recover" in str(refused.value)
    assert snapshot(filled.root) == before  # nothing deleted, nothing overwritten

    # The CLI too: one line on stderr, exit 1, nothing touched.
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    init = [
        "init",
        "--home",
        str(filled.root),
        "--structure",
        "A",
        "--structure-type",
        "association",
    ]
    code, _, err = run(capsys, *init)
    assert code == 1 and len(err.strip().splitlines()) == 1 and "relais.key.bak" in err
    assert snapshot(filled.root) == before

    # Opening brings the key back and says so; the contacts are all there.
    notices: list[Text] = []
    service = profile.open_profile(filled, PASSPHRASE, notify=notices.append)
    try:
        assert service.count_contacts() == 2
    finally:
        service.close()
    assert [n.code for n in notices] == ["services.profile.key_restored"]
    assert filled.key_file.read_bytes() == filled.key_backup.read_bytes()
    with pytest.raises(profile.ProfileExists):
        new_profile(filled)


def test_the_cli_says_it_restored_the_key_file_in_one_stderr_line(
    filled: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "contact", "list", "--home", str(filled.root), "--json")
    assert code == 0, err
    assert len(json.loads(out)) == 2
    assert err.strip().splitlines() == [
        fr("Fichier de clés « relais.key » absent : restauré depuis sa copie « relais.key.bak ».")
    ]
    assert filled.key_file.exists()


def test_passphrase_recover_works_with_the_key_file_missing(tmp_path: Path) -> None:
    home = Home(tmp_path / "profil")
    service, recovery_key = make_profile(home.root)
    service.close()
    home.key_file.unlink()
    notices: list[Text] = []
    profile.check_recovery_key(home, recovery_key, notify=notices.append)
    profile.recover(home, recovery_key, "une toute nouvelle phrase")
    assert len(notices) == 1
    profile.open_profile(home, "une toute nouvelle phrase").close()


@pytest.mark.parametrize(
    "name", ["relais.db", "relais.db-wal", "relais.db-shm", "relais.key.bak", "backups/0001.db"]
)
def test_init_refuses_a_folder_holding_any_store_file(tmp_path: Path, name: str) -> None:
    home = Home(tmp_path / "profil")
    (home.root / name).parent.mkdir(parents=True)
    (home.root / name).write_bytes(b"a store or a backup of someone")
    before = snapshot(home.root)
    with pytest.raises(profile.FolderInUse) as refused:
        new_profile(home)
    assert Path(name).parts[0] in str(refused.value)
    assert snapshot(home.root) == before
    assert not (home.root / ".creation").exists() and not home.key_file.exists()


def test_init_on_a_whole_profile_without_its_key_file_and_backup_keeps_the_database(
    filled: Home,
) -> None:
    """Before: « relais.key » missing → `init` deleted relais.db (0 contacts left)."""
    filled.key_backup.unlink()
    before = snapshot(filled.root)
    with pytest.raises(profile.FolderInUse, match=r"relais\.db"):
        new_profile(filled)
    assert snapshot(filled.root) == before
    with pytest.raises(profile.NoProfile):
        profile.open_profile(
            filled, PASSPHRASE
        )  # nothing to open it with: says so, deletes nothing


def test_an_interrupted_creation_can_be_started_again(tmp_path: Path) -> None:
    """Killed between its moves: the marker names the files, so they are provably its own."""
    home = Home(tmp_path / "profil")
    new_profile(home)
    db, bak = home.db_file.read_bytes(), home.key_backup.read_bytes()
    staged = {"relais.db": db, "relais.key.bak": bak}
    marker = {"files": {n: hashlib.sha256(b).hexdigest() for n, b in staged.items()}}
    home.key_file.unlink()  # as if killed before the last move
    (home.root / guard.MARKER).write_text(json.dumps(marker), encoding="utf-8")
    new_profile(home)
    assert home.db_file.read_bytes() != db and not (home.root / guard.MARKER).exists()
    profile.open_profile(home, PASSPHRASE).close()


def test_a_stale_marker_does_not_make_a_used_database_a_leftover(filled: Home) -> None:
    db = filled.db_file
    marker = {"files": {"relais.db": "0" * 64, "relais.key.bak": "0" * 64}}
    (filled.root / guard.MARKER).write_text(json.dumps(marker), encoding="utf-8")
    before = snapshot(filled.root)
    with pytest.raises(profile.FolderInUse):
        new_profile(filled)
    assert snapshot(filled.root) == before and db.exists()


# -- the coordinator's workspace -------------------------------------------------------------


def test_missing_coordinator_key_is_restored_and_coord_init_refuses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_coordination(tmp_path / "coord")
    opened = CoordinationService.open(made.root, COORD_PASSPHRASE)  # creates consolidated.db
    opened.close()
    fingerprint = made.info["hpke_fingerprint"]
    (made.root / ws.KEY_FILE).unlink()
    before = snapshot(made.root)

    with pytest.raises(coordination.WorkspaceProblem) as refused:
        coordination.create_coordination(made.root, COORD_PASSPHRASE, **FAST)
    assert isinstance(refused.value.problem, ws.WorkspaceInUse)
    assert "coordinator.key.bak" in str(refused.value)
    assert snapshot(made.root) == before
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    code, _, err = run(capsys, "coord", "init", "--workspace", str(made.root))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "coordinator.key.bak" in err
    assert snapshot(made.root) == before

    notices: list[Text] = []
    service = CoordinationService.open(made.root, COORD_PASSPHRASE, notify=notices.append)
    try:
        assert service.workspace.keys.hpke_fingerprint == fingerprint  # the same keys
    finally:
        service.close()
    assert [n.code for n in notices] == ["sync.workspace.key_restored"]
    assert (made.root / ws.KEY_FILE).exists()
    with pytest.raises(coordination.WorkspaceProblem):
        coordination.create_coordination(made.root, COORD_PASSPHRASE, **FAST)


def test_the_cli_restores_the_coordinator_key_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = make_coordination(tmp_path / "coord")
    (made.root / ws.KEY_FILE).unlink()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    code, _, err = run(capsys, "coord", "devices", "--workspace", str(made.root), "--json")
    assert code == 0, err
    assert err.strip().splitlines() == [
        fr(
            "Fichier de clés « coordinator.key » absent : restauré depuis sa copie "
            "« coordinator.key.bak »."
        )
    ]


@pytest.mark.parametrize(
    "name",
    [
        "coordinator.key.bak",
        "coordinator-keys.enc",
        "coordinator-keys.enc.bak",
        "consolidated.db",
        "consolidated.db-wal",
        "database-url.enc",
        "backups/consolidated-0001.db",
    ],
)
def test_coord_init_refuses_a_folder_holding_any_workspace_file(tmp_path: Path, name: str) -> None:
    """Before: `coord init` without coordinator.key replaced the keys and their backups."""
    made = make_coordination(tmp_path / "coord")
    CoordinationService.open(made.root, COORD_PASSPHRASE).close()
    for other in ("coordinator.key", "coordinator.key.bak"):
        (made.root / other).unlink()
    if not (made.root / name).exists():
        (made.root / name).parent.mkdir(parents=True, exist_ok=True)
        (made.root / name).write_bytes(b"someone's file")
    keep = {n: (made.root / n).read_bytes() for n in ws.PROTECTED if (made.root / n).is_file()}
    with pytest.raises(coordination.WorkspaceProblem) as refused:
        coordination.create_coordination(made.root, COORD_PASSPHRASE, **FAST)
    assert isinstance(refused.value.problem, ws.WorkspaceInUse)
    assert {n: (made.root / n).read_bytes() for n in keep} == keep
    assert not (made.root / "coordinator.key").exists()


def test_an_interrupted_coord_init_can_be_started_again(tmp_path: Path) -> None:
    root = tmp_path / "coord"
    make_coordination(root)
    staged = {n: (root / n).read_bytes() for n in ws.PROTECTED if (root / n).is_file()}
    marker = {"files": {n: hashlib.sha256(b).hexdigest() for n, b in staged.items()}}
    (root / ws.KEY_FILE).unlink()
    (root / guard.MARKER).write_text(json.dumps(marker), encoding="utf-8")
    again = make_coordination(root)
    assert (root / ws.SECRETS_FILE).read_bytes() != staged[ws.SECRETS_FILE]
    assert again.open().keys.hpke_fingerprint == again.info["hpke_fingerprint"]
    shutil.rmtree(root)
