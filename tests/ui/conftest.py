"""Fixtures for the window tests: real widgets on a real encrypted profile (fast Argon2id)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.services.sync import SyncService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.app.main import application
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.app.workspace import Workspace
from fieldapp.ui.kit import i18n, tasks
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.onboarding.unlock import UnlockScreen
from tests.helpers import PASSPHRASE, Coordination, make_coordination, make_profile
from tests.helpers.coordination import Territory


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


def joined_profile(root: Path, coordination: Coordination) -> Home:
    """A closed profile at `root`, joined to `coordination` (its territory key, its drop)."""
    home = Home(root)
    service, _ = make_profile(home.root)
    SyncService(service).join_coordination(coordination.invitation, coordination.code)
    service.close()
    return home


def unlocked_window(qtbot: QtBot, home: Home) -> RelaisWindow:
    window = make_window(qtbot, home)
    window.open_session(profile.open_profile(home, PASSPHRASE))
    return window


def make_window(qtbot: QtBot, home: Home) -> RelaisWindow:
    window = RelaisWindow(home, kdf=keyfile.FAST_TEST_KDF)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


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


def workspace_of(window: RelaisWindow) -> Workspace:
    assert window.workspace is not None
    return window.workspace


def visible_texts(root: QWidget) -> str:
    """Every piece of text a user could read in `root`'s visible widgets (and table cells)."""
    from PySide6.QtCore import QAbstractListModel, QModelIndex
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractItemView,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTreeWidget,
    )

    QApplication.processEvents()  # widgets added to a shown layout appear on the next pass
    parts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            parts.append(widget.text())
        elif isinstance(widget, QTreeWidget):
            for i in range(widget.topLevelItemCount()):
                group = widget.topLevelItem(i)
                if group is not None:
                    parts.append(group.text(0))
                    for j in range(group.childCount()):
                        child = group.child(j)
                        if child is not None:
                            parts.extend(child.text(c) for c in range(widget.columnCount()))
        elif isinstance(widget, QLineEdit):
            parts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            parts.append(widget.toPlainText())
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            root_index = QModelIndex()
            # QAbstractListModel hides columnCount(): a list has one column.
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root_index)
            for row in range(model.rowCount(root_index)):
                for col in range(columns):
                    parts.append(str(model.data(model.index(row, col)) or ""))
    return "\n".join(parts)
