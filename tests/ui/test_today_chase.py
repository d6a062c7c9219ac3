"""« Aujourd'hui » lists the handovers without news for the territory's `relance_jours`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from tests.helpers import sample_contact
from tests.helpers.ui import visible_texts, workspace_of


def test_a_quiet_handover_is_listed_to_chase(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    then = datetime.now(UTC) - timedelta(days=12)
    contact_id = service.record_contact(sample_contact(date=then.date().isoformat()))
    service.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive",
         "mode": "rdv-tripartite", "consent": True},
        now=then,
    )  # fmt: skip
    unlocked.session.notify("handovers")
    page = workspace_of(unlocked).show_page("aujourdhui")
    texts = visible_texts(page)
    assert "sans nouvelles depuis 12 j · Mission locale fictive · Proposé" in texts
    assert "1 à suivre, dont 0 en retard." in texts
