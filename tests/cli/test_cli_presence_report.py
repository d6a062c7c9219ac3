"""Issue 17's « Must show »: rounds and a joint action recorded from the command line, contacts
linked to each, sync, merge, and `coord report --format json` carrying the "presence" and
"actions" tables, checked against figures counted by hand, and hidden below k."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, make_profile, run_cli, sample_contact

# Two rounds in QN07601M in November 2026, by a youth street-work team (make_profile's type).
ROUNDS = [
    {
        "date": "2026-11-18",
        "slot": "soir",
        "neighbourhood": "QN07601M",
        "duration_minutes": 120,
        "seen": [
            {"gender": "homme", "age_band": "18-25", "count": 6},
            {"gender": "femme", "age_band": "18-25", "count": 4},
        ],
        "ambiance": "calme",
        "mediations": 1,
    },
    {
        "date": "2026-11-25",
        "slot": "apres-midi",
        "neighbourhood": "QN07601M",
        "duration_minutes": 60,
        "seen": [{"gender": "homme", "age_band": "26-29", "count": 2}],
        "ambiance": "tendu",
    },
]
FORUM = {
    "date": "2026-11-21",
    "neighbourhood": "QN07601M",
    "action_type": "forum-emploi",
    "partners": ["ml-le-havre", "ft-le-havre"],
    "employers": 4,
    "participants": [
        {"gender": "femme", "age_band": "26-29", "count": 9},
        {"gender": "homme", "age_band": "18-25", "count": 3},
    ],
}


def _lines(path: Path, records: list[dict[str, object]]) -> str:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return str(path)


def _report(capsys: pytest.CaptureFixture[str], ws: Path, out: Path, k: int) -> dict[str, object]:
    code, _, err = run_cli(
        capsys, "coord", "report", "--workspace", str(ws), "--format", "json",
        "--out", str(out), "--k", str(k),
    )  # fmt: skip
    assert code == 0, err
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _rows(data: dict[str, object], key: str) -> list[list[object]]:
    table = data[key]
    assert isinstance(table, dict)
    return [row["cells"] for row in table["rows"]]


def test_rounds_and_actions_from_the_cli_to_the_coordinator_s_json_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    drop, ws = tmp_path / "depot", tmp_path / "coord"
    drop.mkdir()
    code, out, err = run_cli(
        capsys, "coord", "init", "--workspace", str(ws), "--drop", str(drop), "--json"
    )
    assert code == 0, err
    created = json.loads(out)
    make_profile(tmp_path / "terrain")[0].close()
    home = ["--home", str(tmp_path / "terrain")]
    code, _, err = run_cli(capsys, "join", *home, "--invitation", created["invitation"],
                           "--invitation-code", created["code"])  # fmt: skip
    assert code == 0, err
    enrolment = tmp_path / "appareil.enrolment"
    assert run_cli(capsys, "enrolment", *home, "--out", str(enrolment))[0] == 0
    assert (
        run_cli(capsys, "coord", "enrol", "--workspace", str(ws), str(enrolment), "--yes")[0] == 0
    )

    code, out, err = run_cli(capsys, "outing", "add", *home, _lines(tmp_path / "t.jsonl", ROUNDS))
    assert code == 0, err
    first_round = out.split()[0]
    code, out, err = run_cli(capsys, "action", "add", *home, _lines(tmp_path / "a.jsonl", [FORUM]))
    assert code == 0, err
    forum = out.strip()
    # Six contacts made during the first round, two at the forum; one of those is handed over.
    street = [sample_contact(outing_id=first_round) for _ in range(6)]
    at_forum = [sample_contact(action_id=forum) for _ in range(2)]
    code, out, err = run_cli(
        capsys, "contact", "add", *home, _lines(tmp_path / "c.jsonl", street + at_forum)
    )
    assert code == 0, err
    forum_contact = out.split()[-1]
    code, _, err = run_cli(capsys, "handover", "add", *home, "--contact", forum_contact,
                           "--partner", "Mission locale", "--mode", "mise-en-relation",
                           "--consent")  # fmt: skip
    assert code == 0, err

    assert run_cli(capsys, "sync", *home)[0] == 0
    code, out, err = run_cli(capsys, "coord", "merge", "--workspace", str(ws), "--json")
    assert code == 0, err
    merged = json.loads(out)
    assert merged["batches_merged"] == 1 and merged["batches_quarantined"] == []

    data = _report(capsys, ws, tmp_path / "rapport.json", k=5)
    assert {"presence", "actions"} <= set(data["tables"])  # type: ignore[arg-type]
    # By hand: 2 rounds, 120 + 60 min = 3 h, 10 + 2 = 12 people seen, 6 contacts in round
    # (6 × 100 / 12 = 50 per 100 seen, 6 / 3 = 2 per hour), no handover from them,
    # 1 calm and 1 tense round, 1 mediation.
    expected = [2, 3.0, 12, 6, 50.0, 2.0, 0, 0.0, 1, 1, 0, 1]
    (row, total) = _rows(data, "presence")
    assert row == ["2026-11", "QN07601M", "Prévention spécialisée", *expected]
    assert total == ["Total", "", "", *expected]
    # The forum: 12 participants, 4 employers; 2 contacts and 1 handover from it, below k = 5:
    # hidden, and their shares of the month's 8 contacts and 1 handover are secret too.
    (row, total) = _rows(data, "actions")
    assert row == ["2026-11", "QN07601M", "Prévention spécialisée", "Forum emploi",
                   1, 12, 4, "< 5", "< 5", "s", "s"]  # fmt: skip
    assert total == ["Total", "", "", "", 1, 12, 4, "< 5", "< 5", "s", "s"]

    # With k = 2 the 2 contacts are published: 2 of the month's 8 contacts (25 %).
    data = _report(capsys, ws, tmp_path / "rapport-k2.json", k=2)
    (row, _) = _rows(data, "actions")
    assert row[4:] == [1, 12, 4, 2, "< 2", 0.25, "s"]
    (row, _) = _rows(data, "presence")
    assert row[3:] == expected
