"""Delivery to a folder: atomic write, read-back, idempotence, and faults (disk full, vanishing).

Disk full is tested twice: on a real 64 KiB tmpfs when this machine lets the tests mount one
(root in a container usually can), and always by making the transport's write raise ENOSPC.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from fieldapp.sync import transports
from fieldapp.sync.transports import DeliveryError, FolderTransport
from tests.helpers import Coordination
from tests.helpers.sync import Clock, open_all, record, store_events


def _put(folder: Path, name: str, data: bytes) -> Any:
    return FolderTransport(folder).put(name, data, hashlib.sha256(data).hexdigest())


def test_put_is_atomic_verified_and_idempotent(tmp_path: Path) -> None:
    data = b"RLBATCH" + os.urandom(3000)
    delivery = _put(tmp_path, "relais-d-1-3.rbatch", data)
    assert delivery.location == str(tmp_path / "relais-d-1-3.rbatch")
    assert not delivery.already_present
    assert (tmp_path / "relais-d-1-3.rbatch").read_bytes() == data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relais-d-1-3.rbatch"]
    # The same batch again (lost answer, crash): delivered, nothing rewritten.
    again = _put(tmp_path, "relais-d-1-3.rbatch", data)
    assert again.already_present
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relais-d-1-3.rbatch"]


def test_different_file_under_the_same_name_is_an_alarm_and_is_kept(tmp_path: Path) -> None:
    (tmp_path / "relais-d-1-3.rbatch").write_bytes(b"someone else's bytes")
    with pytest.raises(DeliveryError) as err:
        _put(tmp_path, "relais-d-1-3.rbatch", b"our batch")
    assert err.value.reason == "conflict" and "ALERTE" in str(err.value)
    assert not err.value.stop
    assert (tmp_path / "relais-d-1-3.rbatch").read_bytes() == b"someone else's bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relais-d-1-3.rbatch"]


def test_missing_folder_is_never_created(tmp_path: Path) -> None:
    gone = tmp_path / "usb-key"
    transport = FolderTransport(gone)
    check = transport.check()
    assert not check.ok and "introuvable" in check.message
    with pytest.raises(DeliveryError) as err:
        _put(gone, "relais-d-1-1.rbatch", b"x")
    assert err.value.reason == "unreachable" and "clé USB" in str(err.value)
    assert not gone.exists()


def test_leftovers_of_interrupted_writes_are_cleaned(tmp_path: Path) -> None:
    (tmp_path / ".relais-d-1-1.rbatch.upload.dead").write_bytes(b"half")
    _put(tmp_path, "relais-d-1-1.rbatch", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["relais-d-1-1.rbatch"]


# -- through the service: outbox state and files ------------------------------------------------


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    folder = tmp_path / "depot"
    folder.mkdir()
    return folder


def _failed_state(service: SyncService) -> list[tuple[str, str | None, int]]:
    return [(e["state"], e["reason_code"], e["attempts"]) for e in service.outbox()]


def test_round_trip_through_a_folder(
    joined: SyncService, field: FieldService, coordination: Coordination, drop: Path
) -> None:
    joined.set_drop(str(drop))
    record(field, 12, note="Marqueur-ZQX-777 à chercher dans les fichiers")
    report = joined.sync()
    assert report.ok and report.sealed == 1 and len(report.delivered) == 1
    files = {p.name: p.read_bytes() for p in drop.iterdir()}
    assert list(files) == report.delivered
    assert open_all(files, coordination.open(), field) == store_events(field)
    # No plaintext of the events in the delivered file.
    for data in files.values():
        assert b"Marqueur-ZQX-777" not in data and b"QN07601M" not in data
    assert joined.outbox()[0]["state"] == "delivered"
    assert joined.outbox()[0]["destination"] == str(drop / report.delivered[0])


def test_disk_full_injected(
    joined: SyncService, field: FieldService, drop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined.set_drop(str(drop))
    record(field, 3)

    def full(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(transports, "_os_write", full)
    report = joined.sync()
    assert not report.ok
    assert "Disque plein" in report.failed[0][1]
    assert _failed_state(joined) == [("failed", "disk_full", 1)]
    assert list(drop.iterdir()) == []  # the temporary file was removed
    monkeypatch.undo()
    report = joined.sync()
    assert report.ok and _failed_state(joined) == [("delivered", None, 2)]
    assert [p.name for p in drop.iterdir()] == report.delivered


@pytest.fixture
def tiny_tmpfs(tmp_path: Path) -> Iterator[Path]:
    mount = shutil.which("mount")
    point = tmp_path / "tmpfs"
    point.mkdir()
    if not sys.platform.startswith("linux") or mount is None:
        pytest.skip("tmpfs: Linux seulement")
    done = subprocess.run(
        [mount, "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(point)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("montage d'un tmpfs impossible ici (pas root ?)")
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)


def test_disk_full_on_a_real_tiny_tmpfs(
    joined: SyncService, field: FieldService, tiny_tmpfs: Path, tmp_path: Path
) -> None:
    # Fill the 64 KiB up completely.
    fd = os.open(tiny_tmpfs / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        with pytest.raises(OSError) as full:
            for _ in range(1000):
                os.write(fd, b"\0" * 1024)
    finally:
        os.close(fd)
    assert full.value.errno == errno.ENOSPC
    joined.set_drop(str(tiny_tmpfs))
    record(field, 5)
    report = joined.sync()
    assert not report.ok and "Disque plein" in report.failed[0][1]
    assert _failed_state(joined) == [("failed", "disk_full", 1)]
    assert sorted(p.name for p in tiny_tmpfs.iterdir()) == ["filler"]
    (tiny_tmpfs / "filler").unlink()
    assert joined.sync().ok
    assert [p.suffix for p in tiny_tmpfs.iterdir()] == [".rbatch"]


def test_destination_vanishes_then_comes_back(
    joined: SyncService, field: FieldService, drop: Path, clock: Clock
) -> None:
    joined.set_drop(str(drop))
    record(field, 2)
    drop.rmdir()  # USB key pulled out
    report = joined.sync()
    assert not report.ok and "introuvable" in report.failed[0][1]
    assert _failed_state(joined) == [("failed", "unreachable", 1)]
    assert not drop.exists()
    assert joined.status_summary() == "1 lot en attente"
    drop.mkdir()
    assert joined.sync().ok
    assert _failed_state(joined) == [("delivered", None, 2)]


def test_file_removed_right_after_writing_is_not_counted_delivered(
    joined: SyncService, field: FieldService, drop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    joined.set_drop(str(drop))
    record(field, 2)
    real_fsync_dir = transports._fsync_dir

    def remove_then_sync(folder: Path) -> None:
        # Someone (a sync client, the coordinator) takes the file away at once.
        for path in folder.glob("*.rbatch"):
            path.unlink()
        real_fsync_dir(folder)

    monkeypatch.setattr(transports, "_fsync_dir", remove_then_sync)
    report = joined.sync()
    assert not report.ok and "disparu" in report.failed[0][1]
    assert _failed_state(joined) == [("failed", "vanished", 1)]
    assert list(drop.iterdir()) == []
    monkeypatch.undo()
    assert joined.sync().ok
    assert len(list(drop.glob("*.rbatch"))) == 1
