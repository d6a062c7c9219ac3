"""The Annuaire of a real profile before its coordination's pack: an empty list that says what
to do, never the fictional demo partners."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldapp.services import directory
from fieldapp.services.synthetic import make_profile
from fieldapp.ui.directory.view import DirectoryView


def test_a_real_profile_sees_how_to_install_its_pack(qtbot: QtBot, tmp_path: Path) -> None:
    service, _ = make_profile(tmp_path / "profil", demo=False)
    try:
        view = DirectoryView(lambda: directory.current_pack(service), lambda _service: None)
        qtbot.addWidget(view)
        view.resize(1100, 700)
        view.show()
        assert view.results_entries() == []
        assert not view.demo_banner.isVisible()
        assert view.pack_label.text() == "Aucun annuaire installé"
        assert view.stack.currentWidget() is view.empty and view.empty.isVisible()
        assert "Installez le pack de référence de votre coordination" in view.empty.text()
        assert "Installer un pack…" in view.empty.text() and view.install_button.isVisible()
    finally:
        service.close()
