"""Issue 16 end to end through the CLI: a street educator's device and a Mission locale's
device joined to one coordinator; a handover with its code relais; the Mission locale records
`accueilli` then `entre_dispositif`; both sync, in either order; merge; the report counts one
confirmed entry. And the marker: no raw code in any batch nor in any coordinator table."""

from __future__ import annotations

import json
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.services import profile
from fieldapp.services.coordination import CoordinationService
from fieldapp.storage.coord_schema import coord_metadata
from fieldapp.storage.home import Home
from fieldapp.sync import workspace as ws
from fieldapp.sync.batch import BatchError, open_batch
from tests.helpers import (
    COORD_PASSPHRASE,
    PASSPHRASE,
    run_cli,
    sample_contact,
)
from tests.helpers.cli import cli_workspace, joined_device
from tests.helpers.sync import device_public


@pytest.mark.parametrize("receiver_first", [True, False])
def test_a_handover_confirmed_by_the_mission_locale_reaches_the_report(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    receiver_first: bool,
) -> None:
    drop, wsdir, created = cli_workspace(tmp_path, monkeypatch)
    educ = joined_device(capsys, tmp_path, created, wsdir, "educ", demo=True)
    ml = joined_device(
        capsys, tmp_path, created, wsdir, "ml", demo=True, structure_type="mission-locale"
    )

    # The educator proposes a handover: it comes with its code.
    src = tmp_path / "c.json"
    src.write_text(json.dumps(sample_contact()), encoding="utf-8")
    rc, out, _ = run_cli(capsys, "contact", "add", *educ, str(src))
    rc, out, err = run_cli(
        capsys, "handover", "add", *educ, "--contact", out.strip(),
        "--partner", "Mission locale fictive", "--mode", "rdv-tripartite", "--consent", "--json",
    )  # fmt: skip
    assert rc == 0, err
    added = json.loads(out)
    code = added["code"]

    # The Mission locale types it as the person shows it (lower case, spaces), twice.
    typed = code.lower().replace("-", " ")
    for status in ("accueilli", "entre_dispositif"):
        rc, _, err = run_cli(capsys, "received", "add", *ml, "--code", typed, "--status", status)
        assert rc == 0, err

    order = (ml, educ) if receiver_first else (educ, ml)
    for home in order:
        rc, _, err = run_cli(capsys, "sync", *home)
        assert rc == 0, err
        rc, out, err = run_cli(capsys, "coord", "merge", "--workspace", str(wsdir), "--json")
        assert rc == 0, err
        assert json.loads(out)["batches_quarantined"] == []

    report_file = tmp_path / "rapport.json"
    rc, _, err = run_cli(capsys, "coord", "report", "--workspace", str(wsdir), "--format",
                         "json", "--out", str(report_file), "--k", "2")  # fmt: skip
    assert rc == 0, err
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert "relais_confirmes" in data["tables"]
    table = data["relais_confirmes"]
    rows = [r["cells"] for r in table["rows"] if not r["total"]]
    # One group: the Mission locale confirmed it; none is left waiting for a confirmation.
    assert [r[0] for r in rows] == ["Mission locale"]
    proposed, declared, received, entered = rows[0][3:7]
    # With k = 2 a hidden count is 1: one proposed, received and entered, as confirmed; the
    # educator has not declared the entry itself.
    assert (proposed, declared, received, entered) == ("< 2", 0, "< 2", "< 2")

    # The marker: only the HMAC left the devices.
    forms = {code, code.replace("-", ""), code.lower(), typed}
    workspace = ws.open_workspace(wsdir, COORD_PASSPHRASE)
    keys = []
    for name in ("educ", "ml"):
        field = profile.open_profile(Home(tmp_path / name), PASSPHRASE)
        keys.append(device_public(field))
        field.close()
    opened = 0
    for batch in drop.rglob("*.rbatch"):
        for key in keys:
            try:
                _, events = open_batch(
                    batch.read_bytes(),
                    recipient_private=workspace.recipient_private,
                    device_public=key,
                )
            except BatchError:
                continue
            opened += 1
            text = json.dumps(events, ensure_ascii=False)
            assert not any(f in text for f in forms)
            assert "code_hmac" in text
    assert opened >= 2
    with (
        closing(CoordinationService.open(wsdir, COORD_PASSPHRASE)) as coord,
        coord.consolidated.engine.connect() as conn,
    ):
        for table_ in coord_metadata.sorted_tables:
            for row in conn.execute(select(table_)):
                text = " ".join(str(v) for v in row)
                assert not any(f in text for f in forms), table_.name

    # Return to the sender: `coord returns`, the educator's sync, and the handover says it.
    rc, out, err = run_cli(capsys, "coord", "returns", "--workspace", str(wsdir), "--json")
    assert rc == 0, err
    assert len(json.loads(out)["published"]) == 2
    rc, out, err = run_cli(capsys, "sync", *educ)
    assert rc == 0, err
    rc, out, err = run_cli(capsys, "handover", "list", *educ, "--json")
    assert rc == 0, err
    [row] = json.loads(out)
    assert row["id"] == added["id"] and row["partner_confirmed"] == "entre_dispositif"
    returns = list(drop.glob("*.rreturn"))
    assert len(returns) == 2
    for path in returns:
        assert not any(f in path.read_text(encoding="utf-8") for f in forms)
