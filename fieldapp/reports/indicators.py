"""The indicators, computed in SQL on a consolidated store (SQLite/SQLCipher or PostgreSQL).

One SQLAlchemy Core query set serves both databases and the field store ("Mon activité"), whose
projection tables have the same columns. Definitions are in docs/indicators.md; in short:

- the *scope* is the contacts that are not voided, dated within the period, and match the
  filters (neighbourhood, structure type of the recording device, structure); a contact's
  structure type is `devices.structure_type` of the device that recorded it;
- a handover belongs to the scope of the contact it came from (its month, neighbourhood and
  structure type), and counts at a stage of the funnel if its history ever reached that status;
- a *person* is a pseudonym; a contact without a pseudonym counts as a person of its own.

The scope is copied once into a temporary table (kept in memory: `temp_store=MEMORY` on
SQLCipher, so no plaintext reaches the disk), then every indicator reads that narrow table
instead of decrypting the wide contact rows again. Columns that carry an index are compared
through `col || ''`, so that SQLite scans instead of following an index one row at a time:
over a period of months that is ten times faster.

Results are raw counts, not yet published: `fieldapp.reports.publish` applies suppression.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Integer,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    func,
    insert,
    literal,
    select,
)
from sqlalchemy.schema import CreateTable, DropTable

from fieldapp.domain.vocab import REGISTRATIONS
from fieldapp.storage.coord_schema import devices
from fieldapp.storage.schema import contact_needs, contact_registrations, contacts
from fieldapp.storage.schema import handover_history as history
from fieldapp.storage.schema import handovers as handover_table

FUNNEL = ("propose", "rdv_fixe", "rdv_honore", "entre_dispositif")
LOST = ("perdu_de_vue", "expire")
ORGANISATIONS = tuple(c for c in REGISTRATIONS.codes() if c not in ("aucune", "inconnue"))
NO_STRUCTURE_TYPE = ""  # a device enrolled without a structure type

# A contact's coordinates in the cube: month, nbh, stype, mode, age, gender, pseudonymous.
ContactKey = tuple[str, str, str, str, str, str, bool]
# A handover's: month, nbh, stype, partner key, service.
HandoverKey = tuple[str, str, str, str, str]


@dataclass(frozen=True)
class Scope:
    date_from: date | None = None
    date_to: date | None = None
    neighbourhood: str | None = None
    structure_type: str | None = None
    structure_id: str | None = None

    def months(self, seen: set[str]) -> list[str]:
        """Every month of the period (empty ones too), or the months seen without a period."""
        if self.date_from is None or self.date_to is None:
            return sorted(seen)
        out = []
        year, month = self.date_from.year, self.date_from.month
        while (year, month) <= (self.date_to.year, self.date_to.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out


@dataclass
class Stages:
    """Handovers of one group, by furthest status ever reached (a handover may count twice)."""

    propose: int = 0
    rdv_fixe: int = 0
    rdv_honore: int = 0
    entre_dispositif: int = 0
    perdu_de_vue: int = 0
    expire: int = 0

    def add(self, other: Stages) -> None:
        for name in _STAGE_FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def get(self, name: str) -> int:
        return int(getattr(self, name))


_STAGE_FIELDS = (*FUNNEL, *LOST)


@dataclass
class RegistrationCounts:
    """People of one group by what they declared over the period (union of their contacts)."""

    people: int = 0
    pseudonymous: int = 0  # of which identified by a pseudonym
    known: int = 0  # declared something other than "inconnue"
    invisible: int = 0  # declared "aucune" and never an organisation
    by_organisation: dict[str, int] = field(default_factory=dict)


@dataclass
class Indicators:
    scope: Scope
    months: list[str]
    contacts: Counter[ContactKey]
    people_by_month: dict[str, int]
    people_by_neighbourhood: dict[str, int]
    people_total: int
    needs: Counter[str]  # need -> contacts citing it
    registrations: RegistrationCounts
    registrations_by_neighbourhood: dict[str, RegistrationCounts]
    handovers: dict[HandoverKey, Stages]
    partner_labels: dict[str, str]
    delays: list[tuple[str, str, int]]  # (month, structure type, days to first attended rdv)

    # -- sums over the contact cube, used by the tables ------------------------------------------

    def count(self, **match: str | bool) -> int:
        return sum(n for key, n in self.contacts.items() if _matches(key, match))

    def by(self, *dims: str, **match: str | bool) -> Counter[tuple[Any, ...]]:
        out: Counter[tuple[Any, ...]] = Counter()
        positions = [_DIMS.index(d) for d in dims]
        for key, n in self.contacts.items():
            if _matches(key, match):
                out[tuple(key[p] for p in positions)] += n
        return out

    def values(self, dim: str) -> list[str]:
        p = _DIMS.index(dim)
        return sorted({str(key[p]) for key in self.contacts})

    def stages_by(self, dim: str) -> dict[str, Stages]:
        p = _HANDOVER_DIMS.index(dim)
        out: dict[str, Stages] = {}
        for key, stages in self.handovers.items():
            out.setdefault(key[p], Stages()).add(stages)
        return out

    def stages_total(self) -> Stages:
        total = Stages()
        for stages in self.handovers.values():
            total.add(stages)
        return total


_DIMS = ("month", "neighbourhood", "structure_type", "mode", "age", "gender", "pseudonymous")
_HANDOVER_DIMS = ("month", "neighbourhood", "structure_type", "partner", "service")


def _matches(key: ContactKey, match: dict[str, str | bool]) -> bool:
    return all(key[_DIMS.index(d)] == v for d, v in match.items())


# -- temporary tables ------------------------------------------------------------------------------

_temp = MetaData()
handover_scope = Table(
    "rpt_handovers",
    _temp,
    Column("id", String(36), primary_key=True),
    Column("month", String(7), nullable=False),
    Column("nbh", String(16), nullable=False),
    Column("stype", String(64), nullable=False),
    Column("partner_key", String(200), nullable=False),
    Column("partner", String(200), nullable=False),
    Column("service", String(128), nullable=False),
    *(Column(f"s_{name}", Integer, nullable=False) for name in _STAGE_FIELDS),
    Column("propose_at", String(32)),
    Column("honore_at", String(32)),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)


@contextmanager
def _temporary(conn: Connection, table: Table) -> Iterator[Table]:
    # Temporary tables live in memory on SQLCipher (temp_store=MEMORY) and die with the session.
    conn.execute(DropTable(table, if_exists=True))
    conn.execute(CreateTable(table))
    try:
        yield table
    finally:
        conn.execute(DropTable(table, if_exists=True))


# -- the queries ---------------------------------------------------------------------------------

# Where the store allows it, independent queries run on separate connections at once: SQLite
# sorts to group, one core per query, and the driver releases the GIL while it works.
WORKERS = 2


def compute_indicators(
    source: Engine | Connection,
    scope: Scope,
    *,
    own_structure_type: str | None = None,
    workers: int = WORKERS,
) -> Indicators:
    """Every indicator for `scope`.

    `own_structure_type` is for a field store, which has no `devices` table: all its contacts
    are its own structure's. Given a Connection, everything runs on it, one query at a time.
    """
    query = _scope_select(scope, own_structure_type)
    jobs: list[Callable[[Connection, Select[Any]], Any]] = [
        _people_job,
        _contacts_job,
        _cube_job,
    ]
    if isinstance(source, Connection):
        results = [job(source, query) for job in jobs]
    elif workers <= 1:
        with source.connect() as conn:
            results = [job(conn, query) for job in jobs]
    else:
        with ThreadPoolExecutor(workers, thread_name_prefix="indicateurs") as pool:
            futures = [pool.submit(_on_own_connection, source, job, query) for job in jobs]
            results = [f.result() for f in futures]
    (registrations, by_nbh, people_month), (needs, handovers, labels, delays), cube = results
    return Indicators(
        scope=scope,
        months=scope.months({key[0] for key in cube}),
        contacts=cube,
        people_by_month=people_month,
        people_by_neighbourhood={nbh: r.pseudonymous for nbh, r in by_nbh.items()},
        people_total=registrations.pseudonymous,
        needs=needs,
        registrations=registrations,
        registrations_by_neighbourhood=by_nbh,
        handovers=handovers,
        partner_labels=labels,
        delays=delays,
    )


def _on_own_connection(
    engine: Engine, job: Callable[[Connection, Select[Any]], Any], query: Select[Any]
) -> Any:
    with engine.connect() as conn:
        try:
            return job(conn, query)
        finally:
            conn.rollback()


def _unindexed(col: Any) -> ColumnElement[Any]:
    # `col || ''` hides the index from SQLite's planner (see the module docstring).
    return col.concat("")  # type: ignore[no-any-return]


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _scope_select(scope: Scope, own_type: str | None) -> Select[Any]:
    c = contacts.c
    conditions: list[ColumnElement[bool]] = [~c.voided]
    if scope.date_from is not None:
        conditions.append(_unindexed(c.date) >= scope.date_from.isoformat())
    if scope.date_to is not None:
        conditions.append(_unindexed(c.date) <= scope.date_to.isoformat())
    if scope.neighbourhood is not None:
        conditions.append(_unindexed(c.neighbourhood) == scope.neighbourhood)
    source: Any = contacts
    stype: ColumnElement[str]
    if own_type is None:
        source = contacts.outerjoin(devices, devices.c.device_id == c.device_id)
        stype = func.coalesce(devices.c.structure_type, NO_STRUCTURE_TYPE)
        if scope.structure_id is not None:
            conditions.append(devices.c.structure_id == scope.structure_id)
    else:
        stype = literal(own_type)
    if scope.structure_type is not None:
        conditions.append(stype == scope.structure_type)
    return (
        select(
            c.id.label("id"),
            func.substr(c.date, 1, 7).label("month"),
            c.neighbourhood.label("nbh"),
            stype.label("stype"),
            c.contact_mode.label("mode"),
            c.age_band.label("age"),
            c.gender.label("gender"),
            c.pseudonym.label("pseudonym"),
            func.coalesce(c.pseudonym, c.id).label("pkey"),
        )
        .select_from(source)
        .where(and_(*conditions))
    )


def _cube_job(conn: Connection, query: Select[Any]) -> Counter[ContactKey]:
    # Straight from the contact rows, on a connection of its own: one pass, one sort.
    return _contact_cube(conn, query.subquery("scope"))


def _contact_cube(conn: Connection, s: Any) -> Counter[ContactKey]:
    pseudo = _flag(s.c.pseudonym.is_not(None))
    dims = (s.c.month, s.c.nbh, s.c.stype, s.c.mode, s.c.age, s.c.gender, pseudo)
    rows = conn.execute(select(*dims, func.count()).group_by(*dims))
    return Counter({(m, n, t, mo, a, g, bool(p)): int(k) for m, n, t, mo, a, g, p, k in rows})


def _people_job(
    conn: Connection, query: Select[Any]
) -> tuple[RegistrationCounts, dict[str, RegistrationCounts], dict[str, int]]:
    with _temporary(conn, people_table) as s:
        q = query.subquery("scope")
        r = contact_registrations.c
        # Each contact's registrations as one bit mask, looked up by its key (contacts and
        # registrations are both stored in contact order): grouping people then needs no join.
        mask = (
            select(func.coalesce(func.sum(_REGISTRATION_BITS), 0))
            .where(r.contact_id == q.c.id)
            .scalar_subquery()
        )
        columns = (q.c.id, q.c.month, q.c.nbh, q.c.pseudonym, q.c.pkey, mask)
        conn.execute(insert(s).from_select([c.name for c in s.c], select(*columns)))
        registrations, by_nbh = _registrations(conn, s)
        rows = conn.execute(
            select(s.c.month, func.count(func.distinct(s.c.pseudonym)))
            .where(s.c.pseudonym.is_not(None))
            .group_by(s.c.month)
        )
        people_month = {str(key): int(n) for key, n in rows}
    return registrations, by_nbh, people_month


def _contacts_job(
    conn: Connection, query: Select[Any]
) -> tuple[Counter[str], dict[HandoverKey, Stages], dict[str, str], list[tuple[str, str, int]]]:
    with _temporary(conn, scope_table) as s, _temporary(conn, handover_scope) as hs:
        conn.execute(insert(s).from_select(list(s.c.keys()), _scope_columns(query)))
        n = contact_needs.c
        # Read in the order of the index on `need` (no sort), probing the scope's key.
        rows = conn.execute(
            select(n.need, func.count()).where(n.contact_id.in_(select(s.c.id))).group_by(n.need)
        )
        needs = Counter({str(need): int(k) for need, k in rows})
        _fill_handovers(conn, s)
        counts, labels = _handover_counts(conn, hs)
        return needs, counts, labels, _delays(conn, hs)


def _scope_columns(query: Select[Any]) -> Select[Any]:
    q = query.subquery("scope")
    return select(*(q.c[c.name] for c in scope_table.c))


scope_table = Table(
    "rpt_scope",
    _temp,
    Column("id", String(36), primary_key=True),
    Column("month", String(7), nullable=False),
    Column("nbh", String(16), nullable=False),
    Column("stype", String(64), nullable=False),
    Column("pseudonym", String(9)),
    Column("pkey", String(36), nullable=False),  # pseudonym, else the contact's own id
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)


def _registrations(
    conn: Connection, s: Table
) -> tuple[RegistrationCounts, dict[str, RegistrationCounts]]:
    """People by registration, overall and by neighbourhood (met there at least once).

    Per (neighbourhood, person) flags go to a temporary table keyed in that order, so the
    neighbourhood totals read it in key order, and the overall totals re-group it by person.
    """

    def has(bits: int) -> ColumnElement[int]:
        return func.max(_flag(s.c.rmask.op("&")(bits) != 0))

    per_person = select(
        s.c.nbh,
        s.c.pkey,
        func.max(_flag(s.c.pseudonym.is_not(None))),
        has(_bit("aucune")),
        has(_KNOWN_BITS),
        has(_ORGANISATION_BITS),
        *(has(_bit(code)) for code in ORGANISATIONS),
    ).group_by(s.c.nbh, s.c.pkey)
    with _temporary(conn, persons_table) as t:
        conn.execute(insert(t).from_select(list(t.c.keys()), per_person))
        by_nbh = {
            str(row[0]): _registration_counts(row[1:])
            for row in conn.execute(select(t.c.nbh, *_person_sums(t.c)).group_by(t.c.nbh))
        }
        names = ("pseudo", "aucune", "known", "any_org", *_ORG_COLUMNS)
        person = select(*(func.max(t.c[n]).label(n) for n in names)).group_by(t.c.pkey).subquery()
        total = conn.execute(select(*_person_sums(person.c))).one()
    return _registration_counts(total), by_nbh


# One bit per registration code; a code this version does not know (a newer app) gets the
# last bit, and counts as a known registration, like any answer other than "inconnue".
_CODES = REGISTRATIONS.codes()
_UNKNOWN_CODE_BIT = 1 << len(_CODES)


def _bit(code: str) -> int:
    return 1 << _CODES.index(code)


_KNOWN_BITS = sum(_bit(c) for c in _CODES if c != "inconnue") | _UNKNOWN_CODE_BIT
_ORGANISATION_BITS = sum(_bit(c) for c in ORGANISATIONS)
_REGISTRATION_BITS = case(
    *((contact_registrations.c.registration == code, _bit(code)) for code in _CODES),
    else_=_UNKNOWN_CODE_BIT,
)

people_table = Table(
    "rpt_people",
    _temp,
    Column("id", String(36), primary_key=True),
    Column("month", String(7), nullable=False),
    Column("nbh", String(16), nullable=False),
    Column("pseudonym", String(9)),
    Column("pkey", String(36), nullable=False),
    Column("rmask", Integer, nullable=False),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)


_ORG_COLUMNS = tuple(f"o_{i}" for i in range(len(ORGANISATIONS)))
persons_table = Table(
    "rpt_persons",
    _temp,
    Column("nbh", String(16), primary_key=True),
    Column("pkey", String(36), primary_key=True),
    *(
        Column(name, Integer, nullable=False)
        for name in ("pseudo", "aucune", "known", "any_org", *_ORG_COLUMNS)
    ),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)


def _person_sums(c: Any) -> list[ColumnElement[Any]]:
    return [
        func.count(),
        func.sum(c.pseudo),
        func.sum(c.known),
        func.sum(_flag(and_(c.aucune == 1, c.any_org == 0))),
        *(func.sum(c[name]) for name in _ORG_COLUMNS),
    ]


def _registration_counts(row: Any) -> RegistrationCounts:
    people, pseudonymous, known, invisible, *orgs = (int(v or 0) for v in row)
    return RegistrationCounts(
        people=people,
        pseudonymous=pseudonymous,
        known=known,
        invisible=invisible,
        by_organisation=dict(zip(ORGANISATIONS, orgs, strict=True)),
    )


def _fill_handovers(conn: Connection, s: Table) -> None:
    h, hh = handover_table.c, history.c
    reached = (
        select(
            hh.handover_id,
            *(func.max(_flag(hh.status == name)).label(f"s_{name}") for name in _STAGE_FIELDS),
            func.min(case((hh.status == "propose", hh.at))).label("propose_at"),
            func.min(case((hh.status == "rdv_honore", hh.at))).label("honore_at"),
        )
        .group_by(hh.handover_id)
        .subquery()
    )
    query = select(
        h.id,
        s.c.month,
        s.c.nbh,
        s.c.stype,
        func.coalesce(h.partner_structure_id, h.partner),
        h.partner,
        func.coalesce(h.partner_service_id, ""),
        # A handover always starts "propose", even if that event were missing from its history.
        literal(1),
        *(reached.c[f"s_{name}"] for name in _STAGE_FIELDS[1:]),
        reached.c.propose_at,
        reached.c.honore_at,
    ).select_from(
        handover_table.join(s, s.c.id == h.contact_id).join(reached, reached.c.handover_id == h.id)
    )
    conn.execute(insert(handover_scope).from_select(list(handover_scope.c.keys()), query))


def _handover_counts(
    conn: Connection, hs: Table
) -> tuple[dict[HandoverKey, Stages], dict[str, str]]:
    dims = (hs.c.month, hs.c.nbh, hs.c.stype, hs.c.partner_key, hs.c.service)
    rows = conn.execute(
        select(
            *dims,
            func.min(hs.c.partner),
            *(func.sum(hs.c[f"s_{name}"]) for name in _STAGE_FIELDS),
        ).group_by(*dims)
    )
    out: dict[HandoverKey, Stages] = {}
    labels: dict[str, str] = {}
    for month, nbh, stype, key, service, label, *counts in rows:
        out[(month, nbh, stype, key, service)] = Stages(*(int(v) for v in counts))
        labels[key] = min(labels.get(key, label), label)
    return out, labels


def _delays(conn: Connection, hs: Table) -> list[tuple[str, str, int]]:
    rows = conn.execute(
        select(
            hs.c.month,
            hs.c.stype,
            func.substr(hs.c.propose_at, 1, 10),
            func.substr(hs.c.honore_at, 1, 10),
        ).where(hs.c.honore_at.is_not(None), hs.c.propose_at.is_not(None))
    )
    # Calendar days between the two dates (UTC), computed here: date arithmetic differs
    # between SQLite and PostgreSQL, and the quartiles need the values anyway.
    return [
        (month, stype, (date.fromisoformat(end) - date.fromisoformat(start)).days)
        for month, stype, start, end in rows
    ]


def dimension_values(source: Engine | Connection) -> tuple[list[str], list[str]]:
    """Neighbourhoods and structure types present in a consolidated store (for filters)."""

    def run(conn: Connection) -> tuple[list[str], list[str]]:
        # Distinct neighbourhoods come straight from their index (no row is read).
        nbhs = conn.execute(select(contacts.c.neighbourhood).distinct()).scalars().all()
        types = conn.execute(select(devices.c.structure_type).distinct()).scalars().all()
        return sorted(str(n) for n in nbhs), sorted(str(t) for t in types if t)

    if isinstance(source, Connection):
        return run(source)
    with source.connect() as conn:
        return run(conn)
