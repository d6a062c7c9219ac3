"""Every Quartier field and display shows « name — code » (issue 18, item 5), with real widgets:
the contact form's list, the contact list and its filter, the contact's sheet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.contacts_page import ContactsPage
from tests.helpers import sample_contact
from tests.helpers.ui import workspace_of

TILLEULS = "Quartier des Tilleuls (fictif) — QN07699A"  # the demo pack's first neighbourhood


def test_quartier_fields_show_the_name_with_the_code(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    form = workspace_of(unlocked).new_contact()
    items = [form.neighbourhood.itemText(i) for i in range(form.neighbourhood.count())]
    assert TILLEULS in items and "Cité des Peupliers (fictif) — QN07699B" in items
    form.neighbourhood.setCurrentIndex(items.index(TILLEULS))
    assert form.values()["neighbourhood"] == "QN07699A"  # the code is what is saved
    form.discard_silently()

    service.record_contacts([sample_contact(neighbourhood="QN07699A")])
    unlocked.session.notify("contacts")
    page = workspace_of(unlocked).show_page("contacts")
    assert isinstance(page, ContactsPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    horizontal = Qt.Orientation.Horizontal
    column = [page.model.headerData(c, horizontal) for c in range(page.model.columnCount())]
    cell = page.model.data(page.model.index(0, column.index("Quartier")))
    assert cell == TILLEULS
    filters = page.filters.neighbourhood
    shown = [filters.itemText(i) for i in range(filters.count())]
    assert TILLEULS in shown and filters.itemData(shown.index(TILLEULS)) == "QN07699A"
