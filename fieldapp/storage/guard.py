"""Never destroy a store, a key file or a backup: the guard of `init` and `coord init`.

A creation (a field profile, a coordinator workspace) builds every file in a staging folder,
then moves them into place. Before the first move it writes a **creation marker**
(`.relais-creation.json`) holding the SHA-256 of each file it is about to move; the marker is
removed after the last move. So a folder where a creation was interrupted holds the marker and
files whose bytes are exactly the ones it names: those, and only those, are provably the
leftovers of a creation that never finished and may be cleared before starting again.

Any other protected file present (a database, its `-wal`/`-shm`, a key file or its backup, a
non-empty `backups/` folder…) makes the creation refuse: `occupied` returns it and the caller
raises an error naming it. Nothing is ever deleted unless *every* protected file present is such
a leftover, and the main key file is never treated as one (its presence means the folder is in
use).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Final

from fieldapp.storage.atomic import atomic_write

__all__ = ["MARKER", "forget_marker", "install", "occupied"]

MARKER: Final = ".relais-creation.json"
_MAX_MARKER_BYTES: Final = 64 * 1024


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read_marker(root: Path) -> dict[str, str]:
    try:
        with (root / MARKER).open("rb") as handle:
            raw = handle.read(_MAX_MARKER_BYTES + 1)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        return {}  # no marker, or an unreadable one: nothing is provably a leftover
    if not isinstance(data, dict) or len(raw) > _MAX_MARKER_BYTES:
        return {}
    files = data.get("files")
    if not isinstance(files, dict):
        return {}
    return {k: v for k, v in files.items() if isinstance(k, str) and isinstance(v, str)}


def _present(path: Path) -> bool:
    """True when `path` holds something: a file, a link, or a folder that is not empty."""
    if path.is_symlink():
        return True
    if path.is_dir():
        return any(path.iterdir())
    return path.exists()


def occupied(root: Path, protected: Iterable[str], *, key_file: str) -> Path | None:
    """The first protected file that forbids creating in `root`, or None.

    When every protected file present is a leftover named by the creation marker (same bytes)
    and `key_file` is absent, those leftovers and the marker are removed and None is returned.
    """
    root = Path(root)
    present = [root / name for name in protected if _present(root / name)]
    if (root / key_file) in present:
        return root / key_file
    if not present:
        forget_marker(root)
        return None
    marker = _read_marker(root)
    for path in present:
        if (
            path.is_symlink()
            or not path.is_file()
            or marker.get(path.name) is None
            or marker[path.name] != _sha256(path)
        ):
            return path
    for path in present:
        path.unlink()
    forget_marker(root)
    return None


def install(root: Path, staged: Sequence[tuple[Path, str]]) -> None:
    """Move each staged file to `root / name`, never over an existing file.

    The marker naming their hashes is written first and removed last, so an interruption leaves
    a folder that `occupied` recognises as an unfinished creation.
    """
    root = Path(root)
    files = {name: _sha256(source) for source, name in staged}
    atomic_write(root / MARKER, (json.dumps({"files": files}, sort_keys=True) + "\n").encode())
    for source, name in staged:
        _move_new(source, root / name)
    forget_marker(root)


def forget_marker(root: Path) -> None:
    (Path(root) / MARKER).unlink(missing_ok=True)


def _move_new(source: Path, target: Path) -> None:
    """Rename `source` to `target`, refusing (FileExistsError) to replace an existing target."""
    try:
        os.link(source, target)  # fails if target exists: no window where it could be replaced
    except FileExistsError:
        raise
    except OSError:
        # A file system without hard links: check, then rename (same folder, same device).
        if target.exists() or target.is_symlink():
            raise FileExistsError(target) from None
        source.replace(target)
        return
    with contextlib.suppress(FileNotFoundError):
        source.unlink()
