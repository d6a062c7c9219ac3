"""`fieldapp handover add --json` gives the code relais; `handover list` shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.domain.relay_code import is_code
from fieldapp.storage.home import Home
from tests.helpers import run_cli, sample_contact


def _add(ready: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    src = tmp_path / "c.json"
    src.write_text(json.dumps(sample_contact()), encoding="utf-8")
    h = ["--home", str(ready.root)]
    _, out, _ = run_cli(capsys, "contact", "add", *h, str(src))
    code, out, err = run_cli(
        capsys,
        *("handover", "add", *h, "--contact", out.strip(), "--partner", "Mission locale fictive"),
        *("--mode", "rdv-tripartite", "--consent", "--json"),
    )
    assert code == 0, err
    added: dict[str, str] = json.loads(out)
    return added


def test_handover_add_json_gives_id_and_code_and_list_shows_it(
    ready: Home, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    added = _add(ready, tmp_path, capsys)
    assert set(added) == {"id", "code"} and is_code(added["code"])
    code, out, _ = run_cli(capsys, "handover", "list", "--home", str(ready.root), "--json")
    assert code == 0
    [item] = json.loads(out)
    assert (item["id"], item["code"]) == (added["id"], added["code"])
    code, out, _ = run_cli(capsys, "handover", "list", "--home", str(ready.root))
    assert code == 0 and added["code"] in out and added["id"] in out
