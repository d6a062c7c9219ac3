"""Qt's own dialogs speak the interface's language: the file picker has no English left in French
(Qt 6's French catalogue lacks a few of its strings; Relais ships them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTreeView
from pytestqt.qtbot import QtBot

from fieldapp.ui.kit import i18n


def _dialog_texts(qtbot: QtBot, folder: Path) -> tuple[list[str], list[str]]:
    dialog = QFileDialog(None, "Choisir")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the one Qt draws itself
    dialog.setDirectory(str(folder))
    dialog.show()
    tree = dialog.findChildren(QTreeView)[0]
    model = tree.model()

    def root() -> QModelIndex:
        return tree.rootIndex()

    qtbot.waitUntil(lambda: model.rowCount(root()) == 2, timeout=5000)
    labels = [label.text().replace("&", "") for label in dialog.findChildren(QLabel)]
    types = [str(model.index(row, 2, root()).data()) for row in range(model.rowCount(root()))]
    return labels, types


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sous-dossier").mkdir()
    (tmp_path / "contacts.csv").write_text("x\n")
    return tmp_path


@pytest.mark.usefixtures("qapp")
def test_the_file_picker_is_french_in_french(qtbot: QtBot, folder: Path) -> None:
    assert QApplication.instance() is not None
    i18n.apply_language("fr")
    labels, types = _dialog_texts(qtbot, folder)
    english = {"Look in:", "Files of type:", "File name:", "Folder", "File", "csv File"}
    assert not english & set(labels + types)
    assert "Regarder dans\u00a0:" in labels and "Type de fichier\u00a0:" in labels
    # the folder's type is Qt's word; a file's comes from the system's MIME database
    assert "Dossier" in types and "CSV document" not in types


@pytest.mark.usefixtures("qapp")
def test_the_file_picker_is_english_in_english(qtbot: QtBot, folder: Path) -> None:
    try:
        i18n.apply_language("en")
        labels, types = _dialog_texts(qtbot, folder)
        assert "Look in:" in labels and "Files of type:" in labels
        assert "Folder" in types
    finally:
        i18n.apply_language("fr")
