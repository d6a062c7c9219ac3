"""`fieldapp coord returns` and the device's `fieldapp sync` / `handover list --json` after it,
end to end through the CLI: a street educator's device and a Mission locale's device joined to
one coordinator."""

from __future__ import annotations

import json

import pytest

from fieldapp.sync.returns import file_name
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, run_cli, sample_contact
from tests.helpers.coordination import Territory


@pytest.mark.parametrize("ml_first", [True, False])
def test_the_receiving_structure_s_word_comes_back_to_the_educator(
    territory: Territory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    ml_first: bool,
) -> None:
    educ, ml = territory.device("educ"), territory.device("ml")
    contact_id = educ.field.record_contact(sample_contact())
    educ.field.close()
    ml.field.close()
    educ_home, ml_home = str(territory.tmp / "educ"), str(territory.tmp / "ml")
    workspace = str(territory.coordination.root)
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run_cli(
        capsys, "handover", "add", "--home", educ_home, "--contact", contact_id,
        "--partner", "Mission locale fictive", "--mode", "rdv-tripartite", "--consent", "--json",
    )  # fmt: skip
    assert code == 0, err
    added = json.loads(out)
    for status in ("accueilli", "entre_dispositif"):
        code, out, err = run_cli(
            capsys, "received", "add", "--home", ml_home, "--code", added["code"],
            "--status", status,
        )  # fmt: skip
        assert code == 0, err
    # Both devices sync, in either order, before the coordinator merges.
    for home in (ml_home, educ_home) if ml_first else (educ_home, ml_home):
        code, out, err = run_cli(capsys, "sync", "--home", home)
        assert code == 0, err
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    code, out, err = run_cli(capsys, "coord", "merge", "--workspace", workspace)
    assert code == 0, err
    code, out, err = run_cli(capsys, "coord", "returns", "--workspace", workspace, "--json")
    assert code == 0, err
    published = {p["device_id"]: p for p in json.loads(out)["published"]}
    assert published[educ.field.device_id]["confirmations"] == 1
    assert published[ml.field.device_id]["confirmations"] == 0
    for device in (educ, ml):
        returned = (territory.drop / file_name(device.field.device_id)).read_text()
        assert added["code"] not in returned and added["code"].replace("-", "") not in returned

    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    code, out, err = run_cli(capsys, "sync", "--home", educ_home)
    assert code == 0, err
    assert "1 confirmation reçue de structures d'accueil." in out
    code, out, err = run_cli(capsys, "handover", "list", "--home", educ_home, "--json")
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
    assert out.startswith("0 fichier de retour publié")
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
