"""The handover panel shows the handover's code relais, as selectable text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.handovers import HandoversPage
from tests.helpers import sample_contact
from tests.helpers.ui import visible_texts, workspace_of


def test_the_code_relais_is_shown_and_selectable(qtbot: QtBot, unlocked: RelaisWindow) -> None:
    assert unlocked.session is not None
    service = unlocked.session.service
    contact_id = service.record_contact(sample_contact())
    handover_id = service.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive", "mode": "rdv-tripartite",
         "consent": True}
    )  # fmt: skip
    unlocked.session.notify("handovers")
    page = workspace_of(unlocked).show_page("relais")
    assert isinstance(page, HandoversPage)
    page.select(handover_id)
    label = page.detail.code_label
    assert label is not None
    code = service.handover_code(handover_id)
    assert label.text() == code and code in visible_texts(page.detail)
    flags = label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
