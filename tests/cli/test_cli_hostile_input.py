"""What a device, a file or stdin writes reaches the terminal escaped, validated, and guarded
(issue 22, items 4 and 5): enrolments, manifests, handover texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.cli import main
from fieldapp.services import profile
from fieldapp.services.profile import Home
from fieldapp.storage import keyfile
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.store import write_setting
from fieldapp.sync.invitation import Enrolment, write_enrolment
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, make_coordination, make_profile
from tests.helpers import sample_contact as contact

# A structure name written to hide the real fingerprint behind a forged line.
HOSTILE_NAME = "Équipe test\nEmpreinte : AAAA-BBBB-CCCC-DDDD\x1b[8m\u202e"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _joined_device(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> list[str]:
    """A device whose structure is called `name`, joined to the coordination at tmp/coord."""
    (tmp_path / "depot").mkdir()
    coord = make_coordination(tmp_path / "coord", drop=str(tmp_path / "depot"))
    service, _ = profile.create_profile(
        Home(tmp_path / "terrain"),
        PASSPHRASE,
        structure=name,
        structure_type="prevention-specialisee",
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
    )
    service.close()
    home = ["--home", str(tmp_path / "terrain")]
    invitation = ("--invitation", str(coord.invitation), "--invitation-code", coord.code)
    code, _, err = run(capsys, "join", *home, *invitation)
    assert code == 0, err
    return home


def test_enrol_shows_a_forged_structure_name_escaped_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = _joined_device(tmp_path, capsys, HOSTILE_NAME)
    enrolment = tmp_path / "appareil.enrolment"
    code, out, err = run(capsys, "enrolment", *home, "--out", str(enrolment), "--json")
    assert code == 0, err
    real = json.loads(out)["fingerprint"]

    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    ws = ("--workspace", str(tmp_path / "coord"))
    code, out, err = run(capsys, "coord", "enrol", *ws, str(enrolment), "--yes")
    assert code == 0, err
    lines = out.splitlines()
    # The name is one line, its newline, ESC and bidi override visible as escapes...
    asked = next(line for line in lines if "Équipe test" in line)
    assert "Équipe test\\x0aEmpreinte : AAAA-BBBB-CCCC-DDDD\\x1b[8m\\u202e" in asked
    assert "\x1b" not in out and "\u202e" not in out
    # ... and the only line that starts like a fingerprint is the real one.
    fingerprints = [line for line in lines if line.lstrip().startswith("Empreinte")]
    assert len(fingerprints) == 1 and real in fingerprints[0]

    code, out, err = run(capsys, "coord", "devices", *ws)
    assert code == 0, err
    assert len(out.splitlines()) == 1
    assert "\\x0aEmpreinte" in out and "\x1b" not in out and real in out


def test_enrolment_with_a_device_id_off_pattern_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    coord = make_coordination(tmp_path / "coord")
    key = Ed25519PrivateKey.generate()
    for number, device_id in enumerate(["abc\n0123", "a" * 65, "", "é" * 8]):
        path = tmp_path / f"{number}.enrolment"
        enrolment = Enrolment(
            device_id=device_id,
            signing_public=key.public_key().public_bytes_raw(),
            structure={"id": "s1", "name": "Équipe test", "type": "prevention-specialisee"},
            created="2026-03-14T09:00:00Z",
            coordination=None,
        )
        write_enrolment(path, enrolment, key)  # validly signed: only the id is wrong
        monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
        code, out, err = run(
            capsys, "coord", "enrol", "--workspace", str(coord.root), str(path), "--yes"
        )
        assert code == 1 and out == ""
        assert len(err.splitlines()) == 1 and "device_id" in err, err
    code, out, _ = run(capsys, "coord", "devices", "--workspace", str(coord.root), "--json")
    assert code == 0 and json.loads(out) == []


def test_a_batch_declared_for_another_structure_is_quarantined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = _joined_device(tmp_path, capsys, "Équipe de prévention test")
    enrolment = tmp_path / "appareil.enrolment"
    assert run(capsys, "enrolment", *home, "--out", str(enrolment))[0] == 0
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    ws = ("--workspace", str(tmp_path / "coord"))
    assert run(capsys, "coord", "enrol", *ws, str(enrolment), "--yes")[0] == 0
    # The device now claims another structure in what it seals (its manifests are signed).
    service = profile.open_profile(Home(tmp_path / "terrain"), PASSPHRASE)
    with write_transaction(service.engine) as conn:
        write_setting(conn, "structure", service.structure | {"id": "une-autre-structure"})
    service.close()
    source = tmp_path / "c.json"
    source.write_text(json.dumps(contact()), encoding="utf-8")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    assert run(capsys, "contact", "add", *home, str(source))[0] == 0
    assert run(capsys, "sync", *home)[0] == 0
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    code, out, _ = run(capsys, "coord", "merge", *ws, "--json")
    assert code == 1
    report = json.loads(out)
    assert report["batches_merged"] == 0
    assert [q["reason_code"] for q in report["batches_quarantined"]] == ["structure_mismatch"]


def test_handover_partner_and_reason_go_through_the_note_guard(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    service, _ = make_profile(tmp_path / "terrain")
    contact_id = service.record_contact(contact())
    service.close()
    home = ("--home", str(tmp_path / "terrain"))
    partner = "Mission test, Mme Dupontel-Test 06 39 98 00 01"
    add = (
        *("handover", "add", *home, "--contact", contact_id, "--consent"),
        "--mode",
        "rdv-tripartite",
    )
    code, out, err = run(capsys, *add, "--partner", partner)
    assert code == 1 and out == ""
    assert "téléphone" in err and "rien n'a été enregistré" in err
    assert run(capsys, "handover", "list", *home, "--json")[1].strip() == "[]"

    code, out, err = run(capsys, *add, "--partner", partner, "--redact")
    assert code == 0, err
    handover_id = out.strip()
    rows = json.loads(run(capsys, "handover", "list", *home, "--json")[1])
    assert "06 39 98" not in rows[0]["partner"] and "[masqué]" in rows[0]["partner"]
    assert rows[0]["partner"].startswith("Mission test")

    status = ("handover", "status", *home, handover_id, "refus_partenaire")
    reason = "refusé, rappeler au 06 39 98 00 02"
    code, out, err = run(capsys, *status, "--reason", reason)
    assert code == 1 and "téléphone" in err
    assert json.loads(run(capsys, "handover", "list", *home, "--json")[1])[0]["status"] == "propose"
    code, out, err = run(capsys, *status, "--reason", reason, "--redact")
    assert code == 0, err
    service = profile.open_profile(Home(tmp_path / "terrain"), PASSPHRASE)
    texts = json.dumps([e.payload for e in service.history(handover_id)], ensure_ascii=False)
    service.close()
    assert "06 39 98" not in texts and "[masqué]" in texts
