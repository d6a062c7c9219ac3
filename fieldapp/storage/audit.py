"""The audit log inside the encrypted store: who did what, when — never what was recorded.

Each entry is an action code (`ACTIONS`) and a detail made of counts, booleans and short codes
("csv", "wrong_passphrase"). `record` refuses anything else, so free text (a note, a name, a
file path) cannot end up in the log by mistake.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.exc import SQLAlchemyError

from fieldapp.messages import Text
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.schema import audit_log

# Action codes (stored) and their labels (the Paramètres view shows them, in its language).
ACTIONS: Final = {
    "unlock": Text("storage.audit.unlock"),
    "unlock_failed": Text("storage.audit.unlock_failed"),
    "export": Text("storage.audit.export"),
    "import": Text("storage.audit.import"),
    "pack_import": Text("storage.audit.pack_import"),
    "erase": Text("storage.audit.erase"),
    "purge": Text("storage.audit.purge"),
    "merge": Text("storage.audit.merge"),
    "enrol": Text("storage.audit.enrol"),
    "device_status": Text("storage.audit.device_status"),
    "returns": Text("storage.audit.returns"),
}
log = logging.getLogger(__name__)
_CODE: Final = re.compile(r"[a-z0-9][a-z0-9_.:-]{0,39}")


class AuditDetailRefused(ValueError):
    """A detail that is not a count, a boolean or a short code (a programming error)."""


def _check(detail: dict[str, Any]) -> str:
    for key, value in detail.items():
        if not _CODE.fullmatch(key):
            raise AuditDetailRefused(f"clé de journal refusée : {key!r}")
        if isinstance(value, bool | int) or value is None:
            continue
        if not (isinstance(value, str) and _CODE.fullmatch(value)):
            raise AuditDetailRefused(f"valeur de journal refusée pour {key!r}")
    return json.dumps(detail, sort_keys=True)


def record(
    target: Engine | Connection,
    actor: str,
    action: str,
    *,
    now: datetime | None = None,
    **detail: Any,
) -> None:
    """Append one entry (in the caller's transaction when given a Connection)."""
    if action not in ACTIONS:
        raise AuditDetailRefused(f"action de journal inconnue : {action!r}")
    row = {
        "at": (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "actor": actor,
        "action": action,
        "detail": _check(detail),
    }
    if isinstance(target, Connection):
        target.execute(insert(audit_log).values(**row))
        return
    with write_transaction(target) as conn:
        conn.execute(insert(audit_log).values(**row))


def record_quietly(target: Engine, actor: str, action: str, **detail: Any) -> None:
    """`record` for an action already done (an unlock, an import, an export): a store that
    cannot take the line (disk full, locked) must not turn that action into a failure. The
    miss is logged by action code only. A refused detail still raises: that is a bug."""
    try:
        record(target, actor, action, **detail)
    except SQLAlchemyError as exc:
        log.warning(
            "Journal d'audit : ligne « %s » non écrite (%s)", action, exc.__class__.__name__
        )


def entries(engine: Engine, limit: int = 200) -> list[dict[str, Any]]:
    """The latest entries first, with their label in the current language."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        ).mappings()
        return [
            {
                "at": r["at"],
                "actor": r["actor"],
                "action": r["action"],
                "label": str(ACTIONS.get(r["action"], r["action"])),
                "detail": json.loads(r["detail"]),
            }
            for r in rows
        ]
