"""« Présence » and « Action collective » (issue 17): reached from « Aujourd'hui » by keys, a
round logged in a few keystrokes, and a contact started from it, pre-filled and linked."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.services.presence import PresenceService
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.presence_form import ActionForm, OutingForm
from fieldapp.ui.notebook.today_page import TodayPage
from tests.helpers.text import fr
from tests.helpers.ui import visible_texts, workspace_of

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def _dialog(qtbot: QtBot, window: RelaisWindow, kind: type) -> OutingForm | ActionForm:
    qtbot.waitUntil(lambda: any(isinstance(d, kind) for d in workspace_of(window).dialogs))
    form = next(d for d in workspace_of(window).dialogs if isinstance(d, kind))
    qtbot.waitUntil(form.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.date_edit)
    return form


def test_a_round_is_logged_by_keys_then_a_linked_contact_starts_from_it(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    press(qtbot, Qt.Key.Key_T, CTRL)
    form = _dialog(qtbot, unlocked, OutingForm)
    assert isinstance(form, OutingForm)
    assert form.date_edit.date().toPython() == date.today()
    form.neighbourhood.setFocus()
    qtbot.keyClicks(focused(), "QN07601M")
    form.duration.setFocus()
    focused_box = focused()
    qtbot.keyClick(focused_box, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused_box, "90")
    form.seen.boxes[("homme", "18-25")].setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "6")
    press(qtbot, Qt.Key.Key_Tab)  # the next gender of the same age band
    assert focused() is form.seen.boxes[("autre", "18-25")]
    qtbot.keyClick(focused(), Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), "1")
    assert fr("Total : 7 personnes") in form.seen.total.text()
    press(qtbot, Qt.Key.Key_Return, CTRL | SHIFT)  # save, then a contact from this round

    workspace = workspace_of(unlocked)
    qtbot.waitUntil(lambda: workspace.form is not None and workspace.form.isVisible())
    contact = workspace.form
    assert contact is not None
    (outing,) = PresenceService(unlocked.session.service).list("outing")  # type: ignore[union-attr]
    assert (outing["duration_minutes"], outing["people_seen"]) == (90, 7)
    assert contact.neighbourhood.currentText() == "QN07601M"
    assert contact.date_edit.date().toPython() == date.fromisoformat(outing["date"])
    assert contact.link == {"outing_id": outing["id"]}
    assert "rattaché à la tournée" in visible_texts(contact)
    contact.place_type.setCurrentIndex(0)
    contact.outcome.setCurrentIndex(0)
    assert contact.save(keep_open=False)
    (row,) = unlocked.session.service.contacts()  # type: ignore[union-attr]
    assert row["outing_id"] == outing["id"]


def test_the_action_form_opens_from_today_and_lists_what_was_saved(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    today = workspace_of(unlocked).pages["aujourdhui"]
    assert isinstance(today, TodayPage)
    assert "Ctrl+G" in today.action_button.toolTip()
    press(qtbot, Qt.Key.Key_G, CTRL)
    form = _dialog(qtbot, unlocked, ActionForm)
    assert isinstance(form, ActionForm)
    form.neighbourhood.setEditText("QN07601M")
    form.action_type.setFocus()
    qtbot.waitUntil(lambda: focused() is form.action_type)
    qtbot.keyClicks(focused(), "Forum")
    assert form.action_type.currentData() == "forum-emploi"
    form.partners.setText("ml-le-havre, ft-le-havre")
    form.employers.setValue(4)
    form.participants.boxes[("femme", "26-29")].setValue(9)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not workspace_of(unlocked).dialogs)
    (action,) = PresenceService(unlocked.session.service).list("action")  # type: ignore[union-attr]
    assert action["action_type"] == "forum-emploi"
    assert sorted(action["partners"]) == ["ft-le-havre", "ml-le-havre"]
    assert action["employers"]["count"] == 4 and action["participant_count"] == 9
    qtbot.waitUntil(lambda: "Forum emploi" in visible_texts(today.presence_card))


def test_a_wrong_round_stays_open_with_the_refusal(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    form = workspace_of(unlocked).new_outing()
    assert isinstance(form, OutingForm)
    form.neighbourhood.setEditText("")
    form.note.setPlainText("Rappeler au 06 12 34 56 78")
    assert form.save(then_contact=False) is None
    assert form.isVisible() and form.error.isVisible()
    assert PresenceService(unlocked.session.service).list("outing") == []  # type: ignore[union-attr]


def test_today_lists_a_round_and_starts_a_linked_contact_from_it(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    service = unlocked.session.service  # type: ignore[union-attr]
    outing_id = PresenceService(service).record_outing(
        {"date": date.today().isoformat(), "slot": "midi", "neighbourhood": "QN07601M",
         "duration_minutes": 45, "seen": [{"gender": "femme", "age_band": "16-17", "count": 2}]}
    )  # fmt: skip
    unlocked.session.notify("contacts")  # type: ignore[union-attr]
    today = workspace_of(unlocked).pages["aujourdhui"]
    assert isinstance(today, TodayPage)
    qtbot.waitUntil(lambda: "45 min · 2 personnes vues" in visible_texts(today.presence_card))
    button = next(
        b for b in today.presence_card.findChildren(QPushButton) if b.text() == "Noter un contact"
    )
    button.click()
    workspace = workspace_of(unlocked)
    qtbot.waitUntil(lambda: workspace.form is not None and workspace.form.isVisible())
    form = workspace.form
    assert form is not None and form.link == {"outing_id": outing_id}
    assert form.slot.currentData() == "midi"
    assert form.neighbourhood.currentText() == "QN07601M"
