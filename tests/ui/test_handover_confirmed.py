"""The handover panel shows what the receiving structure confirmed (from a return file)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from fieldapp.storage.confirmations import replace_confirmations
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import sample_contact
from tests.helpers.ui import visible_texts, workspace_of


def test_the_confirmed_handover_says_by_whom_and_when(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact())
    confirmed, other = (
        service.propose_handover(
            {
                "contact_id": contact_id,
                "partner": "Mission locale de Rouen",
                "mode": "rdv-tripartite",
                "consent": True,
            }
        )
        for _ in range(2)
    )
    # As `SyncService.receive_returns` stores an accepted return file.
    replace_confirmations(
        service.engine,
        [
            {
                "handover_id": confirmed,
                "status": "accueilli",
                "structure_id": "ml-rouen",
                "structure_name": "Mission locale de Rouen",
                "date": "2026-03-12",
            }
        ],
        seq=1,
        received_at="2026-03-13T08:00:00Z",
    )
    unlocked.session.notify("handovers")
    page = workspace_of(unlocked).show_page("relais")
    assert isinstance(page, HandoversPage)
    page.select(confirmed)
    label = page.detail.confirmation_label
    assert label is not None
    assert label.text() == "✓ Accueil confirmé par Mission locale de Rouen le 12/03"
    assert label.text() in visible_texts(page.detail)
    page.select(other)
    assert page.detail.confirmation_label is None
    assert not [t for t in visible_texts(page.detail) if "confirmé" in t]
