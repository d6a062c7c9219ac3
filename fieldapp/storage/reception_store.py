"""The receiving structure's inbox in the field store: the receptions recorded here and the raw
codes they were typed as (`received_codes`, device only; the events carry only the HMAC)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, insert, select

from fieldapp.storage.schema import received_codes, receptions


def keep_code(conn: Connection, code_hmac: str, code: str) -> None:
    """Remember how a code was typed, for the inbox's display (once per code)."""
    known = conn.execute(
        select(received_codes.c.code).where(received_codes.c.code_hmac == code_hmac)
    ).first()
    if known is None:
        conn.execute(insert(received_codes).values(code_hmac=code_hmac, code=code))


def statuses_of(conn: Connection, code_hmac: str) -> list[str]:
    """The statuses recorded here for one code, oldest first."""
    rows = conn.execute(
        select(receptions.c.status)
        .where(receptions.c.code_hmac == code_hmac)
        .order_by(receptions.c.created_hlc)
    ).scalars()
    return [str(s) for s in rows]


def list_receptions(engine: Engine) -> list[dict[str, Any]]:
    """Every reception recorded here, newest first, with its code as typed."""
    query = (
        select(
            receptions.c.id,
            received_codes.c.code,
            receptions.c.status,
            receptions.c.date,
            receptions.c.reason,
        )
        .select_from(
            receptions.outerjoin(
                received_codes, received_codes.c.code_hmac == receptions.c.code_hmac
            )
        )
        .order_by(receptions.c.created_hlc.desc())
    )
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query)]
