"""The pseudonym entry in the contact form: typed letters become a code and are forgotten."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.domain.pseudonym import pseudonym
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.pseudonym_widget import PseudonymDialog
from tests.helpers import make_coordination
from tests.helpers.ui import joined_profile, unlocked_window, workspace_of

# Synthetic identity, distinctive enough to be searched for in every file afterwards.
FAMILY, GIVEN, YEAR = "Qwyzbek-Ürvanne", "Xavierine", 1999


@pytest.fixture
def joined(qtbot: QtBot, tmp_path: Path) -> Iterator[RelaisWindow]:
    coordination = make_coordination(tmp_path / "coordination")
    window = unlocked_window(qtbot, joined_profile(tmp_path / "profil", coordination))
    yield window
    window.close()


def test_the_code_is_computed_saved_and_the_letters_forgotten(
    qtbot: QtBot, joined: RelaisWindow
) -> None:
    session = joined.session
    assert session is not None
    key = session.sync.territory_key()
    assert key is not None
    form = workspace_of(joined).new_contact()
    form.neighbourhood.setEditText("QN07699B")
    form.gender.setCurrentIndex(form.gender.findData("femme"))
    dialog = form.pseudonym.open_dialog()
    assert isinstance(dialog, PseudonymDialog) and dialog.gender.currentData() == "femme"
    assert not dialog.use_button.isEnabled()
    qtbot.keyClicks(dialog.family, FAMILY)
    qtbot.keyClicks(dialog.given, GIVEN)
    dialog.year.setValue(YEAR)
    expected = pseudonym(key, "QWYZBEK URVANNE", "x", YEAR, "F")  # spelling does not matter
    assert dialog.result_label.text() == expected
    qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
    assert form.pseudonym.code() == expected
    assert dialog.family.text() == "" and dialog.given.text() == ""  # forgotten at once

    form.needs.chip("numerique").click()
    form.place_type.setCurrentIndex(form.place_type.findData("pied-immeuble"))
    form.outcome.setCurrentIndex(form.outcome.findData("pas-interesse"))
    assert form.save(keep_open=False)
    rows = session.service.contacts()
    assert [r["pseudonym"] for r in rows] == [expected]

    # Nothing typed reached the disk: not in the database, its WAL, the key or the settings.
    home = joined.session_home
    joined.lock()
    for file in home.root.rglob("*"):
        if file.is_file():
            data = file.read_bytes()
            for typed in (FAMILY, GIVEN, "QWYZBEK", "Qwyzbek"):
                assert typed.encode() not in data, file.name


def test_without_a_coordination_the_dialog_explains_why(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    form = workspace_of(unlocked).new_contact()
    dialog = form.pseudonym.open_dialog()
    assert dialog.territory_key is None
    assert not hasattr(dialog, "family")  # nothing to type: no key, no code
    texts = " ".join(label.text() for label in dialog.findChildren(type(form.status)))
    assert "rejoignant une coordination" in texts
    dialog.reject()
    assert form.pseudonym.code() is None
