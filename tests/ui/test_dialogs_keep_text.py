"""Dialogs keep what was typed: after a refusal the focus is back in the field in error with its
text selected, so retyping replaces it and Enter submits. Driven by keys, as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from tests.helpers import COORD_PASSPHRASE
from tests.helpers.coordination import Coordination
from tests.helpers.text import fr

NEW_PASSPHRASE = "nouvelle phrase de passe 2026"


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "no widget has the keyboard focus"
    return widget


def _selected_focus(widget: QLineEdit) -> bool:
    return (
        QApplication.focusWidget() is widget
        and widget.hasSelectedText()
        and widget.selectedText() == widget.text()
    )


def test_the_coordination_dialog_opens_on_enter_with_the_retyped_passphrase(
    qtbot: QtBot, unlocked: RelaisWindow, coordination: Coordination
) -> None:
    unlocked.open_coordination_action.trigger()
    dialog = unlocked.open_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.folder, timeout=2_000)
    qtbot.keyClicks(focused(), str(coordination.root))
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # past « Choisir… »
    assert focused() is dialog.passphrase
    qtbot.keyClicks(focused(), "pas la bonne phrase")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error.isVisible(), timeout=15_000)
    assert "Phrase de passe incorrecte" in dialog.error.text.text()
    qtbot.waitUntil(lambda: _selected_focus(dialog.passphrase), timeout=2_000)

    opened: list[object] = []
    dialog.opened.connect(opened.append)
    qtbot.keyClicks(focused(), COORD_PASSPHRASE)  # replaces the selection
    assert dialog.passphrase.text() == COORD_PASSPHRASE
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=15_000)
    assert unlocked.coordination_windows  # the workspace is open beside the notebook


def test_the_handover_dialog_keeps_the_partner_and_proposes_on_enter_after_a_refusal(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from fieldapp.ui.notebook.handover_dialog import HandoverDialog
    from tests.helpers import sample_contact
    from tests.helpers.ui import workspace_of

    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact())
    dialog = workspace_of(unlocked).propose_handover(contact_id)
    assert isinstance(dialog, HandoverDialog)
    dialog.mode.setCurrentIndex(dialog.mode.findData("rdv-tripartite"))
    dialog.consent.setChecked(True)
    dialog.partner.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.partner, timeout=2_000)
    qtbot.keyClicks(focused(), "Mission locale, rappeler le 06 39 98 00 11")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert service.handovers() == []
    assert dialog.errors["partner"].isVisible() and "téléphone" in dialog.errors["partner"].text()
    assert _selected_focus(dialog.partner)  # kept, selected, focused
    qtbot.keyClicks(focused(), "Mission locale (exemple)")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    (created,) = service.handovers()
    assert created["partner"] == "Mission locale (exemple)"


def test_the_void_dialog_keeps_the_reason_after_a_refusal(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from tests.helpers import sample_contact
    from tests.helpers.ui import workspace_of

    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact())
    dialog = workspace_of(unlocked).void_contact(contact_id)
    reason = dialog.findChild(QPlainTextEdit)
    assert isinstance(reason, QPlainTextEdit)
    reason.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reason, timeout=2_000)
    qtbot.keyClicks(reason, "doublon, voir 06 39 98 00 11")
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)  # « Garder le contact », then « Annuler ce contact »
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert not service.contact(contact_id)["voided"]
    assert QApplication.focusWidget() is reason
    assert reason.textCursor().selectedText() == "doublon, voir 06 39 98 00 11"
    qtbot.keyClicks(reason, "saisi deux fois")  # replaces the selection
    qtbot.keyClick(reason, Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    row = service.contact(contact_id)
    assert row["voided"] and row["void_reason"] == "saisi deux fois"


def test_the_erase_dialog_counts_with_plurals_in_both_languages(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from fieldapp.ui.notebook.erase_dialog import EraseDialog

    assert unlocked.session is not None
    dialog = EraseDialog(unlocked.session, "K7QF-2M9X")
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == fr("Dans ce carnet : 0 contact et 0 relais à effacer.")
    unlocked.set_language("en")
    try:
        english = EraseDialog(unlocked.session, "K7QF-2M9X")
        qtbot.addWidget(english)
        assert english.summary.text() == "In this notebook: 0 contacts and 0 handovers to erase."
    finally:
        unlocked.set_language("fr")


def _unsqueezed(dialog: QWidget) -> bool:
    from PySide6.QtWidgets import QLabel

    wrapped = [w for w in dialog.findChildren(QLabel) if w.wordWrap() and w.isVisible()]
    return all(w.height() >= w.heightForWidth(w.width()) for w in wrapped)


def test_the_erase_dialog_keeps_a_mistyped_code_selected_and_erases_on_enter(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from datetime import date

    from fieldapp.messages import render
    from fieldapp.ui.notebook.erase_dialog import EraseDialog
    from tests.helpers import sample_contact
    from tests.helpers.ui import workspace_of

    assert unlocked.session is not None
    service = unlocked.session.service
    today = date.today().isoformat()
    service.record_contacts([sample_contact(date=today, pseudonym="K7QF-2M9X", note=None)])
    kept = service.record_contact(sample_contact(date=today, pseudonym="Q4T7-WX3M", note=None))
    dialog = workspace_of(unlocked).erase_person(None)
    assert isinstance(dialog, EraseDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.code, timeout=2_000)
    qtbot.keyClicks(focused(), "K7QF-2M9")  # one character short
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.confirm_box
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # « La personne a demandé l'effacement »
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    # Refused in words; nothing erased; the code back in focus, selected, as typed.
    assert dialog.isVisible() and dialog.error.isVisible()
    assert dialog.error.text() == "⚠ " + render("domain.pseudonym.invalid")
    assert service.count_contacts() == 2
    assert _selected_focus(dialog.code) and dialog.code.text() == "K7QF-2M9"
    qtbot.waitUntil(lambda: _unsqueezed(dialog), timeout=2_000)  # the message made room
    qtbot.keyClicks(focused(), "K7QF-2M9X")  # replaces the selection
    assert "1 contact et 0 relais" in dialog.summary.text()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert service.count_contacts() == 1
    assert service.contact(kept)["pseudonym"] == "Q4T7-WX3M"


def test_the_passphrase_dialog_keeps_a_wrong_current_passphrase_selected_and_changes_on_enter(
    qtbot: QtBot, unlocked: RelaisWindow, profile_home: tuple[Home, str]
) -> None:
    from fieldapp.ui.notebook.settings_page import SettingsPage
    from tests.helpers import PASSPHRASE
    from tests.helpers.ui import workspace_of

    home, _key = profile_home
    page = workspace_of(unlocked).show_page("parametres")
    assert isinstance(page, SettingsPage)
    dialog = page.change_passphrase()
    dialog.current.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.current, timeout=2_000)
    qtbot.keyClicks(focused(), "pas la bonne phrase")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.fields.first
    qtbot.keyClicks(focused(), NEW_PASSPHRASE)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.fields.confirm
    qtbot.keyClicks(focused(), NEW_PASSPHRASE)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.current_error.isVisible, timeout=10_000)
    assert dialog.isVisible()
    assert fr("Phrase de passe actuelle incorrecte.") in dialog.current_error.text()
    assert _selected_focus(dialog.current)
    qtbot.keyClicks(focused(), PASSPHRASE)  # replaces the selection
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert len(keyfile.unlock(home.key_file, NEW_PASSPHRASE)) == 32


def test_the_recovery_dialog_keeps_a_wrong_key_selected_and_saves_on_enter(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    from tests.helpers.ui import make_window

    home, recovery_key = profile_home
    window = make_window(qtbot, home)
    window.start()
    screen = window.unlock_screen
    assert screen is not None
    dialog = screen.open_recovery()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.key, timeout=2_000)
    qtbot.keyClicks(focused(), "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.passphrase.first
    qtbot.keyClicks(focused(), NEW_PASSPHRASE)
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.passphrase.confirm
    qtbot.keyClicks(focused(), NEW_PASSPHRASE)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.key_error.isVisible, timeout=10_000)
    assert dialog.isVisible()
    assert _selected_focus(dialog.key)
    assert dialog.key.text() == "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
    qtbot.keyClicks(focused(), recovery_key)  # replaces the selection
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: fr("Nouvelle phrase de passe enregistrée") in screen.reason_label.text(),
        timeout=5_000,
    )
    assert len(keyfile.unlock(home.key_file, NEW_PASSPHRASE)) == 32
