"""The whole chain from the command line: coordinator, device, drop, merge (DESIGN.md contract)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.cli import main
from tests.helpers import PASSPHRASE, make_profile, sample_contact


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_coordinator_merges_what_a_device_delivered(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    drop, ws = tmp_path / "depot", tmp_path / "coord"
    drop.mkdir()
    args = ("coord", "init", "--workspace", str(ws), "--drop", str(drop), "--json")
    code, out, err = run(capsys, *args)
    assert code == 0, err
    created = json.loads(out)
    service, _ = make_profile(tmp_path / "terrain")
    service.close()
    home = ["--home", str(tmp_path / "terrain")]
    code, _, err = run(
        capsys,
        "join",
        *home,
        "--invitation",
        created["invitation"],
        "--invitation-code",
        created["code"],
    )
    assert code == 0, err
    src = tmp_path / "c.jsonl"
    src.write_text("\n".join(json.dumps(sample_contact()) for _ in range(3)), encoding="utf-8")
    assert run(capsys, "contact", "add", *home, str(src))[0] == 0
    # Before enrolment the batch is quarantined with a plain reason, and the exit code says so.
    assert run(capsys, "sync", *home)[0] == 0
    code, out, _ = run(capsys, "coord", "merge", "--workspace", str(ws), "--json")
    assert code == 1
    report = json.loads(out)
    assert report["batches_quarantined"][0]["reason_code"] == "unknown_device"
    enrolment = tmp_path / "appareil.enrolment"
    assert run(capsys, "enrolment", *home, "--out", str(enrolment))[0] == 0
    code, out, err = run(capsys, "coord", "enrol", "--workspace", str(ws), str(enrolment), "--yes")
    assert code == 0, err
    assert "Empreinte" in out
    code, out, err = run(capsys, "coord", "merge", "--workspace", str(ws), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["batches_merged"] == 1 and report["events_inserted"] == 3
    assert report["batches_quarantined"] == []
    assert report["completeness"][0]["gaps"] == []
    code, out, _ = run(capsys, "coord", "merge", "--workspace", str(ws), "--json")
    assert json.loads(out)["batches_already_merged"] == 1
    code, out, _ = run(capsys, "coord", "devices", "--workspace", str(ws), "--json")
    assert json.loads(out)[0]["status"] == "trusted"
    # The coordinator's audit log: what was done, with counts, latest first.
    code, out, _ = run(capsys, "coord", "audit", "--workspace", str(ws), "--json")
    entries = [(e["action"], e["detail"]) for e in json.loads(out)]
    assert entries == [
        ("merge", {"retry": False, "batches": 0, "quarantined": 0, "events": 0}),
        ("merge", {"retry": False, "batches": 1, "quarantined": 0, "events": 3}),
        ("enrol", {}),
        ("merge", {"retry": False, "batches": 0, "quarantined": 1, "events": 0}),
    ]


def test_coordinator_errors_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, _, err = run(capsys, "coord", "merge", "--workspace", str(tmp_path / "rien"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "coordinateur" in err
    bad = tmp_path / "x.enrolment"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "coord", "enrol", "--workspace", str(tmp_path), str(bad), "--yes")
    assert code == 1 and len(err.strip().splitlines()) == 1


def test_init_with_an_invitation_joins_at_once_and_a_wrong_code_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.helpers import make_coordination

    coordination = make_coordination(tmp_path / "coord", drop=str(tmp_path))
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "terrain"
    base = ["init", "--home", str(home), "--structure", "Asso", "--structure-type", "association"]
    wrong = "AAAAA-BBBBB-CCCCC-DDDDD"
    code, _, err = run(capsys, *base, "--invitation", str(coordination.invitation),
                       "--invitation-code", wrong)  # fmt: skip
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert not (home / "relais.key").exists()
    code, out, err = run(capsys, *base, "--invitation", str(coordination.invitation),
                         "--invitation-code", coordination.code, "--json")  # fmt: skip
    assert code == 0, err
    joined = json.loads(out)["coordination"]
    assert joined["hpke_fingerprint"] == coordination.info["hpke_fingerprint"]


def test_demo_builds_a_profile_and_a_coordination_enrolled_to_each_other(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FIELDAPP_PASSPHRASE", raising=False)
    home = tmp_path / "demo"
    code, out, err = run(capsys, "demo", "--home", str(home), "--contacts", "40", "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["contacts"] == 40
    assert result["merged_events"] >= 40  # the contacts and their handovers' events
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", result["passphrase"])
    _, out, _ = run(capsys, "contact", "list", "--home", str(home), "--json")
    assert len(json.loads(out)) == 40
    code, out, _ = run(capsys, "coord", "gaps", "--workspace", result["workspace"], "--json")
    assert code == 0 and json.loads(out)[0]["gaps"] == []
    code, _, err = run(capsys, "demo", "--home", str(home))
    assert code == 1 and "existe déjà" in err
