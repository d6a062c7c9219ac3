"""The command-line contract, run in-process through `main` and, for exit codes, as a process."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile, run_cli, sample_contact
from tests.helpers.text import fr

ROOT = Path(__file__).resolve().parents[2]


run = run_cli


def _records_example() -> dict[str, object]:
    text = (ROOT / "docs" / "records.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block, "docs/records.md needs a ```json block"
    return json.loads(block.group(1))  # type: ignore[no-any-return]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert re.match(r"fieldapp \d+\.\d+", capsys.readouterr().out)


def test_init_json_prints_ids_and_recovery_key_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = tmp_path / "h"
    code, out, err = run(
        capsys,
        "init",
        "--home",
        str(home),
        "--structure",
        "Asso test",
        "--structure-type",
        "association",
        "--json",
    )
    assert code == 0, err
    result = json.loads(out)
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4})+", result["recovery_key"])
    assert result["device_id"] and result["structure"]["type"] == "association"
    assert result["recovery_key"] not in "".join(
        p.read_text(errors="ignore") for p in home.rglob("*") if p.is_file()
    )
    code, _, err = run(
        capsys, "init", "--home", str(home), "--structure", "x", "--structure-type", "association"
    )
    assert code == 1 and "existe déjà" in err


def test_documented_contact_is_accepted_and_listed(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    example = _records_example()
    assert "note" in example
    src = tmp_path / "contact.json"
    src.write_text(json.dumps(example), encoding="utf-8")
    code, out, err = run(capsys, "contact", "add", "--home", str(ready.root), str(src))
    assert code == 0, err
    (contact_id,) = out.split()
    code, out, _ = run(capsys, "contact", "list", "--home", str(ready.root), "--json")
    listed = json.loads(out)
    assert [c["id"] for c in listed] == [contact_id]
    assert listed[0]["note"] == example["note"]


def test_json_lines_from_stdin_print_one_id_per_line(
    ready: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    lines = "\n".join(json.dumps(sample_contact(age_band=a)) for a in ("16-17", "30-44", "55-plus"))
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines + "\n"))
    code, out, err = run(capsys, "contact", "add", "--home", str(ready.root), "-")
    assert code == 0, err
    assert len(out.split()) == 3


def test_invalid_contact_names_the_field_and_stores_nothing(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "bad.json"
    src.write_text(json.dumps(sample_contact(place_type="trottoir")), encoding="utf-8")
    code, out, err = run(capsys, "contact", "add", "--home", str(ready.root), str(src))
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "place_type" in err and "trottoir" in err
    _, out, _ = run(capsys, "contact", "list", "--home", str(ready.root), "--json")
    assert json.loads(out) == []


def test_broken_json_is_reported_with_its_line(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text(json.dumps(sample_contact()) + "\n{pas du json\n", encoding="utf-8")
    code, _, err = run(capsys, "contact", "add", "--home", str(ready.root), str(src))
    assert code == 1 and "ligne 2" in err
    _, out, _ = run(capsys, "contact", "list", "--home", str(ready.root), "--json")
    assert json.loads(out) == []


def test_handover_lifecycle_from_the_command_line(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "c.json"
    src.write_text(json.dumps(sample_contact()), encoding="utf-8")
    _, out, _ = run(capsys, "contact", "add", "--home", str(ready.root), str(src))
    contact_id = out.strip()
    h = ["--home", str(ready.root)]
    code, out, err = run(
        capsys,
        "handover",
        "add",
        *h,
        "--contact",
        contact_id,
        "--partner",
        "Mission locale (fictive)",
        "--mode",
        "rdv-tripartite",
        "--consent",
        "--follow-up",
        "2026-12-01",
    )
    assert code == 0, err
    handover_id = out.strip()
    code, _, err = run(capsys, "handover", "status", *h, handover_id, "entre_dispositif")
    assert code == 1
    assert "rdv_fixe" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "handover", "status", *h, handover_id, "rdv_fixe")
    assert code == 0 and "rdv_fixe" in out
    _, out, _ = run(capsys, "handover", "list", *h, "--json")
    assert json.loads(out)[0]["status"] == "rdv_fixe"


def test_handover_without_consent_is_refused(
    ready: Home, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(
        capsys,
        "handover",
        "add",
        "--home",
        str(ready.root),
        "--contact",
        "x",
        "--partner",
        "p",
        "--mode",
        "appel-a-trois",
    )
    assert code == 1 and "consent" in err


def test_wrong_passphrase_is_one_line_and_changes_nothing(
    ready: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = {p.name: p.read_bytes() for p in ready.root.iterdir() if p.is_file()}
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "mauvaise phrase de passe")
    code, out, err = run(capsys, "contact", "list", "--home", str(ready.root))
    assert code == 1 and out == ""
    assert err.strip() == "fieldapp: Phrase de passe incorrecte"
    after = {p.name: p.read_bytes() for p in ready.root.iterdir() if p.is_file()}
    # Issue 15: the one new file is the count of wrong passphrases (the growing delay).
    assert json.loads(after.pop("relais.attempts"))["failures"] == 1
    assert after == before


def test_passphrase_change_and_recovery(
    home: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    service, recovery = make_profile(home.root)
    contact_id = service.record_contact(sample_contact())
    service.close()
    h = ["--home", str(home.root)]
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("FIELDAPP_NEW_PASSPHRASE", "nouvelle-phrase-tres-longue")
    code, _, err = run(capsys, "passphrase", "change", *h)
    assert code == 0, err
    code, _, err = run(capsys, "contact", "list", *h)
    assert code == 1 and "incorrecte" in err
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "nouvelle-phrase-tres-longue")
    code, out, _ = run(capsys, "contact", "list", *h)
    assert code == 0 and contact_id in out
    key_file = tmp_path / "secours.txt"
    key_file.write_text(recovery.lower().replace("-", " ") + "\n")
    monkeypatch.setenv("FIELDAPP_NEW_PASSPHRASE", "troisieme-phrase-de-passe")
    code, _, err = run(capsys, "passphrase", "recover", *h, "--recovery-key-file", str(key_file))
    assert code == 0, err
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "troisieme-phrase-de-passe")
    code, out, _ = run(capsys, "contact", "list", *h)
    assert code == 0 and contact_id in out
    monkeypatch.setenv("FIELDAPP_NEW_PASSPHRASE", "court")
    code, _, err = run(capsys, "passphrase", "change", *h)
    assert code == 1 and "trop courte" in err


def test_missing_profile_and_bad_dates_are_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], passphrase_env: str
) -> None:
    code, _, err = run(capsys, "contact", "list", "--home", str(tmp_path / "rien"))
    assert code == 1 and "Aucun profil" in err
    service, _ = make_profile(tmp_path / "p")
    service.close()
    code, _, err = run(
        capsys, "contact", "list", "--home", str(tmp_path / "p"), "--from", "20/11/2026"
    )
    assert code == 1 and "AAAA-MM-JJ" in err


def test_real_process_exit_codes_and_no_traceback(ready: Home, tmp_path: Path) -> None:
    env = {"FIELDAPP_PASSPHRASE": "mauvaise phrase de passe", "PATH": "/usr/bin:/bin"}
    bad_key = ready.key_file.read_bytes()
    ready.key_file.write_bytes(bad_key[: len(bad_key) // 3])
    proc = subprocess.run(
        [sys.executable, "-m", "fieldapp", "contact", "list", "--home", str(ready.root)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "relais.key" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "fieldapp", "contact", "frobnicate"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1


def test_note_with_personal_data_is_refused_or_masked(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = "Joindre Mme Exemplia au 06 39 98 12 34 ou exemplia@example.org avant jeudi."
    src = tmp_path / "pii.json"
    src.write_text(json.dumps(sample_contact(note=note)), encoding="utf-8")
    h = ["--home", str(ready.root)]
    code, out, err = run(capsys, "contact", "add", *h, str(src))
    assert code == 1 and out == ""
    lines = err.strip().splitlines()
    assert any("téléphone" in line for line in lines)
    assert any("e-mail" in line for line in lines)
    assert any("nom" in line for line in lines)
    assert "06 39 98 12 34" not in err
    _, out, _ = run(capsys, "contact", "list", *h, "--json")
    assert json.loads(out) == []
    code, out, err = run(capsys, "contact", "add", *h, "--redact", str(src))
    assert code == 0, err
    _, out, _ = run(capsys, "contact", "list", *h, "--json")
    (stored,) = json.loads(out)
    assert "06 39 98" not in stored["note"] and "example.org" not in stored["note"]
    assert "[masqué]" in stored["note"] and "avant jeudi" in stored["note"]


def test_import_contacts_reports_bad_rows_and_keeps_good_ones(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    src = tmp_path / "t.csv"
    src.write_text(
        "date;slot;neighbourhood;place_type;outcome\n"
        "2026-11-20;matin;QN07601M;espace-public;information-donnee\n"
        "2026-11-20;aube;QN07601M;espace-public;information-donnee\n"
        "2026-11-21;soir;QN07601M;espace-public;pas-interesse\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import-contacts", "--home", str(ready.root), str(src))
    assert code == 1
    assert "2 contacts importés, 1 ligne refusée" in out
    assert err.strip().startswith(fr("ligne 3 :")) and "slot" in err
    _, out, _ = run(capsys, "contact", "list", "--home", str(ready.root), "--json")
    assert len(json.loads(out)) == 2
