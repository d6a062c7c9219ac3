"""Fixtures for the window tests: real widgets on a real encrypted profile (fast Argon2id)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.storage.home import Home
from fieldapp.ui.app.main import application
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit import i18n, tasks
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.onboarding.unlock import UnlockScreen
from tests.helpers import PASSPHRASE, make_coordination, make_profile
from tests.helpers.coordination import Territory
from tests.helpers.ui import make_window


@pytest.fixture(autouse=True)
def _french_and_quick(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    application()  # the app's style, as users see it
    i18n.apply_language("fr")
    monkeypatch.setattr(UnlockScreen, "base_delay_s", 0.3)
    # A modal "abandon typing?" question would wait forever offscreen.
    monkeypatch.setattr(ContactForm, "confirm_discard", lambda self: True)
    yield
    tasks.wait_all(10_000)
    # Widgets a test leaves behind must be freed here, on the GUI thread: a cyclic collection
    # that happens to run in a worker thread would free Qt objects from the wrong thread.
    gc.collect()
    i18n.apply_language("fr")


@pytest.fixture
def profile_home(tmp_path: Path) -> tuple[Home, str]:
    """A real profile on disk (closed), and its recovery key."""
    home = Home(tmp_path / "profil")
    service, recovery_key = make_profile(home.root)
    service.close()
    return home, recovery_key


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    """An empty folder drop (the central drop of the sync tests)."""
    folder = tmp_path / "depot"
    folder.mkdir()
    return folder


@pytest.fixture
def territory(tmp_path: Path, drop: Path) -> Territory:
    """A coordination whose invitation names `drop`, for the coordinator's windows."""
    return Territory(make_coordination(tmp_path / "coord", drop=str(drop)), drop, tmp_path)


@pytest.fixture
def unlocked(qtbot: QtBot, profile_home: tuple[Home, str]) -> Iterator[RelaisWindow]:
    """The main window, unlocked on an empty profile."""
    home, _key = profile_home
    window = make_window(qtbot, home)
    window.open_session(profile.open_profile(home, PASSPHRASE))
    yield window
    if window.workspace is not None:
        window.workspace.teardown()
    if window.session is not None:
        window.session.close()
