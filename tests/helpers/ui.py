"""Helpers of the window tests (tests/ui/): windows on real profiles and what they show.

Fixtures stay in tests/ui/conftest.py; tests import these functions from here, never from a
conftest module.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.services.sync import SyncService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.app.workspace import Workspace
from tests.helpers import PASSPHRASE, Coordination, make_profile


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
