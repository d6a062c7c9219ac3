"""Auto-lock: after inactivity and on demand, decrypted data leaves the window."""

from __future__ import annotations

import gc
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.contacts_model import ContactsModel
from fieldapp.ui.notebook.contacts_page import ContactsPage
from tests.helpers import PASSPHRASE, sample_contact
from tests.helpers.ui import visible_texts, workspace_of

SECRET_NOTE = "Note synthetique 7Q9Z pour le test de verrouillage"


def _show_a_contact(window: RelaisWindow) -> tuple[ContactsPage, ContactsModel]:
    assert window.session is not None
    window.session.service.record_contact(
        sample_contact(date=date.today().isoformat(), note=SECRET_NOTE)
    )
    window.session.notify("contacts")
    page = workspace_of(window).show_page("contacts")
    assert isinstance(page, ContactsPage)
    page.table.selectRow(0)
    assert SECRET_NOTE in visible_texts(window)
    return page, page.model


def test_inactivity_locks_and_drops_the_decrypted_data(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    _page, model = _show_a_contact(unlocked)
    session = unlocked.session
    assert session is not None
    engine = session.service.engine
    unlocked.set_autolock_ms(400)

    # Activity keeps it open...
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(unlocked, Qt.Key.Key_Shift)
    assert unlocked.is_unlocked()

    # ...and a short silence locks it.
    with qtbot.waitSignal(unlocked.locked, timeout=3_000):
        pass
    assert not unlocked.is_unlocked() and unlocked.unlock_screen is not None
    assert model.rowCount() == 0 and model.total == 0  # the model forgot its rows
    assert not session.is_open
    assert engine.pool.checkedout() == 0  # no connection to the decrypted database left
    qtbot.wait(50)  # deferred deletes
    gc.collect()
    assert SECRET_NOTE not in visible_texts(unlocked)
    assert "Verrouillé après" in unlocked.unlock_screen.reason_label.text()
    assert unlocked.unlock_screen.isVisible()

    # Unlocking brings the notebook back.
    qtbot.keyClicks(unlocked.unlock_screen.passphrase, PASSPHRASE)
    qtbot.keyClick(unlocked.unlock_screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(unlocked.is_unlocked, timeout=5_000)


def test_ctrl_l_locks_at_once_and_keeps_unsaved_typing(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    workspace = workspace_of(unlocked)
    form = workspace.new_contact()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.neighbourhood.setEditText("QN07699B")
    form.needs.chip("numerique").click()
    qtbot.keyClick(form.note, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not unlocked.is_unlocked()
    assert unlocked.workspace is None and unlocked.draft is not None
    screen = unlocked.unlock_screen
    assert screen is not None
    qtbot.keyClicks(screen.passphrase, PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(unlocked.is_unlocked, timeout=5_000)
    restored = workspace_of(unlocked).form
    assert restored is not None
    assert restored.neighbourhood.currentText().endswith("— QN07699B")  # named, with its code
    assert restored.needs.codes() == ["numerique"]
    assert "retrouvée" in restored.status.text()
    restored.discard_silently()
