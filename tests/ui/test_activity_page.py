"""« Mon activité »: the dashboard on the notebook's own store, nothing hidden."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.activity_page import ActivityPage
from tests.helpers import sample_contact
from tests.helpers.ui import workspace_of


def test_my_activity_counts_my_contacts_without_suppression(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    session = unlocked.session
    assert session is not None
    today = date.today().isoformat()
    # Two contacts only: a coordinator's report would show "< 5"; my own figures show 2.
    session.service.record_contacts([sample_contact(date=today, note=None) for _ in range(2)])
    session.notify("contacts")
    page = workspace_of(unlocked).show_page("activite")
    assert isinstance(page, ActivityPage)
    qtbot.waitUntil(lambda: page.report is not None, timeout=15_000)
    assert page.tiles["reports.label.contacts"].text() == "2"
    assert page.k is None and "rien n'est masqué" in page.secret_note.text()
    assert not page.structure_type.isVisible()

    # A new contact elsewhere in the notebook: the page recomputes when shown again.
    workspace_of(unlocked).show_page("aujourdhui")
    session.service.record_contacts([sample_contact(date=today, note=None)])
    session.notify("contacts")
    assert page.dirty
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        workspace_of(unlocked).show_page("activite")
    assert page.tiles["reports.label.contacts"].text() == "3"
