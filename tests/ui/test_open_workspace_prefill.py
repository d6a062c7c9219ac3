"""« Ouvrir un espace de coordination » on the demonstration made by `fieldapp demo` (what
`scripts/start` creates): the demo's space is already in the folder field."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldapp.services import demo
from fieldapp.services.synthetic import make_coordination, make_profile
from fieldapp.storage.home import Home
from fieldapp.ui.coordination.window import LAST_WORKSPACE, OpenWorkspaceDialog


def _dialog(qtbot: QtBot, home: Home) -> OpenWorkspaceDialog:
    dialog = OpenWorkspaceDialog(home)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_demo_space_is_prefilled(qtbot: QtBot, tmp_path: Path) -> None:
    home = Home(tmp_path / "demo-home")
    home.prepare()
    space = make_coordination(home.root / demo.DEMO_WORKSPACE).root
    dialog = _dialog(qtbot, home)
    assert Path(dialog.folder.text()) == space
    assert dialog.focusWidget() is dialog.passphrase  # only the passphrase is left to type


def test_no_space_no_guess_and_the_last_one_wins(qtbot: QtBot, tmp_path: Path) -> None:
    home = Home(tmp_path / "profil")
    make_profile(home.root)[0].close()
    (home.root / demo.DEMO_WORKSPACE).mkdir()  # a folder of that name is not a space
    assert _dialog(qtbot, home).folder.text() == ""
    make_coordination(home.root / demo.DEMO_WORKSPACE)
    home.write_settings({LAST_WORKSPACE: str(tmp_path / "ailleurs")})
    assert _dialog(qtbot, home).folder.text() == str(tmp_path / "ailleurs")
