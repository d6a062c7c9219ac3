"""Crash-safe replacement of a small file (key file, settings).

`atomic_write` writes the new content to a temporary file *in the same folder* (so the rename
stays on one file system and nothing ever lands in the system temp folder), flushes and fsyncs
it, renames it over the target with `os.replace`, then fsyncs the folder so the rename itself is
durable. A reader therefore sees either the whole old content or the whole new content, never a
mix, even if the process is killed or the power fails at any point.

Temporary files are named `.<name>.<8 random chars>.tmp` and created with mode 0600 (they may
hold wrapped key material); the rename keeps that mode, so every file written here is user-only
from the first byte, whatever it replaced (docs/privacy.md, `storage/private_files.py`). On an
exception they are removed; after a hard kill one may remain, and `cleanup_temp_files` removes
such leftovers. Concurrent writers to the same target are not
supported (the last rename wins, and a cleanup may remove another writer's temporary file).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sys
import tempfile
import time
from pathlib import Path

__all__ = ["atomic_write", "cleanup_temp_files"]

_TMP_SUFFIX = ".tmp"

# fsync on a folder is refused by some file systems (network shares, FUSE, FAT via some
# drivers): there it only means "not supported", the rename already happened.
_DIR_FSYNC_UNSUPPORTED = frozenset(
    {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF, errno.EACCES, errno.EPERM}
)

# Windows refuses to replace a file that another program (antivirus, indexer) holds open for a
# moment: retry briefly instead of failing the save.
_REPLACE_RETRIES = 20
_RETRY_LOCKED_REPLACE: bool = sys.platform == "win32"
_REPLACE_RETRY_DELAY_S = 0.05


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically and durably.

    On any failure the target keeps its old content (or stays absent) and the temporary file is
    removed. If the final folder fsync fails, the new content is in place but may not yet be
    durable; the error is raised so the caller does not report success.
    """
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=_TMP_SUFFIX, dir=path.parent)
    tmp = Path(tmp_name)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        _replace(tmp, path)
    except BaseException:
        # BaseException too: a KeyboardInterrupt must not leave key material lying around.
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(path.parent)


def cleanup_temp_files(path: Path) -> list[Path]:
    """Remove temporary files that an interrupted `atomic_write(path, …)` left behind.

    Only names that `atomic_write` itself generates for this exact target are touched.
    Returns the removed paths.
    """
    path = Path(path)
    pattern = re.compile(re.escape(_temp_prefix(path)) + r"[a-z0-9_]{8}" + re.escape(_TMP_SUFFIX))
    removed: list[Path] = []
    try:
        candidates = list(path.parent.iterdir())
    except FileNotFoundError:
        return removed
    for candidate in candidates:
        if pattern.fullmatch(candidate.name) and candidate.is_file():
            with contextlib.suppress(FileNotFoundError):
                candidate.unlink()
                removed.append(candidate)
    return removed


def _temp_prefix(path: Path) -> str:
    # Leading dot: hidden on POSIX, and never mistaken for the real file by a glob on its name.
    return f".{path.name}."


def _write_all(fd: int, data: bytes) -> None:
    # os.write may write less than asked (signals, pipes, some file systems): loop until done.
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _replace(src: Path, dst: Path) -> None:
    for attempt in range(_REPLACE_RETRIES):
        try:
            src.replace(dst)  # os.replace: atomic, and overwrites on Windows too
            return
        except PermissionError:
            if not _RETRY_LOCKED_REPLACE or attempt == _REPLACE_RETRIES - 1:
                raise
            time.sleep(_REPLACE_RETRY_DELAY_S)


def _fsync_dir(folder: Path) -> None:
    if sys.platform == "win32":
        # Windows cannot open a folder as a file; NTFS journals the rename itself.
        return
    try:
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:
        if exc.errno in _DIR_FSYNC_UNSUPPORTED:
            return
        raise
    try:
        os.fsync(dir_fd)
    except OSError as exc:
        if exc.errno not in _DIR_FSYNC_UNSUPPORTED:
            raise
    finally:
        os.close(dir_fd)
