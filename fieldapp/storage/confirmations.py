"""The device's copy of what receiving structures confirmed (table `partner_confirmations`).

Each accepted return file replaces the whole table, with the file's sequence number in the same
transaction, so that a file is applied entirely or not at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from sqlalchemy import Connection, Engine, delete, insert, select

from fieldapp.storage.engine import write_transaction
from fieldapp.storage.schema import handovers, partner_confirmations
from fieldapp.storage.store import write_setting

__all__ = ["LAST_SEQ_KEY", "all_confirmations", "drop_orphans", "replace_confirmations"]

# profile_settings key: sequence number of the last return file accepted.
LAST_SEQ_KEY: Final = "returns.last_seq"
_COLUMNS: Final = ("handover_id", "status", "structure_id", "structure_name", "date")


def replace_confirmations(
    engine: Engine, rows: Sequence[Mapping[str, Any]], *, seq: int, received_at: str
) -> None:
    with write_transaction(engine) as conn:
        conn.execute(delete(partner_confirmations))
        # Only handovers still here: one erased on this device since is not brought back.
        present = set(conn.execute(select(handovers.c.id)).scalars())
        kept = [row for row in rows if row["handover_id"] in present]
        if kept:
            conn.execute(
                insert(partner_confirmations),
                [{k: row[k] for k in _COLUMNS} | {"received_at": received_at} for row in kept],
            )
        write_setting(conn, LAST_SEQ_KEY, seq)


def drop_orphans(conn: Connection) -> None:
    """After an erasure or a purge: the confirmations of handovers no longer here go too."""
    conn.execute(
        delete(partner_confirmations).where(
            partner_confirmations.c.handover_id.not_in(select(handovers.c.id))
        )
    )


def all_confirmations(engine: Engine) -> dict[str, dict[str, Any]]:
    """handover id → its confirmation (status, structure_id, structure_name, date, received_at)."""
    with engine.connect() as conn:
        rows = conn.execute(select(partner_confirmations)).mappings().all()
    return {row["handover_id"]: dict(row) for row in rows}
