"""`fieldapp outing add|list` and `fieldapp action add|list` (issue 17): records from a file or
JSON lines, the usual one-line refusals, nothing half-written, links from contacts."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from fieldapp.storage.home import Home
from tests.helpers import run_cli, sample_contact
from tests.helpers.text import fr

OUTING = {
    "date": "2026-11-20",
    "slot": "soir",
    "neighbourhood": "QN07601M",
    "duration_minutes": 120,
    "seen": [{"gender": "homme", "age_band": "18-25", "count": 7}],
    "ambiance": "calme",
    "mediations": 2,
}
ACTION = {
    "date": "2026-11-21",
    "neighbourhood": "QN07601M",
    "action_type": "job-dating",
    "partners": ["ml-le-havre"],
    "employers": 5,
    "participants": [{"gender": "femme", "age_band": "26-29", "count": 9}],
}


def _stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode()), "utf-8"))


def test_outing_add_then_list_json_keeps_the_issue_keys(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "tournee.json"
    src.write_text(json.dumps(OUTING), encoding="utf-8")
    code, out, err = run_cli(capsys, "outing", "add", "--home", str(ready.root), str(src))
    assert code == 0, err
    (outing_id,) = out.split()
    code, out, err = run_cli(capsys, "outing", "list", "--home", str(ready.root), "--json")
    assert code == 0, err
    (row,) = json.loads(out)
    assert row["id"] == outing_id
    assert {k: row[k] for k in OUTING} == OUTING
    code, out, err = run_cli(capsys, "outing", "list", "--home", str(ready.root))
    assert "120 min, 7 personnes vues, calme" in out and "1 tournée" in err


def test_action_add_from_json_lines_on_stdin_saves_each_line(
    ready: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    second = ACTION | {"action_type": "atelier", "employers": {"count": 2, "ids": ["emp-1"]}}
    _stdin(monkeypatch, json.dumps(ACTION) + "\n\n" + json.dumps(second) + "\n")
    code, out, err = run_cli(capsys, "action", "add", "--home", str(ready.root), "-")
    assert code == 0, err
    assert len(out.split()) == 2
    _, out, _ = run_cli(capsys, "action", "list", "--home", str(ready.root), "--json")
    rows = {r["action_type"]: r for r in json.loads(out)}
    assert rows["job-dating"]["employers"] == {"count": 5, "ids": []}
    assert rows["atelier"]["employers"] == {"count": 2, "ids": ["emp-1"]}
    assert rows["job-dating"]["participants"] == ACTION["participants"]
    assert rows["job-dating"]["partners"] == ["ml-le-havre"]


@pytest.mark.parametrize(
    ("kind", "record", "words"),
    [
        ("outing", OUTING | {"ambiance": "electrique"}, "valeur inconnue « electrique »"),
        ("outing", OUTING | {"mediations": -1}, "nombre négatif"),
        ("outing", OUTING | {"duration_minutes": 1500}, "plus de 24 h"),
        ("outing", OUTING | {"note": "Rappeler Kevin au 06 12 34 56 78"}, "téléphone"),
        ("action", ACTION | {"action_type": "loto"}, "valeur inconnue « loto »"),
        ("action", ACTION | {"employers": -4}, "nombre négatif"),
    ],
)
def test_bad_input_is_one_line_and_nothing_is_saved(
    ready: Home,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    kind: str,
    record: dict[str, object],
    words: str,
) -> None:
    src = tmp_path / "in.jsonl"
    # A good record first: the file is all or nothing.
    src.write_text(json.dumps(OUTING if kind == "outing" else ACTION) + "\n" + json.dumps(record))
    code, out, err = run_cli(capsys, kind, "add", "--home", str(ready.root), str(src))
    assert code == 1 and out == ""
    assert fr(words) in err.lower() or fr(words) in err
    lines = err.strip().splitlines()
    assert len(lines) <= 2, err  # a note's refusal adds "nothing saved" (as `contact add`)
    _, out, _ = run_cli(capsys, kind, "list", "--home", str(ready.root), "--json")
    assert json.loads(out) == []


def test_a_contact_names_its_round_and_an_unknown_one_is_refused(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "t.json"
    src.write_text(json.dumps(OUTING), encoding="utf-8")
    _, out, _ = run_cli(capsys, "outing", "add", "--home", str(ready.root), str(src))
    outing_id = out.strip()
    contact = tmp_path / "c.json"
    contact.write_text(json.dumps(sample_contact(outing_id=outing_id)), encoding="utf-8")
    code, out, err = run_cli(capsys, "contact", "add", "--home", str(ready.root), str(contact))
    assert code == 0, err
    _, out, _ = run_cli(capsys, "contact", "list", "--home", str(ready.root), "--json")
    assert json.loads(out)[0]["outing_id"] == outing_id
    contact.write_text(json.dumps(sample_contact(action_id="0000-pas-la")), encoding="utf-8")
    code, out, err = run_cli(capsys, "contact", "add", "--home", str(ready.root), str(contact))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1
    assert "aucune action collective 0000-pas-la" in err


def test_handover_add_names_its_joint_action(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "a.json"
    src.write_text(json.dumps(ACTION), encoding="utf-8")
    _, out, _ = run_cli(capsys, "action", "add", "--home", str(ready.root), str(src))
    action_id = out.strip()
    src.write_text(json.dumps(sample_contact()), encoding="utf-8")
    _, out, _ = run_cli(capsys, "contact", "add", "--home", str(ready.root), str(src))
    base = ["handover", "add", "--home", str(ready.root), "--contact", out.strip(),
            "--partner", "Mission locale", "--mode", "mise-en-relation", "--consent"]  # fmt: skip
    code, out, err = run_cli(capsys, *base, "--action", "pas-une-action")
    assert code == 1 and out == "" and "aucune action collective pas-une-action" in err
    code, out, err = run_cli(capsys, *base, "--action", action_id)
    assert code == 0, err
    _, listed, _ = run_cli(capsys, "handover", "list", "--home", str(ready.root), "--json")
    (row,) = json.loads(listed)
    assert row["action_id"] == action_id


def test_a_voided_round_leaves_the_list_and_cannot_be_linked(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "t.json"
    src.write_text(json.dumps(OUTING), encoding="utf-8")
    _, out, _ = run_cli(capsys, "outing", "add", "--home", str(ready.root), str(src))
    outing_id = out.strip()
    void = ["outing", "void", "--home", str(ready.root), outing_id]
    code, _, err = run_cli(capsys, *void, "--reason", "saisie en double")
    assert code == 0, err
    code, _, err = run_cli(capsys, *void, "--reason", "encore")
    assert code == 1 and len(err.strip().splitlines()) == 1
    _, out, _ = run_cli(capsys, "outing", "list", "--home", str(ready.root), "--json")
    assert json.loads(out) == []
    _, out, _ = run_cli(capsys, "outing", "list", "--home", str(ready.root), "--all", "--json")
    (row,) = json.loads(out)
    assert row["voided"] is True and row["void_reason"] == "saisie en double"
    src.write_text(json.dumps(sample_contact(outing_id=outing_id)), encoding="utf-8")
    code, _, err = run_cli(capsys, "contact", "add", "--home", str(ready.root), str(src))
    assert code == 1 and "aucune tournée" in err
