"""Store access of directory feedback (issue 18): the projection rows on either store, and the
coordinator's « traité » marks (`feedback_handled`, consolidated store only)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite

from fieldapp.storage.coord_records import coord_transaction
from fieldapp.storage.coord_schema import feedback_handled
from fieldapp.storage.schema import directory_feedback


def feedback_rows(engine: Engine) -> list[dict[str, Any]]:
    """Every feedback row, by structure, then date, then id."""
    t = directory_feedback
    query = select(t).order_by(t.c.structure_id, t.c.date, t.c.id)
    with engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(query)]


def feedback_exists(engine: Engine, feedback_id: str) -> bool:
    query = select(directory_feedback.c.id).where(directory_feedback.c.id == feedback_id)
    with engine.connect() as conn:
        return conn.execute(query).first() is not None


def handled_marks(engine: Engine) -> dict[str, str]:
    """feedback id → when the coordinator marked it handled."""
    with engine.connect() as conn:
        rows = conn.execute(select(feedback_handled.c.feedback_id, feedback_handled.c.at))
        return {str(feedback_id): str(at) for feedback_id, at in rows}


def mark_handled(engine: Engine, feedback_id: str, at: str) -> None:
    """Mark once; marking again keeps the first time."""
    values = {"feedback_id": feedback_id, "at": at}
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(feedback_handled).values(**values).on_conflict_do_nothing()
    with coord_transaction(engine) as conn:
        conn.execute(statement)
