"""Unlock screen: wrong passphrase message, growing delay, recovery by recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.onboarding.unlock import MAX_DELAY_S, UnlockScreen, retry_delay
from tests.helpers import PASSPHRASE
from tests.helpers.ui import make_window


def _try(qtbot: QtBot, screen: UnlockScreen, secret: str) -> None:
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, secret)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)


def test_wrong_passphrase_is_refused_with_a_growing_delay(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, _key = profile_home
    window = make_window(qtbot, home)
    window.start()
    screen = window.unlock_screen
    assert screen is not None and not window.is_unlocked()

    _try(qtbot, screen, "pas-la-bonne-phrase")
    qtbot.waitUntil(lambda: screen.failures == 1, timeout=5_000)
    assert screen.error.isVisible()
    assert "Phrase de passe incorrecte" in screen.error.text.text()
    assert not window.is_unlocked()
    # Right after a mistake the screen makes the user wait before the next try.
    assert screen.waiting() and not screen.unlock_button.isEnabled()
    assert "Nouvel essai possible" in screen.wait_label.text()
    first_wait = screen._wait_left
    _try(qtbot, screen, PASSPHRASE)  # ignored while waiting
    assert screen.failures == 1 and not window.is_unlocked()

    qtbot.waitUntil(lambda: not screen.waiting(), timeout=5_000)
    assert screen.unlock_button.isEnabled()
    _try(qtbot, screen, "encore-une-erreur")
    qtbot.waitUntil(lambda: screen.failures == 2, timeout=5_000)
    assert screen._wait_left > first_wait  # the delay grows

    qtbot.waitUntil(lambda: not screen.waiting(), timeout=5_000)
    _try(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(window.is_unlocked, timeout=5_000)
    assert window.workspace is not None

    # The two failed tries are in the audit log, shown in Paramètres.
    assert window.session is not None
    entries = window.session.service.audit_entries()
    assert [(e["action"], e["detail"]) for e in entries[:2]] == [
        ("unlock_failed", {"count": 2}),
        ("unlock", {}),
    ]
    page = window.workspace.show_page("parametres")
    table = page.audit_table  # type: ignore[attr-defined]
    first_row = [table.item(0, c).text() for c in range(3)]
    assert first_row[1:] == ["Phrases de passe erronées avant ouverture", "2 tentatives"]


def test_retry_delay_doubles_up_to_a_cap() -> None:
    assert [retry_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]
    assert retry_delay(50) == MAX_DELAY_S


def test_forgotten_passphrase_is_replaced_with_the_recovery_key(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, recovery_key = profile_home
    window = make_window(qtbot, home)
    window.start()
    screen = window.unlock_screen
    assert screen is not None
    qtbot.mouseClick(screen.forgot_button, Qt.MouseButton.LeftButton)
    dialog = screen.recovery_dialog
    assert dialog is not None and dialog.isVisible()

    qtbot.keyClicks(dialog.key, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH")
    qtbot.keyClicks(dialog.passphrase.first, "nouvelle phrase de passe 2026")
    qtbot.keyClicks(dialog.passphrase.confirm, "nouvelle phrase de passe 2026")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.key_error.isVisible(), timeout=10_000)
    assert "Clé de secours incorrecte" in dialog.key_error.text()

    dialog.key.clear()
    qtbot.keyClicks(dialog.key, recovery_key.lower().replace("-", " "))  # lenient input
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Nouvelle phrase de passe enregistrée" in screen.reason_label.text(),
        timeout=10_000,
    )
    assert len(keyfile.unlock(home.key_file, "nouvelle phrase de passe 2026")) == 32

    _try(qtbot, screen, "nouvelle phrase de passe 2026")
    qtbot.waitUntil(window.is_unlocked, timeout=10_000)


def test_a_missing_key_file_is_restored_and_the_window_says_so(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, _key = profile_home
    home.key_file.unlink()  # relais.key.bak is intact
    window = make_window(qtbot, home)
    window.start()
    screen = window.unlock_screen
    assert screen is not None  # the unlock screen, not the first-run assistant
    _try(qtbot, screen, PASSPHRASE)
    qtbot.waitUntil(window.is_unlocked, timeout=10_000)
    assert home.key_file.exists()
    assert "relais.key" in window.statusBar().currentMessage()
