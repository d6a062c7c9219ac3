"""The contact list model: Qt's model checks, lazy pages, store-side sorting and filtering."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldapp.services.demo import demo_contacts
from fieldapp.services.field import FieldService
from fieldapp.storage.store import ContactFilter
from fieldapp.ui.notebook.contacts_model import (
    COLUMNS,
    FIRST_PAGE,
    ID_ROLE,
    PAGE_SIZE,
    ContactsModel,
)

COUNT = 450  # more than two pages


@pytest.fixture
def filled(service: FieldService) -> Iterator[FieldService]:
    service.record_contacts(list(demo_contacts(COUNT, seed=7)))
    yield service


def test_qt_model_checks_pass_while_pages_load(
    qtmodeltester: ModelTester, filled: FieldService
) -> None:
    model = ContactsModel(filled)
    model.reload()
    # check() stays connected: every later page, sort, filter and clear is checked too.
    qtmodeltester.check(model)  # Qt's QAbstractItemModelTester
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == COUNT
    model.sort(COLUMNS.index(("outcome", "Suite donnée")), Qt.SortOrder.AscendingOrder)
    model.set_filter(ContactFilter(neighbourhood="QN07699A"))
    assert 0 < model.rowCount() < COUNT
    model.clear()
    assert model.rowCount() == 0


def test_rows_load_a_page_at_a_time(qtbot: QtBot, filled: FieldService) -> None:
    model = ContactsModel(filled)
    with qtbot.waitSignal(model.counted, timeout=5_000) as counted:
        model.reload()  # first rows now, the count from a background task
        assert model.rowCount() == FIRST_PAGE
    assert counted.args == [COUNT] and model.total_known == COUNT
    assert model.canFetchMore(QModelIndex())
    assert not model.canFetchMore(model.index(0, 0))  # a table: no children
    model.fetchMore(QModelIndex())
    assert model.rowCount() == FIRST_PAGE + PAGE_SIZE
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == COUNT and not model.canFetchMore(QModelIndex())
    ids = {model.index(r, 0).data(ID_ROLE) for r in range(model.rowCount())}
    assert len(ids) == COUNT  # pages neither overlap nor skip


def test_sorting_and_filtering_happen_in_the_store(filled: FieldService) -> None:
    model = ContactsModel(filled)
    model.reload()
    dates = [model.index(r, 0).data(ID_ROLE) for r in range(3)]
    newest = filled.contacts(limit=3)
    assert dates == [c["id"] for c in newest]  # newest first by default
    outcome_col = [key for key, _h in COLUMNS].index("outcome")
    model.sort(outcome_col, Qt.SortOrder.AscendingOrder)
    assert model.sort_key == ("outcome", False)
    first = filled.contacts(limit=1, sort="outcome", descending=False)[0]
    assert model.index(0, 0).data(ID_ROLE) == first["id"]
    note_col = [key for key, _h in COLUMNS].index("note")
    model.sort(note_col, Qt.SortOrder.AscendingOrder)  # not sortable: ignored
    assert model.sort_key == ("outcome", False)

    flt = ContactFilter(need="mobilite", outcome="rdv-propose")
    model.set_filter(flt)
    assert model.total == filled.count_contacts(flt) > 0
    for r in range(model.rowCount()):
        row = filled.contact(str(model.index(r, 0).data(ID_ROLE)))
        assert "mobilite" in row["needs"] and row["outcome"] == "rdv-propose"
