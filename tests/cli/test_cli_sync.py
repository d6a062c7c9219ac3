"""The sync commands through `fieldapp.cli.main` (coord init, join, enrolment, sync, outbox).

Until fieldapp.cli registers them itself, the test adds them to the real parser with
`cli_sync.register`, exactly as build_parser will.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from benchmarks.davserver import PASSWORD, USER, DavServer
from fieldapp import cli
from fieldapp.cli import sync as cli_sync
from fieldapp.sync.invitation import open_invitation
from tests.helpers import (
    COORD_PASSPHRASE,
    PASSPHRASE,
    make_coordination,
    make_profile,
    sample_contact,
)


def _with_sync_commands(build: Callable[[], argparse.ArgumentParser]) -> Any:
    def build_parser() -> argparse.ArgumentParser:
        parser = build()
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        if "outbox" in sub.choices:  # already registered by fieldapp.cli
            return parser
        parser_class = type(parser)
        common = parser_class(add_help=False)
        common.add_argument("--home")
        common.add_argument("--passphrase-file")
        as_json = parser_class(add_help=False)
        as_json.add_argument("--json", action="store_true")

        def add(name: str, func: Any, parents: list[Any], **kw: Any) -> Any:
            p = sub.add_parser(name, parents=parents, **kw)
            p.set_defaults(func=func)
            return p

        cli_sync.register(sub, common, as_json, add)
        return parser

    return build_parser


@pytest.fixture
def run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Callable[..., tuple[int, str, str]]:
    monkeypatch.setattr(cli, "build_parser", _with_sync_commands(cli.build_parser))

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def test_coord_init_json_then_join_enrol_sync_outbox(
    run: Callable[..., tuple[int, str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dav: DavServer,
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    monkeypatch.setenv("FIELDAPP_DROP_PASSWORD", PASSWORD)
    workspace = tmp_path / "coord"
    code, out, err = run(
        "coord", "init", "--workspace", str(workspace), "--drop", dav.url,
        "--drop-user", USER, "--territory", "Le Havre", "--json",
    )  # fmt: skip
    assert code == 0, err
    result = json.loads(out)
    assert {"invitation", "code", "hpke_fingerprint", "signing_fingerprint", "recovery_key"} <= set(
        result
    )
    assert PASSWORD not in out
    invitation = open_invitation(Path(result["invitation"]), result["code"])
    assert invitation.drop is not None and invitation.drop.password == PASSWORD

    home = tmp_path / "profil"
    service, _ = make_profile(home)
    service.record_contacts([sample_contact(), sample_contact()])
    service.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run(
        "join", "--home", str(home), "--invitation", result["invitation"],
        "--invitation-code", "AAAAA-AAAAA-AAAAA-AAAAA",
    )  # fmt: skip
    assert code == 1 and out == ""
    assert err.startswith("fieldapp: Code d'invitation incorrect") and err.count("\n") == 1
    code, out, err = run(
        "join", "--home", str(home), "--invitation", result["invitation"],
        "--invitation-code", result["code"],
    )  # fmt: skip
    assert code == 0, err
    assert result["hpke_fingerprint"] in out and "Le Havre" in out

    enrolment = tmp_path / "enrolment.json"
    code, out, err = run("enrolment", "--home", str(home), "--out", str(enrolment), "--json")
    assert code == 0, err
    assert json.loads(out)["fingerprint"] == json.loads(enrolment.read_text())["fingerprint"]

    code, out, err = run("sync", "--home", str(home), "--check")
    assert code == 0 and "Connexion réussie" in out
    code, out, err = run("sync", "--home", str(home))
    assert code == 0, err
    assert "1 lot remis" in out
    code, out, err = run("outbox", "--home", str(home), "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["state"] == "delivered" and row["event_count"] == 2
    assert list(dav.batches()) == [row["file_name"]]
    code, out, err = run("outbox", "--home", str(home))
    assert code == 0 and row["file_name"] in out and "Synchronisé" in err


def test_sync_failure_exits_non_zero_with_one_line(
    run: Callable[..., tuple[int, str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coordination = make_coordination(tmp_path / "c")
    home = tmp_path / "profil"
    service, _ = make_profile(home)
    service.record_contacts([sample_contact()])
    service.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run("sync", "--home", str(home))
    assert code == 1 and err.startswith("fieldapp: Ce profil n'est rattaché à aucune")
    run(
        "join", "--home", str(home), "--invitation", str(coordination.invitation),
        "--invitation-code", coordination.code,
    )  # fmt: skip
    code, out, err = run("sync", "--home", str(home))
    assert code == 1 and "Aucune destination" in err
    gone = tmp_path / "cle-usb"
    code, out, err = run("sync", "--home", str(home), "--to", str(gone), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["ok"] is False and "introuvable" in report["failed"][0]["reason"]
    assert err.count("\n") == 1 and "introuvable" in err
    gone.mkdir()
    code, out, err = run("sync", "--home", str(home), "--to", str(gone))
    assert code == 0 and len(list(gone.glob("*.rbatch"))) == 1


def test_coord_invite_and_bad_drop(
    run: Callable[..., tuple[int, str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    coordination = make_coordination(tmp_path / "c")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    out_file = tmp_path / "nouvelle.relais-invitation"
    code, out, err = run(
        "coord", "invite", "--workspace", str(coordination.root), "--out", str(out_file)
    )
    assert code == 0, err
    printed_code = out.splitlines()[2].strip()
    assert open_invitation(out_file, printed_code).territory == "Métropole Rouen Normandie"
    code, out, err = run(
        "coord", "init", "--workspace", str(tmp_path / "w"), "--drop", "http://example.org/dav",
        "--drop-user", "u",
    )  # fmt: skip
    assert code == 1 and "en clair" in err
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "mauvaise phrase de passe")
    code, out, err = run("coord", "invite", "--workspace", str(coordination.root))
    assert code == 1 and "Phrase de passe incorrecte" in err
