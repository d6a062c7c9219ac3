"""The « carte des manques » end to end through the CLI (issue 18, item 2): a device marks needs
« sans solution » (5 contacts of les Tilleuls for mobilité, 2 of les Peupliers for santé); sync;
`coord merge`; `coord pack` puts the carte in the pack; `pack import`; `directory unmet` shows
the count, and null for the count under the threshold."""

from __future__ import annotations

import json
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path

import pytest

from fieldapp.services import directory, packs, profile, unmet
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, run_cli, sample_contact
from tests.helpers.cli import cli_workspace, joined_device
from tests.helpers.text import fr

TILLEULS, PEUPLIERS = "QN07699A", "QN07699B"


def _pack(
    capsys: pytest.CaptureFixture[str], wsdir: Path, out: Path, *extra: str
) -> dict[str, object]:
    structures, services, territories = packs.demo_sources()
    rc, text, err = run_cli(capsys, "coord", "pack", "--workspace", str(wsdir), "--structures",
                            str(structures), "--services", str(services), "--territories",
                            str(territories), "--out", str(out), "--json", *extra)  # fmt: skip
    assert rc == 0, err
    report: dict[str, object] = json.loads(text)
    return report


def test_unmet_needs_go_back_to_the_devices_in_the_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, wsdir, created = cli_workspace(tmp_path, monkeypatch)
    educ = joined_device(capsys, tmp_path, created, wsdir)

    # Last month: inside the 12 full months before today, whatever today is.
    day = (date.today().replace(day=1) - timedelta(days=1)).isoformat()
    lines = [sample_contact(date=day, neighbourhood=TILLEULS, needs=["mobilite"])] * 5
    lines += [sample_contact(date=day, neighbourhood=PEUPLIERS, needs=["sante"])] * 2
    src = tmp_path / "contacts.jsonl"
    src.write_text("\n".join(json.dumps(c) for c in lines), encoding="utf-8")
    rc, out, err = run_cli(capsys, "contact", "add", *educ, str(src))
    assert rc == 0, err
    ids = out.split()
    assert len(ids) == 7
    # The Annuaire's « Noter "sans solution" » (no command for it): the same service call.
    with closing(profile.open_profile(Home(tmp_path / "educ"), PASSPHRASE)) as field:
        for contact in ids[:5]:
            assert unmet.mark_unmet(field, contact, ["mobilite"]) == ["mobilite"]
        for contact in ids[5:]:
            assert unmet.mark_unmet(field, contact, ["sante"]) == ["sante"]

    rc, _, err = run_cli(capsys, "sync", *educ)
    assert rc == 0, err
    rc, out, err = run_cli(capsys, "coord", "merge", "--workspace", str(wsdir), "--json")
    assert rc == 0, err
    assert json.loads(out)["batches_quarantined"] == []

    # Without the carte (--no-manques), then with it.
    without = _pack(capsys, wsdir, tmp_path / "v1.relais-pack", "--no-manques")
    assert (without["version"], without["manques"]) == (1, 0)
    assert b"manques" not in (tmp_path / "v1.relais-pack").read_bytes()
    rc, _, err = run_cli(capsys, "pack", "import", *educ, str(tmp_path / "v1.relais-pack"))
    assert rc == 0, err
    rc, out, err = run_cli(capsys, "directory", "unmet", *educ)
    assert (rc, err) == (0, "")
    assert out == fr("Pas de carte des manques dans l'annuaire installé.") + "\n"

    report = _pack(capsys, wsdir, tmp_path / "v2.relais-pack")
    assert (report["version"], report["manques"]) == (2, 2)
    rc, _, err = run_cli(capsys, "pack", "import", *educ, str(tmp_path / "v2.relais-pack"))
    assert rc == 0, err

    rc, out, err = run_cli(capsys, "directory", "unmet", *educ, "--json")
    assert rc == 0, err
    du = (date.today().replace(day=1) - timedelta(days=365)).strftime("%Y-%m")
    au = day[:7]
    found = json.loads(out)["manques"]
    assert [(m["quartier"], m["nom"]) for m in found] == [
        (PEUPLIERS, "Cité des Peupliers (fictif)"),
        (TILLEULS, "Quartier des Tilleuls (fictif)"),
    ]
    assert all((m["du"], m["au"], m["seuil"]) == (du, au, 5) for m in found)
    assert found[1]["besoins"] == [{"besoin": "mobilite", "nombre": 5}]
    assert found[0]["besoins"] == [{"besoin": "sante", "nombre": None}]  # 2: under 5

    rc, out, err = run_cli(capsys, "directory", "unmet", *educ, "--neighbourhood", PEUPLIERS)
    assert rc == 0, err
    period = f"de {directory.month_text(du)} à {directory.month_text(au)}"
    assert out.splitlines() == [
        fr(f"Cité des Peupliers (fictif) — {PEUPLIERS} : besoins restés sans solution, ") + period,
        "  " + fr("Santé : moins de 5"),
    ]
    rc, out, _ = run_cli(capsys, "directory", "unmet", *educ, "--neighbourhood", "QN07699F")
    assert rc == 0
    assert out == fr("Pas de manque connu pour Plateau des Érables (fictif) — QN07699F dans "
                     "l'annuaire installé.") + "\n"  # fmt: skip
    rc, out, err = run_cli(capsys, "directory", "unmet", *educ, "--neighbourhood", "QN00000X")
    assert (rc, out) == (1, "")
    assert err == "fieldapp: " + fr("quartier inconnu dans l'annuaire installé : QN00000X") + "\n"


def test_a_pack_without_a_readable_store_says_how_to_write_it_without_the_carte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, wsdir, _ = cli_workspace(tmp_path, monkeypatch)
    (wsdir / "consolidated.db").write_bytes(b"\x00" * 4096)  # not a store this key opens
    structures, services, territories = packs.demo_sources()
    out = tmp_path / "annuaire.relais-pack"
    args = ["coord", "pack", "--workspace", str(wsdir), "--structures", str(structures),
            "--services", str(services), "--territories", str(territories),
            "--out", str(out)]  # fmt: skip
    rc, _, err = run_cli(capsys, *args)
    assert rc == 1 and err.count("\n") == 1 and "--no-manques" in err
    assert not out.exists()
    rc, _, err = run_cli(capsys, *args, "--no-manques")
    assert rc == 0, err
    assert out.exists() and b'"manques"' not in out.read_bytes()
