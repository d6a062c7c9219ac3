"""The contact form on a full disk: the window says so in plain French, does not crash, and keeps
every field as typed; once space is freed, the same form saves (real tmpfs, real widgets)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from tests.helpers import PASSPHRASE, make_profile, sample_contact
from tests.helpers.ui import make_window, workspace_of
from tests.reliability.small_disk import SmallDisk, mounted

NOTE = "Interesse par le permis, a rappeler jeudi apres-midi."  # keyClicks: ASCII only


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    yield from mounted(tmp_path / "petit-disque")


@pytest.fixture
def window(qtbot: QtBot, disk: SmallDisk) -> Iterator[RelaisWindow]:
    home = Home(disk.root / "profil")
    service, _ = make_profile(home.root)
    service.record_contacts([sample_contact() for _ in range(3)])
    service.close()
    win = make_window(qtbot, home)
    win.open_session(profile.open_profile(home, PASSPHRASE))
    yield win
    if win.workspace is not None:
        win.workspace.teardown()
    if win.session is not None:
        win.session.close()


def test_the_form_keeps_what_was_typed_on_a_full_disk(
    qtbot: QtBot, window: RelaisWindow, disk: SmallDisk
) -> None:
    form = workspace_of(window).new_contact()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    form.place_type.setCurrentIndex(0)
    form.outcome.setCurrentIndex(0)
    form.note.setFocus()
    qtbot.keyClicks(form.note, NOTE)
    typed = form.values()
    disk.fill()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.general_error.isVisible()
    message = form.general_error.text.text()
    assert message.startswith("Espace disque insuffisant") and "rien n'a été perdu" in message
    assert "sauvegarde" not in message
    assert form.values() == typed and form.note.toPlainText() == NOTE
    assert window.session is not None and window.session.service.count_contacts() == 3

    disk.free()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible(), timeout=5_000)
    assert window.session.service.count_contacts() == 4
    notes = [c["note"] for c in window.session.service.contacts()]
    assert NOTE in notes
