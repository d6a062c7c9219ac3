"""Windows that open inside the screen: a default size is a wish, the screen's available
geometry (without panels and docks) is the limit — a 1366×768 laptop must see the whole window."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# What stays free around a window that is shrunk to fit (title bar, borders).
_MARGIN = QSize(16, 48)


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Resize `window` to `width`×`height`, or less to fit the available geometry of its screen
    (the primary screen before it is shown); the minimum size gives way too. Returns the size."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    wanted = QSize(width, height)
    if screen is not None:
        room = screen.availableGeometry().size() - _MARGIN
        wanted = wanted.boundedTo(room)
        minimum = window.minimumSize().boundedTo(room)
        window.setMinimumSize(minimum)
    window.resize(wanted)
    return wanted
