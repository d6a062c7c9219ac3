"""Feedback (issue 20 item 5, issue 21 item 7): a confirmation after each save, no stale error,
empty states, a sort arrow that matches the order, « Relais effectué » that opens the handover
dialog, a badge that reads the same state as the card, the Annuaire's contact chooser."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyleOptionHeader
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.directory.view import DirectoryView
from fieldapp.ui.kit.tables import SortHeader
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.notebook.contacts_page import ContactChooser, ContactsPage
from fieldapp.ui.notebook.handover_dialog import HandoverDialog
from fieldapp.ui.notebook.today_page import TodayPage
from tests.helpers import PASSPHRASE, make_coordination, sample_contact
from tests.helpers.ui import joined_profile, unlocked_window, workspace_of

CTRL = Qt.KeyboardModifier.ControlModifier


def fill_minimal(qtbot: QtBot, form: ContactForm, outcome: str) -> None:
    """A minimal valid contact: neighbourhood (set: typing it would open the completion list),
    then place and outcome typed."""
    form.neighbourhood.setEditText("QN07601M")
    qtbot.keyClicks(form.place_type, "Pied")
    qtbot.keyClicks(form.outcome, outcome)


def new_form(qtbot: QtBot, window: RelaisWindow) -> ContactForm:
    form = workspace_of(window).new_contact()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def test_saving_a_contact_is_confirmed_in_the_status_bar(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.statusBar().currentMessage() == ""
    form = new_form(qtbot, unlocked)
    fill_minimal(qtbot, form, "Information")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: workspace_of(unlocked).form is None)
    today = date.today().strftime("%d/%m/%Y")
    assert unlocked.statusBar().currentMessage() == f"✓ Contact du {today} enregistré."


def test_an_error_leaves_as_soon_as_its_field_is_answered(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = new_form(qtbot, unlocked)
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)  # nothing chosen: refused
    assert form.errors["place_type"].isVisible() and form.errors["outcome"].isVisible()
    form.place_type.setFocus()
    qtbot.keyClicks(form.place_type, "Pied")
    assert not form.errors["place_type"].isVisible()  # answered: no stale « obligatoire »
    assert form.place_type.property("invalid") is False
    assert form.errors["outcome"].isVisible()  # still unanswered
    form.discard_silently()


def test_a_partner_picked_in_the_directory_clears_its_error(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    contact_id = unlocked.session.service.record_contact(
        sample_contact(date=date.today().isoformat())
    )
    dialog = workspace_of(unlocked).propose_handover(contact_id)
    assert isinstance(dialog, HandoverDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no partner yet
    assert dialog.errors["partner"].isVisible()
    qtbot.mouseClick(dialog.directory_button, Qt.MouseButton.LeftButton)
    assert dialog.picker is not None
    view = dialog.picker.findChild(DirectoryView)
    assert isinstance(view, DirectoryView)
    qtbot.keyClicks(view.search, "scooters")
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert "scooters" in dialog.partner.text()
    assert not dialog.errors["partner"].isVisible()
    dialog.reject()


def test_the_contact_list_says_when_it_is_empty(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    workspace = workspace_of(unlocked)
    page = workspace.show_page("contacts")
    assert isinstance(page, ContactsPage)
    assert page.empty.isVisible() and not page.table.isVisible()
    assert page.empty.heading.text() == "Aucun contact pour l'instant"
    assert page.empty_new.isVisible()
    qtbot.mouseClick(page.empty_new, Qt.MouseButton.LeftButton)  # the way out is right there
    form = workspace.form
    assert form is not None
    form.discard_silently()

    assert unlocked.session is not None
    unlocked.session.service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    qtbot.waitUntil(lambda: page.table.isVisible())
    assert not page.empty.isVisible()
    page.filters.text.setText("introuvable")
    page.filters.flush()
    assert page.empty.isVisible()
    assert page.empty.heading.text() == "Aucun contact ne correspond aux filtres"
    assert page.empty_reset.isVisible() and not page.empty_new.isVisible()
    qtbot.mouseClick(page.empty_reset, Qt.MouseButton.LeftButton)
    assert page.table.isVisible() and page.model.total == 1


def _arrow_rows(indicator: QStyleOptionHeader.SortIndicator) -> list[int]:
    """How many dark pixels each line of the style's sort arrow has, top to bottom."""
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionHeader()
    option.rect = QRect(0, 0, 24, 24)
    option.sortIndicator = indicator
    style = QApplication.style()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
    painter.end()
    rows = [
        sum(1 for x in range(24) if QColor(image.pixel(x, y)).lightness() < 200) for y in range(24)
    ]
    return [n for n in rows if n]


def test_the_date_arrow_points_down_for_newest_first(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    page = workspace_of(unlocked).show_page("contacts")
    assert isinstance(page, ContactsPage)
    header = page.table.horizontalHeader()
    assert isinstance(header, SortHeader)
    assert page.model.sort_key == ("date", True)  # newest first
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, 0)
    drawn = _arrow_rows(option.sortIndicator)
    assert drawn and drawn[0] > drawn[-1], "the arrow must be ▼ (wide at the top)"
    assert page.model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Trié du plus récent au plus ancien"
    )
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)  # what a click on « Date » does
    assert page.model.sort_key == ("date", False)
    header.initStyleOptionForIndex(option, 0)
    drawn = _arrow_rows(option.sortIndicator)
    assert drawn[0] < drawn[-1], "oldest first: ▲"


def test_relais_effectue_opens_the_handover_dialog(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    workspace = workspace_of(unlocked)
    form = new_form(qtbot, unlocked)
    fill_minimal(qtbot, form, "Relais")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)
    [contact] = service.contacts()
    assert contact["outcome"] == "relais-effectue"
    qtbot.waitUntil(lambda: bool(workspace.dialogs))
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, HandoverDialog) and dialog.contact["id"] == contact["id"]
    # Closed without a handover: the window says the two disagree, and how to settle it.
    dialog.reject()
    qtbot.waitUntil(lambda: not workspace.dialogs)
    assert "Aucun relais créé" in unlocked.statusBar().currentMessage()
    assert service.handovers() == []

    # Recorded with the handover: nothing more is asked.
    form = new_form(qtbot, unlocked)
    fill_minimal(qtbot, form, "Relais")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: bool(workspace.dialogs))
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, HandoverDialog)
    dialog.partner.setText("Service fictif (exemple)")
    dialog.mode.setCurrentIndex(0)
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not workspace.dialogs)
    assert len(service.handovers()) == 1
    assert unlocked.statusBar().currentMessage() == "✓ Relais proposé."


@pytest.fixture
def joined_window(qtbot: QtBot, tmp_path: Path, drop: Path) -> Iterator[RelaisWindow]:
    coordination = make_coordination(tmp_path / "coordination", drop=str(drop))
    home: Home = joined_profile(tmp_path / "profil", coordination)
    service = profile.open_profile(home, PASSPHRASE)
    service.record_contact(sample_contact(note=None))
    service.close()
    window = unlocked_window(qtbot, home)
    yield window
    window.close()


def test_the_badge_and_the_card_read_the_same_state(
    qtbot: QtBot, joined_window: RelaisWindow
) -> None:
    window = joined_window
    badge, scheduler = window.sync_badge, window.scheduler
    assert badge is not None and scheduler is not None
    with qtbot.waitSignal(scheduler.synced, timeout=10_000):
        assert scheduler.tick()
    assert badge.text() == "✓ Synchronisé à l'instant"
    today = workspace_of(window).show_page("aujourdhui")
    assert isinstance(today, TodayPage)

    form = new_form(qtbot, window)
    fill_minimal(qtbot, form, "Information")
    qtbot.keyClick(form.note, Qt.Key.Key_Return, CTRL)  # one change to send, right now
    qtbot.waitUntil(lambda: workspace_of(window).form is None)
    card = today.sync_card.findChild(QLabel, "syncSummary")
    assert isinstance(card, QLabel)
    assert card.text() == "1 modification à envoyer"
    assert badge.text() == card.text()  # the badge no longer says « Synchronisé »


def test_the_annuaire_asks_for_the_contact_then_opens_the_handover(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    older = service.record_contact(sample_contact(date="2026-01-05"))
    newer = service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    workspace = workspace_of(unlocked)
    annuaire = workspace.show_page("annuaire")
    assert isinstance(annuaire, DirectoryView)
    qtbot.keyClicks(annuaire.search, "scooters")
    qtbot.mouseClick(annuaire.create_button, Qt.MouseButton.LeftButton)
    chooser = workspace.dialogs[-1]
    assert isinstance(chooser, ContactChooser)
    assert chooser.current_id() == newer  # nothing selected in Contacts: the newest first
    qtbot.waitUntil(lambda: QApplication.focusWidget() is chooser.table)
    qtbot.keyClick(chooser.table, Qt.Key.Key_Down)
    assert chooser.current_id() == older
    qtbot.keyClick(chooser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance((workspace.dialogs or [None])[-1], HandoverDialog))
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, HandoverDialog)
    assert dialog.contact["id"] == older
    assert "scooters" in dialog.partner.text()
    assert dialog.partner_ids["partner_structure_id"]
    dialog.reject()
