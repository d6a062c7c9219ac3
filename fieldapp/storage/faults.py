"""Storage errors told by their cause: a full disk is not a damaged database.

SQLite reports why a statement failed (`sqlite_errorcode`): the disk is full (SQLITE_FULL), the
file or its folder cannot be written (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM), the disk
failed (SQLITE_IOERR), another program holds the lock (SQLITE_BUSY, SQLITE_LOCKED), or the file
claims to be damaged (SQLITE_CORRUPT, SQLITE_NOTADB). The operating system says the same with an
`errno` (ENOSPC, EROFS, EACCES, EIO). Each cause has its own message and action:

- full: free some space, nothing was lost (the transaction was rolled back whole);
- read-only: the folder is named, nothing was lost;
- permission, disk error, busy: what to check, then try again;
- corrupt: the backup advice, and only once `PRAGMA quick_check` (or the file's header, which
  SQLCipher cannot read with the right key) confirms the damage — restoring a backup over a
  healthy store would lose every save made since.

Every fault is a `StorageFault`; the merge lets them through rather than setting a batch aside
for what is the disk's fault, not the batch's.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

from fieldapp.errors import DamagedError, RelaisError, UnavailableError

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


class StorageFault(RelaisError):
    """The storage refused for a reason outside Relais; the subclass names the cause."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(code, **params)


class DiskFull(StorageFault, UnavailableError):
    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.full", folder=path.parent)
        self.path = path


class ReadOnlyStorage(StorageFault, UnavailableError):
    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.read_only", folder=path.parent)
        self.path = path


class StoragePermission(StorageFault, UnavailableError):
    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.permission", path=path)
        self.path = path


class StorageIOError(StorageFault, UnavailableError):
    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.io", path=path)
        self.path = path


class StorageBusy(StorageFault, UnavailableError):
    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.busy", path=path)
        self.path = path


class StorageCorrupt(StorageFault, DamagedError):
    """Checked damage: `quick_check` found problems, or the header is not SQLCipher's."""

    def __init__(self, path: Path) -> None:
        super().__init__("storage.fault.corrupt", path=path, backups=path.parent / "backups")
        self.path = path


QuickCheck = Callable[[], bool]
"""True when the file passes `PRAGMA quick_check` (it is not damaged)."""


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of a driver error, None for anything else."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def from_sqlite(exc: BaseException, path: Path, quick_check: QuickCheck) -> StorageFault | None:
    """The fault a SQLite error stands for, or None when it is not a storage fault (a bug, a
    constraint…). A claim of damage is checked with `quick_check` before it is believed."""
    code = sqlite_code(exc)
    if code is None:
        return None
    if code == SQLITE_FULL:
        return DiskFull(path)
    if code == SQLITE_READONLY:
        return ReadOnlyStorage(path)
    if code in (SQLITE_PERM, SQLITE_CANTOPEN):
        return _unwritable(path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return StorageBusy(path)
    if code == SQLITE_IOERR:
        # SQLite reports some writes that ENOSPC or EROFS refused (the WAL's shared memory, a
        # journal) as disk errors: the file system says which it was.
        return _file_system_fault(path) or StorageIOError(path)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        try:
            sound = quick_check()
        except StorageFault as fault:
            return fault
        return StorageIOError(path) if sound else StorageCorrupt(path)
    return None


def from_os_error(exc: OSError, path: Path | None = None) -> StorageFault | None:
    """The fault an operating-system error stands for, or None (a missing file, a bug…)."""
    where = Path(exc.filename) if isinstance(exc.filename, str) else path
    if where is None:
        return None
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DiskFull(where)
    if exc.errno == errno.EROFS:
        return ReadOnlyStorage(where)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return StoragePermission(where)
    if exc.errno == errno.EIO:
        return StorageIOError(where)
    return None


FULL_BELOW_BYTES = 1024 * 1024
"""Free space under which a disk error is told as a full disk (SQLite needs room for its WAL)."""


def _unwritable(path: Path) -> StorageFault:
    """SQLite could not open or create a file next to the database: a read-only mount, a full
    disk, or rights."""
    return _file_system_fault(path) or StoragePermission(path)


def _file_system_fault(path: Path) -> StorageFault | None:
    """Read-only or full, as the file system holding `path` says; None when it is neither."""
    statvfs = getattr(os, "statvfs", None)  # POSIX only
    if statvfs is None:
        return None
    try:
        info = statvfs(path.parent)
    except OSError:
        return None
    if info.f_flag & os.ST_RDONLY:
        return ReadOnlyStorage(path)
    if info.f_bavail * info.f_frsize < FULL_BELOW_BYTES:
        return DiskFull(path)
    return None
