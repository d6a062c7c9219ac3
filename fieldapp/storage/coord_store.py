"""Opening the coordinator's consolidated store: SQLCipher in the workspace, or PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from fieldapp.errors import UnavailableError
from fieldapp.storage import migrate
from fieldapp.storage.engine import DatabaseLocked, open_engine

DB_FILE = "consolidated.db"
# The merge writes a million contacts' B-tree entries at random places: a 64 MiB page cache
# instead of SQLite's 8 MiB keeps more of them in memory (6–12 % off a merge, measured in
# docs/performance.md). Per connection, at most: the store pools one and opens a few more only
# while busy (the report reads on two).
CACHE_MIB = 64


class StoreUnavailable(UnavailableError):
    """The consolidated store cannot be opened; str() is one line."""


def open_consolidated(workspace_root: Path, db_key: bytes, url: str | None = None) -> Engine:
    """The consolidated store at the head schema (migrated at open, backed up first)."""
    if url:
        engine = _server_engine(url)
        path = None
    else:
        path = workspace_root / DB_FILE
        try:
            engine = open_engine(path, db_key, pool_size=1, cache_mib=CACHE_MIB)
        except DatabaseLocked as exc:
            raise StoreUnavailable(
                "storage.consolidated.damaged", path=path, backups=workspace_root / "backups"
            ) from exc
    try:
        migrate.upgrade(
            engine, path, workspace_root / "backups", migrations=migrate.COORD_MIGRATIONS
        )
    except OperationalError as exc:
        engine.dispose()
        raise StoreUnavailable("storage.consolidated.unreachable", detail=_first_line(exc)) from exc
    except Exception:
        engine.dispose()
        raise
    return engine


def _server_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise StoreUnavailable("storage.consolidated.bad_url", url=url) from exc
    if parsed.get_backend_name() != "postgresql":
        raise StoreUnavailable("storage.consolidated.postgresql_only")
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return create_engine(parsed, pool_pre_ping=True, pool_size=2)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", exc)) or exc.__class__.__name__
    return text.strip().splitlines()[0]
