"""The coordinator's Dashboard, driven for real: it loads off the UI thread, filters change the
numbers, small counts are hidden on screen exactly as in the exports, and the buttons export."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import Engine

from fieldapp.storage.coord_store import open_consolidated
from fieldapp.ui.coordination.dashboard import Dashboard
from tests.helpers.reports import BAILLEUR, N2, PERIOD, load_territory
from tests.helpers.text import fr


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path_factory.mktemp("tdb"), os.urandom(32))
    load_territory(engine)
    yield engine
    engine.dispose()


def _open(qtbot: QtBot, engine: Engine, k: int) -> Dashboard:
    board = Dashboard(engine, k=k, date_from=PERIOD[0], date_to=PERIOD[1])
    qtbot.addWidget(board)
    board.resize(1200, 900)
    board.show()
    qtbot.waitUntil(lambda: board.report is not None, timeout=15_000)
    qtbot.waitUntil(lambda: board.neighbourhood.count() > 1, timeout=15_000)
    return board


def _reload(qtbot: QtBot, board: Dashboard, action: object) -> None:
    with qtbot.waitSignal(board.loaded, timeout=15_000):
        assert callable(action)
        action()


def test_filters_change_the_numbers(qtbot: QtBot, engine: Engine) -> None:
    board = _open(qtbot, engine, k=2)
    assert board.tiles["reports.label.contacts"].text() == "8"
    assert board.neighbourhood.findData(N2) > 0
    # Through the combo box itself (debounced reload).
    _reload(
        qtbot, board, lambda: board.neighbourhood.setCurrentIndex(board.neighbourhood.findData(N2))
    )
    assert board.tiles["reports.label.contacts"].text() == "4"  # c3, c5, c6, c10
    _reload(qtbot, board, lambda: board.set_filters(neighbourhood="", structure_type=BAILLEUR))
    assert board.tiles["reports.label.contacts"].text() == "3"  # c3, c4, c10
    _reload(
        qtbot,
        board,
        lambda: board.set_filters(
            structure_type="", date_from=date(2026, 2, 1), date_to=date(2026, 2, 28)
        ),
    )
    assert board.tiles["reports.label.contacts"].text() == "4"  # c4 to c7
    assert board.report is not None and board.report.scope.date_from == date(2026, 2, 1)


def test_small_counts_are_hidden_on_screen(qtbot: QtBot, engine: Engine) -> None:
    board = _open(qtbot, engine, k=5)
    assert board.tiles["reports.label.contacts"].text() == "8"
    assert board.tiles["reports.label.distinct_people"].text() == "< 5"
    texts = []
    for table in board.findChildren(QTableWidget):
        for i in range(table.rowCount()):
            for j in range(table.columnCount()):
                item = table.item(i, j)
                if item is not None:
                    texts.append(item.text())
    assert "< 5" in texts
    small = [t for t in texts if re.fullmatch(r"\d+", t) and 0 < int(t) < 5]
    assert small == []
    assert "< 5" in board.secret_note.text()


def test_export_buttons_write_the_report_shown(
    qtbot: QtBot, engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    board = _open(qtbot, engine, k=5)
    for fmt, magic in (("csv", b"\xef\xbb\xbf"), ("xlsx", b"PK"), ("pdf", b"%PDF")):
        target = tmp_path / f"tdb.{fmt}"
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", staticmethod(lambda *a, t=target: (str(t), ""))
        )
        board.export_buttons[fmt].click()
        assert target.read_bytes().startswith(magic), fmt
    assert "Exporté" in board.status.text()


def test_a_bad_period_is_said_not_computed(qtbot: QtBot, engine: Engine) -> None:
    board = _open(qtbot, engine, k=5)
    with qtbot.waitSignal(board.failed, timeout=5_000) as blocker:
        board.set_filters(date_from=date(2026, 4, 1), date_to=date(2026, 3, 1))
    assert "période vide" in blocker.args[0]
    assert "indisponibles" in board.status.text()


def test_the_english_dashboard_fills_its_figures_and_charts(qtbot: QtBot, engine: Engine) -> None:
    """The report is built in the window's language; the tiles and charts find their rows and
    columns by code, so English loses no figure (tiles used to stay « … », charts empty)."""
    from fieldapp import messages

    messages.set_language("en")
    try:
        board = _open(qtbot, engine, k=2)
        assert board.tiles["reports.label.contacts"].text() == "8"
        assert all(tile.text() not in ("", "…") for tile in board.tiles.values())
        assert board.status.text().startswith("Period ")
        chart = board.panels["contacts"].chart_view.chart()
        bars = chart.series()[0]  # one stacked series, a bar set per column
        # January's single repeat contact is hidden at k=2: its published total gets the third
        # bar set (issue 21), labelled in English too.
        assert {b.label() for b in bars.barSets()} == {
            "First contacts",
            "Repeat contacts",
            "Total (detail hidden)",
        }
        assert board.panels["funnel"].table.horizontalHeaderItem(1).text() == "Proposed"
    finally:
        messages.set_language("fr")


def test_a_month_with_a_hidden_part_still_shows_its_published_total(
    qtbot: QtBot, engine: Engine
) -> None:
    """At k=2, February's first contacts (3) and repeat contacts (1) are hidden but its total,
    4, is published: one bar of 4, marked; January, whose total is hidden too, draws nothing."""
    board = _open(qtbot, engine, k=2)
    chart = board.panels["contacts"].chart_view.chart()
    (bars,) = chart.series()
    sets = {b.label(): [b.at(i) for i in range(b.count())] for b in bars.barSets()}
    assert sets["Total (détail masqué)"] == [0.0, 4.0, 0.0]
    assert sets["Premiers contacts"][:2] == [0.0, 0.0] and sets["Recontacts"][:2] == [0.0, 0.0]
    axis = next(a for a in chart.axes() if a.metaObject().className() == "QBarCategoryAxis")
    assert [c.endswith(" *") for c in axis.categories()] == [True, True, True]
    # The neighbourhoods' chart applies the same rule (QN07699B: parts hidden, total 4).
    (stacked,) = board.panels["neighbourhoods"].chart_view.chart().series()
    whole = next(b for b in stacked.barSets() if b.label() == "Total (détail masqué)")
    assert [whole.at(i) for i in range(whole.count())] == [0.0, 4.0, 0.0]


def test_the_legend_explains_small_counts_and_s_on_screen(qtbot: QtBot, engine: Engine) -> None:
    from fieldapp.reports.tables import legend

    board = _open(qtbot, engine, k=5)
    text = board.legend.text()
    assert board.legend.isVisible()
    assert text.startswith(legend(5))  # the tables' own note, as in the PDF and the exports
    assert fr("« < 5 »") in text and fr("« s » : secret statistique") in text
    assert fr("« * »") in text and "Total (détail masqué)" in text
    # A hidden cell's tooltip says what its mark means; so does a tile that shows one.
    tips = {
        item.text(): item.toolTip()
        for table in board.findChildren(QTableWidget)
        for i in range(table.rowCount())
        for j in range(table.columnCount())
        if (item := table.item(i, j)) is not None and item.text() in ("< 5", "s")
    }
    assert tips["< 5"].startswith(fr("« < 5 » : effectif non nul inférieur à 5"))
    assert tips["s"].startswith(fr("« s » : secret statistique"))
    assert board.tiles["reports.label.distinct_people"].toolTip().startswith(fr("« < 5 »"))
