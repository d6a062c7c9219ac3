"""Schema migrations (Alembic), run when a store is opened.

Before upgrading an existing file we copy it aside: a failed or buggy migration must never cost a
user their notebook.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fieldapp.errors import InputError
from fieldapp.storage.private_files import make_private, private_opener

MIGRATIONS = Path(__file__).parent / "migrations"
COORD_MIGRATIONS = Path(__file__).parent / "coord_migrations"


class NewerSchema(InputError):
    def __init__(self, revision: str) -> None:
        super().__init__("storage.migrate.newer_schema", revision=revision)
        self.revision = revision


def _config(migrations: Path = MIGRATIONS) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations))
    return cfg


def head_revision(migrations: Path = MIGRATIONS) -> str:
    head = ScriptDirectory.from_config(_config(migrations)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(
    engine: Engine,
    db_path: Path | None,
    backup_dir: Path,
    *,
    target: str = "head",
    migrations: Path = MIGRATIONS,
) -> Path | None:
    """Bring the schema to `target`; returns the backup made first, if any.

    `db_path` is None for a server database (PostgreSQL): its backups are the server's business.
    Raises NewerSchema when the file comes from a later version of the app.
    """
    script = ScriptDirectory.from_config(_config(migrations))
    current = current_revision(engine)
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise NewerSchema(current)
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    backup = None
    if current is not None and db_path is not None:
        backup = _backup(engine, db_path, backup_dir, current)
    cfg = _config(migrations)
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Several coordinators may open a regional database at once: one migrates, the
            # others wait and then find it done (Alembic re-reads the version under the lock).
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7245001)")
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup


def _backup(engine: Engine, db_path: Path, backup_dir: Path, revision: str) -> Path:
    # Fold the WAL into the main file so the copy is complete on its own (it stays encrypted).
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backup_dir / f"{db_path.stem}-schema{revision}-{stamp}{db_path.suffix}"
    # User-only from its creation (0600), like the database it copies.
    with db_path.open("rb") as source, open(target, "xb", opener=private_opener) as copy:
        shutil.copyfileobj(source, copy)
    shutil.copystat(db_path, target)
    make_private(target)
    return target
