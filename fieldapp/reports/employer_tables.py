"""The published table of issue 18's employers, keyed `immersions_embauches`: immersions done
and hirings by month and neighbourhood (reports/employer_indicators.py), with the report's
suppression grid (`publish._Grid`), so it reaches the screen, CSV, XLSX, PDF and
`--format json` like every other table. Both are counts of people: a small one is hidden, and
so is whatever would give it away through a total."""

from __future__ import annotations

from fieldapp.messages import say
from fieldapp.reports.indicators import Indicators
from fieldapp.reports.publish import (
    TOTAL,
    DirectoryNames,
    _Grid,
    _month_cell,
    neighbourhood_label,
)
from fieldapp.reports.tables import Cell, Row, Table, legend

__all__ = ["KEY", "employer_tables"]

KEY = "immersions_embauches"


def employer_tables(ind: Indicators, k: int | None, names: DirectoryNames | None) -> list[Table]:
    return [_immersions_hirings(ind, k, names)]


def _immersions_hirings(ind: Indicators, k: int | None, names: DirectoryNames | None) -> Table:
    g = _Grid(k)
    counts = ind.employment
    keys = counts.keys()
    immersions = [g.add(counts.immersions.get(key, 0)) for key in keys]
    hirings = [g.add(counts.hirings.get(key, 0)) for key in keys]
    total_immersions = g.add(sum(counts.immersions.values()))
    total_hirings = g.add(sum(counts.hirings.values()))
    g.line(immersions, total_immersions)
    g.line(hirings, total_hirings)
    rows = [
        Row(
            [
                _month_cell(month),
                Cell.label(neighbourhood_label(nbh, names)),
                g.count(immersions[i]),
                g.count(hirings[i]),
            ]
        )
        for i, (month, nbh) in enumerate(keys)
    ]
    rows.append(
        Row(
            [
                Cell.label(say(TOTAL)),
                Cell.label(""),
                g.count(total_immersions),
                g.count(total_hirings),
            ],
            True,
        )
    )
    return Table(
        KEY,
        say("reports.employer.title"),
        [
            say("reports.column.month"),
            say("reports.column.neighbourhood"),
            say("reports.employer.immersions"),
            say("reports.employer.hirings"),
        ],
        rows,
        [say("reports.employer.note"), legend(k)],
        k,
        2,
    )
