"""Handovers: proposed from a contact with consent, moved through allowed states only."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from pytestqt.qtbot import QtBot

from fieldapp.domain.handovers import allowed_next
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.contacts_page import ContactChooser, ContactsPage
from fieldapp.ui.notebook.handover_dialog import HandoverDialog
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import sample_contact
from tests.helpers.text import fr
from tests.helpers.ui import visible_texts, workspace_of


def _page(window: RelaisWindow) -> HandoversPage:
    page = workspace_of(window).show_page("relais")
    assert isinstance(page, HandoversPage)
    return page


def test_handover_lifecycle_with_an_illegal_transition_refused(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    workspace = workspace_of(unlocked)
    contacts = workspace.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    contacts.table.selectRow(0)
    assert contacts.detail.handover_button is not None
    qtbot.mouseClick(contacts.detail.handover_button, Qt.MouseButton.LeftButton)
    dialog = workspace.dialogs[-1]
    assert isinstance(dialog, HandoverDialog)

    # Without the person's consent nothing is proposed, and the form says why.
    qtbot.keyClicks(dialog.partner, "Mission locale (exemple)")
    dialog.mode.setCurrentIndex(dialog.mode.findData("rdv-tripartite"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.errors["consent"].isVisible()
    assert "consentement" in dialog.errors["consent"].text()
    assert service.handovers() == []
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [created] = service.handovers()
    assert created["status"] == "propose" and created["contact_id"] == contact_id
    assert created["follow_up"] == (date.today() + timedelta(days=7)).isoformat()

    # The contact card lists it; the Relais screen shows it under « Proposé ».
    assert "Mission locale (exemple) — Proposé" in visible_texts(contacts.detail)
    page = _page(unlocked)
    page.select(created["id"])
    detail = page.detail
    assert detail.handover_id == created["id"]
    assert "Proposé (1)" in visible_texts(page.tree)
    # Only the allowed next states are offered.
    assert tuple(detail.status_buttons) == allowed_next("propose")
    assert "rdv_honore" not in detail.status_buttons
    qtbot.mouseClick(detail.status_buttons["rdv_fixe"], Qt.MouseButton.LeftButton)
    assert service.handover(created["id"])["status"] == "rdv_fixe"
    assert tuple(detail.status_buttons) == allowed_next("rdv_fixe")
    qtbot.mouseClick(detail.status_buttons["rdv_honore"], Qt.MouseButton.LeftButton)
    assert service.handover(created["id"])["status"] == "rdv_honore"

    # An illegal move (asked directly, as a stale screen would) is refused, with the options.
    assert not detail.request("rdv_fixe")
    assert detail.error.isVisible()
    assert (
        fr("« Rendez-vous fixé » ne peut pas suivre « Rendez-vous honoré »")
        in detail.error.text.text()
    )
    assert "Entré dans le dispositif" in detail.error.text.text()
    assert service.handover(created["id"])["status"] == "rdv_honore"

    # A screen left open while the handover was closed elsewhere cannot move it either.
    stale_button = detail.status_buttons["entre_dispositif"]
    service.change_handover_status(created["id"], "perdu_de_vue")
    qtbot.mouseClick(stale_button, Qt.MouseButton.LeftButton)
    assert "ce relais est clos" in detail.error.text.text()
    assert service.handover(created["id"])["status"] == "perdu_de_vue"

    history = [step["status"] for step in service.handover(created["id"])["history"]]
    assert history == ["propose", "rdv_fixe", "rdv_honore", "perdu_de_vue"]
    page.refresh(select=created["id"])
    assert detail.status_buttons == {}  # closed: no state to move to
    assert "Perdu de vue" in visible_texts(detail)


def test_partner_refusal_needs_a_reason(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact(date=date.today().isoformat()))
    handover_id = service.propose_handover(
        {"contact_id": contact_id, "partner": "SIAE (exemple)", "mode": "appel-a-trois",
         "consent": True}
    )  # fmt: skip
    page = _page(unlocked)
    page.select(handover_id)
    detail = page.detail
    qtbot.mouseClick(detail.status_buttons["refus_partenaire"], Qt.MouseButton.LeftButton)
    assert detail.reason_error.isVisible()
    assert service.handover(handover_id)["status"] == "propose"
    detail.reason.insert("Places complètes jusqu'en janvier")
    qtbot.mouseClick(detail.status_buttons["refus_partenaire"], Qt.MouseButton.LeftButton)
    assert service.handover(handover_id)["status"] == "refus_partenaire"


def test_overdue_follow_ups_stand_out_in_words_and_icon(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    today = date.today()
    contact_id = service.record_contact(sample_contact(date=today.isoformat()))
    late = service.propose_handover(
        {"contact_id": contact_id, "partner": "CCAS (exemple)", "mode": "mise-en-relation",
         "consent": True, "follow_up": (today - timedelta(days=3)).isoformat()}
    )  # fmt: skip
    on_time = service.propose_handover(
        {"contact_id": contact_id, "partner": "France Travail (exemple)",
         "mode": "mise-en-relation", "consent": True,
         "follow_up": (today + timedelta(days=3)).isoformat()}
    )  # fmt: skip
    unlocked.session.notify("handovers")  # what every screen that writes does
    page = _page(unlocked)
    late_item = page.item_for(late)
    on_time_item = page.item_for(on_time)
    assert isinstance(late_item, QTreeWidgetItem) and isinstance(on_time_item, QTreeWidgetItem)
    assert late_item.text(1) == "en retard de 3 j"
    assert not late_item.icon(0).isNull() and late_item.font(1).bold()
    assert on_time_item.text(1) == "" and on_time_item.icon(0).isNull()
    assert "dont 1 en retard" in page.summary.text()
    # Aujourd'hui lists it among the follow-ups to do.
    today_page = workspace_of(unlocked).show_page("aujourdhui")
    assert "en retard de 3 j · CCAS (exemple)" in visible_texts(today_page)


def test_the_partner_can_be_chosen_in_the_directory(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    from fieldapp.ui.directory.view import DirectoryView

    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(
        sample_contact(date=date.today().isoformat(), needs=["mobilite"])
    )
    unlocked.session.notify("contacts")
    workspace = workspace_of(unlocked)
    dialog = workspace.propose_handover(contact_id)
    assert isinstance(dialog, HandoverDialog)
    qtbot.mouseClick(dialog.directory_button, Qt.MouseButton.LeftButton)
    picker = dialog.picker
    assert picker is not None
    view = picker.findChild(DirectoryView)
    assert isinstance(view, DirectoryView)
    qtbot.keyClicks(view.search, "scooters")  # a service of the (fictional) demo directory
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert "scooters" in dialog.partner.text()
    dialog.mode.setCurrentIndex(0)
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [created] = service.handovers()
    assert created["partner_structure_id"] == "demo-relais--auto-ecole-canal"
    assert created["partner_service_id"]

    # From the Annuaire screen: a contact chooser first (the contact selected in Contacts is
    # highlighted), Entrée on it opens the handover dialog towards the service.
    contacts = workspace.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    contacts.table.selectRow(0)
    annuaire = workspace.show_page("annuaire")
    assert isinstance(annuaire, DirectoryView)
    qtbot.keyClicks(annuaire.search, "scooters")
    qtbot.mouseClick(annuaire.create_button, Qt.MouseButton.LeftButton)
    chooser = workspace.dialogs[-1]
    assert isinstance(chooser, ContactChooser) and chooser.current_id() == contact_id
    qtbot.keyClick(chooser.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance((workspace.dialogs or [None])[-1], HandoverDialog))
    second = workspace.dialogs[-1]
    assert isinstance(second, HandoverDialog) and second.contact["id"] == contact_id
    assert second.partner_ids["partner_structure_id"] == "demo-relais--auto-ecole-canal"
    second.reject()


def test_an_employer_chosen_in_the_directory_offers_the_employer_modes(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from fieldapp.ui.directory.view import DirectoryView

    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(
        sample_contact(date=date.today().isoformat(), needs=["trouver-un-emploi"])
    )
    dialog = workspace_of(unlocked).propose_handover(contact_id)
    assert isinstance(dialog, HandoverDialog)
    usual = [dialog.mode.itemData(i) for i in range(dialog.mode.count())]
    assert "mise-en-relation" in usual and "immersion-pmsmp" not in usual
    qtbot.mouseClick(dialog.directory_button, Qt.MouseButton.LeftButton)
    assert dialog.picker is not None
    view = dialog.picker.findChild(DirectoryView)
    assert isinstance(view, DirectoryView)
    qtbot.keyClicks(view.search, "ateliers du port")  # the demo directory's employer
    qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    modes = [dialog.mode.itemData(i) for i in range(dialog.mode.count())]
    assert modes == ["immersion-pmsmp", "job-dating", "candidature-accompagnee"]
    dialog.mode.setCurrentIndex(0)
    dialog.consent.setChecked(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [created] = service.handovers()
    assert (created["mode"], created["partner_structure_id"]) == (
        "immersion-pmsmp",
        "demo-relais--ei-ateliers-port",
    )
    assert allowed_next(created["status"], mode=created["mode"])[0] == "immersion_realisee"
