"""The menu bar follows a language switch at once (it is never rebuilt, so it is retranslated)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit import i18n


def test_the_file_menu_is_retranslated(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.file_menu.title() == "&Fichier"
    try:
        unlocked.set_language("en")
        assert unlocked.file_menu.title() == "&File"
        assert unlocked.quit_action.text() == "&Quit"
        assert "Fichier" not in unlocked.menuBar().actions()[0].text()
        unlocked.set_language("fr")
        assert unlocked.file_menu.title() == "&Fichier"
        assert unlocked.lock_action.text().startswith("&Verrouiller")
    finally:
        i18n.apply_language("fr")
