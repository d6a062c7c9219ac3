"""Installing the coordination's signed reference pack from the Annuaire page."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldapp.services import packs
from fieldapp.ui.directory.view import DirectoryView
from tests.helpers import make_coordination
from tests.helpers.ui import joined_profile, unlocked_window, workspace_of


def test_a_pack_installs_from_the_directory_page(qtbot: QtBot, tmp_path: Path) -> None:
    coordination = make_coordination(tmp_path / "coordination")
    pack_file = tmp_path / "annuaire.relais-pack"
    packs.make_workspace_pack(coordination.open(), *packs.demo_sources(), pack_file)
    window = unlocked_window(qtbot, joined_profile(tmp_path / "profil", coordination))
    try:
        view = workspace_of(window).show_page("annuaire")
        assert isinstance(view, DirectoryView)
        assert "Démonstration" in view.pack_label.text()  # nothing installed yet

        damaged = tmp_path / "abime.relais-pack"
        damaged.write_bytes(pack_file.read_bytes()[:-40])
        assert not workspace_of(window).install_pack(view, str(damaged))
        assert view.notice.isVisible() and "non installé" in view.notice.text.text()
        assert view.notice.text.text().count("non installé") == 1

        assert workspace_of(window).install_pack(view, str(pack_file))
        assert "Pack n° 1" in view.pack_label.text()
        assert "installé" in view.notice.text.text()
        assert window.session is not None
        assert window.session.service.audit_entries()[0]["action"] == "pack_import"
    finally:
        window.close()
