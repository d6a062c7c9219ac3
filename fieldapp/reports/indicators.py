"""The indicators, computed in SQL on a consolidated store (SQLite/SQLCipher or PostgreSQL).

One SQLAlchemy Core query set serves both databases and the field store ("Mon activité"), whose
projection tables have the same columns. Definitions are in docs/indicators.md; in short:

- the *scope* is the contacts that are not voided, dated within the period, and match the
  filters (neighbourhood, structure type of the recording device, structure); a contact's
  structure type is `devices.structure_type` of the device that recorded it;
- a handover belongs to the scope of the contact it came from (its month, neighbourhood and
  structure type), and counts at a stage of the funnel if its history ever reached that status;
- a *person* is a pseudonym; a contact without a pseudonym counts as a person of its own.

Three independent jobs, each on its own connection where the store allows it, read the scope
as conditions on `contacts` (the structure filters as lists of devices):

- the contact cube and people by month, from the consolidated store's covering index
  `ix_contacts_report` (month, neighbourhood, device, mode, age band, gender, ...): grouped in
  index order, without sorting and without reading the wide contact rows; then the handover
  funnel, from `ix_handover_history_report`;
- people by registration: each contact's registrations as one bit mask, OR-ed per
  (neighbourhood, person), then per person, into small temporary tables (kept in memory:
  `temp_store=MEMORY` on SQLCipher, so no plaintext reaches the disk);
- needs: each contact's needs as one bit mask, then one sum per bit (no sort).

Columns that carry a plain index are compared through `col || ''`, so that SQLite scans
instead of following that index one row at a time. Without the report indexes (a field store,
"Mon activité") the same queries sort instead: its data is small.

Results are raw counts, not yet published: `fieldapp.reports.publish` applies suppression.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from operator import itemgetter
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
    literal_column,
    select,
)
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.schema import CreateTable, DropTable

from fieldapp.domain.vocab import NEEDS, REGISTRATIONS
from fieldapp.reports.employer_indicators import EmploymentCounts, compute_employment
from fieldapp.reports.presence_indicators import PresenceFigures, compute_presence
from fieldapp.reports.relay_indicators import RelayCounts, compute_relays
from fieldapp.storage.coord_schema import devices
from fieldapp.storage.schema import (
    contact_needs,
    contact_registrations,
    contact_unmet_needs,
    contacts,
)
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
    # The partner text typed or written for each (partner key, service id): the report's
    # fallback when the directory does not name them (see publish.DirectoryNames).
    handover_labels: dict[tuple[str, str], str] = field(default_factory=dict)
    # Handovers with a code relais, as declared and as confirmed (reports/relay_indicators.py).
    relays: RelayCounts = field(default_factory=RelayCounts)
    # Needs marked « sans solution » (issue 18): (month, neighbourhood) -> needs so marked.
    unmet_needs: Counter[tuple[str, str]] = field(default_factory=Counter)
    # Issue 17: street rounds and joint actions (reports/presence_indicators.py).
    presence: PresenceFigures = field(default_factory=PresenceFigures)
    # Issue 18: immersions and hirings at employers (reports/employer_indicators.py).
    employment: EmploymentCounts = field(default_factory=EmploymentCounts)

    # -- sums over the contact cube, used by the tables ------------------------------------------

    def count(self, **match: str | bool) -> int:
        return sum(n for _key, n in self._matching(match))

    def by(self, *dims: str, **match: str | bool) -> Counter[tuple[Any, ...]]:
        # The tables call this a few dozen times over a cube of ~10^5 keys: positions are
        # resolved once and keys projected by one C call each.
        out: Counter[tuple[Any, ...]] = Counter()
        positions = [_DIMS.index(d) for d in dims]
        if len(positions) == 1:
            (only,) = positions
            for key, n in self._matching(match):
                out[(key[only],)] += n
        else:
            project = itemgetter(*positions)
            for key, n in self._matching(match):
                out[project(key)] += n
        return out

    def _matching(self, match: dict[str, str | bool]) -> Iterator[tuple[ContactKey, int]]:
        items = self.contacts.items()
        if not match:
            return iter(items)
        checks = [(_DIMS.index(d), v) for d, v in match.items()]
        if len(checks) == 1:
            ((p, v),) = checks
            return ((key, n) for key, n in items if key[p] == v)
        return ((key, n) for key, n in items if all(key[p] == v for p, v in checks))

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
    Column("code_hmac", String(64)),  # the code relais's HMAC (reports/relay_indicators.py)
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)

# A person met in a neighbourhood: the union (bitwise OR) of the registrations declared at all
# their contacts there. `pkey` is the pseudonym, else the contact's own id.
neighbourhood_people = Table(
    "rpt_nbh_people",
    _temp,
    Column("nbh", String(16), primary_key=True),
    Column("pkey", String(36), primary_key=True),
    Column("pseudonym", String(9)),
    Column("rmask", Integer, nullable=False),
    prefixes=["TEMPORARY"],
    sqlite_with_rowid=False,
)

# A pseudonymous person over the whole scope: the union of their neighbourhoods' masks.
people_table = Table(
    "rpt_people",
    _temp,
    Column("pkey", String(36), primary_key=True),
    Column("rmask", Integer, nullable=False),
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
# works on one core per query, and the driver releases the GIL while it works.
WORKERS = 2


@dataclass(frozen=True)
class _Filter:
    """The scope as conditions on `contacts` alone (the structure filters as device lists)."""

    conditions: tuple[ColumnElement[bool], ...]
    own_type: str | None  # a field store: every contact is of this structure type

    def stype(self, device_id: Any) -> ColumnElement[str]:
        """The structure type of a contact's device, as a correlated lookup (devices are few)."""
        if self.own_type is not None:
            return literal(self.own_type)
        lookup = (
            select(devices.c.structure_type)
            .where(devices.c.device_id == device_id)
            .scalar_subquery()
        )
        return func.coalesce(lookup, NO_STRUCTURE_TYPE)


def _filter(scope: Scope, own_type: str | None) -> _Filter:
    c = contacts.c
    conditions: list[ColumnElement[bool]] = [~c.voided]
    if scope.date_from is not None:
        conditions.append(_unindexed(c.date) >= scope.date_from.isoformat())
    if scope.date_to is not None:
        conditions.append(_unindexed(c.date) <= scope.date_to.isoformat())
    if scope.neighbourhood is not None:
        conditions.append(_unindexed(c.neighbourhood) == scope.neighbourhood)
    if own_type is None:
        d = devices.c
        if scope.structure_id is not None:
            conditions.append(
                c.device_id.in_(select(d.device_id).where(d.structure_id == scope.structure_id))
            )
        if scope.structure_type is not None:
            typed = func.coalesce(d.structure_type, NO_STRUCTURE_TYPE)
            if scope.structure_type == NO_STRUCTURE_TYPE:
                # Also the contacts of a device missing from `devices` (outer-join semantics).
                others = select(d.device_id).where(typed != NO_STRUCTURE_TYPE)
                conditions.append(c.device_id.not_in(others))
            else:
                chosen = select(d.device_id).where(typed == scope.structure_type)
                conditions.append(c.device_id.in_(chosen))
    elif scope.structure_type is not None and scope.structure_type != own_type:
        conditions.append(literal(False))
    return _Filter(tuple(conditions), own_type)


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
    where = _filter(scope, own_structure_type)

    def presence(conn: Connection, _where: _Filter) -> PresenceFigures:
        return compute_presence(conn, scope, own_structure_type=own_structure_type)

    # Longest first: with two workers, each next job goes to whichever is free first.
    jobs: list[Callable[[Connection, _Filter], Any]] = [
        _registrations,
        _needs,
        _handovers_job,
        _cube_job,
        presence,
        _unmet_needs,
        _employment,
    ]
    if isinstance(source, Connection):
        results = [job(source, where) for job in jobs]
    elif workers <= 1:
        with source.connect() as conn:
            results = [job(conn, where) for job in jobs]
    else:
        with ThreadPoolExecutor(workers, thread_name_prefix="indicateurs") as pool:
            futures = [pool.submit(_on_own_connection, source, job, where) for job in jobs]
            results = [f.result() for f in futures]
    (
        (registrations, by_nbh),
        needs,
        (handovers, (labels, by_service), delays, relays),
        cube_people,
        presence_figures,
        unmet,
        employment,
    ) = results
    cube, people_month = cube_people
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
        handover_labels=by_service,
        relays=relays,
        unmet_needs=unmet,
        employment=employment,
        presence=presence_figures,
    )


def _on_own_connection(
    engine: Engine, job: Callable[[Connection, _Filter], Any], where: _Filter
) -> Any:
    with engine.connect() as conn:
        try:
            return job(conn, where)
        finally:
            conn.rollback()


def _unindexed(col: Any) -> ColumnElement[Any]:
    # `col || ''` hides the index from SQLite's planner (see the module docstring).
    return col.concat("")  # type: ignore[no-any-return]


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def _month(date_column: Any) -> ColumnElement[str]:
    # The very expression of the consolidated store's ix_contacts_report index: constants
    # inline, since neither SQLite nor PostgreSQL matches an index expression to parameters.
    return func.substr(date_column, literal_column("1"), literal_column("7"))


def _with_mask(
    conn: Connection, query: Select[Any], contact_id: Any, mask: ColumnElement[int]
) -> Select[Any]:
    """`query` over `contacts` plus one column: `mask` aggregated over each contact's rows.

    SQLite looks each contact's rows up by key, reading `contacts` in key order (the child
    tables are stored in contact order too, so the lookups follow each other on the same
    pages; in the order of a covering index they would jump around the file). PostgreSQL
    aggregates the child table once and hash-joins it.
    """
    if conn.dialect.name == "sqlite":
        lookup = select(func.coalesce(mask, 0)).where(contact_id == contacts.c.id).scalar_subquery()
        return query.add_columns(lookup).order_by(contacts.c.id)
    per_contact = (
        select(contact_id.label("contact_id"), mask.label("mask"))
        .group_by(contact_id)
        .subquery("per_contact")
    )
    return query.add_columns(func.coalesce(per_contact.c.mask, 0)).select_from(
        contacts.outerjoin(per_contact, per_contact.c.contact_id == contacts.c.id)
    )


# -- contacts and people by month; handovers -----------------------------------------


def _cube_job(conn: Connection, where: _Filter) -> tuple[Counter[ContactKey], dict[str, int]]:
    return _contact_cube(conn, where), _people_by_month(conn, where)


def _handovers_job(
    conn: Connection, where: _Filter
) -> tuple[
    dict[HandoverKey, Stages],
    tuple[dict[str, str], dict[tuple[str, str], str]],
    list[tuple[str, str, int]],
    RelayCounts,
]:
    with _temporary(conn, handover_scope) as hs:
        _fill_handovers(conn, where, hs)
        counts, labels = _handover_counts(conn, hs)
        # The relays confirmed read the same scoped handovers (joining contacts again would
        # cost as much as the whole handover job).
        return counts, labels, _delays(conn, hs), compute_relays(conn, hs, where.own_type)


def _contact_cube(conn: Connection, where: _Filter) -> Counter[ContactKey]:
    """Contacts by month, neighbourhood, structure type, mode, age band, gender, pseudonym.

    Grouped first by device, in the order of the covering index ix_contacts_report (no sort;
    with and without pseudonym counted side by side), then by structure type: a few thousand
    groups instead of every contact.
    """
    c = contacts.c
    dims = (_month(c.date), c.neighbourhood, c.device_id, c.contact_mode, c.age_band, c.gender)
    by_device = (
        select(
            *(d.label(f"k{i}") for i, d in enumerate(dims)),
            func.count().label("n"),
            func.count(c.pseudonym).label("named"),
        )
        .where(*where.conditions)
        .group_by(*dims)
        .subquery("by_device")
    )
    g = by_device.c
    source: Any = by_device
    stype: ColumnElement[str]
    if where.own_type is None:
        source = by_device.outerjoin(devices, devices.c.device_id == g.k2)
        stype = func.coalesce(devices.c.structure_type, NO_STRUCTURE_TYPE)
    else:
        stype = literal(where.own_type)
    keys = (g.k0, g.k1, stype, g.k3, g.k4, g.k5)
    rows = conn.execute(
        select(*keys, func.sum(g.n), func.sum(g.named)).select_from(source).group_by(*keys)
    )
    out: Counter[ContactKey] = Counter()
    for month, nbh, kind, mode, age, gender, n, named in rows:
        if named:
            out[(month, nbh, kind, mode, age, gender, True)] = int(named)
        if n - named:
            out[(month, nbh, kind, mode, age, gender, False)] = int(n - named)
    return out


def _people_by_month(conn: Connection, where: _Filter) -> dict[str, int]:
    c = contacts.c
    month = _month(c.date)
    rows = conn.execute(
        select(month, func.count(func.distinct(c.pseudonym)))
        .where(*where.conditions, c.pseudonym.is_not(None))
        .group_by(month)
    )
    return {str(key): int(n) for key, n in rows}


# -- people; needs (a connection each) -------------------------------------------------------------


def _registrations(
    conn: Connection, where: _Filter
) -> tuple[RegistrationCounts, dict[str, RegistrationCounts]]:
    """People by registration, overall and by neighbourhood (met there at least once).

    Each contact's registrations are one bit mask, looked up by its key. The masks are OR-ed
    per (neighbourhood, person) into a temporary table keyed in that order, so that the
    neighbourhood totals read it in key order; the pseudonymous people are OR-ed again over
    their neighbourhoods for the overall totals (a contact without a pseudonym is a person of
    its own, in one neighbourhood).
    """
    c, r = contacts.c, contact_registrations.c
    per_contact = _with_mask(
        conn,
        select(c.neighbourhood, func.coalesce(c.pseudonym, c.id), c.pseudonym).where(
            *where.conditions
        ),
        r.contact_id,
        func.sum(_REGISTRATION_BITS),
    )
    with _temporary(conn, neighbourhood_people) as pn, _temporary(conn, people_table) as pt:
        _or_into(conn, pn, per_contact)
        by_nbh = {
            str(row[0]): _registration_counts(row[1:])
            for row in conn.execute(select(pn.c.nbh, *_person_sums(pn)).group_by(pn.c.nbh))
        }
        _or_into(conn, pt, select(pn.c.pkey, pn.c.rmask).where(pn.c.pseudonym.is_not(None)))
        named = conn.execute(select(*_person_sums(pt, pseudonymous=True))).one()
        unnamed = conn.execute(select(*_person_sums(pn)).where(pn.c.pseudonym.is_(None))).one()
    total = [int(a or 0) + int(b or 0) for a, b in zip(named, unnamed, strict=True)]
    return _registration_counts(total), by_nbh


def _or_into(conn: Connection, table: Table, rows: Select[Any]) -> None:
    """Insert `rows` into `table`, OR-ing the `rmask` of rows that share a primary key."""
    keys = [col.name for col in table.primary_key.columns]
    names = [col.name for col in table.c]
    if conn.dialect.name == "sqlite":
        # SQLite has no bit_or aggregate; an upsert folds each row into its key at once.
        upsert = sqlite_insert(table).from_select(names, rows)
        conn.execute(
            upsert.on_conflict_do_update(
                index_elements=keys,
                set_={"rmask": table.c.rmask.op("|")(upsert.excluded.rmask)},
            )
        )
        return
    source = rows.subquery("rows")
    cols = list(source.c)
    aggregated = [
        col if name in keys else func.bit_or(col) if name == "rmask" else func.min(col)
        for name, col in zip(names, cols, strict=True)
    ]
    conn.execute(
        insert(table).from_select(
            names, select(*aggregated).group_by(*(cols[names.index(k)] for k in keys))
        )
    )


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


def _person_sums(t: Table, *, pseudonymous: bool = False) -> list[ColumnElement[Any]]:
    def has(bits: int) -> ColumnElement[bool]:
        return t.c.rmask.op("&")(bits) != 0

    named = func.count() if pseudonymous else func.sum(_flag(t.c.pseudonym.is_not(None)))
    return [
        func.count(),
        named,
        func.sum(_flag(has(_KNOWN_BITS))),
        func.sum(_flag(and_(has(_bit("aucune")), ~has(_ORGANISATION_BITS)))),
        *(func.sum(_flag(has(_bit(code)))) for code in ORGANISATIONS),
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


_NEEDS = NEEDS.codes()
_UNKNOWN_NEED_BIT = 1 << len(_NEEDS)


def _needs(conn: Connection, where: _Filter) -> Counter[str]:
    """Contacts citing each need: each contact's needs as a bit mask, then one sum per bit.

    One pass without sorting; needs this version does not know (a newer app) are counted by a
    second query, only if there are any.
    """
    c, n = contacts.c, contact_needs.c
    bits = case(*((n.need == code, 1 << i) for i, code in enumerate(_NEEDS)), else_=0)
    unknown = _flag(n.need.not_in(_NEEDS))
    mask = func.sum(bits) + _UNKNOWN_NEED_BIT * func.max(unknown)
    per_contact = _with_mask(conn, select(c.id).where(*where.conditions), n.contact_id, mask)
    # LIMIT keeps SQLite from copying the mask's subquery into each sum below.
    scoped = per_contact.limit(-1 if conn.dialect.name == "sqlite" else None).subquery("scoped")
    m = list(scoped.c)[-1]
    # sum(m & 2^i) is 2^i times the contacts citing need i: one operation per need and row.
    sums = [func.sum(m.op("&")(1 << i)) for i in range(len(_NEEDS) + 1)]
    totals = conn.execute(select(*sums).select_from(scoped)).one()
    *counts, other = (int(v or 0) >> i for i, v in enumerate(totals))
    out = Counter({code: k for code, k in zip(_NEEDS, counts, strict=True) if k})
    if other:
        ids = select(c.id).where(*where.conditions)
        rows = conn.execute(
            select(n.need, func.count())
            .where(n.contact_id.in_(ids), n.need.not_in(_NEEDS))
            .group_by(n.need)
        )
        out.update({str(need): int(k) for need, k in rows})
    return out


# -- handovers -------------------------------------------------------------------------------------


def _unmet_needs(conn: Connection, where: _Filter) -> Counter[tuple[str, str]]:
    """Needs marked « sans solution », by month and neighbourhood of their contact."""
    c, u = contacts.c, contact_unmet_needs.c
    month = _month(c.date)
    query = (
        select(month, c.neighbourhood, func.count())
        .select_from(contact_unmet_needs.join(contacts, u.contact_id == c.id))
        .where(*where.conditions)
        .group_by(month, c.neighbourhood)
    )
    return Counter({(str(m), str(n)): int(k) for m, n, k in conn.execute(query)})


def _employment(conn: Connection, where: _Filter) -> EmploymentCounts:
    return compute_employment(conn, where.conditions)


def _fill_handovers(conn: Connection, where: _Filter, hs: Table) -> None:
    h, hh, c = handover_table.c, history.c, contacts.c
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
    query = (
        select(
            h.id,
            _month(c.date),
            c.neighbourhood,
            where.stype(c.device_id),
            func.coalesce(h.partner_structure_id, h.partner),
            h.partner,
            func.coalesce(h.partner_service_id, ""),
            # A handover always starts "propose", even if that event were missing from its
            # history.
            literal(1),
            *(reached.c[f"s_{name}"] for name in _STAGE_FIELDS[1:]),
            reached.c.propose_at,
            reached.c.honore_at,
            h.code_hmac,
        )
        .select_from(
            handover_table.join(contacts, c.id == h.contact_id).join(
                reached, reached.c.handover_id == h.id
            )
        )
        .where(*where.conditions)
    )
    conn.execute(insert(hs).from_select(list(hs.c.keys()), query))


def _handover_counts(
    conn: Connection, hs: Table
) -> tuple[dict[HandoverKey, Stages], tuple[dict[str, str], dict[tuple[str, str], str]]]:
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
    by_service: dict[tuple[str, str], str] = {}
    for month, nbh, stype, key, service, label, *counts in rows:
        out[(month, nbh, stype, key, service)] = Stages(*(int(v) for v in counts))
        labels[key] = min(labels.get(key, label), label)
        by_service[(key, service)] = min(by_service.get((key, service), label), label)
    return out, (labels, by_service)


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
