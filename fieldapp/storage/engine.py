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
from sqlalchemy.pool import QueuePool

from fieldapp.errors import AccessError
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


def _raw_connect(path: Path, key: bytes) -> Any:
    conn = sqlcipher.connect(str(path), timeout=10.0, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        # Reading the schema is the first access that needs the key: a wrong key fails here.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise DatabaseLocked(str(path)) from exc
    for pragma in PRAGMAS:
        conn.execute(pragma)
    return conn


def open_engine(path: Path, key: bytes, *, pool_size: int = 2) -> Engine:
    """An engine whose connections are keyed SQLCipher connections to `path`.

    Raises DatabaseLocked at once if the key does not open the file.
    """
    secure_database(path)  # 0600 before SQLite creates it: its -wal and -shm take its mode
    _raw_connect(path, key).close()  # fail fast, before any caller gets an engine
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _raw_connect(path, key),
        poolclass=QueuePool,
        pool_size=pool_size,
        max_overflow=4,
    )

    install_transaction_hooks(engine)
    return engine


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
