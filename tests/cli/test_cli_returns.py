"""`fieldapp coord returns` and the device's `fieldapp sync` / `handover list --json` after it.

The handover and the merge go through the CLI; the reception is written into the consolidated
store as its projection writes it (the receiving side's `received add` is another branch's).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import insert

from fieldapp.domain.relay_code import code_hmac
from fieldapp.storage.schema import receptions
from fieldapp.sync.returns import file_name
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, run_cli, sample_contact
from tests.helpers.coordination import Territory


def test_coord_returns_then_the_device_sees_the_confirmation(
    territory: Territory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    educ, ml = territory.device("educ"), territory.device("ml")
    contact_id = educ.field.record_contact(sample_contact())
    home = str(territory.tmp / "educ")
    educ.field.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run_cli(
        capsys, "handover", "add", "--home", home, "--contact", contact_id,
        "--partner", "Mission locale fictive", "--mode", "rdv-tripartite", "--consent", "--json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    code, out, err = run_cli(capsys, "sync", "--home", home)
    assert code == 0, err
    workspace = str(territory.coordination.root)
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    code, out, err = run_cli(capsys, "coord", "merge", "--workspace", workspace)
    assert code == 0, err
    key = ml.field.territory_key()
    assert key is not None
    with territory.open() as coord, coord.consolidated.engine.begin() as conn:
        conn.execute(
            insert(receptions).values(
                id="0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
                device_id=ml.field.device_id,
                code_hmac=code_hmac(key, added["code"]),
                status="entre_dispositif",
                date="2026-03-12",
                reason=None,
                created_hlc="00000000001",
            )
        )
    code, out, err = run_cli(capsys, "coord", "returns", "--workspace", workspace, "--json")
    assert code == 0, err
    published = {p["device_id"]: p for p in json.loads(out)["published"]}
    assert published[educ.field.device_id]["confirmations"] == 1
    assert published[ml.field.device_id]["confirmations"] == 0
    drop_file = territory.drop / file_name(educ.field.device_id)
    assert added["code"] not in drop_file.read_text()

    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run_cli(capsys, "sync", "--home", home)
    assert code == 0, err
    assert "1 confirmation(s) de structures d'accueil reçue(s)." in out
    code, out, err = run_cli(capsys, "handover", "list", "--home", home, "--json")
    assert code == 0, err
    [row] = json.loads(out)
    assert row["id"] == added["id"] and row["partner_confirmed"] == "entre_dispositif"


def test_coord_returns_names_a_device_to_enrol_again(
    territory: Territory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    device = territory.device("ancien")
    with territory.open() as coord, coord.consolidated.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE devices SET encryption_public = NULL")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    workspace = str(territory.coordination.root)
    code, out, err = run_cli(capsys, "coord", "returns", "--workspace", workspace)
    assert code == 0
    assert err.startswith(f"fieldapp: Appareil {device.field.device_id} (")
    assert "refaire son fichier d'enrôlement (fieldapp enrolment)" in err
    assert out.startswith("0 fichier(s) de retour publié(s)")
    assert not (territory.drop / file_name(device.field.device_id)).exists()


def test_a_bad_drop_is_one_line_and_nothing_written(
    territory: Territory, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    territory.device("educ")
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    missing = territory.tmp / "absent"
    code, out, err = run_cli(
        capsys, "coord", "returns", "--workspace", str(territory.coordination.root),
        "--to", str(missing),
    )  # fmt: skip
    assert code != 0 and out == "" and err.count("\n") == 1
    assert err.startswith("fieldapp: Publication des retours impossible")
    assert not missing.exists()
