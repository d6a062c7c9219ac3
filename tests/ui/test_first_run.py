"""First start: the wizard creates a real encrypted profile and opens the notebook."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.onboarding import first_run, recovery_sheet
from fieldapp.ui.onboarding.first_run import (
    CHECK,
    DONE,
    PASSPHRASE,
    RECOVERY,
    STRUCTURE,
    FirstRunWizard,
)
from tests.helpers import make_profile
from tests.helpers.ui import make_window, workspace_of

NEW_PASSPHRASE = "cerise tournevis nuage 47"


def _fill_until_recovery(qtbot: QtBot, wizard: FirstRunWizard) -> None:
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == STRUCTURE
    # Continuing without a name or type is refused, with the reason under the fields.
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == STRUCTURE
    assert "nom de la structure" in wizard.structure_error.text()
    wizard.structure_name.insert("Club de prévention du Val (test)")  # QTest types ASCII only
    wizard.structure_type.setCurrentIndex(wizard.structure_type.findData("prevention-specialisee"))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == PASSPHRASE
    qtbot.keyClicks(wizard.passphrase.first, NEW_PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase.confirm, NEW_PASSPHRASE[:-1] + "8")
    assert not wizard.next_button.isEnabled()  # confirmation differs
    assert wizard.passphrase.error.isVisible()
    wizard.passphrase.confirm.clear()
    qtbot.keyClicks(wizard.passphrase.confirm, NEW_PASSPHRASE)
    assert wizard.next_button.isEnabled()
    assert wizard.passphrase.meter.value() >= 3
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.page() == RECOVERY, timeout=10_000)


def test_first_run_creates_the_profile_and_opens_the_notebook(qtbot: QtBot, tmp_path: Path) -> None:
    home = Home(tmp_path / "nouveau")
    window = make_window(qtbot, home)
    window.start()
    wizard = window.wizard
    assert wizard is not None and not home.exists()

    _fill_until_recovery(qtbot, wizard)
    assert home.exists()
    key = wizard.recovery_key
    assert wizard.key_label.text() == key and len(first_run.key_characters(key)) == 32
    # The recovery key shown really opens the key file.
    assert len(keyfile.unlock_with_recovery(home.key_file, key)) == 32

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == CHECK
    chars = first_run.key_characters(key)
    wrong = {p: ("A" if chars[p - 1] != "A" else "B") for p in wizard.check_positions}
    for field, position in zip(wizard.check_fields, wizard.check_positions, strict=True):
        qtbot.keyClicks(field, wrong[position])
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == CHECK and wizard.check_error.isVisible()
    for field, position in zip(wizard.check_fields, wizard.check_positions, strict=True):
        field.clear()
        qtbot.keyClicks(field, chars[position - 1].lower())  # case does not matter
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.page() == DONE
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)

    assert window.is_unlocked()
    workspace = workspace_of(window)
    assert workspace.current_page() == "aujourdhui"
    assert "Club de prévention du Val (test)" in window.windowTitle()
    assert window.session is not None and window.session.service.count_contacts() == 0
    # The passphrase chosen in the wizard is the one that unlocks from now on.
    assert len(keyfile.unlock(home.key_file, NEW_PASSPHRASE)) == 32


def test_recovery_sheet_saves_as_pdf(tmp_path: Path) -> None:
    out = tmp_path / "cle.pdf"
    recovery_sheet.save_pdf(out, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567", "Équipe test")
    assert out.read_bytes().startswith(b"%PDF")
    text = recovery_sheet.sheet_document("ABCD-EFGH", "Équipe test").toPlainText()
    assert "ABCD-EFGH" in text and "Équipe test" in text


def test_too_short_passphrase_cannot_continue(qtbot: QtBot, tmp_path: Path) -> None:
    wizard = FirstRunWizard(Home(tmp_path / "p"))
    qtbot.addWidget(wizard)
    wizard._go(PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase.first, "court")
    qtbot.keyClicks(wizard.passphrase.confirm, "court")
    assert not wizard.next_button.isEnabled()
    assert wizard.passphrase.verdict.text() == "Trop courte"


def test_demo_opens_beside_the_real_profile_with_a_banner(qtbot: QtBot, tmp_path: Path) -> None:
    home = Home(tmp_path / "Relais")
    window = make_window(qtbot, home)
    window.start()
    wizard = window.wizard
    assert wizard is not None
    qtbot.mouseClick(wizard.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.is_unlocked, timeout=20_000)
    assert window.session is not None and window.session.demo
    assert window.session.service.count_contacts() == first_run.DEMO_CONTACTS
    workspace = workspace_of(window)
    assert workspace.demo_banner is not None and workspace.demo_banner.isVisible()
    assert "fictives" in workspace.demo_banner.text.text()
    assert not home.exists()  # the real profile is still to be created
    assert window.session_home == first_run.demo_home_for(home) and window.session_home.exists()
    window.lock()  # locking returns to the demo notebook's unlock screen
    assert window.unlock_screen is not None and window.unlock_screen.home == window.session_home


def test_run_opens_the_first_run_wizard_or_the_unlock_screen(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui.app import main
    from fieldapp.ui.app.window import RelaisWindow

    shown: list[RelaisWindow] = []

    def fake_exec(_app: object) -> int:  # the event loop itself is Qt's business
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, RelaisWindow)]
        shown.extend(w for w in windows if w.isVisible())
        for window in windows:
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    home = Home(tmp_path / "neuf")
    assert main.run(home) == 0
    assert shown and shown[-1].wizard is not None and shown[-1].unlock_screen is None

    make_profile(home.root)[0].close()
    home.write_settings({"language": "en"})
    assert main.run(home) == 0
    assert shown[-1].unlock_screen is not None
    assert shown[-1].unlock_screen.unlock_button.text() == "Unlock"
