"""How a failed action reaches the person: a RelaisError's message where the action was, in the
window's language; anything else the bug dialog, never its text (ui/kit/failures.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import NoReturn

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage.home import Home
from fieldapp.storage.keyfile import UnsupportedKeyFile
from fieldapp.ui.app import bugs
from fieldapp.ui.kit import i18n
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import Banner
from fieldapp.ui.onboarding.unlock import UnlockScreen

SECRET = "Martin, 3 impasse des Tilleuls"  # synthetic: stands for what a person typed


def _dialogs() -> list[bugs.BugDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, bugs.BugDialog) and w.isVisible()
    ]


@pytest.fixture
def our_excepthook(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The window's hook instead of pytest-qt's (which would fail the test on purpose)."""
    with monkeypatch.context() as patch:
        patch.setattr(sys, "excepthook", bugs.excepthook)
        yield
    for dialog in _dialogs():
        dialog.close()


def _unlock_screen(qtbot: QtBot, home: Home) -> UnlockScreen:
    screen = UnlockScreen(home)
    qtbot.addWidget(screen)
    screen.show()
    qtbot.keyClicks(screen.passphrase, "une-phrase-quelconque")
    return screen


def test_a_task_failing_with_a_relais_error_shows_its_message_in_english(
    qtbot: QtBot, profile_home: tuple[Home, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def newer_version(_home: Home, _secret: str, **_options: object) -> NoReturn:
        raise UnsupportedKeyFile()

    monkeypatch.setattr(profile, "open_profile", newer_version)
    i18n.apply_language("en")
    screen = _unlock_screen(qtbot, profile_home[0])
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(screen.error.isVisible, timeout=5_000)
    assert screen.error.text.text() == (
        "This key file was created by a newer version of Relais: update Relais to open it."
    )
    assert not _dialogs()


def test_a_task_failing_with_a_bug_shows_the_bug_dialog_not_its_text(
    qtbot: QtBot,
    profile_home: tuple[Home, str],
    monkeypatch: pytest.MonkeyPatch,
    our_excepthook: None,
) -> None:
    def broken(_home: Home, _secret: str, **_options: object) -> NoReturn:
        raise KeyError(SECRET)

    monkeypatch.setattr(profile, "open_profile", broken)
    screen = _unlock_screen(qtbot, profile_home[0])
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=5_000)
    [dialog] = _dialogs()
    assert dialog.details.startswith("builtins.KeyError\n") and SECRET not in dialog.details
    assert not screen.error.isVisible() and SECRET not in screen.error.text.text()
    assert screen.unlock_button.isEnabled()  # the screen is usable again


def test_show_failure_puts_a_user_error_where_asked_and_a_bug_in_its_dialog(
    qtbot: QtBot, our_excepthook: None
) -> None:
    banner = Banner("", kind="error")
    qtbot.addWidget(banner)

    def fail(error: Exception) -> None:
        def work(_progress: object) -> NoReturn:
            raise error

        run_task(work, context=banner, on_error=lambda exc: show_failure(exc, banner.set_text))

    fail(UnsupportedKeyFile())
    qtbot.waitUntil(lambda: banner.text.text().startswith("Ce fichier de clés"), timeout=5_000)
    fail(ValueError(SECRET))
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=5_000)
    assert banner.text.text().startswith("Ce fichier de clés")  # the bug's text shown nowhere
