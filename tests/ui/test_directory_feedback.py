"""« Signaler une information à corriger » from the Annuaire, and the age of each sheet (issue 18),
with real widgets on a real profile."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.services import feedback
from fieldapp.services.packs import demo_pack
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.directory.card import card_html
from fieldapp.ui.directory.feedback_dialog import FeedbackDialog
from fieldapp.ui.directory.guide_dialog import GuideDialog
from fieldapp.ui.directory.view import DirectoryView
from tests.helpers.text import fr
from tests.helpers.ui import workspace_of


def _annuaire(window: RelaisWindow) -> DirectoryView:
    view = workspace_of(window).show_page("annuaire")
    assert isinstance(view, DirectoryView)
    return view


def test_feedback_dialog_records_and_refusal_keeps_the_text(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    view = _annuaire(unlocked)
    assert view.feedback_button.isVisible() and view.guide_button.isVisible()
    shown = view.current_service()
    assert shown is not None
    with qtbot.waitSignal(view.feedback_requested) as asked:
        view.feedback_button.click()
    sheet, structure = asked.args
    assert sheet["id"] == shown["id"] and structure["id"] == shown["structure_id"]
    dialogs = [d for d in workspace_of(unlocked).dialogs if isinstance(d, FeedbackDialog)]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert not dialog.send_button.isEnabled()  # a reason first
    dialog.reason_buttons["horaires"].click()
    assert dialog.send_button.isEnabled()

    typed = "Fermé le lundi, voir avec Mme Durand au 06 12 34 56 78"
    dialog.comment.setPlainText(typed)
    dialog.send_button.click()
    assert dialog.isVisible()
    assert "données personnelles" in dialog.error.text()
    assert dialog.comment.toPlainText() == typed
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.comment, timeout=2_000)
    assert unlocked.session is not None
    assert feedback.device_feedback(unlocked.session.service) == []

    dialog.comment.setPlainText("Fermé le lundi depuis la rentrée")
    with qtbot.waitSignal(dialog.recorded):
        dialog.send_button.click()
    assert not dialog.isVisible()
    (row,) = feedback.device_feedback(unlocked.session.service)
    assert (row["service_id"], row["reason"]) == (shown["id"], "horaires")
    assert row["comment"] == "Fermé le lundi depuis la rentrée"
    assert "Signalement enregistré" in view.notice.text.text()


def test_feedback_on_the_structure(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    view = _annuaire(unlocked)
    shown = view.current_service()
    assert shown is not None
    view.feedback_button.click()
    (dialog,) = [d for d in workspace_of(unlocked).dialogs if isinstance(d, FeedbackDialog)]
    dialog.structure_radio.click()
    dialog.reason_buttons["n-existe-plus"].click()
    dialog.send_button.click()
    assert unlocked.session is not None
    (row,) = feedback.device_feedback(unlocked.session.service)
    assert (row["service_id"], row["structure_id"]) == (None, shown["structure_id"])


def test_the_card_shows_the_age_and_flags_an_old_sheet(qtbot: QtBot) -> None:
    pack = demo_pack()
    view = DirectoryView(lambda: pack)
    qtbot.addWidget(view)
    entry = view.results_entries()[0]
    assert entry.service["date_maj"] == "2026-10-01"
    fresh = card_html(entry, None, view.tr, {}, today=date(2026, 12, 3))
    assert "mis à jour il y a 2 mois" in fresh and "à vérifier" not in fresh
    old = card_html(entry, None, view.tr, {}, today=date(2027, 5, 2))
    assert "mis à jour il y a 7 mois" in old
    assert fr("à vérifier : fiche non mise à jour depuis plus de 6 mois") in old
    assert not view.feedback_button.isVisibleTo(view)  # the partner picker has none


def test_print_the_guide_from_the_annuaire(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    view = _annuaire(unlocked)
    view.guide_button.click()
    (dialog,) = [d for d in workspace_of(unlocked).dialogs if isinstance(d, GuideDialog)]
    items = [dialog.neighbourhood.itemText(i) for i in range(dialog.neighbourhood.count())]
    assert items[0] == "Tout le territoire"
    assert "Quartier des Tilleuls (fictif) — QN07699A" in items
    dialog.neighbourhood.setCurrentIndex(dialog.neighbourhood.findData("QN07699A"))
    missing = tmp_path / "absent" / "guide.pdf"
    assert not dialog.save_to(missing)
    assert "dossier introuvable" in dialog.error.text() and dialog.isVisible()
    out = tmp_path / "guide.pdf"
    assert dialog.save_to(out)
    assert out.read_bytes().startswith(b"%PDF") and not dialog.isVisible()
    assert "Guide enregistré" in view.notice.text.text()


def test_ranking_for_a_contact_names_the_needs_without_solution(qtbot: QtBot) -> None:
    pack = demo_pack()
    view = DirectoryView(lambda: pack)
    qtbot.addWidget(view)
    contact = {
        "date": "2026-11-20",
        "neighbourhood": "QN07699A",
        "age_band": "30-44",
        "needs": ["mobilite", "creer-une-entreprise"],
    }
    view.show_for_contact(contact)
    text = view.contact_label.text()
    assert "Quartier des Tilleuls (fictif) — QN07699A" in text
    assert (
        fr("Sans solution dans l'annuaire pour ce quartier et ce public : créer une entreprise")
        in text
    )
    assert "mobilité" not in text.split("Sans solution")[1]
    view.show_for_contact(contact | {"needs": ["mobilite"]})
    assert "Sans solution" not in view.contact_label.text()


def test_the_partner_picker_marks_the_needs_without_solution(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    from fieldapp.services import unmet
    from fieldapp.ui.notebook.handover_dialog import HandoverDialog
    from tests.helpers import sample_contact

    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(
        sample_contact(
            date=date.today().isoformat(),
            neighbourhood="QN07699A",
            needs=["mobilite", "creer-une-entreprise"],
        )
    )
    dialog = workspace_of(unlocked).propose_handover(contact_id)
    assert isinstance(dialog, HandoverDialog)
    dialog.directory_button.click()
    assert dialog.picker is not None
    view = dialog.picker.findChild(DirectoryView)
    assert isinstance(view, DirectoryView)
    assert view.unmet == ["creer-une-entreprise"] and view.unmet_button.isVisibleTo(view)
    view.unmet_button.click()
    assert unmet.unmet_of(service, contact_id) == ["creer-une-entreprise"]
    assert "sans solution" in view.notice.text.text() and not view.unmet_button.isEnabled()
    dialog.picker.reject()
    dialog.reject()
