"""« Immersions et embauches » (issue 18, item 3): handovers to an employer that reached
`immersion_realisee` or `embauche`, by month and neighbourhood, merged at the coordinator on
SQLite and PostgreSQL, suppressed like the other tables, and in the JSON export."""

from __future__ import annotations

import json
from datetime import date

import pytest

from fieldapp.reports.indicators import Scope
from fieldapp.reports.json_export import report_json
from fieldapp.reports.publish import Report
from fieldapp.services.field import FieldService
from fieldapp.services.reporting import coordination_report
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TODAY = date.today()
EMPLOYER = "demo-relais--ei-ateliers-port"  # the demo directory's employer
KEY = "immersions_embauches"


def _to_employer(field: FieldService, neighbourhood: str, *steps: str) -> str:
    contact = field.record_contact(
        sample_contact(date=TODAY.isoformat(), neighbourhood=neighbourhood)
    )
    handover = field.propose_handover(
        {"contact_id": contact, "partner": "Les Ateliers du Port",
         "partner_structure_id": EMPLOYER, "mode": "immersion-pmsmp", "consent": True}
    )  # fmt: skip
    for step in steps:
        field.change_handover_status(handover, step)
    return handover


def _rows(report: Report) -> dict[str, list[object]]:
    table = report.table(KEY)
    return {
        str(r.cells[1].value) if not r.total else "total": [c.value for c in r.cells[2:]]
        for r in table.rows
    }


@pytest.mark.parametrize("backend", BACKENDS)
def test_immersions_and_hirings_by_month_and_neighbourhood(
    territory: Territory, request: pytest.FixtureRequest, backend: str
) -> None:
    db_url = request.getfixturevalue("postgres_url") if backend == "postgres" else None
    if db_url:
        territory.open(db_url).service.close()
    educ = territory.device("educ")
    try:
        field = educ.field
        tilleuls, peupliers = "QN07699A", "QN07699B"
        _to_employer(field, tilleuls, "immersion_realisee", "embauche")
        _to_employer(field, tilleuls, "immersion_realisee", "sans_suite")
        _to_employer(field, tilleuls, "entretien", "embauche")  # hired without immersion
        _to_employer(field, peupliers)  # proposed only: counts nowhere
        undone = _to_employer(field, peupliers, "immersion_realisee")
        last = field.handover(undone)
        steps = [e for e in field.history(undone) if e.type == "handover.status_changed"]
        field.undo_status_change(undone, steps[-1].id)  # a mistake: not counted
        assert field.handover(undone)["status"] == "propose" != last["status"]
        assert educ.sync.sync().ok
        with territory.open(db_url) as coord:
            assert not coord.merge().batches_quarantined
            report = coordination_report(coord, Scope(), k=None)
            coord.merge()  # again: nothing new, nothing counted twice
            again = coordination_report(coord, Scope(), k=None)
            suppressed = coordination_report(coord, Scope(), k=5)
    finally:
        educ.field.close()
    rows = _rows(report)
    [shown] = [name for name in rows if name != "total"]
    assert shown.endswith("QN07699A")  # the Peupliers have neither
    assert rows[shown] == [2, 2]  # immersions, hirings
    assert rows["total"] == [2, 2]
    assert report.table(KEY).rows[0].cells[0].month == TODAY.strftime("%Y-%m")
    assert _rows(again) == rows
    # k = 5: every count here is small, so hidden.
    counts = [c for r in suppressed.table(KEY).rows for c in r.cells[2:] if c.value]
    assert counts and all(c.suppressed for c in counts)
    data = json.loads(report_json(suppressed))
    assert KEY in data["tables"]
    assert data[KEY]["rows"][0]["cells"][2:] == ["< 5", "< 5"]
