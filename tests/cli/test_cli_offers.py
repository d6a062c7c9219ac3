"""Directory feedback from the command line (issue 18): a device signals a sheet, syncs, the
coordinator merges and lists it, then marks it handled."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile
from tests.helpers.text import fr


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def enrolled(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> tuple[list[str], list[str]]:
    """A coordination that published the test directory, and a device enrolled that installed
    it: (--home args, --workspace args)."""
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    drop, ws = tmp_path / "depot", tmp_path / "coord"
    drop.mkdir()
    code, out, err = run(
        capsys, "coord", "init", "--workspace", str(ws), "--drop", str(drop), "--json"
    )
    assert code == 0, err
    created = json.loads(out)
    service, _ = make_profile(tmp_path / "terrain")
    service.close()
    home = ["--home", str(tmp_path / "terrain")]
    workspace = ["--workspace", str(ws)]
    invitation = ["--invitation", created["invitation"], "--invitation-code", created["code"]]
    assert run(capsys, "join", *home, *invitation)[0] == 0
    pack = tmp_path / "territoire.relais-pack"
    code, _, err = run(
        capsys, "coord", "pack", *workspace,
        "--structures", str(data_dir / "structures.json"),
        "--services", str(data_dir / "services.jsonl"),
        "--territories", str(data_dir / "qpv.csv"),
        "--out", str(pack),
    )  # fmt: skip
    assert code == 0, err
    assert run(capsys, "pack", "import", *home, str(pack))[0] == 0
    enrolment = tmp_path / "appareil.enrolment"
    assert run(capsys, "enrolment", *home, "--out", str(enrolment))[0] == 0
    assert run(capsys, "coord", "enrol", *workspace, str(enrolment), "--yes")[0] == 0
    return home, workspace


def test_feedback_travels_from_the_device_to_the_coordinator(
    capsys: pytest.CaptureFixture[str], enrolled: tuple[list[str], list[str]]
) -> None:
    home, workspace = enrolled
    code, out, err = run(
        capsys, "directory", "feedback", *home, "--service", "dora--svc1",
        "--reason", "horaires", "--comment", "ouvert le mardi après-midi seulement", "--json",
    )  # fmt: skip
    assert code == 0, err
    feedback_id = json.loads(out)["id"]
    code, out, err = run(
        capsys, "directory", "feedback", *home, "--structure", "dora--s2", "--reason", "ferme"
    )
    assert code == 0, err
    assert "il partira avec le prochain lot" in out
    assert run(capsys, "sync", *home)[0] == 0
    code, out, err = run(capsys, "coord", "merge", *workspace, "--json")
    assert code == 0, err
    assert json.loads(out)["events_inserted"] == 2

    code, out, err = run(capsys, "coord", "directory-feedback", *workspace, "--json")
    assert code == 0, err
    rows = json.loads(out)
    assert [(r["service_id"], r["structure_id"], r["reason"]) for r in rows] == [
        ("dora--svc1", "dora--s1", "horaires"),
        (None, "dora--s2", "ferme"),
    ]
    first = rows[0]
    keys = {"service_id", "structure_id", "reason", "comment", "date", "device_id", "handled"}
    assert keys <= set(first)
    assert first["comment"] == "ouvert le mardi après-midi seulement"
    assert first["handled"] is False and len(first["date"]) == 10 and first["device_id"]

    # The text listing groups by structure, names the sheet, says what is left to do.
    code, out, err = run(capsys, "coord", "directory-feedback", *workspace)
    assert code == 0, err
    assert "Structure" in out and "dora--s1" in out and "Horaires à corriger" in out
    assert out.count("à traiter") == 2

    code, out, err = run(
        capsys, "coord", "directory-feedback", *workspace, "--handled", feedback_id
    )
    assert code == 0, err
    assert feedback_id in out
    code, out, _ = run(capsys, "coord", "directory-feedback", *workspace, "--json")
    handled = {r["id"]: r["handled"] for r in json.loads(out)}
    assert handled[feedback_id] is True and list(handled.values()).count(False) == 1
    # Merging the same batch again changes nothing.
    assert run(capsys, "coord", "merge", *workspace)[0] == 0
    code, out, _ = run(capsys, "coord", "directory-feedback", *workspace, "--json")
    assert len(json.loads(out)) == 2


def test_feedback_refusals_are_one_line_and_record_nothing(
    capsys: pytest.CaptureFixture[str], enrolled: tuple[list[str], list[str]]
) -> None:
    home, workspace = enrolled
    code, out, err = run(
        capsys, "directory", "feedback", *home, "--service", "inconnu--x", "--reason", "ferme"
    )
    assert (code, out) == (1, "")
    assert err == fr("fieldapp: service inconnu dans l'annuaire installé : inconnu--x\n")
    code, out, err = run(
        capsys, "directory", "feedback", *home, "--service", "dora--svc1",
        "--reason", "autre", "--comment", "demander Mme Durand au 06 12 34 56 78",
    )  # fmt: skip
    assert code != 0 and out == ""
    assert "données personnelles" in err
    code, out, err = run(
        capsys, "directory", "feedback", *home, "--service", "dora--svc1", "--reason", "vide"
    )
    assert code == 1 and err.count("\n") == 1
    assert fr("valeur inconnue « vide »") in err and "n-existe-plus" in err
    code, out, err = run(
        capsys, "coord", "directory-feedback", *workspace, "--handled", "0190-pas-la"
    )
    assert code == 1 and err.count("\n") == 1 and "signalement inconnu" in err
    # Nothing was sealed: the outbox has no event to carry.
    assert run(capsys, "sync", *home)[0] == 0
    code, out, _ = run(capsys, "coord", "merge", *workspace, "--json")
    assert json.loads(out)["events_inserted"] == 0


def _pdf_text(path: Path) -> str:
    import subprocess
    import unicodedata

    done = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"],
        check=True,
        capture_output=True,
        text=True,
    )
    return unicodedata.normalize("NFKC", done.stdout)  # the PDF's ligatures (« oﬀres ») undone


@pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext absent (Debian package poppler-utils)"
)
def test_the_guide_pdf_lists_services_by_need_without_contact_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ready: Home
) -> None:
    from fieldapp.services.packs import demo_pack

    home = ["--home", str(ready.root)]
    out = tmp_path / "guide.pdf"
    code, stdout, err = run(
        capsys, "directory", "guide", *home, "--neighbourhood", "QN07699A", "--out", str(out)
    )
    assert code == 0, err
    assert "Guide écrit" in stdout and out.read_bytes().startswith(b"%PDF")
    text = _pdf_text(out)
    assert "Guide des offres" in text
    assert "Quartier des Tilleuls (fictif) — QN07699A" in text
    assert "Accompagnement Contrat d'engagement jeune" in text
    assert "Horaires : lun.–ven. 09:00–12:00, 13:30–17:00" in text
    assert "Adresse : 3 place des Tilleuls, 76999 Ville-Exemple" in text
    assert "Choisir un métier" in text  # grouped by need
    pack = demo_pack()
    for record in (*pack.services, *pack.structures):
        for key in ("telephone", "courriel", "site_web", "lien_mobilisation"):
            if record.get(key):
                assert str(record[key]) not in text, key
    assert "@" not in text and "+33" not in text and "02 61 91" not in text
    # Only the services that serve the neighbourhood's communes: Bourg-Démo's are not in it.
    assert "Bourg-Démo" not in text
    code, _, err = run(capsys, "directory", "guide", *home, "--out", str(tmp_path / "all.pdf"))
    assert code == 0, err
    assert "Bourg-Démo" in _pdf_text(tmp_path / "all.pdf")


def test_guide_refusals_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], ready: Home
) -> None:
    home = ["--home", str(ready.root)]
    code, out, err = run(
        capsys, "directory", "guide", *home, "--neighbourhood", "QN00000X",
        "--out", str(tmp_path / "g.pdf"),
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == fr("fieldapp: quartier inconnu dans le pack installé : QN00000X\n")
    code, out, err = run(capsys, "directory", "guide", *home, "--out", str(tmp_path / "g.txt"))
    assert code == 1 and err.count("\n") == 1 and ".pdf" in err
    assert not (tmp_path / "g.pdf").exists() and not (tmp_path / "g.txt").exists()
