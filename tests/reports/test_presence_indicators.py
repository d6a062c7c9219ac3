"""The presence and joint-action figures (issue 17) on a consolidated store: the report's
scope (period, structure type), links counted only within a device, hand-counted values."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Engine

from fieldapp.domain.events import Event, EventType
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.services.synthetic import sample_contact
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.storage.projection import append_events
from tests.helpers.reports import BAILLEUR, D1, D2, N1, PERIOD, PREV, load_territory

ROUND = {"date": "2026-02-10", "slot": "soir", "neighbourhood": N1, "duration_minutes": 120,
         "seen": [{"gender": "homme", "age_band": "18-25", "count": 10}]}  # fmt: skip
FORUM = {"date": "2026-02-12", "neighbourhood": N1, "action_type": "atelier",
         "employers": {"count": 0, "ids": []}, "partners": [],
         "participants": [{"gender": "femme", "age_band": "26-29", "count": 7}]}  # fmt: skip


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path_factory.mktemp("presence-ind"), os.urandom(32))
    load_territory(engine)
    seq = {D1: 100, D2: 100}
    out: list[Event] = []

    def emit(device: str, kind: EventType, entity: str, payload: dict[str, Any]) -> None:
        seq[device] += 1
        hlc = f"{1_767_225_700_000 + len(out):015d}-00000"
        out.append(Event(str(uuid.uuid4()), device, seq[device], hlc, str(kind), entity, payload))

    emit(D1, EventType.OUTING_RECORDED, "round-1", ROUND)
    emit(D1, EventType.ACTION_RECORDED, "forum-1", FORUM)
    emit(D1, EventType.OUTING_RECORDED, "round-late", ROUND | {"date": "2026-04-02"})
    emit(D1, EventType.OUTING_RECORDED, "round-void", ROUND)
    emit(D1, EventType.OUTING_VOIDED, "round-void", {"reason": "doublon"})
    contact = sample_contact(date="2026-02-10", neighbourhood=N1, note=None)
    for n in range(3):
        emit(D1, EventType.CONTACT_RECORDED, f"own-{n}", contact | {"outing_id": "round-1"})
    emit(D1, EventType.CONTACT_RECORDED, "at-forum", contact | {"action_id": "forum-1"})
    # Another device naming D1's round and action: counted nowhere.
    emit(D2, EventType.CONTACT_RECORDED, "foreign", contact | {"outing_id": "round-1",
                                                               "action_id": "forum-1"})  # fmt: skip
    emit(D1, EventType.HANDOVER_PROPOSED, "h-1", {
        "contact_id": "own-0", "partner": "Mission locale", "mode": "mise-en-relation",
        "consent": True, "at": "2026-02-10T18:00:00+00:00"})  # fmt: skip
    with engine.begin() as conn:
        append_events(conn, out)
    yield engine
    engine.dispose()


def test_the_figures_follow_the_report_s_scope_and_count_own_links_only(engine: Engine) -> None:
    ind = compute_indicators(engine, Scope(*PERIOD))
    key = ("2026-02", N1, PREV)
    assert set(ind.presence.outings) == {key}  # April is out of the period, the void is out
    round_ = ind.presence.outings[key]
    assert (round_.outings, round_.minutes, round_.seen) == (1, 120, 10)
    assert (round_.contacts, round_.handovers) == (3, 1)  # not the other device's contact
    (action_key,) = ind.presence.actions
    assert action_key == ("2026-02", N1, PREV, "atelier")
    assert ind.presence.actions[action_key].contacts == 1
    table = build_report(ind, k=None).table("presence")
    # 3 contacts for 10 people seen in 2 h: 30 per 100, 1.5 per hour; 1 handover, 0.5 per hour.
    assert [c.value for c in table.rows[0].cells[3:11]] == [1, 2.0, 10, 3, 30.0, 1.5, 1, 0.5]


def test_the_structure_type_filter_applies_to_rounds_too(engine: Engine) -> None:
    ind = compute_indicators(engine, Scope(*PERIOD, structure_type=BAILLEUR))
    assert ind.presence.outings == {} and ind.presence.actions == {}
    ind = compute_indicators(engine, Scope(date(2026, 4, 1), date(2026, 4, 30)))
    assert [k[0] for k in ind.presence.outings] == ["2026-04"]
