"""Keyboard without traps (issue 20, item 3): one test per trap, driven by keys on the window."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.app.workspace import PAGES
from fieldapp.ui.kit.widgets import ChipGroup
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.notebook.contacts_page import ContactsPage
from fieldapp.ui.notebook.handover_dialog import HandoverDialog
from fieldapp.ui.notebook.handovers import HandoversPage
from fieldapp.ui.onboarding import first_run
from fieldapp.ui.onboarding.first_run import CHECK, DONE, PASSPHRASE, RECOVERY, STRUCTURE
from tests.helpers import sample_contact
from tests.helpers.ui import make_window, workspace_of

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def open_form(qtbot: QtBot, window: RelaisWindow) -> ContactForm:
    press(qtbot, Qt.Key.Key_N, CTRL)
    form = workspace_of(window).form
    assert form is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.date_edit)
    return form


def test_alt_b_moves_to_the_needs_and_ticks_nothing(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    form = open_form(qtbot, unlocked)
    press(qtbot, Qt.Key.Key_B, ALT)  # « &Besoins »
    assert focused() is form.needs.chips()[0]
    assert form.needs.codes() == []  # a plain QLabel buddy would have ticked it
    press(qtbot, Qt.Key.Key_Space)  # Space ticks, as the hint says
    assert form.needs.codes() == [form.needs.chips()[0].property("code")]
    # Alt+I goes to the registrations' current chip, without ticking either.
    press(qtbot, Qt.Key.Key_I, ALT)
    assert focused() is form.registrations.chips()[0]
    assert form.registrations.codes() == []
    form.discard_silently()


def test_the_chip_groups_say_how_to_move_and_tick(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    form = open_form(qtbot, unlocked)
    hint = ChipGroup.hint_text()
    assert "flèches" in hint and "Espace" in hint and "Tab" in hint
    assert form.chips_hint.isVisible() and form.chips_hint.text() == hint
    for group in (form.registrations, form.needs):
        assert group.accessibleDescription() == hint
        assert all(chip.accessibleDescription() == hint for chip in group.chips())
    # What the hint promises: arrows move inside, Space ticks, Tab leaves the group.
    press(qtbot, Qt.Key.Key_B, ALT)
    press(qtbot, Qt.Key.Key_Right)
    assert focused() is form.needs.chips()[1]
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is form.outcome
    assert form.needs.codes() == [form.needs.chips()[1].property("code")]
    form.discard_silently()


# An open list grabs the keyboard; the offscreen platform cannot (a desktop can).
@pytest.mark.qt_log_ignore("^This plugin does not support grabbing the keyboard$")
def test_ctrl_enter_saves_with_a_drop_down_list_open(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    form = open_form(qtbot, unlocked)
    editor = form.neighbourhood.lineEdit()
    assert editor is not None
    editor.setFocus()
    qtbot.keyClicks(editor, "QN07601M")
    form.outcome.setFocus()
    qtbot.keyClicks(form.outcome, "Rendez")
    form.place_type.setFocus()
    press(qtbot, Qt.Key.Key_Down, ALT)  # opens the list of places
    view = form.place_type.view()
    assert view is not None
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    highlighted = view.currentIndex().row()
    assert highlighted >= 0
    qtbot.keyClick(view, Qt.Key.Key_Return, CTRL)  # Qt alone would only close the list

    qtbot.waitUntil(lambda: service.count_contacts() == 1)
    [saved] = service.contacts()
    assert saved["place_type"] == form.place_type.itemData(highlighted)
    assert saved["outcome"] == "rdv-propose"
    qtbot.waitUntil(lambda: workspace_of(unlocked).form is None)


def test_focus_never_lands_on_lock_after_a_status_change(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact(date=date.today().isoformat()))
    service.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Service fictif (exemple)",
            "mode": "mise-en-relation",
            "consent": True,
            "follow_up": (date.today() + timedelta(days=3)).isoformat(),
        }
    )
    unlocked.session.notify("handovers")
    workspace = workspace_of(unlocked)
    press(qtbot, Qt.Key.Key_3, CTRL)  # Relais
    page = workspace.pages["relais"]
    assert isinstance(page, HandoversPage) and page.isVisible()
    [row] = service.handovers()
    page.select(str(row["id"]))
    QApplication.processEvents()  # the detail's new buttons show on the next pass
    button = next(b for s, b in page.detail.status_buttons.items() if s != "refus_partenaire")
    button.setFocus()
    press(qtbot, Qt.Key.Key_Space)  # the status changes, the buttons are rebuilt
    assert service.handovers()[0]["status"] != row["status"]
    assert focused() is page.tree
    assert focused() is not workspace.lock_button
    press(qtbot, Qt.Key.Key_Space)  # what used to lock the notebook mid-task
    assert unlocked.is_unlocked()


def test_focus_returns_to_the_list_after_a_new_handover(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    workspace = workspace_of(unlocked)
    press(qtbot, Qt.Key.Key_2, CTRL)
    page = workspace.pages["contacts"]
    assert isinstance(page, ContactsPage)
    page.table.setFocus()
    page.table.selectRow(0)
    assert page.detail.handover_button is not None
    page.detail.handover_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, HandoverDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.partner.setFocus()
    qtbot.keyClicks(dialog.partner, "Service fictif (exemple)")
    dialog.mode.setFocus()
    qtbot.keyClicks(dialog.mode, "Mise")
    dialog.consent.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    dialog.partner.setFocus()
    press(qtbot, Qt.Key.Key_Return)  # « Proposer le relais » is the default button
    assert len(service.handovers()) == 1
    qtbot.waitUntil(lambda: not workspace.dialogs)
    # The window's own focus (what the keyboard reaches once the window is active again).
    qtbot.waitUntil(lambda: unlocked.focusWidget() is page.table)
    unlocked.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.table)
    press(qtbot, Qt.Key.Key_Space)
    assert unlocked.is_unlocked()
    assert "Relais proposé" in unlocked.statusBar().currentMessage()


def test_ctrl_1_to_8_show_the_pages(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    workspace = workspace_of(unlocked)
    keys = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 9)]
    assert len(keys) == len(PAGES) == 8
    for key, name in reversed(list(zip(keys, PAGES, strict=True))):
        press(qtbot, key, CTRL)
        assert workspace.current_page() == name
        assert workspace.stack.currentWidget() is workspace.pages[name]
        assert workspace.nav.currentRow() == PAGES.index(name)


def test_enter_continues_from_the_last_recovery_check_box(qtbot: QtBot, tmp_path: Path) -> None:
    home = Home(tmp_path / "nouveau")
    window = make_window(qtbot, home)
    window.start()
    wizard = window.wizard
    assert wizard is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    wizard.create_button.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    assert wizard.page() == STRUCTURE
    wizard.structure_name.insert("Club de test (fictif)")
    wizard.structure_type.setCurrentIndex(wizard.structure_type.findData("prevention-specialisee"))
    wizard.next_button.click()
    assert wizard.page() == PASSPHRASE
    phrase = "cerise tournevis nuage 47"
    qtbot.keyClicks(wizard.passphrase.first, phrase)
    qtbot.keyClicks(wizard.passphrase.confirm, phrase)
    qtbot.keyClick(wizard.passphrase.confirm, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: wizard.page() == RECOVERY, timeout=10_000)
    wizard.next_button.click()
    assert wizard.page() == CHECK
    chars = first_run.key_characters(wizard.recovery_key)
    first, *_rest, last = wizard.check_fields
    assert focused() is first
    # Entrée with a box still empty: the focus goes to it, nothing is checked yet.
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.page() == CHECK and focused() is first
    for position in wizard.check_positions:
        press(qtbot, getattr(Qt.Key, f"Key_{chars[position - 1].upper()}"))  # moves on by itself
    assert focused() is last
    press(qtbot, Qt.Key.Key_Return)
    assert wizard.page() == DONE
    window.close()


def test_enter_in_the_folder_field_never_opens_the_picker(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    # The folder picker is modal: offscreen it would wait forever, so its opening is recorded.
    def picker(*_args: object, **_kwargs: object) -> str:
        opened.append("picker")
        return ""

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", picker)
    press(qtbot, Qt.Key.Key_O, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = unlocked.open_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.folder.setFocus()
    dialog.folder.clear()
    qtbot.keyClicks(dialog.folder, str(tmp_path / "espace"))
    press(qtbot, Qt.Key.Key_Return)
    assert opened == []
    assert focused() is dialog.passphrase  # Entrée goes on to the next field
    assert dialog.isVisible()
    dialog.reject()
