"""A real small file system for fault tests: a 3 MB tmpfs, filled to the last byte or remounted
read-only. Mounting needs root; without it (or when the mount fails) the tests are skipped and
say why."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass(frozen=True)
class SmallDisk:
    root: Path

    @property
    def filler(self) -> Path:
        return self.root / "remplissage.bin"

    def fill(self) -> None:
        """Write until the file system refuses (ENOSPC): the disk is full."""
        chunk = b"\0" * 65536
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (65536, 4096, 512, 1):
                try:
                    while os.write(fd, chunk[:size]) == size:
                        pass
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC, exc
        finally:
            os.close(fd)
        assert os.statvfs(self.root).f_bavail == 0

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        _mount("-o", "remount,ro", str(self.root))

    def writable(self) -> None:
        _mount("-o", "remount,rw", str(self.root))


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True, text=True)


def mounted(path: Path, size: str = "3m") -> Iterator[SmallDisk]:
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("un tmpfs de test ne se monte qu'en root (mount -t tmpfs)")
    path.mkdir(parents=True, exist_ok=True)
    try:
        _mount("-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(path))
    except (OSError, subprocess.CalledProcessError) as exc:
        detail = getattr(exc, "stderr", "") or exc
        pytest.skip(f"montage tmpfs impossible : {detail}")
    try:
        yield SmallDisk(path)
    finally:
        result = subprocess.run(["umount", str(path)], capture_output=True, check=False)
        if result.returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)
