"""Spreadsheet import: preview first, two bad rows reported by line, good rows kept."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.import_dialog import PREVIEW, REPORT, ImportDialog
from tests.helpers.ui import workspace_of


def _csv(tmp_path: Path) -> Path:
    today = date.today()
    yesterday = (today - timedelta(days=1)).strftime("%d/%m/%Y")
    future = (today + timedelta(days=30)).strftime("%d/%m/%Y")
    rows = [
        "Date;Créneau;Quartier;Lieu;Tranche d'âge;Besoins;Suite;Note",
        f"{yesterday};Matin;QN07699A;Pied d'immeuble;18-25;Mobilité;Information donnée;",
        f"{yesterday};Soir;QN07699A;Trottoir;26-29;;À recontacter;",  # line 3: unknown place
        f"{yesterday};Midi;QN07699B;Porte-à-porte;55+;Santé, Numérique;Rendez-vous proposé;",
        f"{future};Matin;QN07699B;Espace public;inconnu;;Pas intéressé;",  # line 5: future
        f"{yesterday};Après-midi;hors QPV;Local partenaire;30-44;;Relais effectué;",  # line 6
    ]
    path = tmp_path / "porte-a-porte.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _open(qtbot: QtBot, window: RelaisWindow, path: Path) -> ImportDialog:
    dialog = workspace_of(window).import_spreadsheet()
    assert isinstance(dialog, ImportDialog)
    dialog.load(path)  # what « Choisir un fichier CSV… » does after the file dialog
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=5_000)
    return dialog


def test_import_reports_bad_rows_and_keeps_good_ones(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    dialog = _open(qtbot, unlocked, _csv(tmp_path))
    assert "5 lignes trouvées" in dialog.summary.text()
    assert dialog.preview.rowCount() == 5
    assert service.count_contacts() == 0  # the preview saved nothing

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
    assert dialog.report is not None and len(dialog.report.imported) == 2
    assert "2 contacts importés" in dialog.result_label.text()
    assert "3 lignes refusées" in dialog.errors_label.text()
    table = dialog.errors_table
    lines = [table.item(r, 0).text() for r in range(table.rowCount())]  # type: ignore[union-attr]
    assert lines == ["3", "5", "6"]
    problems = [table.item(r, 1).text() for r in range(table.rowCount())]  # type: ignore[union-attr]
    assert "lieu" in problems[0] and "Trottoir" in problems[0]
    assert "date dans le futur" in problems[1]
    assert "commune" in problems[2]
    assert service.count_contacts() == 2
    places = sorted(c["place_type"] for c in service.contacts())
    assert places == ["pied-immeuble", "porte-a-porte"]


def test_cancelling_at_the_preview_imports_nothing(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    dialog = _open(qtbot, unlocked, _csv(tmp_path))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert unlocked.session is not None and unlocked.session.service.count_contacts() == 0


def test_an_unreadable_file_is_explained(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    path = tmp_path / "vide.csv"
    path.write_text("Colonne;Autre\n1;2\n", encoding="utf-8")
    dialog = workspace_of(unlocked).import_spreadsheet()
    assert isinstance(dialog, ImportDialog)
    dialog.load(path)
    qtbot.waitUntil(dialog.file_error.isVisible, timeout=5_000)
    assert "colonnes obligatoires absentes" in dialog.file_error.text.text()
