"""The demonstration workspace, with handovers chosen in the directory as the window makes them:
its reports (CSV, XLSX, PDF; coordinator and "Mon activité") name partners and services by their
directory names, never by an id such as `demo-relais--svc-03`."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook

from fieldapp.services import coordination, directory, profile, reporting, sync
from fieldapp.services.demo import DEMO_PASSPHRASE, create_demo
from fieldapp.storage.home import Home

ID_PREFIX = "demo-relais--"
# Services of the demo directory (resources/demo-pack/services.jsonl): two of the Mission
# locale, one of the CCAS.
CHOSEN = ("demo-relais--svc-01", "demo-relais--svc-02", "demo-relais--svc-12")


@dataclass
class Demo:
    root: Path
    workspace: Path
    service_names: dict[str, str]
    structure_names: dict[str, str]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    root = tmp_path_factory.mktemp("demo") / "relais-demo"
    root.mkdir()
    created = create_demo(root, DEMO_PASSPHRASE, contacts=40)
    field = profile.open_profile(Home(root), DEMO_PASSPHRASE)
    try:
        pack = directory.current_pack(field)
        assert not pack.demo  # the pack the demo coordination signed and the profile installed
        services = {str(s["id"]): s for s in pack.services}
        contacts = [c["id"] for c in field.contacts()][:9]
        for n, contact in enumerate(contacts):
            chosen = services[CHOSEN[n % len(CHOSEN)]]
            field.propose_handover(
                {
                    "contact_id": contact,
                    **directory.handover_partner(pack, chosen),
                    "mode": "appel-a-trois",
                    "consent": True,
                }
            )
        assert sync.SyncService(field).sync().ok
        names = {sid: str(services[sid]["nom"]) for sid in CHOSEN}
        structures = {str(s["id"]): str(s["nom"]) for s in pack.structures}
    finally:
        field.close()
    coord = coordination.CoordinationService.open(Path(created["workspace"]), DEMO_PASSPHRASE)
    try:
        assert coord.merge().events_inserted == 9
    finally:
        coord.close()
    yield Demo(root, Path(created["workspace"]), names, structures)


def _write(demo: Demo, fmt: str, out: Path, k: int = 5) -> Path:
    coord = coordination.CoordinationService.open(demo.workspace, DEMO_PASSPHRASE)
    try:
        reporting.coord_report(coord, fmt, out, k=k)
    finally:
        coord.close()
    return out


def _partners_csv(text: str) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    start = rows.index(["Relais par partenaire et service"])
    end = rows.index([], start)
    return [row for row in rows[start + 2 : end] if len(row) > 2]  # not the notes


def test_the_csv_names_partners_and_services_never_an_id(demo: Demo, tmp_path: Path) -> None:
    text = _write(demo, "csv", tmp_path / "demo.csv", k=2).read_bytes().decode("utf-8-sig")
    assert ID_PREFIX not in text
    lines = _partners_csv(text)
    mission = demo.structure_names["demo-relais--ml-val-fictif"]
    services = {row[1] for row in lines if row[0] == mission}
    # The Mission locale's two services by name, its total line, and the handovers the demo
    # typed by hand towards the same name: one partner, not two.
    assert {demo.service_names[CHOSEN[0]], demo.service_names[CHOSEN[1]]} <= services
    assert "Tous services" in services
    assert sum(row[0] == mission and row[1] == "Tous services" for row in lines) == 1
    assert demo.service_names[CHOSEN[2]] in {row[1] for row in lines}


def test_the_coordinator_reads_names_from_the_pack_it_published(demo: Demo) -> None:
    coord = coordination.CoordinationService.open(demo.workspace, DEMO_PASSPHRASE)
    try:
        names = reporting.directory_names(coord)
    finally:
        coord.close()
    assert names is not None
    assert names.services[CHOSEN[2]] == demo.service_names[CHOSEN[2]]
    assert names.structures["demo-relais--ml-val-fictif"] == "Mission locale du Val fictif"


def test_the_xlsx_names_partners_and_services_never_an_id(demo: Demo, tmp_path: Path) -> None:
    out = _write(demo, "xlsx", tmp_path / "demo.xlsx")
    wb = load_workbook(out)
    values = [str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row]
    assert not [v for v in values if ID_PREFIX in v]
    assert demo.service_names[CHOSEN[0]] in values
    with zipfile.ZipFile(out) as archive:  # nor anywhere in the file (comments, strings)
        for name in archive.namelist():
            assert ID_PREFIX.encode() not in archive.read(name), name


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils)")
def test_the_pdf_text_names_partners_and_services_never_an_id(
    demo: Demo, tmp_path: Path, qapp: object
) -> None:
    from fieldapp.ui.coordination.report_pdf import register_pdf_renderer

    register_pdf_renderer()
    out = _write(demo, "pdf", tmp_path / "demo.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Relais par partenaire et service" in text
    assert ID_PREFIX not in text
    # The PDF clips long labels with "…": the start of the service's name is there.
    assert demo.service_names[CHOSEN[2]][:12] in text


def test_my_activity_names_them_too(demo: Demo) -> None:
    field = profile.open_profile(Home(demo.root), DEMO_PASSPHRASE)
    try:
        report = reporting.my_activity(field)
    finally:
        field.close()
    table = report.table("relais_partenaires")
    labels = {str(c.value) for row in table.rows for c in row.cells if c.kind == "label"}
    assert not [v for v in labels if ID_PREFIX in v]
    assert demo.service_names[CHOSEN[1]] in labels
