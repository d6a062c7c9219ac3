"""Issue 18, item 3, end to end through the CLI: the coordinator publishes a pack with an
employer (data·inclusion validation passes with the Relais extension); it installs on a device;
`handover add --mode immersion-pmsmp` to the employer; status `immersion_realisee`; sync; merge;
`coord report --format json` counts the immersion in `immersions_embauches`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.services import packs
from tests.helpers import run_cli, sample_contact
from tests.helpers.cli import cli_workspace, joined_device
from tests.helpers.text import fr

EMPLOYER = "demo-relais--ei-ateliers-port"


def test_an_immersion_at_an_employer_of_the_pack_reaches_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, wsdir, created = cli_workspace(tmp_path, monkeypatch)
    educ = joined_device(capsys, tmp_path, created, wsdir)

    # The coordinator publishes the directory with its employer: no row refused.
    structures, services, territories = packs.demo_sources()
    pack_file = tmp_path / "territoire.relais-pack"
    rc, out, err = run_cli(capsys, "coord", "pack", "--workspace", str(wsdir), "--structures",
                           str(structures), "--services", str(services), "--territories",
                           str(territories), "--out", str(pack_file), "--json")  # fmt: skip
    assert rc == 0, err
    assert json.loads(out)["refused"] == 0
    rc, out, err = run_cli(capsys, "pack", "import", *educ, str(pack_file), "--json")
    assert rc == 0, err
    assert json.loads(out)["version"] == 1
    installed = json.loads(pack_file.read_text(encoding="utf-8"))["content"]["structures"]
    [employer] = [s for s in installed if s["id"] == EMPLOYER]
    assert (employer["employeur"], employer["capacite_mensuelle"]) == (True, 3)

    src = tmp_path / "c.json"
    src.write_text(json.dumps(sample_contact(neighbourhood="QN07699A")), encoding="utf-8")
    rc, out, err = run_cli(capsys, "contact", "add", *educ, str(src))
    assert rc == 0, err
    contact = out.strip()

    # A bad mode, or an employer mode towards a structure that is not an employer: one line.
    for mode, structure, words in (
        ("immersion", EMPLOYER, "immersion"),
        ("job-dating", "demo-relais--ml-val-fictif", "job-dating est réservée aux employeurs"),
    ):
        rc, out, err = run_cli(capsys, "handover", "add", *educ, "--contact", contact,
                               "--partner", "Les Ateliers du Port", "--structure", structure,
                               "--mode", mode, "--consent")  # fmt: skip
        assert (rc, out) == (1, "")
        assert len(err.strip().splitlines()) == 1 and fr(words) in err
    rc, out, err = run_cli(capsys, "handover", "add", *educ, "--contact", contact,
                           "--partner", "Les Ateliers du Port", "--structure", EMPLOYER,
                           "--mode", "immersion-pmsmp", "--consent", "--json")  # fmt: skip
    assert rc == 0, err
    handover = json.loads(out)["id"]
    # The employers' track: a usual status is refused, in one French line.
    rc, out, err = run_cli(capsys, "handover", "status", *educ, handover, "rdv_fixe")
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "Immersion réalisée" in err
    rc, out, err = run_cli(capsys, "handover", "status", *educ, handover, "immersion_realisee")
    assert rc == 0, err
    assert out.split() == [handover, "immersion_realisee"]

    rc, _, err = run_cli(capsys, "sync", *educ)
    assert rc == 0, err
    rc, out, err = run_cli(capsys, "coord", "merge", "--workspace", str(wsdir), "--json")
    assert rc == 0, err
    assert json.loads(out)["batches_quarantined"] == []

    report_file = tmp_path / "rapport.json"
    rc, _, err = run_cli(capsys, "coord", "report", "--workspace", str(wsdir), "--format",
                         "json", "--out", str(report_file), "--k", "2")  # fmt: skip
    assert rc == 0, err
    data = json.loads(report_file.read_text(encoding="utf-8"))
    assert "immersions_embauches" in data["tables"]
    table = data["immersions_embauches"]
    rows = [r["cells"] for r in table["rows"] if not r["total"]]
    # One immersion, no hiring yet: with k = 2 a count of 1 is shown « < 2 ».
    # The pack names the neighbourhood; the month is the contact's.
    assert rows == [["2026-11", "Quartier des Tilleuls (fictif) — QN07699A", "< 2", 0]]
