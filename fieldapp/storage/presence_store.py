"""Reading the field store's rounds and joint actions (issue 17), and checking that a contact's
or handover's link names one of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Engine, Table, select

from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.errors import InputError
from fieldapp.messages import Text
from fieldapp.storage.presence_schema import (
    action_employers,
    action_participants,
    action_partners,
    actions,
    outing_seen,
    outings,
)

RECORD_TABLES: dict[str, Table] = {"outing": outings, "action": actions}


class UnknownPresenceRecord(InputError, LookupError):
    """No round (`outing`) or joint action (`action`) of that id on this device."""

    def __init__(self, record_type: str, record_id: str) -> None:
        super().__init__(f"storage.presence.unknown_{record_type}", record_id=record_id)
        self.record_type = record_type
        self.record_id = record_id


LINK_FIELDS = {"outing_id": "outing", "action_id": "action"}


def check_links(engine: Engine, items: Iterable[tuple[str, Mapping[str, Any]]]) -> None:
    """Refuse links (`outing_id`, `action_id`) that name no live round or action of this
    device; `items` are (field prefix, record payload) pairs. Raises one ValidationError."""
    wanted: list[tuple[str, str, str]] = []
    for prefix, item in items:
        for name, kind in LINK_FIELDS.items():
            value = item.get(name)
            if isinstance(value, str) and value:
                wanted.append((prefix + name, kind, value))
    missing = set(missing_links(engine, ((k, v) for _, k, v in wanted)))
    problems = [
        Problem(name, Text(f"storage.presence.unknown_{kind}", record_id=value))
        for name, kind, value in wanted
        if (kind, value) in missing
    ]
    if problems:
        raise ValidationError(problems)


def missing_links(engine: Engine, links: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (record type, id) pairs that name no live (not voided) round or action here."""
    wanted = sorted(set(links))
    if not wanted:
        return []
    found: set[tuple[str, str]] = set()
    with engine.connect() as conn:
        for kind, table in RECORD_TABLES.items():
            ids = [i for k, i in wanted if k == kind]
            if ids:
                query = select(table.c.id).where(table.c.id.in_(ids), table.c.voided.is_(False))
                found.update((kind, i) for i in conn.execute(query).scalars())
    return [pair for pair in wanted if pair not in found]


def get_record(engine: Engine, record_type: str, record_id: str) -> dict[str, Any]:
    rows = list_records(engine, record_type, record_id=record_id, include_voided=True)
    if not rows:
        raise UnknownPresenceRecord(record_type, record_id)
    return rows[0]


def list_records(
    engine: Engine,
    record_type: str,
    *,
    record_id: str | None = None,
    include_voided: bool = False,
) -> list[dict[str, Any]]:
    """Rounds or actions, newest first, each with its counts (and partners, employers)."""
    table = RECORD_TABLES[record_type]
    query = select(table).order_by(table.c.date.desc(), table.c.created_hlc.desc())
    if record_id is not None:
        query = query.where(table.c.id == record_id)
    if not include_voided:
        query = query.where(table.c.voided.is_(False))
    with engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(query)]
        ids = [r["id"] for r in rows]
        if record_type == "outing":
            seen = _children(conn, outing_seen, "outing_id", ids)
            for row in rows:
                row["seen"] = _cells(seen.get(row["id"], []))
        else:
            people = _children(conn, action_participants, "action_id", ids)
            partners = _children(conn, action_partners, "action_id", ids)
            employers = _children(conn, action_employers, "action_id", ids)
            for row in rows:
                row["participants"] = _cells(people.get(row["id"], []))
                row["partners"] = [p["structure_id"] for p in partners.get(row["id"], [])]
                row["employers"] = {
                    "count": row.pop("employer_count"),
                    "ids": [e["employer_id"] for e in employers.get(row["id"], [])],
                }
    return rows


def _children(conn: Any, table: Table, key: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for r in conn.execute(select(table).where(table.c[key].in_(chunk))):
            out.setdefault(r._mapping[key], []).append(dict(r._mapping))
    return out


def _cells(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"gender": r["gender"], "age_band": r["age_band"], "count": r["count"]} for r in rows]
