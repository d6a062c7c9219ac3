"""The dashboard's « Présence et actions collectives » section (issue 17): the report's
`presence` and `actions` tables on screen, with the same suppression as the exports."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from fieldapp.domain.events import Event, EventType
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.storage.projection import append_events
from fieldapp.ui.coordination.dashboard import Dashboard
from tests.helpers.reports import D1, N1, PERIOD, load_territory


def _event(seq: int, kind: EventType, payload: dict[str, object]) -> Event:
    # After the territory's own events (seq and clock beyond theirs).
    hlc = f"{1_767_225_700_000 + seq:015d}-00000"
    return Event(str(uuid.uuid4()), D1, 100 + seq, hlc, str(kind), f"p-{seq}", payload)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path_factory.mktemp("presence"), os.urandom(32))
    load_territory(engine)
    round_ = {"date": "2026-02-10", "slot": "soir", "neighbourhood": N1,
              "duration_minutes": 90, "ambiance": "incident", "mediations": 2,
              "seen": [{"gender": "homme", "age_band": "18-25", "count": 8},
                       {"gender": "femme", "age_band": "18-25", "count": 3}]}  # fmt: skip
    forum = {"date": "2026-02-12", "neighbourhood": N1, "action_type": "forum-emploi",
             "employers": {"count": 3, "ids": []}, "partners": [],
             "participants": [{"gender": "femme", "age_band": "26-29", "count": 2}]}  # fmt: skip
    with engine.begin() as conn:
        append_events(
            conn,
            [
                _event(1, EventType.OUTING_RECORDED, round_),
                _event(2, EventType.ACTION_RECORDED, forum),
            ],
        )
    yield engine
    engine.dispose()


def _texts(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, j).text() for j in range(table.columnCount())]  # type: ignore[union-attr]


def test_the_section_shows_rounds_and_actions_with_small_counts_hidden(
    qtbot: QtBot, engine: Engine
) -> None:
    board = Dashboard(engine, k=5, date_from=PERIOD[0], date_to=PERIOD[1])
    qtbot.addWidget(board)
    board.resize(1366, 900)
    board.show()
    qtbot.waitUntil(lambda: board.report is not None, timeout=15_000)
    section = board.presence_section
    assert section.presence_table.isVisible() and not section.empty.isVisible()
    presence = _texts(section.presence_table, 0)
    # 1 round, 1,5 h, 11 people seen, no contact from it (0 is published), 1 incident, 2 mediations.
    assert presence[3:7] == ["1", "1,5", "11", "0"]
    assert presence[-2:] == ["1", "2"]
    actions = _texts(section.actions_table, 0)
    # 2 participants: fewer than 5, hidden; the action and its 3 employers are activity counts.
    assert actions[3:7] == ["Forum emploi", "1", "< 5", "3"]
    header = section.actions_table.horizontalHeaderItem(5)
    assert header is not None and header.text() == "Participants"
