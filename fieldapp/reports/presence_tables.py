"""The published tables of issue 17, keyed `presence` and `actions`: built from the raw figures
of `presence_indicators` with the report's suppression grid (`publish._Grid`), so they reach
the screen, CSV, XLSX, PDF and `--format json` like every other table.

Counts of people (people seen, participants, contacts, handovers) go through small-cell
suppression; a ratio built on a hidden count is "s". Counts of activity (rounds, hours,
actions, employers, ambiance, mediations) describe the teams' work, not people, and are
published as they are (docs/indicators.md).
"""

from __future__ import annotations

from fieldapp.domain.vocab import ACTION_TYPES, AMBIANCES
from fieldapp.messages import language, say
from fieldapp.reports.indicators import Indicators
from fieldapp.reports.presence_indicators import ActionFigures, OutingFigures
from fieldapp.reports.publish import (
    TOTAL,
    _Grid,
    _month_cell,
    neighbourhood_label,
    structure_type_label,
)
from fieldapp.reports.tables import Cell, Row, Table, legend


def presence_tables(ind: Indicators, k: int | None) -> list[Table]:
    return [_presence(ind, k), _actions(ind, k)]


def _activity(value: int) -> Cell:
    return Cell(value, "count")


def _ratio(g: _Grid, numerator: int, base: float, *, per: float = 1.0) -> Cell:
    """numerator / base × per, as a decimal; "s" when the numerator is hidden, "—" on 0."""
    if base == 0:
        return Cell(None, "days")
    value = g.values[numerator] * per / base
    return Cell(round(value, 2), "days", numerator in g.hidden())


def _reach(g: _Grid, contacts: int, seen: int) -> Cell:
    if g.values[seen] == 0:
        return Cell(None, "days")
    hidden = contacts in g.hidden() or seen in g.hidden()
    return Cell(round(g.values[contacts] * 100 / g.values[seen], 1), "days", hidden)


def _labels(month: str, nbh: str, stype: str) -> list[Cell]:
    return [
        _month_cell(month),
        Cell.label(neighbourhood_label(nbh)),
        Cell.label(structure_type_label(stype)),
    ]


def _presence(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    keys = sorted(ind.presence.outings)
    figures = [ind.presence.outings[key] for key in keys]
    total = OutingFigures()
    for f in figures:
        total.outings += f.outings
        total.minutes += f.minutes
        total.seen += f.seen
        total.mediations += f.mediations
        total.contacts += f.contacts
        total.handovers += f.handovers
        for code, n in f.ambiance.items():
            total.ambiance[code] = total.ambiance.get(code, 0) + n
    counted = ("seen", "contacts", "handovers")
    ids = [{name: g.add(getattr(f, name)) for name in counted} for f in figures]
    grand = {name: g.add(getattr(total, name)) for name in counted}
    for name in counted:
        g.line([row[name] for row in ids], grand[name])

    def cells(f: OutingFigures, i: dict[str, int]) -> list[Cell]:
        return [
            _activity(f.outings),
            Cell(round(f.hours, 2), "days"),
            g.count(i["seen"]),
            g.count(i["contacts"]),
            _reach(g, i["contacts"], i["seen"]),
            _ratio(g, i["contacts"], f.hours),
            g.count(i["handovers"]),
            _ratio(g, i["handovers"], f.hours),
            *(_activity(f.ambiance.get(code, 0)) for code in AMBIANCES.codes()),
            _activity(f.mediations),
        ]

    rows = [
        Row([*_labels(*key), *cells(f, ids[n])])
        for n, (key, f) in enumerate(zip(keys, figures, strict=True))
    ]
    blank = [Cell.label(say(TOTAL)), Cell.label(""), Cell.label("")]
    rows.append(Row([*blank, *cells(total, grand)], True))
    columns = [
        say("reports.column.month"),
        say("reports.column.neighbourhood"),
        say("reports.presence.structure_type"),
        say("reports.presence.outings"),
        say("reports.presence.hours"),
        say("reports.presence.seen"),
        say("reports.presence.contacts"),
        say("reports.presence.reach"),
        say("reports.presence.contacts_per_hour"),
        say("reports.presence.handovers"),
        say("reports.presence.handovers_per_hour"),
        *(say(f"reports.presence.ambiance_{code}") for code in AMBIANCES.codes()),
        say("reports.presence.mediations"),
    ]
    notes = [say("reports.presence.note")]
    return Table(
        "presence",
        say("reports.presence.title"),
        columns,
        rows,
        [*notes, legend(k)],
        k,
        label_columns=3,
    )


def _actions(ind: Indicators, k: int | None) -> Table:
    g = _Grid(k)
    keys = sorted(ind.presence.actions, key=lambda key: (*key[:3], ACTION_TYPES.index(key[3])))
    figures = [ind.presence.actions[key] for key in keys]
    # The share's base: every contact and handover of the same month, neighbourhood and type.
    contacts_base = ind.by("month", "neighbourhood", "structure_type")
    handovers_base = _handovers_by_cell(ind)
    total = ActionFigures()
    for f in figures:
        total.actions += f.actions
        total.participants += f.participants
        total.employers += f.employers
        total.contacts += f.contacts
        total.handovers += f.handovers
    counted = ("participants", "contacts", "handovers")
    ids = [{name: g.add(getattr(f, name)) for name in counted} for f in figures]
    grand = {name: g.add(getattr(total, name)) for name in counted}
    for name in counted:
        g.line([row[name] for row in ids], grand[name])
    cells3 = sorted({key[:3] for key in keys})
    bases = {
        cell: (g.add(contacts_base.get(cell, 0)), g.add(handovers_base.get(cell, 0)))
        for cell in cells3
    }
    all_contacts = g.add(sum(contacts_base[cell] for cell in cells3))
    all_handovers = g.add(sum(handovers_base.get(cell, 0) for cell in cells3))

    def cells(f: ActionFigures, i: dict[str, int], base: tuple[int, int]) -> list[Cell]:
        return [
            _activity(f.actions),
            g.count(i["participants"]),
            _activity(f.employers),
            g.count(i["contacts"]),
            g.count(i["handovers"]),
            g.rate(i["contacts"], base[0]),
            g.rate(i["handovers"], base[1]),
        ]

    rows = [
        Row(
            [
                *_labels(*key[:3]),
                Cell.label(_action_label(key[3])),
                *cells(f, ids[n], bases[key[:3]]),
            ]
        )
        for n, (key, f) in enumerate(zip(keys, figures, strict=True))
    ]
    blank = [Cell.label(say(TOTAL)), Cell.label(""), Cell.label(""), Cell.label("")]
    rows.append(Row([*blank, *cells(total, grand, (all_contacts, all_handovers))], True))
    columns = [
        say("reports.column.month"),
        say("reports.column.neighbourhood"),
        say("reports.presence.structure_type"),
        say("reports.actions.action_type"),
        say("reports.actions.actions"),
        say("reports.actions.participants"),
        say("reports.actions.employers"),
        say("reports.actions.contacts"),
        say("reports.actions.handovers"),
        say("reports.actions.contacts_share"),
        say("reports.actions.handovers_share"),
    ]
    return Table(
        "actions",
        say("reports.actions.title"),
        columns,
        rows,
        [say("reports.actions.note"), legend(k)],
        k,
        label_columns=4,
    )


def _handovers_by_cell(ind: Indicators) -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = {}
    for (month, nbh, stype, _partner, _service), stages in ind.handovers.items():
        out[(month, nbh, stype)] = out.get((month, nbh, stype), 0) + stages.propose
    return out


def _action_label(code: str) -> str:
    return ACTION_TYPES.label(code, language()) if code in ACTION_TYPES else code
