"""From raw indicators to the published report: tables, suppression, rates, labels.

Every count goes through one `_Grid` per table: it records the additive relations of the table
(rows, columns, and subtotals published in another table), runs the suppression of
`fieldapp.reports.suppression` over them, and hands out finished cells. A rate, median or
quartile is published only when every count it rests on is published (and, for quartiles, when
there are at least k values).
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from fieldapp.domain.display import neighbourhood_label as display_neighbourhood
from fieldapp.domain.vocab import (
    AGE_BANDS,
    GENDERS,
    NEEDS,
    REGISTRATIONS,
    STRUCTURE_TYPES,
    Vocabulary,
)
from fieldapp.messages import Text, language, say
from fieldapp.reports.indicators import (
    FUNNEL,
    LOST,
    ORGANISATIONS,
    Indicators,
    RegistrationCounts,
    Scope,
    Stages,
)
from fieldapp.reports.relay_indicators import NOT_CONFIRMED
from fieldapp.reports.suppression import Line, suppress
from fieldapp.reports.tables import CONFIDENTIAL, NOT_APPLICABLE, Cell, Row, Table, legend

DEFAULT_K = 5
MONTHS = tuple(f"reports.month.m{number:02d}" for number in range(1, 13))
# Catalogue codes: every label is rendered when the report is built, in the current language.
STAGE_LABELS = {
    "propose": "reports.stage.proposed",
    "rdv_fixe": "reports.stage.appointment_set",
    "rdv_honore": "reports.stage.appointment_attended",
    "entre_dispositif": "reports.stage.entered",
    "perdu_de_vue": "reports.stage.lost",
    "expire": "reports.stage.expired",
}
TOTAL = "reports.label.total"


@dataclass
class Report:
    title: str
    scope: Scope
    k: int | None
    tables: list[Table]
    generated: datetime = field(default_factory=lambda: datetime.now(UTC))
    method: list[str] = field(default_factory=list)
    names: DirectoryNames | None = None  # the directory's, to name the neighbourhood filter

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def period_text(self) -> str:
        return period_text(self.scope)

    def filters_text(self) -> str:
        return filters_text(self.scope, self.names)

    def heading(self) -> list[str]:
        """Title, period, scope and production time: the first lines of every export."""
        return [
            self.title,
            say("reports.header.period", period=self.period_text()),
            say("reports.header.scope", scope=self.filters_text()),
            say("reports.header.generated", **self.generated_parts()),
        ]

    def generated_parts(self) -> dict[str, str]:
        """When the report was produced, in local time with its zone: day, time, zone."""
        local = self.generated.astimezone()
        return {
            "day": local.strftime(say("reports.period.day_format")),
            "time": f"{local:%H:%M}",
            "zone": zone_text(local),
        }


def zone_text(moment: datetime) -> str:
    """ "CET, UTC+01:00" (or "UTC+05:30" when the zone has no name of its own)."""
    offset = moment.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "−"
    numeric = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    name = moment.tzname() or ""
    if not name or name[0] in "+-" or name.startswith("UTC") or name == "GMT":
        return "UTC" if minutes == 0 else numeric
    return f"{name}, {numeric}"


# -- labels ------------------------------------------------------------------------------------


def month_label(month: str) -> str:
    year, number = month.split("-")
    return say("reports.month.label", month=Text(MONTHS[int(number) - 1]), year=year)


def _month_cell(month: str) -> Cell:
    return Cell.label(month_label(month), month=month)


def neighbourhood_label(code: str, names: DirectoryNames | None = None) -> str:
    """« Quartier des Tilleuls — QN07699A » when the directory names it (issue 18)."""
    if code == "hors-qpv":
        return say("reports.label.hors_qpv")
    return display_neighbourhood(code, names.neighbourhoods if names else {})


def structure_type_label(code: str) -> str:
    return _label(STRUCTURE_TYPES, code)


def _label(vocab: Vocabulary, code: str) -> str:
    if not code:
        return say("reports.label.not_stated")
    return vocab.label(code, language()) if code in vocab else code


def _day(d: date) -> str:
    return d.strftime(say("reports.period.day_format"))


def period_text(scope: Scope) -> str:
    if scope.date_from and scope.date_to:
        return say("reports.period.between", start=_day(scope.date_from), end=_day(scope.date_to))
    if scope.date_from:
        return say("reports.period.since", start=_day(scope.date_from))
    if scope.date_to:
        return say("reports.period.until", end=_day(scope.date_to))
    return say("reports.period.all")


def filters_text(scope: Scope, names: DirectoryNames | None = None) -> str:
    parts = []
    if scope.neighbourhood:
        label = neighbourhood_label(scope.neighbourhood, names)
        # A named one reads « Quartier des Tilleuls — QN07699A »; a bare code gets its word.
        named = label != scope.neighbourhood
        parts.append(label if named else say("reports.scope.neighbourhood", name=label))
    if scope.structure_type:
        parts.append(
            say("reports.scope.structure_type", name=structure_type_label(scope.structure_type))
        )
    if scope.structure_id:
        parts.append(say("reports.scope.structure", id=scope.structure_id))
    return ", ".join(parts) if parts else say("reports.scope.all")


# -- the suppression grid ------------------------------------------------------------------------


class _Grid:
    """The counts of one table with their additive relations; suppression on demand."""

    def __init__(self, k: int | None) -> None:
        self.k = k
        self.values: list[int] = []
        self.lines: list[Line] = []
        self._hidden: set[int] | None = None

    def add(self, value: int) -> int:
        self.values.append(int(value))
        return len(self.values) - 1

    def line(self, members: Sequence[int], total: int | None = None) -> None:
        self.lines.append(Line(tuple(members), total))

    def hidden(self) -> set[int]:
        if self._hidden is None:
            self._hidden = set() if self.k is None else suppress(self.values, self.lines, self.k)
        return self._hidden

    def count(self, index: int) -> Cell:
        value = self.values[index]
        hidden = index in self.hidden()
        return Cell(value, "count", hidden, hidden and self.k is not None and 0 < value < self.k)

    def rate(self, numerator: int, base: int) -> Cell:
        if self.values[base] == 0:
            return Cell(None, "rate")
        hidden = self.hidden()
        secret = numerator in hidden or base in hidden
        return Cell(self.values[numerator] / self.values[base], "rate", secret)


def _grid_table(
    grid: _Grid,
    key: str,
    title: str,
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    values: Sequence[Sequence[int]],
    *,
    corner: str,
    notes: Sequence[str] = (),
    row_months: Sequence[str] | None = None,
) -> Table:
    """A rows × columns table of counts with its margins (all lines declared before output)."""
    cells = [[grid.add(v) for v in row] for row in values]
    row_totals = [grid.add(sum(row)) for row in values]
    col_totals = [
        grid.add(sum(values[i][j] for i in range(len(values)))) for j in range(len(col_labels))
    ]
    grand = grid.add(sum(sum(row) for row in values))
    for i, row in enumerate(cells):
        grid.line(row, row_totals[i])
    for j, total in enumerate(col_totals):
        grid.line([cells[i][j] for i in range(len(cells))], total)
    grid.line(row_totals, grand)
    grid.line(col_totals, grand)

    heads = (
        [_month_cell(m) for m in row_months] if row_months else [Cell.label(r) for r in row_labels]
    )
    rows = [
        Row([heads[i], *(grid.count(c) for c in cells[i]), grid.count(row_totals[i])])
        for i in range(len(row_labels))
    ]
    rows.append(
        Row([Cell.label(say(TOTAL)), *(grid.count(c) for c in col_totals), grid.count(grand)], True)
    )
    return Table(
        key, title, [corner, *col_labels, say(TOTAL)], rows, [*notes, legend(grid.k)], grid.k
    )


# -- the report ------------------------------------------------------------------------------------


def build_report(
    ind: Indicators,
    *,
    k: int | None = DEFAULT_K,
    title: str | None = None,
    names: DirectoryNames | None = None,
) -> Report:
    """Every published table for these indicators; `k=None` publishes without suppression;
    `names` are the directory's, for the partners and services."""
    tables = [
        _key_figures(ind, k),
        _contacts_by_month(ind, k),
        _people_by_month(ind, k),
        _neighbourhoods(ind, k, names),
        _detail(ind, k, names),
        _people_by_neighbourhood(ind, k, names),
        _registrations(ind, k),
        _needs(ind, k),
        _age_gender(ind, k),
        _funnel_by_month(ind, k),
        _partners(ind, k, names),
        _delays(ind, k),
        _relays_confirmed(ind, k),
        _unmet_needs(ind, k, names),
    ]
    # Issue 17's tables (`presence`, `actions`); imported here: that module builds on this one.
    from fieldapp.reports.presence_tables import presence_tables

    tables.extend(presence_tables(ind, k))
    # Issue 18's employers (`immersions_embauches`), on the same terms.
    from fieldapp.reports.employer_tables import employer_tables

    tables.extend(employer_tables(ind, k, names))
    return Report(
        title=title or say("reports.title.default"),
        scope=ind.scope,
        k=k,
        tables=tables,
        method=method_notes(k),
        names=names,
    )


def method_notes(k: int | None) -> list[str]:
    notes = [
        say("reports.method.scope"),
        say("reports.method.people"),
        say("reports.method.invisible"),
        say("reports.method.funnel"),
    ]
    if k is not None:
        notes.append(say("reports.method.suppression", k=k, confidential=CONFIDENTIAL))
    else:
        notes.append(say("reports.method.own_data"))
    return notes


def _simple(
    key: str,
    title: str,
    columns: list[str],
    rows: list[Row],
    k: int | None,
    notes: Sequence[str] = (),
    label_columns: int = 1,
) -> Table:
    return Table(key, title, columns, rows, [*notes, legend(k)], k, label_columns)


def _key_figures(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    first = g.add(ind.count(mode="premier-contact"))
    repeat = g.add(ind.count(mode="recontact"))
    contacts = g.add(sum(ind.contacts.values()))
    g.line([first, repeat], contacts)
    people = g.add(ind.people_total)
    anonymous = g.add(ind.count(pseudonymous=False))
    regs = ind.registrations
    known = g.add(regs.known)
    invisible = g.add(regs.invisible)
    total = ind.stages_total()
    proposed = g.add(total.propose)
    entered = g.add(total.entre_dispositif)
    lost = g.add(total.perdu_de_vue + total.expire)
    days = [d for _, _, d in ind.delays]
    attended = g.add(len(days))
    rows = [
        (say("reports.label.contacts"), g.count(contacts)),
        (say("reports.key.first_contacts"), g.count(first)),
        (say("reports.key.recontacts"), g.count(repeat)),
        (say("reports.label.distinct_people"), g.count(people)),
        (say("reports.label.no_pseudonym"), g.count(anonymous)),
        (say("reports.key.registration_known"), g.count(known)),
        (say("reports.key.invisible"), g.count(invisible)),
        (say("reports.label.invisible_share"), g.rate(invisible, known)),
        (say("reports.key.proposed"), g.count(proposed)),
        (say("reports.key.entered"), g.count(entered)),
        (say("reports.key.entry_rate"), g.rate(entered, proposed)),
        (say("reports.key.lost"), g.count(lost)),
        (say("reports.key.median_delay"), _median(g, attended, days)),
    ]
    return _simple(
        "synthese",
        say("reports.title.key_figures"),
        [say("reports.column.indicator"), say("reports.column.value")],
        [Row([Cell.label(label), cell]) for label, cell in rows],
        k,
    )


def _median(g: _Grid, base: int, days: list[int]) -> Cell:
    if not days:
        return Cell(None, "days")
    secret = base in g.hidden() or (g.k is not None and len(days) < g.k)
    return Cell(float(statistics.median(days)), "days", secret)


def _contacts_by_month(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    by = ind.by("month", "mode")
    values = [[by[(m, "premier-contact")], by[(m, "recontact")]] for m in ind.months]
    return _grid_table(
        g,
        "contacts_mois",
        say("reports.title.contacts_by_month"),
        [month_label(m) for m in ind.months],
        [say("reports.column.first_contacts"), say("reports.column.recontacts")],
        values,
        corner=say("reports.column.month"),
        row_months=ind.months,
    )


def _people_by_month(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    anonymous = ind.by("month", pseudonymous=False)
    people = [g.add(ind.people_by_month.get(m, 0)) for m in ind.months]
    alone = [g.add(anonymous[(m,)]) for m in ind.months]
    people_total = g.add(ind.people_total)
    alone_total = g.add(sum(anonymous.values()))
    # People over several months are counted in each: the line is cautious, not exact.
    g.line(people, people_total)
    g.line(alone, alone_total)
    rows = [
        Row([_month_cell(m), g.count(people[i]), g.count(alone[i])])
        for i, m in enumerate(ind.months)
    ]
    rows.append(Row([Cell.label(say(TOTAL)), g.count(people_total), g.count(alone_total)], True))
    return _simple(
        "personnes_mois",
        say("reports.title.people_by_month"),
        [
            say("reports.column.month"),
            say("reports.label.distinct_people"),
            say("reports.label.no_pseudonym"),
        ],
        rows,
        k,
        [say("reports.note.people_by_month")],
    )


def _stypes(ind: Indicators) -> list[str]:
    return ind.values("structure_type")


def _neighbourhoods(ind: Indicators, k: int | None, names: DirectoryNames | None = None) -> Table:
    g = _Grid(k)
    nbhs, stypes = ind.values("neighbourhood"), _stypes(ind)
    by = ind.by("neighbourhood", "structure_type")
    return _grid_table(
        g,
        "quartiers",
        say("reports.title.neighbourhoods"),
        [neighbourhood_label(n, names) for n in nbhs],
        [structure_type_label(t) for t in stypes],
        [[by[(n, t)] for t in stypes] for n in nbhs],
        corner=say("reports.column.neighbourhood"),
    )


def _detail(ind: Indicators, k: int | None, names: DirectoryNames | None = None) -> Table:
    """Month × neighbourhood × structure type: the finest grain published."""
    g = _Grid(k)
    stypes = _stypes(ind)
    by = ind.by("month", "neighbourhood", "structure_type")
    pairs = sorted({(m, n) for m, n, _ in by})
    cells = [[g.add(by[(m, n, t)]) for t in stypes] for m, n in pairs]
    row_totals = [g.add(sum(g.values[c] for c in row)) for row in cells]
    col_totals = [g.add(sum(by[(m, n, t)] for m, n in pairs)) for t in stypes]
    grand = g.add(sum(by.values()))
    for row, total in zip(cells, row_totals, strict=True):
        g.line(row, total)
    for j, total in enumerate(col_totals):
        g.line([row[j] for row in cells], total)
    g.line(row_totals, grand)
    g.line(col_totals, grand)
    # The month totals are published in "Contacts par mois": each month is a line too.
    for month in sorted({m for m, _ in pairs}):
        g.line([row_totals[i] for i, (m, _) in enumerate(pairs) if m == month])
    rows = [
        Row(
            [
                _month_cell(m),
                Cell.label(neighbourhood_label(n, names)),
                *(g.count(c) for c in cells[i]),
                g.count(row_totals[i]),
            ]
        )
        for i, (m, n) in enumerate(pairs)
    ]
    rows.append(
        Row(
            [
                Cell.label(say(TOTAL)),
                Cell.label(""),
                *(g.count(c) for c in col_totals),
                g.count(grand),
            ],
            True,
        )
    )
    return _simple(
        "detail",
        say("reports.title.detail"),
        [
            say("reports.column.month"),
            say("reports.column.neighbourhood"),
            *(structure_type_label(t) for t in stypes),
            say(TOTAL),
        ],
        rows,
        k,
        [say("reports.note.detail")],
        label_columns=2,
    )


def _people_by_neighbourhood(
    ind: Indicators, k: int | None, names: DirectoryNames | None = None
) -> Table:
    g = _Grid(k)
    nbhs = ind.values("neighbourhood")
    columns = ["people", "pseudonymous", "known", "invisible"]
    per = [ind.registrations_by_neighbourhood.get(n, RegistrationCounts()) for n in nbhs]
    ids = [{c: g.add(getattr(r, c)) for c in columns} for r in per]
    total = {c: g.add(getattr(ind.registrations, c)) for c in columns}
    for c in columns:  # cautious: a person met in two neighbourhoods counts in both
        g.line([row[c] for row in ids], total[c])
    rows = [
        Row(
            [
                Cell.label(neighbourhood_label(n, names)),
                g.count(ids[i]["pseudonymous"]),
                g.count(ids[i]["people"]),
                g.count(ids[i]["known"]),
                g.count(ids[i]["invisible"]),
                g.rate(ids[i]["invisible"], ids[i]["known"]),
            ]
        )
        for i, n in enumerate(nbhs)
    ]
    rows.append(
        Row(
            [
                Cell.label(say(TOTAL)),
                g.count(total["pseudonymous"]),
                g.count(total["people"]),
                g.count(total["known"]),
                g.count(total["invisible"]),
                g.rate(total["invisible"], total["known"]),
            ],
            True,
        )
    )
    return _simple(
        "quartiers_personnes",
        say("reports.title.people_by_neighbourhood"),
        [
            say("reports.column.neighbourhood"),
            say("reports.label.distinct_people"),
            say("reports.column.people_met_all"),
            say("reports.label.registration_known"),
            say("reports.column.invisible"),
            say("reports.label.invisible_share"),
        ],
        rows,
        k,
        [say("reports.note.people_by_neighbourhood")],
    )


def _registrations(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    regs = ind.registrations
    people = g.add(regs.people)
    known = g.add(regs.known)
    unknown = g.add(regs.people - regs.known)
    g.line([known, unknown], people)
    invisible = g.add(regs.invisible)
    orgs = {code: g.add(regs.by_organisation.get(code, 0)) for code in ORGANISATIONS}
    rows = [
        Row(
            [
                Cell.label(say("reports.label.no_registration")),
                g.count(invisible),
                g.rate(invisible, known),
            ]
        )
    ]
    rows += [
        Row([Cell.label(REGISTRATIONS.label(code)), g.count(i), g.rate(i, known)])
        for code, i in orgs.items()
    ]
    rows += [
        Row(
            [
                Cell.label(say("reports.label.registration_known")),
                g.count(known),
                Cell(None, "rate"),
            ]
        ),
        Row(
            [
                Cell.label(say("reports.label.registration_unknown")),
                g.count(unknown),
                Cell(None, "rate"),
            ]
        ),
        Row(
            [Cell.label(say("reports.label.people_met")), g.count(people), Cell(None, "rate")], True
        ),
    ]
    return _simple(
        "inscriptions",
        say("reports.title.registrations"),
        [
            say("reports.column.registration"),
            say("reports.column.people"),
            say("reports.column.known_share"),
        ],
        rows,
        k,
        [say("reports.note.registrations")],
    )


def _unmet_needs(ind: Indicators, k: int | None, names: DirectoryNames | None) -> Table:
    """Needs marked « sans solution » by month and neighbourhood (issue 18), suppressed like
    the other counts: what the directory lacks, where and when."""
    nbhs = sorted({n for _, n in ind.unmet_needs})
    months = ind.months or sorted({m for m, _ in ind.unmet_needs})
    values = [[ind.unmet_needs.get((m, n), 0) for n in nbhs] for m in months]
    return _grid_table(
        _Grid(k),
        "besoins_sans_solution",
        say("reports.title.unmet_needs"),
        [month_label(m) for m in months],
        [neighbourhood_label(n, names) for n in nbhs],
        values,
        corner=say("reports.column.month"),
        notes=[say("reports.note.unmet_needs")],
        row_months=months,
    )


def _needs(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    contacts = g.add(sum(ind.contacts.values()))
    ranked = sorted(
        ind.needs.items(), key=lambda kv: (-kv[1], NEEDS.index(kv[0]) if kv[0] in NEEDS else 99)
    )
    ids = [(code, g.add(n)) for code, n in ranked if n > 0]
    rows = [
        Row([Cell.label(_label(NEEDS, code)), g.count(i), g.rate(i, contacts)]) for code, i in ids
    ]
    rows.append(
        Row(
            [
                Cell.label(say("reports.label.scope_contacts")),
                g.count(contacts),
                Cell(None, "rate"),
            ],
            True,
        )
    )
    return _simple(
        "besoins",
        say("reports.title.needs"),
        [
            say("reports.column.need"),
            say("reports.label.contacts"),
            say("reports.column.contacts_share"),
        ],
        rows,
        k,
        [say("reports.note.needs")],
    )


def _age_gender(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    by = ind.by("age", "gender")
    ages = [a for a in AGE_BANDS.codes()] + sorted({a for a, _ in by} - set(AGE_BANDS.codes()))
    genders = [x for x in GENDERS.codes()] + sorted({x for _, x in by} - set(GENDERS.codes()))
    return _grid_table(
        g,
        "age_genre",
        say("reports.title.age_gender"),
        [_label(AGE_BANDS, a) for a in ages],
        [_label(GENDERS, x) for x in genders],
        [[by[(a, x)] for x in genders] for a in ages],
        corner=say("reports.column.age_band"),
    )


_RATES = (
    ("reports.rate.appointment_set", "rdv_fixe", "propose"),
    ("reports.rate.appointment_attended", "rdv_honore", "rdv_fixe"),
    ("reports.rate.entry_after_appointment", "entre_dispositif", "rdv_honore"),
    ("reports.rate.entry_overall", "entre_dispositif", "propose"),
)


def _funnel_by_month(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    per = ind.stages_by("month")
    stages = (*FUNNEL, *LOST)
    ids = [{s: g.add(per.get(m, Stages()).get(s)) for s in stages} for m in ind.months]
    total = ind.stages_total()
    tot = {s: g.add(total.get(s)) for s in stages}
    for s in stages:
        g.line([row[s] for row in ids], tot[s])

    def cells(row: dict[str, int]) -> list[Cell]:
        return [g.count(row[s]) for s in stages] + [g.rate(row[a], row[b]) for _, a, b in _RATES]

    rows = [Row([_month_cell(m), *cells(ids[i])]) for i, m in enumerate(ind.months)]
    rows.append(Row([Cell.label(say(TOTAL)), *cells(tot)], True))
    return _simple(
        "relais_mois",
        say("reports.title.funnel"),
        [
            say("reports.column.month"),
            *(say(STAGE_LABELS[s]) for s in stages),
            *(say(label) for label, _, _ in _RATES),
        ],
        rows,
        k,
        [say("reports.note.funnel")],
    )


@dataclass(frozen=True)
class DirectoryNames:
    """The directory's names by id (structures and services of the coordination's pack): how
    the report names partners and services, never by an id such as `demo-relais--svc-03`."""

    structures: Mapping[str, str] = field(default_factory=dict)
    services: Mapping[str, str] = field(default_factory=dict)
    neighbourhoods: Mapping[str, str] = field(default_factory=dict)  # QPV code -> name


def _fold(name: str) -> str:
    return " ".join(name.casefold().split())


def partner_names(
    ind: Indicators, names: DirectoryNames | None = None
) -> dict[tuple[str, str], tuple[str, str]]:
    """(partner key, service id) of each handover group -> (partner name, service name).

    The directory's names first; else the text written with the handover, which for a
    directory handover reads "structure — service" (`services.directory.handover_partner`);
    "" when no service was chosen. An id is never a name.
    """
    names = names or DirectoryNames()
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for _, _, _, key, service in ind.handovers:
        if (key, service) in out:
            continue
        typed = ind.handover_labels.get((key, service)) or ind.partner_labels.get(key, key)
        head, sep, tail = typed.rpartition(" — ")
        split = bool(service and sep)
        partner = names.structures.get(key) or (head if split else typed)
        label = ""
        if service:
            label = names.services.get(service) or (tail if split else say(_UNNAMED))
        out[(key, service)] = (partner, label)
    return out


_UNNAMED = "reports.label.service_unnamed"
_METRICS = ("propose", "rdv_honore", "entre_dispositif", "lost")


def _partners(ind: Indicators, k: int | None, names: DirectoryNames | None) -> Table:
    """One line per partner (its total, when it has several services) and one per service."""
    g = _Grid(k)
    named = partner_names(ind, names)
    # partner (folded) -> its name and services (folded) -> (service name, stages)
    groups: dict[str, tuple[str, dict[str, tuple[str, Stages]]]] = {}
    for (_, _, _, key, service), counts in ind.handovers.items():
        partner, label = named[(key, service)]
        _, services = groups.setdefault(_fold(partner), (partner, {}))
        _, stages = services.setdefault(_fold(label), (label, Stages()))
        stages.add(counts)

    def metrics(st: Stages) -> dict[str, int]:
        return {
            **{s: g.add(st.get(s)) for s in _METRICS[:3]},
            "lost": g.add(st.perdu_de_vue + st.expire),
        }

    layout: list[tuple[str, str, dict[str, int], bool]] = []  # partner, service, ids, subtotal
    leaves: list[dict[str, int]] = []
    for folded in sorted(groups):
        partner, services = groups[folded]
        # Named services in order, the handovers without a service last.
        ordered = sorted(services, key=lambda f: (f == "", f))
        subs = [(services[f][0], metrics(services[f][1])) for f in ordered]
        leaves += [ids for _, ids in subs]
        if len(subs) == 1:
            label, ids = subs[0]
            layout.append((partner, label or NOT_APPLICABLE, ids, False))
            continue
        whole = Stages()
        for f in ordered:
            whole.add(services[f][1])
        sub = metrics(whole)
        for c in _METRICS:
            g.line([ids[c] for _, ids in subs], sub[c])
        layout.append((partner, say("reports.label.all_services"), sub, True))
        layout += [
            (partner, label or say("reports.label.service_not_given"), ids, False)
            for label, ids in subs
        ]
    total = ind.stages_total()
    tot = {
        **{s: g.add(total.get(s)) for s in _METRICS[:3]},
        "lost": g.add(total.perdu_de_vue + total.expire),
    }
    for c in _METRICS:
        g.line([ids[c] for ids in leaves], tot[c])

    def cells(row: dict[str, int]) -> list[Cell]:
        return [
            *(g.count(row[c]) for c in _METRICS),
            g.rate(row["entre_dispositif"], row["propose"]),
        ]

    rows = [
        Row([Cell.label(partner), Cell.label(service), *cells(ids)], subtotal)
        for partner, service, ids, subtotal in layout
    ]
    rows.append(Row([Cell.label(say(TOTAL)), Cell.label(""), *cells(tot)], True))
    return _simple(
        "relais_partenaires",
        say("reports.title.partners"),
        [
            say("reports.column.partner"),
            say("reports.column.service"),
            say("reports.stage.proposed"),
            say("reports.stage.appointment_attended"),
            say("reports.stage.entered"),
            say("reports.column.lost_or_expired"),
            say("reports.column.entry_rate"),
        ],
        rows,
        k,
        [say("reports.note.partners")],
        label_columns=2,
    )


def _delays(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    by_month: dict[str, list[int]] = {}
    for month, _, days in ind.delays:
        by_month.setdefault(month, []).append(days)
    every = [d for _, _, d in ind.delays]
    ids = [g.add(len(by_month.get(m, []))) for m in ind.months]
    total = g.add(len(every))
    g.line(ids, total)

    def cells(base: int, days: list[int]) -> list[Cell]:
        return [g.count(base), *_quartiles(g, base, days)]

    rows = [
        Row([_month_cell(m), *cells(ids[i], by_month.get(m, []))]) for i, m in enumerate(ind.months)
    ]
    rows.append(Row([Cell.label(say(TOTAL)), *cells(total, every)], True))
    return _simple(
        "delais",
        say("reports.title.delays"),
        [
            say("reports.column.month"),
            say("reports.column.attended"),
            say("reports.column.q1"),
            say("reports.column.median"),
            say("reports.column.q3"),
        ],
        rows,
        k,
        [say("reports.note.quartiles_k") if k is not None else say("reports.note.quartiles")],
    )


def _relays_confirmed(ind: Indicators, k: int | None) -> Table:
    """« Relais confirmés »: declared by the sender, confirmed by the receiving structure, per
    receiving structure type, neighbourhood and month (reports/relay_indicators.py)."""
    g = _Grid(k)
    groups = ind.relays.groups
    # Confirmed groups by type, those still waiting for a confirmation last.
    keys = sorted(groups, key=lambda key: (key[0] == NOT_CONFIRMED, key))
    fields = ("proposed", "declared_entered", "received", "confirmed_entered")
    ids = [{f: g.add(getattr(groups[key], f)) for f in fields} for key in keys]
    total = ind.relays.total()
    tot = {f: g.add(getattr(total, f)) for f in fields}
    for f in fields:
        g.line([row[f] for row in ids], tot[f])

    def cells(row: dict[str, int], days: list[int]) -> list[Cell]:
        return [
            *(g.count(row[f]) for f in fields),
            g.rate(row["received"], row["proposed"]),
            _median(g, row["received"], days),
        ]

    def receiver(code: str) -> str:
        return (
            say("reports.relay.not_confirmed")
            if code == NOT_CONFIRMED
            else _label(STRUCTURE_TYPES, code)
        )

    rows = [
        Row(
            [
                Cell.label(receiver(key[0])),
                Cell.label(neighbourhood_label(key[1])),
                _month_cell(key[2]),
                *cells(ids[i], groups[key].days),
            ]
        )
        for i, key in enumerate(keys)
    ]
    rows.append(
        Row([Cell.label(say(TOTAL)), Cell.label(""), Cell.label(""), *cells(tot, total.days)], True)
    )
    return _simple(
        "relais_confirmes",
        say("reports.relay.title"),
        [
            say("reports.relay.receiver_type"),
            say("reports.column.neighbourhood"),
            say("reports.column.month"),
            say("reports.relay.proposed"),
            say("reports.relay.declared_entered"),
            say("reports.relay.received"),
            say("reports.relay.confirmed_entered"),
            say("reports.relay.confirmation_rate"),
            say("reports.relay.median_days"),
        ],
        rows,
        k,
        [say("reports.relay.note")],
        label_columns=3,
    )


def quartiles(days: Sequence[int]) -> tuple[float, float, float]:
    """First quartile, median, third quartile; linear interpolation between ranks."""
    if len(days) == 1:
        value = float(days[0])
        return value, value, value
    q1, q2, q3 = statistics.quantiles(days, n=4, method="inclusive")
    return float(q1), float(q2), float(q3)


def _quartiles(g: _Grid, base: int, days: list[int]) -> list[Cell]:
    if not days:
        return [Cell(None, "days")] * 3
    secret = base in g.hidden() or (g.k is not None and len(days) < g.k)
    return [Cell(v, "days", secret) for v in quartiles(days)]
