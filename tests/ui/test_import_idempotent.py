"""An import never doubles: Enter on the report imports nothing, a second import of the same file
asks first, the preview ticks only valid rows and says how many will be imported."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.services import csv_import
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.import_dialog import PREVIEW, REPORT, ImportDialog
from tests.helpers.text import fr
from tests.helpers.ui import workspace_of

YESTERDAY = (date.today() - timedelta(days=1)).strftime("%d/%m/%Y")


def _csv(tmp_path: Path, *rows: str, name: str = "tournee.csv") -> Path:
    path = tmp_path / name
    head = "Date;Créneau;Quartier;Lieu;Suite donnée\n"
    path.write_text(head + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


GOOD = f"{YESTERDAY};Matin;QN07699A;Pied d'immeuble;Information donnée"
OTHER = f"{YESTERDAY};Soir;QN07699A;Espace public;À recontacter"
BAD = f"{YESTERDAY};Matin;QN07699A;Trottoir;Information donnée"


def _open(qtbot: QtBot, window: RelaisWindow, path: Path) -> ImportDialog:
    dialog = workspace_of(window).import_spreadsheet()
    assert isinstance(dialog, ImportDialog)
    dialog.load(path)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=5_000)
    return dialog


def _count(window: RelaisWindow) -> int:
    assert window.session is not None
    return window.session.service.count_contacts()


def test_enter_on_the_report_imports_nothing_more(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    dialog = _open(qtbot, unlocked, _csv(tmp_path, GOOD, OTHER))
    dialog.preview.setFocus()
    qtbot.keyClick(dialog.preview, Qt.Key.Key_Return)  # Enter on the preview: the one import
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
    assert _count(unlocked) == 2
    assert dialog.result_label.text().startswith("✓ 2 contacts importés.")
    assert dialog.close_button.isDefault() and not dialog.import_button.isDefault()
    for _ in range(3):
        dialog.start_import()  # even called directly, nothing happens after the preview
    assert _count(unlocked) == 2
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # closes the report
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2_000)
    qtbot.wait(200)
    assert _count(unlocked) == 2


def test_the_preview_ticks_valid_rows_only_and_says_how_many(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    dialog = _open(qtbot, unlocked, _csv(tmp_path, GOOD, BAD, OTHER, BAD, BAD))
    out = os.environ.get("RELAIS_SHOTS")
    if out:  # RELAIS_SHOTS=/tmp pytest tests/ui/test_import_idempotent.py: the doc's screenshot
        dialog.resize(1100, 620)
        QApplication.processEvents()
        dialog.grab().save(str(Path(out) / "import-apercu.png"))
    text = dialog.summary.text()
    assert "5 lignes trouvées" in text and "2 seront importées" in text and "3 refusées" in text
    assert dialog.import_button.text() == "Importer 2 lignes"
    bad = dialog.preview.item(1, 0)
    assert bad is not None and not bad.flags() & Qt.ItemFlag.ItemIsUserCheckable
    problems = dialog.preview.item(1, dialog.preview.columnCount() - 1)
    assert problems is not None and fr("valeur inconnue « Trottoir »") in problems.text()
    assert fr("« Pied d'immeuble »") in problems.text() and "pied-immeuble" not in problems.text()
    first = dialog.preview.item(0, 0)
    assert first is not None
    first.setCheckState(Qt.CheckState.Unchecked)  # the user leaves one out
    assert dialog.import_button.text() == "Importer 1 ligne"
    assert "1 sera importée" in dialog.summary.text()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
    assert dialog.result_label.text().startswith("✓ 1 contact importé.")
    assert "1 ligne valide non cochée" in dialog.result_label.text()
    assert _count(unlocked) == 1


def test_reimporting_a_file_asks_first_and_no_keeps_the_notebook_as_it_was(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    path = _csv(tmp_path, GOOD, OTHER)
    first = _open(qtbot, unlocked, path)
    qtbot.mouseClick(first.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: first.stack.currentIndex() == REPORT, timeout=10_000)
    first.accept()
    assert _count(unlocked) == 2

    dialog = _open(qtbot, unlocked, path)
    assert dialog.again_banner.isVisible()
    assert "déjà été importé" in dialog.again_banner.text.text()
    # Its rows are now identical to the contacts of that day: none is ticked.
    assert "0 sera importée" in dialog.summary.text() and not dialog.import_button.isEnabled()
    for r in range(dialog.preview.rowCount()):
        item = dialog.preview.item(r, 0)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked)  # the user insists
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    box = dialog.again_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.defaultButton().text() == "Ne pas importer"
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter answers « Ne pas importer »
    qtbot.waitUntil(lambda: dialog.again_box is None, timeout=2_000)
    assert dialog.stack.currentIndex() == PREVIEW and _count(unlocked) == 2

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    box = dialog.again_box
    assert isinstance(box, QMessageBox)
    (again,) = [b for b in box.buttons() if b.text() == "Importer à nouveau"]
    qtbot.mouseClick(again, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
    assert _count(unlocked) == 4


def test_the_template_button_writes_the_cli_template_and_it_imports(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    dialog = workspace_of(unlocked).import_spreadsheet()
    assert isinstance(dialog, ImportDialog)
    saved = tmp_path / "modele.csv"
    dialog.save_template(saved)  # what « Télécharger un modèle… » does after the file dialog
    cli = tmp_path / "cli.csv"
    csv_import.write_template(cli)
    assert saved.read_bytes() == cli.read_bytes()
    assert "Modèle enregistré" in dialog.path_label.text()
    dialog.load(saved)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == PREVIEW, timeout=5_000)
    assert dialog.import_button.text() == "Importer 1 ligne"
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
    assert _count(unlocked) == 1 and "Aucune ligne refusée" in dialog.errors_label.text()


def test_the_preview_and_report_read_in_english_with_english_plurals(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    unlocked.set_language("en")  # what Paramètres does
    try:
        dialog = _open(qtbot, unlocked, _csv(tmp_path, GOOD, BAD))
        assert dialog.summary.text().startswith("2 rows found in “tournee.csv”: 1 will be")
        assert dialog.import_button.text() == "Import 1 row"
        problems = dialog.preview.item(1, dialog.preview.columnCount() - 1)
        assert problems is not None and "“Public space”" in problems.text()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.stack.currentIndex() == REPORT, timeout=10_000)
        assert dialog.result_label.text().startswith("✓ 1 contact imported.")
        assert dialog.errors_label.text().startswith("1 row refused")
    finally:
        unlocked.set_language("fr")
