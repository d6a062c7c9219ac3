"""The coordination window's *Signalements* tab (issue 18): merged feedback, per structure, and
« Marquer comme traité », with real widgets on a real workspace."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from fieldapp.services import feedback
from fieldapp.ui.coordination.window import CoordinationWindow
from tests.helpers.coordination import Territory


def test_the_tab_lists_the_feedback_and_marks_it_handled(
    qtbot: QtBot, territory: Territory
) -> None:
    device = territory.device("a")
    feedback.report_feedback(
        device.field, service_id="demo-relais--svc-01", reason="horaires", comment="fermé lundi"
    )
    feedback.report_feedback(device.field, structure_id="demo-relais--ft-exemple", reason="ferme")
    device.sync.sync()
    device.field.close()
    service = territory.open().service
    service.merge()
    window = CoordinationWindow(service)
    qtbot.addWidget(window)
    try:
        tab = window.feedback
        assert window.tabs.tabText(window.tabs.indexOf(tab)) == "Signalements"
        model = tab.model
        assert model.rowCount() == 2
        assert tab.summary.text() == "2 signalements, dont 2 à traiter."
        texts = [
            [model.data(model.index(r, c)) for c in range(model.columnCount())]
            for r in range(model.rowCount())
        ]
        assert texts[0][1:4] == ["(la structure)", "Fermé (temporairement ou non)", ""]
        assert texts[1][2:4] == ["Horaires à corriger", "fermé lundi"]
        assert all(row[5] == "à traiter" for row in texts)
        assert not tab.handled_button.isEnabled()  # nothing selected yet
        tab.table.selectRow(1)
        assert tab.handled_button.isEnabled()
        tab.handled_button.click()
        assert model.data(model.index(1, model.STATE)) == "traité"
        assert tab.summary.text() == "2 signalements, dont 1 à traiter."
        assert not tab.handled_button.isEnabled()
        rows = feedback.coordination_feedback(service)
        assert [r["handled"] for r in rows] == [False, True]
    finally:
        window.shutdown(wait=True)
