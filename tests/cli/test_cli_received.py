"""`fieldapp received add|list`: the receiving structure's inbox through the CLI."""

from __future__ import annotations

import json

import pytest

from fieldapp.domain.relay_code import new_code
from tests.helpers import run_cli
from tests.helpers.coordination import Territory


def test_received_add_and_list(
    territory: Territory, passphrase_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    territory.device("mission-locale").field.close()
    h = ["--home", str(territory.tmp / "mission-locale")]
    code = new_code()
    rc, out, err = run_cli(
        capsys, "received", "add", *h, "--code", code.lower(), "--status", "accueilli",
        "--date", "2026-12-01", "--json",
    )  # fmt: skip
    assert rc == 0, err
    added = json.loads(out)
    assert (added["code"], added["status"], added["date"]) == (code, "accueilli", "2026-12-01")
    rc, _, err = run_cli(
        capsys, "received", "add", *h, "--code", code, "--status", "entre_dispositif"
    )
    assert rc == 0, err
    rc, out, _ = run_cli(capsys, "received", "list", *h, "--json")
    assert rc == 0
    rows = json.loads(out)
    assert [(r["code"], r["status"]) for r in rows] == [
        (code, "entre_dispositif"), (code, "accueilli"),
    ]  # fmt: skip
    assert set(rows[0]) == {"id", "code", "status", "date", "reason"}
    rc, out, _ = run_cli(capsys, "received", "list", *h)
    assert rc == 0 and code in out and "entre_dispositif" in out


def test_a_wrong_code_is_one_french_line_and_exit_1(
    territory: Territory, passphrase_env: str, capsys: pytest.CaptureFixture[str]
) -> None:
    territory.device("cap-emploi").field.close()
    h = ["--home", str(territory.tmp / "cap-emploi")]
    code = new_code()
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    rc, out, err = run_cli(capsys, "received", "add", *h, "--code", typo, "--status", "accueilli")
    assert rc == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and "dernier caractère (de contrôle)" in err
    rc, out, err = run_cli(capsys, "received", "add", *h, "--code", "R7K2", "--status", "accueilli")
    assert rc == 1 and "9 caractères attendus" in err
    rc, out, _ = run_cli(capsys, "received", "list", *h, "--json")
    assert json.loads(out) == []
    rc, _, err = run_cli(
        capsys, "received", "add", *h, "--code", code, "--status", "accueilli", "--date", "hier"
    )
    assert rc != 0 and len(err.strip().splitlines()) == 1
