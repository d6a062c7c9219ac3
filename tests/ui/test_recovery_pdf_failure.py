"""Saving the recovery sheet where it cannot be written says so in plain French and loses
nothing: the key stays on screen and another folder works."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from fieldapp.storage.home import Home
from fieldapp.ui.onboarding.first_run import RECOVERY
from tests.helpers.ui import make_window
from tests.ui.test_first_run import _fill_until_recovery


def test_an_unwritable_folder_is_told_and_another_one_works(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, Home(tmp_path / "nouveau"))
    window.start()
    wizard = window.wizard
    assert wizard is not None
    _fill_until_recovery(qtbot, wizard)
    target = [tmp_path / "absent" / "cle.pdf"]  # the picker's answer; its folder does not exist
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target[0]), ""))
    )

    qtbot.mouseClick(wizard.pdf_button, Qt.MouseButton.LeftButton)
    assert "n'a pas pu être enregistré" in wizard.sheet_status.text()
    assert str(tmp_path / "absent") in wizard.sheet_status.text()
    assert wizard.page() == RECOVERY and wizard.key_label.text() == wizard.recovery_key

    target[0] = tmp_path / "cle.pdf"
    qtbot.mouseClick(wizard.pdf_button, Qt.MouseButton.LeftButton)
    assert "PDF enregistré" in wizard.sheet_status.text()
    assert target[0].read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target[0].stat().st_mode) == 0o600
