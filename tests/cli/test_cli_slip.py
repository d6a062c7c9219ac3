"""`fieldapp handover slip`: the fiche relais as a PDF, read back with pdftotext (the words) and
pdftoppm (the QR code's modules, compared with segno's matrix for the code)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from fieldapp.services.directory import current_pack, handover_partner
from fieldapp.services.field import FieldService
from fieldapp.ui.notebook.slip_pdf import QR_LEFT_MM, QR_SIZE_MM, QR_TOP_MM, qr_matrix
from tests.helpers import PASSPHRASE, run_cli, sample_contact
from tests.helpers.coordination import Territory

PSEUDONYM = "ABCD-2345"
NOTE = "Rappeler jeudi, très motivée pour la formation."
DPI = 200

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) not installed",
)


def _handover(field: FieldService) -> tuple[str, str]:
    pack = current_pack(field)
    service = next(s for s in pack.services if s.get("adresse") and s.get("horaires_accueil"))
    contact_id = field.record_contact(sample_contact(pseudonym=PSEUDONYM, note=NOTE))
    handover_id = field.propose_handover(
        {"contact_id": contact_id, "mode": "rdv-tripartite", "consent": True}
        | handover_partner(pack, service)
    )
    field.reschedule_handover(handover_id, {"appointment": "2026-12-15T14:30:00+01:00"})
    return handover_id, str(service["adresse"])


def _modules(png: Path, size: int) -> list[list[bool]]:
    """The printed QR code read back: each module's centre pixel, dark or not."""
    from PySide6.QtGui import QImage

    image = QImage(str(png))
    px = DPI / 25.4
    left, top, module = QR_LEFT_MM * px, QR_TOP_MM * px, QR_SIZE_MM * px / size
    return [
        [
            image.pixelColor(
                int(left + (c + 0.5) * module), int(top + (r + 0.5) * module)
            ).lightness()
            < 128
            for c in range(size)
        ]
        for r in range(size)
    ]


@needs_poppler
def test_the_slip_has_the_partner_the_code_and_nothing_of_the_person(
    territory: Territory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    device = territory.device("educ")
    handover_id, address = _handover(device.field)
    code = device.field.handover_code(handover_id)
    partner = device.field.handover(handover_id)["partner"]
    assert code is not None
    device.field.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "fiche.pdf"
    status, stdout, err = run_cli(
        capsys, "handover", "slip", "--home", str(territory.tmp / "educ"), handover_id,
        "--out", str(out), "--json",
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(stdout) == {"out": str(out), "code": code, "partner": partner}
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = " ".join(text.split()).replace("ﬁ", "fi")
    assert code in flat and address in flat
    assert " ".join(partner.split()[:3]) in flat
    assert "15/12/2026 à 14:30 — Rendez-vous tripartite" in flat
    assert "15/12/2026 at 14:30 — Three-way meeting" in flat
    assert "Votre code relais" in flat and "Your relay code" in flat
    assert PSEUDONYM not in flat and "Rappeler jeudi" not in flat
    # The QR code printed at its place holds exactly segno's modules for the code.
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(DPI), "-singlefile", str(out), str(tmp_path / "page")],
        check=True,
    )
    expected = qr_matrix(code)
    assert _modules(tmp_path / "page.png", len(expected)) == expected


def test_an_unknown_handover_is_one_line_and_no_file(
    territory: Territory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    territory.device("educ").field.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "fiche.pdf"
    status, stdout, err = run_cli(
        capsys, "handover", "slip", "--home", str(territory.tmp / "educ"),
        "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "--out", str(out),
    )  # fmt: skip
    assert status != 0 and stdout == "" and err.count("\n") == 1
    assert err.startswith("fieldapp: ")
    assert not out.exists()


def test_the_qr_code_is_segno_s_for_the_code() -> None:
    import segno

    matrix = qr_matrix("R7K2-9QXM-4")
    qr = segno.make("R7K2-9QXM-4", error="m", micro=False)
    assert qr.mode == "alphanumeric"
    assert matrix == [[bool(m) for m in row] for row in qr.matrix_iter(border=4)]
    assert all(not m for m in matrix[0]) and matrix[4][4]  # quiet zone, then a finder pattern
