"""A full disk, a read-only mount and a damaged file, each told by its cause (storage/faults.py).

On a real 3 MB tmpfs (tests/reliability/small_disk.py, root only): saving a contact, sealing a
batch and merging into the coordinator's store each fail with the message of the cause — never
the backup advice, which would replace a healthy store with an older copy — and nothing saved
before is lost. The backup advice is kept for a file that really is damaged.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.cli import main
from fieldapp.errors import Kind
from fieldapp.services import profile
from fieldapp.storage.coord_schema import quarantine
from fieldapp.storage.faults import DiskFull, ReadOnlyStorage, StorageCorrupt
from fieldapp.storage.home import Home
from fieldapp.storage.schema import contacts
from tests.helpers import PASSPHRASE, make_profile, sample_contact
from tests.helpers.coordination import Territory
from tests.reliability.small_disk import SmallDisk, mounted

FULL = "Espace disque insuffisant"
BACKUP_ADVICE = "sauvegarde"


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    yield from mounted(tmp_path / "petit-disque")


@pytest.fixture
def big_disk(tmp_path: Path) -> Iterator[SmallDisk]:
    """Room for a coordinator's workspace (its store and its backups), still a real tmpfs."""
    yield from mounted(tmp_path / "disque-coordination", size="12m")


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _stored_ids(home: Path) -> set[str]:
    service = profile.open_profile(Home(home), PASSPHRASE)
    try:
        return {c["id"] for c in service.contacts()}
    finally:
        service.close()


def test_saving_on_a_full_disk_says_so_and_loses_nothing(disk: SmallDisk) -> None:
    service, _ = make_profile(disk.root / "profil")
    saved = service.record_contacts([sample_contact() for _ in range(5)])
    disk.fill()
    with pytest.raises(DiskFull) as caught:
        service.record_contact(sample_contact(note="écrite disque plein " * 40))
    assert caught.value.kind is Kind.UNAVAILABLE
    message = caught.value.message()
    assert message.startswith(FULL) and str(disk.root / "profil") in message
    assert "rien n'a été perdu" in message and BACKUP_ADVICE not in message
    assert "free some space" in caught.value.message("en")
    assert {c["id"] for c in service.contacts()} == set(saved)  # still readable, all there
    disk.free()
    again = service.record_contact(sample_contact())  # the same session goes on
    service.close()
    assert _stored_ids(disk.root / "profil") == {*saved, again}


def test_cli_contact_add_on_a_full_disk_is_one_line_and_exit_1(
    disk: SmallDisk,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = disk.root / "profil"
    service, _ = make_profile(home)
    saved = service.record_contacts([sample_contact() for _ in range(3)])
    service.close()
    src = tmp_path / "contact.json"  # the input is elsewhere: only the store's disk is full
    src.write_text(json.dumps(sample_contact(note="ligne " * 300)), encoding="utf-8")
    disk.fill()
    code, out, err = _cli(capsys, "contact", "add", "--home", str(home), str(src))
    assert code == 1 and out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith(f"fieldapp: {FULL}") and BACKUP_ADVICE not in line, line
    disk.free()
    assert _stored_ids(home) == set(saved)


def test_read_only_mount_names_the_folder_for_list_and_add(
    disk: SmallDisk,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = disk.root / "profil"
    service, _ = make_profile(home)
    saved = service.record_contacts([sample_contact() for _ in range(3)])
    service.close()
    src = tmp_path / "contact.json"
    src.write_text(json.dumps(sample_contact()), encoding="utf-8")
    disk.read_only()
    for argv in (("contact", "list"), ("contact", "add")):
        extra = [str(src)] if argv[1] == "add" else []
        code, out, err = _cli(capsys, *argv, "--home", str(home), *extra)
        assert code == 1 and out == "", argv
        (line,) = err.strip().splitlines()
        assert "lecture seule" in line and str(home) in line, line
        assert BACKUP_ADVICE not in line and "endommag" not in line, line
    with pytest.raises(ReadOnlyStorage) as caught:
        profile.open_profile(Home(home), PASSPHRASE)
    assert "read-only" in caught.value.message("en")
    disk.writable()
    assert _stored_ids(home) == set(saved)


def test_sealing_a_batch_on_a_full_disk_keeps_every_event(
    disk: SmallDisk, territory: Territory
) -> None:
    field, _ = make_profile(disk.root / "profil")
    from fieldapp.services.sync import SyncService

    sync = SyncService(field)
    sync.join_coordination(territory.coordination.invitation, territory.coordination.code)
    saved = field.record_contacts([sample_contact(note="à sceller " * 60) for _ in range(40)])
    disk.fill()
    with pytest.raises(DiskFull) as caught:
        sync.seal_pending()
    assert FULL in caught.value.message() and BACKUP_ADVICE not in caught.value.message()
    assert sync.outbox() == []  # no half-sealed batch
    disk.free()
    assert sync.seal_pending() >= 1
    assert {c["id"] for c in field.contacts()} == set(saved)
    sealed = sum(entry["event_count"] for entry in sync.outbox())
    assert sealed == field.store.last_seq()
    field.close()


def test_merging_into_a_store_on_a_full_disk_quarantines_nothing(
    big_disk: SmallDisk, tmp_path: Path
) -> None:
    from fieldapp.services.synthetic import make_coordination

    drop = tmp_path / "depot"
    drop.mkdir()
    coordination = make_coordination(big_disk.root / "coordination", drop=str(drop))
    territory = Territory(coordination, drop, tmp_path)
    device = territory.device("equipe")
    ids = device.field.record_contacts([sample_contact(note="lot " * 200) for _ in range(300)])
    assert device.sync.sync().ok
    with territory.open() as coord:
        big_disk.fill()
        with pytest.raises(DiskFull) as caught:
            coord.merge()
        assert FULL in caught.value.message() and BACKUP_ADVICE not in caught.value.message()
        big_disk.free()
        with coord.consolidated.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(quarantine)).scalar() == 0
        report = coord.merge()  # the batches waited in the drop; none was set aside
        assert report.batches_quarantined == []
        with coord.consolidated.engine.connect() as conn:
            merged = set(conn.execute(select(contacts.c.id)).scalars())
        assert merged == set(ids)
    device.field.close()


# -- the backup advice, only where the file is damaged ---------------------------------------------


def _damage(db: Path, *, offset: int, length: int) -> None:
    data = bytearray(db.read_bytes())
    data[offset : offset + length] = bytes((i * 37 + 11) % 256 for i in range(length))
    db.write_bytes(bytes(data))


def _closed_profile(home: Path, n: int = 200) -> list[str]:
    service, _ = make_profile(home)
    ids = service.record_contacts([sample_contact(note="page " * 100) for _ in range(n)])
    with service.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    service.close()
    return ids


def test_a_damaged_page_is_checked_and_gets_the_backup_advice(tmp_path: Path) -> None:
    home = tmp_path / "profil"
    _closed_profile(home)
    db = Home(home).db_file
    _damage(db, offset=4096, length=db.stat().st_size - 4096)  # every page after the header
    with pytest.raises(StorageCorrupt) as caught:
        profile.open_profile(Home(home), PASSPHRASE)
    assert caught.value.kind is Kind.DAMAGED
    assert BACKUP_ADVICE in caught.value.message() and "backups" in caught.value.message()


def test_a_garbage_header_gets_the_backup_advice(tmp_path: Path) -> None:
    home = tmp_path / "profil"
    _closed_profile(home, n=3)
    _damage(Home(home).db_file, offset=0, length=64)
    with pytest.raises(profile.DamagedDatabase) as caught:
        profile.open_profile(Home(home), PASSPHRASE)
    assert BACKUP_ADVICE in caught.value.message()
