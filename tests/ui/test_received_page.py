"""« Relais reçus »: a code typed (or scanned: keystrokes then Enter) records a reception; a
wrong code is refused in French, the field keeps the focus with its text selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.domain.relay_code import new_code
from fieldapp.services.receptions import ReceptionService
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.notebook.received_page import ReceivedPage
from tests.helpers import make_coordination
from tests.helpers.ui import visible_texts, workspace_of


def _page(qtbot: QtBot, window: RelaisWindow, tmp_path: Path) -> ReceivedPage:
    assert window.session is not None
    coordination = make_coordination(tmp_path / "coord", drop=str(tmp_path))
    window.session.sync.join_coordination(coordination.invitation, coordination.code)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    page = workspace_of(window).show_page("relais-recus")
    assert isinstance(page, ReceivedPage)
    page.code.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.code)
    return page


def test_a_scanned_code_and_enter_record_a_reception(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    page = _page(qtbot, unlocked, tmp_path)
    code = new_code()
    qtbot.keyClicks(page.code, code.lower().replace("-", ""))  # a scanner sends keystrokes
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert unlocked.session is not None
    [row] = ReceptionService(unlocked.session.service).receptions()
    assert (row["code"], row["status"]) == (code, "accueilli")
    assert page.code.text() == "" and QApplication.focusWidget() is page.code
    assert code in visible_texts(page.list) and "Accueilli" in visible_texts(page.list)
    # Then the next step for the same code, chosen beside the field.
    page.status.setCurrentIndex(page.status.findData("entre_dispositif"))
    assert not page.reason.isEnabled()
    page.code.setFocus()
    qtbot.keyClicks(page.code, code)
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    statuses = [r["status"] for r in ReceptionService(unlocked.session.service).receptions()]
    assert statuses == ["entre_dispositif", "accueilli"]
    page.list.resize(page.list.width(), 200)
    page.grab().save(str(tmp_path / "relais-recus.png"))


def test_a_wrong_code_is_refused_in_french_with_the_field_selected(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    page = _page(qtbot, unlocked, tmp_path)
    code = new_code()
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    qtbot.keyClicks(page.code, typo)
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert page.code_error.isVisible()
    assert "dernier caractère (de contrôle)" in page.code_error.text()
    assert QApplication.focusWidget() is page.code
    assert page.code.selectedText() == typo
    assert unlocked.session is not None
    assert ReceptionService(unlocked.session.service).receptions() == []
    # The corrected code replaces the selection; the message goes away.
    qtbot.keyClicks(page.code, code)
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert not page.code_error.isVisible()
    assert len(ReceptionService(unlocked.session.service).receptions()) == 1


def test_a_refusal_needs_its_reason_code(
    qtbot: QtBot, unlocked: RelaisWindow, tmp_path: Path
) -> None:
    page = _page(qtbot, unlocked, tmp_path)
    page.status.setCurrentIndex(page.status.findData("refus_structure"))
    assert page.reason.isEnabled()
    page.reason.setCurrentIndex(page.reason.findData("hors-territoire"))
    page.code.setFocus()
    qtbot.keyClicks(page.code, new_code())
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert unlocked.session is not None
    [row] = ReceptionService(unlocked.session.service).receptions()
    assert (row["status"], row["reason"]) == ("refus_structure", "hors-territoire")
    assert "Hors du territoire de la structure" in visible_texts(page.list)
