"""« Relais confirmés »: the sender's handover and the receiving structure's receptions, paired
by the code's HMAC at the coordinator, in any order of arrival, idempotently, on SQLite and
PostgreSQL."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from fieldapp.reports.indicators import Scope
from fieldapp.reports.publish import Report
from fieldapp.reports.tables import Table
from fieldapp.services.receptions import ReceptionService
from fieldapp.services.reporting import coordination_report
from fieldapp.storage.schema import handovers, receptions
from tests.helpers import sample_contact
from tests.helpers.coordination import Device, Territory

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
TODAY = date.today()


def _handover(device: Device) -> tuple[str, str]:
    field = device.field
    contact_id = field.record_contact(sample_contact(date=TODAY.isoformat()))
    handover_id = field.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive",
         "mode": "rdv-tripartite", "consent": True}
    )  # fmt: skip
    code = field.handover_code(handover_id)
    assert code is not None
    return handover_id, code


def _row(report: Report, first: str) -> list[object]:
    table: Table = report.table("relais_confirmes")
    [row] = [r for r in table.rows if r.cells[0].value == first]
    return [c.value for c in row.cells]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("receiver_first", [True, False])
def test_one_confirmed_entry_whatever_arrives_first(
    territory: Territory, request: pytest.FixtureRequest, backend: str, receiver_first: bool
) -> None:
    db_url = request.getfixturevalue("postgres_url") if backend == "postgres" else None
    if db_url:
        territory.open(db_url).service.close()
    educ = territory.device("educ")
    ml = territory.device("ml", structure_type="mission-locale")
    try:
        _, code = _handover(educ)
        _handover(educ)  # never received: proposed, not confirmed
        inbox = ReceptionService(ml.field)
        inbox.record(code, "accueilli", day=TODAY + timedelta(days=0))
        inbox.record(code, "entre_dispositif")
        inbox.record(_other_code(code), "accueilli")  # a code no handover here has
        first, second = (ml, educ) if receiver_first else (educ, ml)
        assert first.sync.sync().ok
        with territory.open(db_url) as coord:
            assert not coord.merge().batches_quarantined
            half = coordination_report(coord, Scope(), k=None)
        assert second.sync.sync().ok
        with territory.open(db_url) as coord:
            assert not coord.merge().batches_quarantined
            report = coordination_report(coord, Scope(), k=None)
            coord.merge()  # again: nothing new, nothing counted twice
            again = coordination_report(coord, Scope(), k=None)
            with coord.consolidated.engine.connect() as conn:
                stored = [str(v) for v in conn.execute(receptions.select()).all()]
                stored += [str(v) for v in conn.execute(handovers.select()).all()]
    finally:
        educ.field.close()
        ml.field.close()
    month = TODAY.strftime("%Y-%m")
    confirmed = _row(report, "Mission locale")
    waiting = _row(report, "Pas encore confirmé")
    # proposed, declared entered, received, entered (confirmed), rate, median days
    assert confirmed[3:] == [1, 0, 1, 1, 1.0, 0.0]
    assert waiting[3:8] == [1, 0, 0, 0, 0.0]
    assert report.table("relais_confirmes").rows[-1].cells[3].value == 2  # total proposed
    assert [r.cells for r in again.table("relais_confirmes").rows] == [
        r.cells for r in report.table("relais_confirmes").rows
    ]
    assert confirmed[2] is not None and report.table("relais_confirmes").rows[0].cells[2].month
    assert report.table("relais_confirmes").rows[0].cells[2].month == month
    # Half-way: the receiver alone confirms nothing; the sender alone confirms nothing either.
    half_rows = half.table("relais_confirmes").rows
    assert all(r.cells[0].value != "Mission locale" for r in half_rows)
    # Only HMACs reached the coordinator.
    assert not any(code in text or code.replace("-", "") in text for text in stored)


def _other_code(code: str) -> str:
    from fieldapp.domain.relay_code import new_code

    other = new_code()
    return other if other != code else new_code()


def test_small_cells_are_suppressed_like_the_other_tables(territory: Territory) -> None:
    educ = territory.device("educ")
    ml = territory.device("ml", structure_type="mission-locale")
    try:
        _, code = _handover(educ)
        ReceptionService(ml.field).record(code, "accueilli")
        assert educ.sync.sync().ok and ml.sync.sync().ok
        with territory.open() as coord:
            coord.merge()
            report = coordination_report(coord, Scope(), k=5)
    finally:
        educ.field.close()
        ml.field.close()
    table = report.table("relais_confirmes")
    counts = [c for row in table.rows for c in row.cells if c.kind == "count" and c.value]
    assert counts and all(c.suppressed for c in counts)
    medians = [row.cells[-1] for row in table.rows if row.cells[-1].value is not None]
    assert all(c.suppressed for c in medians)
