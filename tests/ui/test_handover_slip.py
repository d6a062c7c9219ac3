"""« Imprimer la fiche » in the handover panel writes the fiche relais of the shown handover."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import delete

from fieldapp.services.sync import SyncService
from fieldapp.storage.schema import relay_codes
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import make_coordination, sample_contact
from tests.helpers.ui import workspace_of


def _page(unlocked: RelaisWindow, handover_id: str) -> HandoversPage:
    assert unlocked.session is not None
    unlocked.session.notify("handovers")
    page = workspace_of(unlocked).show_page("relais")
    assert isinstance(page, HandoversPage)
    page.select(handover_id)
    return page


def _propose(unlocked: RelaisWindow) -> str:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact())
    return service.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive", "mode": "rdv-tripartite",
         "consent": True}
    )  # fmt: skip


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext not installed")
def test_print_the_slip_writes_the_pdf_of_the_shown_handover(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    assert unlocked.session is not None
    coordination = make_coordination(tmp_path / "coord")
    SyncService(unlocked.session.service).join_coordination(
        coordination.invitation, coordination.code
    )
    handover_id = _propose(unlocked)
    page = _page(unlocked, handover_id)
    button = page.detail.slip_button
    QApplication.processEvents()  # widgets added to a shown layout appear on the next pass
    assert button is not None and button.isVisible() and button.isEnabled()
    out = tmp_path / "fiche.pdf"
    assert page.detail.save_slip(out)
    text = subprocess.run(
        ["pdftotext", str(out), "-"], check=True, capture_output=True, text=True
    ).stdout
    code = unlocked.session.service.handover_code(handover_id)
    assert code is not None and code in text and "Mission locale fictive" in text.replace("ﬁ", "fi")
    assert "Fiche relais enregistrée" in unlocked.statusBar().currentMessage()


def test_a_write_that_fails_is_said_in_the_panel(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    assert unlocked.session is not None
    coordination = make_coordination(tmp_path / "coord")
    SyncService(unlocked.session.service).join_coordination(
        coordination.invitation, coordination.code
    )
    page = _page(unlocked, _propose(unlocked))
    assert not page.detail.save_slip(tmp_path / "absent" / "fiche.pdf")
    QApplication.processEvents()
    assert page.detail.error.isVisible()
    assert "Impossible d'écrire la fiche relais" in page.detail.error.text.text()


def test_no_slip_for_a_handover_from_before_codes_relais(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    handover_id = _propose(unlocked)
    # As a handover proposed with a version before issue 16: no code relais was kept for it.
    with unlocked.session.service.engine.begin() as conn:
        conn.execute(delete(relay_codes).where(relay_codes.c.handover_id == handover_id))
    page = _page(unlocked, handover_id)
    assert page.detail.code_label is None and page.detail.slip_button is None
