"""A handover's follow-up date and appointment can be changed from its card, and a status change
set by mistake undone from the status bar; both stay in the history."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit.i18n import qdate
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import sample_contact
from tests.helpers.text import fr
from tests.helpers.ui import visible_texts, workspace_of


def _shown_handover(window: RelaisWindow) -> tuple[HandoversPage, str]:
    assert window.session is not None
    service = window.session.service
    contact_id = service.record_contact(sample_contact(date=date.today().isoformat()))
    handover_id = service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale (exemple)",
            "mode": "rdv-tripartite",
            "consent": True,
            "follow_up": (date.today() + timedelta(days=7)).isoformat(),
        }
    )
    window.session.notify("handovers")
    page = workspace_of(window).show_page("relais")
    assert isinstance(page, HandoversPage)
    page.select(handover_id)
    assert page.detail.handover_id == handover_id
    return page, handover_id


def test_the_follow_up_and_the_appointment_are_changed_and_shown_in_the_history(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    page, handover_id = _shown_handover(unlocked)
    detail = page.detail
    later = date.today() + timedelta(days=14)
    meeting = date.today() + timedelta(days=3)
    detail.follow_up_edit.setDate(qdate(later))
    detail.appointment_edit.setDateTime(QDateTime(qdate(meeting), QTime(14, 30)))
    qtbot.mouseClick(detail.schedule_button, Qt.MouseButton.LeftButton)
    assert unlocked.session is not None
    row = unlocked.session.service.handover(handover_id)
    assert row["follow_up"] == later.isoformat()
    assert row["appointment"].startswith(f"{meeting.isoformat()}T14:30")
    text = visible_texts(detail)
    assert f"{meeting:%d/%m/%Y} à 14:30" in text
    assert fr(f"Nouvelles dates : suivi le {later:%d/%m/%Y}, rendez-vous le") in text
    out = os.environ.get("RELAIS_SHOTS")
    if out:  # RELAIS_SHOTS=/tmp pytest tests/ui/test_follow_up_edit.py: the doc's screenshot
        unlocked.resize(1366, 768)
        QApplication.processEvents()
        unlocked.grab().save(str(Path(out) / "relais-suivi-modifie.png"))

    # Nothing changed: said, nothing recorded.
    qtbot.mouseClick(detail.schedule_button, Qt.MouseButton.LeftButton)
    assert detail.schedule_error.isVisible() and "Aucune date" in detail.schedule_error.text.text()
    assert len(unlocked.session.service.history(handover_id)) == 2


def test_a_status_change_is_undone_from_the_status_bar_and_stays_in_the_history(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    page, handover_id = _shown_handover(unlocked)
    detail = page.detail
    assert detail.request("perdu_de_vue")
    assert unlocked.session is not None
    service = unlocked.session.service
    assert service.handover(handover_id)["status"] == "perdu_de_vue"
    bar = unlocked.statusBar()
    assert "Perdu de vue" in bar.currentMessage()
    (undo,) = [b for b in bar.findChildren(QPushButton) if b.text() == "Annuler"]
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    row = service.handover(handover_id)
    assert row["status"] == "propose"
    assert [h["status"] for h in row["history"]] == ["propose"]  # not counted any more
    assert fr("Changement annulé, retour à « Proposé »") in visible_texts(page.detail)
    assert [e.type for e in service.history(handover_id)][-1] == "handover.status_undone"
    # Once undone, the offer is gone: a second click cannot undo anything else.
    assert not [b for b in bar.findChildren(QPushButton) if b.text() == "Annuler" and b.isVisible()]
    assert not detail.undo_last_change()


def test_a_change_from_the_list_menu_can_be_undone_too(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    page, handover_id = _shown_handover(unlocked)
    page._move(handover_id, "rdv_fixe")  # what the list's « Passer à » menu does
    assert unlocked.session is not None
    service = unlocked.session.service
    assert service.handover(handover_id)["status"] == "rdv_fixe"
    bar = unlocked.statusBar()
    (undo,) = [b for b in bar.findChildren(QPushButton) if b.text() == "Annuler"]
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert service.handover(handover_id)["status"] == "propose"
