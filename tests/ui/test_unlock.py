"""Unlock screen: wrong passphrase message, growing delay, recovery by recovery key."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.onboarding.unlock import MAX_DELAY_S, UnlockScreen, retry_delay
from tests.helpers import FAST, PASSPHRASE, make_profile
from tests.helpers.text import fr
from tests.helpers.ui import make_window


def _try(qtbot: QtBot, screen: UnlockScreen, secret: str) -> None:
    screen.passphrase.clear()
    qtbot.keyClicks(screen.passphrase, secret)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)


class _Clock:
    """The delay's clock, moved by the test: the wait does not depend on how loaded the
    machine is (a real clock let a slow run see the first wait over before it looked)."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_wrong_passphrase_is_refused_with_a_growing_delay(
    qtbot: QtBot, profile_home: tuple[Home, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    home, _key = profile_home
    clock = _Clock()
    monkeypatch.setattr(profile, "UnlockDelay", functools.partial(profile.UnlockDelay, clock=clock))
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

    clock.now += first_wait  # the countdown sees the wait over at its next tick
    qtbot.waitUntil(lambda: not screen.waiting(), timeout=5_000)
    assert screen.unlock_button.isEnabled()
    _try(qtbot, screen, "encore-une-erreur")
    qtbot.waitUntil(lambda: screen.failures == 2, timeout=5_000)
    assert screen._wait_left > first_wait  # the delay grows

    clock.now += screen._wait_left
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


class _Clock:
    """A hand-moved clock for the growing delay: no test waits for real."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_the_delay_survives_a_restart_and_counts_down(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, _key = profile_home
    clock = _Clock()
    # Three wrong passphrases before the window was closed: 4 s to wait, 3 already gone.
    home.write_attempts(3, clock.now + 1)
    delay = profile.UnlockDelay(home, clock=clock, sleep=lambda _s: None)
    screen = UnlockScreen(home, delay=delay)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.failures == 3 and screen.waiting()
    assert not screen.unlock_button.isEnabled()
    assert screen.wait_label.text() == "Nouvel essai possible dans 1 s."
    _try(qtbot, screen, PASSPHRASE)  # ignored while waiting
    assert not screen._busy
    clock.now += 1.0
    qtbot.waitUntil(lambda: not screen.waiting(), timeout=2_000)
    assert screen.unlock_button.isEnabled() and screen.wait_label.isHidden()

    with qtbot.waitSignal(screen.unlocked, timeout=10_000) as opened:
        _try(qtbot, screen, PASSPHRASE)
    service = opened.args[0]
    try:
        entries = service.audit_entries()
        assert ("unlock_failed", {"count": 3}) in [(e["action"], e["detail"]) for e in entries]
    finally:
        service.close()
    assert not home.attempts_file.exists()  # reset on success


def test_a_wrong_passphrase_starts_the_countdown_from_the_service(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, _key = profile_home
    clock = _Clock()
    delay = profile.UnlockDelay(home, clock=clock, sleep=lambda _s: None)
    screen = UnlockScreen(home, delay=delay)
    qtbot.addWidget(screen)
    screen.show()
    for failures, shown in ((1, "1 s"), (2, "2 s"), (3, "4 s"), (4, "8 s")):
        _try(qtbot, screen, "pas-la-bonne-phrase")
        qtbot.waitUntil(lambda n=failures: screen.failures == n, timeout=10_000)  # type: ignore[misc]
        qtbot.waitUntil(lambda s=shown: s in screen.wait_label.text(), timeout=2_000)  # type: ignore[misc]
        assert not screen.unlock_button.isEnabled()
        clock.now += profile.retry_delay(failures)
        qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=2_000)
    assert home.read_attempts()[0] == 4


def test_the_screen_names_the_structure_and_says_demonstration(
    qtbot: QtBot, tmp_path: Path
) -> None:
    home = Home(tmp_path / "reel")
    make_profile(home.root, demo=False)[0].close()  # a real profile, as `fieldapp init` makes it
    screen = UnlockScreen(home)
    qtbot.addWidget(screen)
    screen.show()
    assert screen.notebook_label.text() == fr("Carnet de : Équipe de prévention test")
    assert screen.demo_badge.isHidden()

    demo_home = Home(tmp_path / "demo")
    service, _ = profile.create_profile(
        demo_home,
        PASSPHRASE,
        structure="Équipe de démonstration",
        structure_type="prevention-specialisee",
        demo=True,
        **FAST,
    )
    service.close()
    demo = UnlockScreen(demo_home)
    qtbot.addWidget(demo)
    demo.show()
    assert demo.notebook_label.text().startswith("Démonstration")
    assert "Équipe de démonstration" in demo.notebook_label.text()
    assert demo.demo_badge.isVisible() and "fictives" in demo.demo_badge.text.text()
