"""`fieldapp coord pack` and `fieldapp pack import|show`, in-process through fieldapp.cli.main."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fieldapp import cli
from fieldapp.cli import directory as cli_directory
from fieldapp.services import coordination as coordination_service
from fieldapp.services import sync as sync_service
from fieldapp.storage import keyfile
from tests.helpers import PASSPHRASE, make_profile
from tests.helpers.text import fr

COORD_PASSPHRASE = "coordination-essai-cli"  # test-only


@pytest.fixture(autouse=True)
def registered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until fieldapp.cli registers these commands itself, add them to its parser here."""
    original = cli.build_parser

    def build() -> argparse.ArgumentParser:
        parser = original()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "pack" in sub.choices:
            return parser
        parser_class = type(parser)
        common = parser_class(add_help=False)
        common.add_argument("--home")
        common.add_argument("--passphrase-file")
        as_json = parser_class(add_help=False)
        as_json.add_argument("--json", action="store_true")

        def add(name: str, func: Callable[..., int], parents: list[Any], **kw: Any) -> Any:
            p = sub.add_parser(name, parents=parents, **kw)
            p.set_defaults(func=func)
            return p

        cli_directory.register(sub, common, as_json, add)
        return parser

    monkeypatch.setattr(cli, "build_parser", build)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    workspace = tmp_path / "coordination"
    info = coordination_service.create_coordination(
        workspace,
        COORD_PASSPHRASE,
        territory="Territoire d'essai",
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
        invitation_kdf=keyfile.FAST_TEST_KDF,
    )
    home = tmp_path / "profil"
    service, _ = make_profile(home)
    try:
        sync_service.SyncService(service).join_coordination(info["invitation"], info["code"])
    finally:
        service.close()
    return {"workspace": workspace, "home": home, "out": tmp_path / "territoire.relais-pack"}


def coord_pack(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setup: dict[str, Path],
    data_dir: Path,
    *extra: str,
    passphrase: str = COORD_PASSPHRASE,
) -> tuple[int, str, str]:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", passphrase)
    return run(
        capsys,
        "coord",
        "pack",
        "--workspace",
        str(setup["workspace"]),
        "--structures",
        str(data_dir / "structures.json"),
        "--services",
        str(data_dir / "services.jsonl"),
        "--territories",
        str(data_dir / "qpv.csv"),
        "--out",
        str(setup["out"]),
        *extra,
    )


def test_coord_pack_then_pack_import(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setup: dict[str, Path],
    data_dir: Path,
) -> None:
    code, out, err = coord_pack(capsys, monkeypatch, setup, data_dir, "--retention-months", "12")
    assert code == 0
    assert "Pack de référence version 1 écrit" in out
    assert fr("5 structures, 6 services, 3 quartiers ; conservation 12 mois") in out
    assert "12 lignes refusées, non incluses (détail ci-dessus)" in out
    lines = err.splitlines()
    assert len(lines) == 12
    assert lines[0] == fr(
        "fieldapp: structures.json : ligne 6 (dora--bad-siret) : champ siret : "
        "numéro SIRET à 14 chiffres attendu, reçu « 1234 »"
    )

    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "pack", "import", "--home", str(setup["home"]), str(setup["out"]))
    assert (code, err) == (0, "")
    assert out == fr(
        "Pack de référence version 1 de la coordination « Territoire d'essai » installé : "
        "5 structures, 6 services, 3 quartiers\n"
    )
    code, out, err = run(capsys, "pack", "show", "--home", str(setup["home"]), "--json")
    shown = json.loads(out)
    assert (shown["version"], shown["retention_months"], shown["demo"]) == (1, 12, False)

    # The same pack again: one French line, non-zero exit, the pack stays.
    code, out, err = run(capsys, "pack", "import", "--home", str(setup["home"]), str(setup["out"]))
    assert code == 1
    assert err == fr(
        "fieldapp: Pack de référence non installé : la version 1 est déjà installée.\n"
    )


def test_coord_pack_json_and_auto_version(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setup: dict[str, Path],
    data_dir: Path,
) -> None:
    coord_pack(capsys, monkeypatch, setup, data_dir)
    code, out, err = coord_pack(capsys, monkeypatch, setup, data_dir, "--json")
    assert code == 0 and err == ""
    report = json.loads(out)
    assert report["version"] == 2
    assert report["refused"] == 12 == len(report["problems"])
    assert report["counts"] == {"territories": 3, "structures": 5, "services": 6}


def test_pack_show_demo_and_errors(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    setup: dict[str, Path],
    data_dir: Path,
    tmp_path: Path,
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, _ = run(capsys, "pack", "show", "--home", str(setup["home"]))
    assert code == 0 and out.startswith("Annuaire de démonstration (données fictives)")
    code, _, err = run(
        capsys, "pack", "import", "--home", str(setup["home"]), str(tmp_path / "absent")
    )
    assert code == 1 and err.startswith("fieldapp: Pack de référence introuvable")
    with pytest.raises(SystemExit) as exit_:
        coord_pack(capsys, monkeypatch, setup, data_dir, "--retention-months", "0")
    assert exit_.value.code == 2
    assert "nombre positif attendu" in capsys.readouterr().err
    code, _, err = coord_pack(
        capsys, monkeypatch, setup, data_dir, passphrase="pas la bonne phrase"
    )
    assert code == 1 and err.startswith("fieldapp: ") and err.count("\n") == 1
