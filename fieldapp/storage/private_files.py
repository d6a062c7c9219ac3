"""Files that hold secrets or records are created user-only: mode 0600 on POSIX.

One place for the rule (docs/privacy.md, « Fichiers écrits par Relais »):

- `write_private(path, data)`: the whole file at once, crash-safe (`atomic_write`, whose temporary
  file is created 0600 and renamed, so the file is never readable by others, even for a moment);
- `private_opener`: for `open(path, "wb", opener=private_opener)`, when a library streams into a
  file object;
- `make_private(path)`: for a file another library creates itself (a SQLite database and its
  `-wal`/`-shm`, which SQLite creates with the database's own mode);
- `create_private(path)`: an empty file created 0600 if absent (before SQLite opens it).

Windows has no mode bits: a file created there inherits the ACL of its folder. Relais's own
files live in the user's profile folders (`%APPDATA%`, `%LOCALAPPDATA%`), whose ACL gives access
to that user, the administrators and SYSTEM only; exports go where the user chooses. Relais does
not rewrite ACLs (the standard library has no call for it; spawning `icacls` on every save is not
worth its cost), and says so in docs/privacy.md.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Final

from fieldapp.storage.atomic import atomic_write

__all__ = [
    "PRIVATE_MODE",
    "create_private",
    "make_private",
    "private_opener",
    "secure_database",
    "write_private",
]

PRIVATE_MODE: Final = 0o600
_POSIX: Final = os.name == "posix"


def write_private(path: Path, data: bytes) -> None:
    """Replace `path` with `data`, atomically, readable and writable by its owner only."""
    atomic_write(Path(path), data)
    # atomic_write's temporary file is already 0600 (mkstemp); this keeps the rule explicit
    # should that ever change.
    make_private(path)


def private_opener(path: str, flags: int) -> int:
    """`open(..., opener=private_opener)`: a new file is created 0600; an existing one is set to
    0600 before anything is written to it."""
    fd = os.open(path, flags, PRIVATE_MODE)
    if _POSIX:
        try:
            os.fchmod(fd, PRIVATE_MODE)
        except OSError:
            os.close(fd)
            raise
    return fd


def make_private(path: Path) -> None:
    """Set an existing file to 0600 (POSIX; nothing on Windows)."""
    if _POSIX:
        Path(path).chmod(PRIVATE_MODE)


def create_private(path: Path) -> None:
    """Create `path` empty and 0600 if it does not exist; an existing file is set to 0600."""
    path = Path(path)
    with contextlib.suppress(FileExistsError):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE)
        os.close(fd)
    make_private(path)


def secure_database(path: Path) -> None:
    """Before SQLite opens `path`: create it empty and 0600 if absent (SQLite then creates its
    `-wal` and `-shm` with the database's mode), and set an existing database and its companions
    to 0600 (files of older versions were created with the default mode). A folder that does not
    exist is left to SQLite's own error."""
    path = Path(path)
    if not path.parent.is_dir():
        return
    try:
        create_private(path)
        for companion in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                make_private(companion)
    except OSError:
        # A read-only mount, a full disk, a foreign file: SQLite's own error on opening, told by
        # its cause in storage/faults.py, says what is wrong better than a failed chmod would.
        return
