"""Anything that is not a `RelaisError` is a bug: log it, say so, offer the technical details.

Views reach this through `fieldapp.ui.kit.failures.show_failure`; `user_message` lives there.

`install` makes `excepthook` the process's `sys.excepthook` (PySide6 hands it the exceptions
raised in slots). The bug dialog never shows the exception's text: it may hold what was typed
or be a programmer's message, and neither is advice. The details it copies are the exception's
type and its stack of frames, without that text, so they can be passed on as they are.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.kit.failures import user_message

_log = logging.getLogger(__name__)
_open: list[QDialog] = []  # dialogs shown without a parent window, kept alive until closed


def technical_details(error: BaseException, tb: TracebackType | None = None) -> str:
    """The exception's qualified type and its frames, then its causes'; never their text."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    frames = tb or error.__traceback__
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        kind = type(current)
        stack = "".join(traceback.format_list(traceback.extract_tb(frames)))
        parts.append(f"{kind.__module__}.{kind.__qualname__}\n{stack}")
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        frames = current.__traceback__ if current is not None else None
    return "\nwhile handling or because of:\n".join(parts)


class BugDialog(QDialog):
    """« Erreur inattendue »: a bug in Relais, nothing saved by this action, details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Erreur inattendue"))
        layout = QVBoxLayout(self)
        self.text = QLabel(
            self.tr(
                "Relais a rencontré une erreur inattendue. C'est un défaut de Relais, pas une "
                "erreur de votre part.\n\nCe que vous veniez de saisir n'a pas été enregistré par "
                "cette action : vérifiez-le avant de recommencer.\n\nPour aider à corriger ce "
                "défaut, copiez les détails techniques et transmettez-les à qui vous aide avec "
                "Relais ; ils ne contiennent aucune donnée saisie."
            ),
            self,
        )
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = self.buttons.addButton(
            self.tr("Copier les détails techniques"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Détails copiés"))


def excepthook(
    exc_type: type[BaseException], error: BaseException, tb: TracebackType | None
) -> None:
    """Say a RelaisError nobody caught as the advice it is; treat anything else as a bug."""
    if not issubclass(exc_type, Exception) or QApplication.instance() is None:
        sys.__excepthook__(exc_type, error, tb)  # Ctrl+C, exit, or no window to show it in
        return
    parent = QApplication.activeWindow()
    message = user_message(error)
    dialog: QDialog
    if message is not None:
        _log.warning("uncaught %s (%s)", exc_type.__qualname__, getattr(error, "code", ""))
        dialog = QMessageBox(QMessageBox.Icon.Warning, "Relais", message, parent=parent)
    else:
        details = technical_details(error, tb)
        _log.error("bug in Relais:\n%s", details)
        dialog = BugDialog(details, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    if parent is None:
        _open.append(dialog)
        dialog.finished.connect(lambda _result, d=dialog: _open.remove(d))
    dialog.show()  # modal without a nested event loop inside the hook


def install() -> None:
    """From the window's start-up, once its QApplication exists."""
    sys.excepthook = excepthook
