"""Erasing a person from the contact card, and the retention notice in Aujourd'hui."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.services import privacy
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.contacts_page import ContactsPage
from fieldapp.ui.notebook.erase_dialog import EraseDialog
from fieldapp.ui.notebook.today_page import TodayPage
from tests.helpers import sample_contact
from tests.helpers.text import fr
from tests.helpers.ui import workspace_of

PERSON = "K7QF-2M9X"


def test_erase_a_person_from_the_contact_card(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    session = unlocked.session
    assert session is not None
    today = date.today().isoformat()
    session.service.record_contacts(
        [sample_contact(date=today, pseudonym=PERSON, note=None) for _ in range(2)]
    )
    session.notify("contacts")
    page = workspace_of(unlocked).show_page("contacts")
    assert isinstance(page, ContactsPage)
    page.table.selectRow(0)
    qtbot.mouseClick(page.detail.erase_button, Qt.MouseButton.LeftButton)
    dialog = workspace_of(unlocked).dialogs[-1]
    assert isinstance(dialog, EraseDialog) and dialog.code.text() == PERSON
    assert fr("Dans ce carnet : 2 contacts et 0 relais à effacer.") in dialog.summary.text()
    assert not dialog.erase_button.isEnabled()  # not before the person's request is confirmed
    dialog.confirm_box.setChecked(True)
    assert dialog.erase_button.isEnabled()
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=5_000)
    assert session.service.count_contacts() == 0
    message = workspace_of(unlocked).last_message
    assert message is not None and message.isVisible()
    assert fr("Effacé de ce carnet : 2 contacts, 0 relais.") in message.text()


def test_records_about_to_pass_retention_are_announced(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    session = unlocked.session
    assert session is not None
    soon = privacy.retention_limit(24, date.today()) + timedelta(days=10)
    session.service.record_contacts([sample_contact(date=soon.isoformat(), note=None)])
    page = workspace_of(unlocked).show_page("aujourdhui")
    assert isinstance(page, TodayPage)
    page.refresh()
    assert page.retention_banner.isVisible()
    assert fr("Durée de conservation (24 mois) : 1 rencontre datée") in (
        page.retention_banner.text.text()
    )
