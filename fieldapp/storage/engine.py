"""SQLCipher 4 engine under SQLAlchemy 2.

The raw 256-bit database key is handed to SQLCipher as a hex blob (`x'…'`), so SQLCipher skips
its own PBKDF2: the slow derivation already happened once, in the key file (Argon2id).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from fieldapp.errors import AccessError
from fieldapp.storage import faults
from fieldapp.storage.private_files import secure_database

# Applied to every connection: durability first (every acknowledged save survives a crash), no
# plaintext left behind in freed pages or temp files.
PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA foreign_keys = ON",
)

WRITE = "relais_write"
log = logging.getLogger(__name__)


class DatabaseLocked(AccessError):
    """The key does not open the database: wrong key, or not a SQLCipher file."""

    def __init__(self, path: str) -> None:
        super().__init__("storage.engine.locked", path=path)
        self.path = path


def _raw_connect(path: Path, key: bytes, cache_mib: int | None = None) -> Any:
    """A keyed connection. DatabaseLocked when the key does not open the file (SQLITE_NOTADB:
    a wrong key, or a header that is not SQLCipher's); a storage fault (full, read-only…) as
    itself, never as a wrong key."""
    try:
        conn = sqlcipher.connect(
            str(path), timeout=10.0, isolation_level=None, check_same_thread=False
        )
    except sqlcipher.Error as exc:
        raise _fault(exc, path, key) from exc
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # Reading the schema is the first access that needs the key: a wrong key fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS:
            conn.execute(pragma)
        if cache_mib is not None:
            conn.execute(f"PRAGMA cache_size = -{int(cache_mib) * 1024}")  # in KiB when < 0
    except sqlcipher.Error as exc:
        conn.close()
        if faults.sqlite_code(exc) == faults.SQLITE_NOTADB:
            raise DatabaseLocked(str(path)) from exc
        raise _fault(exc, path, key) from exc
    return conn


def _fault(exc: BaseException, path: Path, key: bytes) -> Exception:
    """The storage fault `exc` stands for, or `exc` itself (a bug is not a fault)."""
    fault = faults.from_sqlite(exc, path, lambda: quick_check(path, key))
    return fault if fault is not None else exc if isinstance(exc, Exception) else RuntimeError()


def quick_check(path: Path, key: bytes) -> bool:
    """True when `PRAGMA quick_check` finds the file sound, on a connection of its own.

    False when the file is damaged (or its header is not SQLCipher's); a fault that prevents the
    check (the disk, the rights) is raised as such.
    """
    try:
        conn = sqlcipher.connect(str(path), timeout=10.0, isolation_level=None)
    except sqlcipher.Error as exc:
        raise faults.from_sqlite(exc, path, lambda: False) or faults.StorageIOError(path) from exc
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlcipher.Error as exc:
        code = faults.sqlite_code(exc)
        if code in (faults.SQLITE_CORRUPT, faults.SQLITE_NOTADB):
            return False
        raise faults.from_sqlite(exc, path, lambda: False) or faults.StorageIOError(path) from exc
    finally:
        conn.close()
    return [str(r[0]) for r in rows] == ["ok"]


def open_engine(
    path: Path, key: bytes, *, pool_size: int = 2, cache_mib: int | None = None
) -> Engine:
    """An engine whose connections are keyed SQLCipher connections to `path`.

    `cache_mib`: each connection's page cache (SQLite's default is 2,000 pages, 8 MiB).
    Raises DatabaseLocked at once if the key does not open the file.
    """
    secure_database(path)  # 0600 before SQLite creates it: its -wal and -shm take its mode
    _raw_connect(path, key).close()  # fail fast, before any caller gets an engine
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _raw_connect(path, key, cache_mib),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
    )

    install_transaction_hooks(engine)
    install_fault_hook(engine, path, key)
    return engine


def install_fault_hook(engine: Engine, path: Path, key: bytes) -> None:
    """Every driver error that is a storage fault (storage/faults.py) is raised as that fault:
    the transaction was rolled back, and the message says what to do."""

    @event.listens_for(engine, "handle_error")
    def _classify(context: ExceptionContext) -> None:
        original = context.original_exception
        fault = faults.from_sqlite(original, path, lambda: quick_check(path, key))
        if fault is not None:
            raise fault from original


def install_transaction_hooks(engine: Engine) -> None:
    """Let SQLAlchemy, not the driver, open transactions (the driver runs in autocommit mode)."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front so that seq allocation (max + 1) never races
        # another writer.
        mode = "IMMEDIATE" if conn.get_execution_options().get(WRITE) else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction holding SQLite's write lock from its first statement."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE: True})
        with conn.begin():
            yield conn


def truncate_wal(engine: Engine) -> bool:
    """After an erasure: the WAL still holds the old pages until a checkpoint copies it back
    into the database (where secure_delete has zeroed them) and truncates it. False when a
    reader held it (SQLite then empties it when the last connection closes)."""
    with engine.connect() as conn:
        busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").first()
    if busy is not None and busy[0]:
        log.warning("Journal WAL non vidé après un effacement (lecture en cours)")
        return False
    return True


def integrity_check(engine: Engine) -> list[str]:
    """Problems reported by SQLite's integrity_check; empty when the file is sound."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("PRAGMA integrity_check").fetchall()
    problems = [str(r[0]) for r in rows]
    return [] if problems == ["ok"] else problems
