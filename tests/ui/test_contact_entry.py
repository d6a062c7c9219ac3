"""Fast contact entry: keyboard only, defaults, validation next to the field, amend and void."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.notebook.contacts_page import ContactsPage
from tests.helpers import sample_contact
from tests.helpers.text import fr
from tests.helpers.ui import visible_texts, workspace_of

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab(qtbot: QtBot, times: int = 1) -> None:
    for _ in range(times):
        press(qtbot, Qt.Key.Key_Tab)


def open_form_with_keyboard(qtbot: QtBot, window: RelaisWindow) -> ContactForm:
    press(qtbot, Qt.Key.Key_N, CTRL)  # Ctrl+N from wherever the focus is
    form = workspace_of(window).form
    assert form is not None
    qtbot.waitUntil(form.isVisible)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.date_edit)
    return form


# Typing a code opens the completer's list of the pack's neighbourhoods (offscreen: no grab).
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_a_contact_entered_with_the_keyboard_only_is_found_in_the_list(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = open_form_with_keyboard(qtbot, unlocked)
    assert form.date_edit.date().toPython() == date.today()  # default: today

    tab(qtbot)  # date -> slot (default: the current time slot)
    assert focused() is form.slot
    tab(qtbot)
    assert focused() in (form.neighbourhood, form.neighbourhood.lineEdit())
    type_text(qtbot, "QN07601M")
    tab(qtbot)  # commune is disabled inside a QPV: skipped
    assert focused() is form.place_type
    type_text(qtbot, "Pied")  # type-ahead in the closed list
    tab(qtbot)
    assert focused() is form.contact_mode
    tab(qtbot)
    type_text(qtbot, "18")
    tab(qtbot)
    type_text(qtbot, "F")
    tab(qtbot)
    assert focused() is form.pseudonym.enter_button  # Space would open the pseudonym entry
    tab(qtbot)
    type_text(qtbot, "Sans")
    tab(qtbot)  # registrations: one Tab stop, arrows inside, Space ticks
    assert focused() is form.registrations.chip("aucune")
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot)  # needs
    assert focused() is form.needs.chips()[0]
    target = form.needs.chip("mobilite")
    while focused() is not target:
        press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Space)
    tab(qtbot)
    assert focused() is form.outcome
    type_text(qtbot, "Rendez")
    tab(qtbot)
    assert focused() is form.note
    type_text(qtbot, "Interessee par une formation courte en logistique")
    press(qtbot, Qt.Key.Key_Return, CTRL)  # Ctrl+Entree saves

    qtbot.waitUntil(lambda: workspace_of(unlocked).form is None)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is unlocked)
    service = unlocked.session.service if unlocked.session else None
    assert service is not None
    [saved] = service.contacts()
    assert saved["neighbourhood"] == "QN07601M"
    assert saved["place_type"] == "pied-immeuble"
    assert saved["age_band"] == "18-25"
    assert saved["gender"] == "femme"
    assert saved["situation"] == "sans-emploi-ni-formation"
    assert saved["registrations"] == ["aucune"]
    assert saved["needs"] == ["mobilite"]
    assert saved["outcome"] == "rdv-propose"
    assert saved["date"] == date.today().isoformat()

    # Ctrl+2 shows the list; the free-text filter finds the contact by its note.
    press(qtbot, Qt.Key.Key_2, CTRL)
    page = workspace_of(unlocked).pages["contacts"]
    assert isinstance(page, ContactsPage) and page.isVisible()
    assert page.model.total == 1
    page.filters.text.setFocus()
    type_text(qtbot, "logistique")
    press(qtbot, Qt.Key.Key_Return)
    assert page.model.current_filter.text == "logistique"
    assert page.model.total == 1 and page.model.contact_id(0) == saved["id"]
    assert "Rendez-vous proposé" in visible_texts(page.table)
    page.filters.text.clear()
    type_text(qtbot, "introuvable")
    press(qtbot, Qt.Key.Key_Return)
    assert page.model.total == 0
    # The next contact defaults to the last neighbourhood used.
    form = open_form_with_keyboard(qtbot, unlocked)
    assert form.neighbourhood.currentText() == "QN07601M"
    form.discard_silently()


def test_validation_messages_appear_next_to_their_fields(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = workspace_of(unlocked).new_contact()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.neighbourhood.setEditText("")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)
    assert form.isVisible()
    for field in ("neighbourhood", "place_type", "outcome"):
        assert form.errors[field].isVisible(), field
        assert "obligatoire" in form.errors[field].text()
    assert not form.errors["date"].isVisible()
    assert QApplication.focusWidget() in (form.neighbourhood, form.neighbourhood.lineEdit())
    assert unlocked.session is not None and unlocked.session.service.count_contacts() == 0

    form.neighbourhood.setEditText("Centre-ville")
    form.place_type.setCurrentIndex(0)
    form.outcome.setCurrentIndex(0)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "Code de quartier invalide" in form.errors["neighbourhood"].text()
    assert not form.errors["place_type"].isVisible()
    form.discard_silently()


def test_save_and_new_keeps_the_outing_and_clears_the_person(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = workspace_of(unlocked).new_contact()
    form.neighbourhood.setEditText("QN07699A")
    _choose(form.place_type, "porte-a-porte")
    _choose(form.age_band, "26-29")
    _choose(form.outcome, "information-donnee")
    form.needs.chip("sante").click()
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert form.isVisible() and form.saved_count == 1
    assert form.neighbourhood_value() == "QN07699A"
    assert form.neighbourhood.currentText() == "Quartier des Tilleuls (fictif) — QN07699A"
    assert form.place_type.currentData() == "porte-a-porte"
    assert form.age_band.currentData() == "inconnu" and form.needs.codes() == []
    assert form.outcome.currentIndex() == -1
    assert "Contact enregistré" in form.status.text()
    _choose(form.outcome, "a-recontacter")
    qtbot.mouseClick(form.save_new_button, Qt.MouseButton.LeftButton)
    assert unlocked.session is not None and unlocked.session.service.count_contacts() == 2
    form.discard_silently()


def test_personal_data_in_the_note_is_refused_or_masked(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = workspace_of(unlocked).new_contact()
    form.neighbourhood.setEditText("QN07699A")
    _choose(form.place_type, "espace-public")
    _choose(form.outcome, "a-recontacter")
    form.note.setPlainText("A rappeler au 06 12 34 56 78 mardi")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.errors["note"].isVisible() and form.redact_button.isVisible()
    assert unlocked.session is not None and unlocked.session.service.count_contacts() == 0
    qtbot.mouseClick(form.redact_button, Qt.MouseButton.LeftButton)
    [saved] = unlocked.session.service.contacts()
    assert "06 12 34 56 78" not in (saved["note"] or "")


def test_amend_and_void_with_history(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    workspace = workspace_of(unlocked)
    page = workspace.show_page("contacts")
    assert isinstance(page, ContactsPage)
    page.table.selectRow(0)
    assert page.detail.contact_id == contact_id
    assert page.detail.edit_button is not None
    qtbot.mouseClick(page.detail.edit_button, Qt.MouseButton.LeftButton)
    form = workspace.form
    assert form is not None and form.contact is not None
    assert form.outcome.currentData() == "rdv-propose"  # pre-filled
    _choose(form.outcome, "relais-effectue")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert service.contact(contact_id)["outcome"] == "relais-effectue"
    assert service.contact(contact_id)["version"] == 2
    history = visible_texts(page.detail)
    assert "Contact enregistré" in history and "Modifié : suite donnée" in history

    assert page.detail.void_button is not None
    qtbot.mouseClick(page.detail.void_button, Qt.MouseButton.LeftButton)
    dialog = workspace.dialogs[-1]
    confirm = dialog.findChild(QPushButton, "") if False else dialog.void_button  # type: ignore[attr-defined]
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # type: ignore[attr-defined]  # a reason is required
    dialog.reason.setPlainText("Saisi deux fois")  # type: ignore[attr-defined]
    qtbot.mouseClick(confirm, Qt.MouseButton.LeftButton)
    assert service.contact(contact_id)["voided"]
    assert page.model.total == 0  # voided contacts leave the list...
    page.filters.voided.setChecked(True)  # ...unless asked for
    assert page.model.total == 1
    assert "annulé" in str(page.model.index(0, 0).data())
    page.table.selectRow(0)
    assert fr("Annulé : Saisi deux fois") in visible_texts(page.detail)
    assert page.detail.edit_button is not None and not page.detail.edit_button.isEnabled()


def _choose(combo: QComboBox, code: str) -> None:
    combo.setCurrentIndex(combo.findData(code))
