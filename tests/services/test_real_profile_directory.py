"""A real profile never browses the fictional demo directory: until its coordination's pack is
installed, the directory is empty and says so; a demonstration profile keeps the demo."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.services import directory, packs
from fieldapp.services.sync import SyncService
from fieldapp.services.synthetic import make_coordination, make_profile
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE


def test_a_real_profile_has_no_directory_until_a_pack_is_installed(tmp_path: Path) -> None:
    service, _ = make_profile(tmp_path / "profil", demo=False)
    try:
        assert service.is_demo is False
        pack = directory.current_pack(service)
        assert (pack.demo, pack.version, len(pack.services), len(pack.structures)) == (
            False, 0, 0, 0,
        )  # fmt: skip
        assert directory.search_services(pack, "mission") == []

        coordination = make_coordination(tmp_path / "coordination")
        SyncService(service).join_coordination(coordination.invitation, coordination.code)
        pack_file = tmp_path / "annuaire.relais-pack"
        packs.make_workspace_pack(coordination.open(), *packs.demo_sources(), pack_file)
        packs.import_pack(service, pack_file)
        installed = directory.current_pack(service, reload=True)
        assert installed.version >= 1 and len(installed.services) == len(packs.demo_pack().services)
    finally:
        service.close()


def test_a_demo_profile_browses_the_demo_directory(tmp_path: Path) -> None:
    service, _ = make_profile(tmp_path / "profil", demo=True)
    try:
        assert service.is_demo is True
        assert directory.current_pack(service).demo is True
    finally:
        service.close()


def test_the_cli_says_what_to_do_on_a_real_profile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = Home(tmp_path / "profil")
    make_profile(home.root, demo=False)[0].close()
    assert cli.main(["pack", "show", "--home", str(home.root)]) == 0
    out = capsys.readouterr().out
    assert "Aucun annuaire installé" in out and "démonstration" not in out.lower()
