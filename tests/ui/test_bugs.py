"""The bug dialog: a RelaisError is advice, anything else is a bug in Relais."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from fieldapp.errors import InputError
from fieldapp.ui.app import bugs
from fieldapp.ui.kit import i18n

SECRET = "Dupont, 12 rue des Lilas"  # synthetic: stands for what a person typed
ADVICE = "note invalide : " + SECRET  # a programmer's text that is no advice


@pytest.fixture(autouse=True)
def _no_dialog_left() -> Iterator[None]:
    yield
    for widget in [*_dialogs(), *_boxes()]:
        widget.close()


def _bug() -> ValueError:
    try:
        try:
            raise KeyError(SECRET)
        except KeyError as inner:
            raise ValueError(ADVICE) from inner
    except ValueError as error:
        return error


def _dialogs() -> list[bugs.BugDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, bugs.BugDialog) and w.isVisible()
    ]


def _boxes() -> list[QMessageBox]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]


def test_user_message_is_the_error_message_or_none_for_a_bug() -> None:
    error = InputError("services.onboarding.structure_name")
    assert bugs.user_message(error) == "Indiquez le nom de la structure."
    i18n.apply_language("en")
    assert bugs.user_message(error) == "Enter the organisation's name."
    assert bugs.user_message(_bug()) is None
    assert bugs.user_message(KeyboardInterrupt()) is None


def test_a_bug_is_logged_and_shown_without_its_text(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    error = _bug()
    with caplog.at_level(logging.ERROR, logger="fieldapp.ui.app.bugs"):
        bugs.excepthook(type(error), error, error.__traceback__)
    [dialog] = _dialogs()
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.windowTitle() == "Erreur inattendue"
    assert "défaut de Relais" in dialog.text.text()
    assert "pas été enregistré" in dialog.text.text()
    [record] = caplog.records
    for text in (dialog.text.text(), dialog.details, record.getMessage()):
        assert SECRET not in text and ADVICE not in text
    # The details name the type and the frames, and the cause's.
    assert dialog.details.startswith("builtins.ValueError\n")
    assert "builtins.KeyError" in dialog.details and "_bug" in dialog.details
    assert dialog.details in record.getMessage()

    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == dialog.details
    assert dialog.isVisible()  # copying does not close it
    dialog.reject()
    qtbot.waitUntil(lambda: not _dialogs())


def test_a_relais_error_nobody_caught_is_said_as_advice_not_as_a_bug(qtbot: QtBot) -> None:
    error = InputError("services.onboarding.structure_type")
    bugs.excepthook(InputError, error, None)
    assert not _dialogs()
    [box] = _boxes()
    assert box.text() == "Choisissez le type de structure."
    box.close()
    qtbot.waitUntil(lambda: not _boxes())


def test_install_sends_exceptions_raised_in_slots_to_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Emitter(QObject):
        fired = Signal()

    def broken_slot() -> None:
        raise RuntimeError(SECRET)

    # pytest-qt's own hook would fail the test: this test is about ours.
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    bugs.install()
    assert sys.excepthook is bugs.excepthook
    emitter = Emitter()
    emitter.fired.connect(broken_slot)
    QTimer.singleShot(0, emitter.fired.emit)
    qtbot.waitUntil(lambda: bool(_dialogs()))
    [dialog] = _dialogs()
    assert "builtins.RuntimeError" in dialog.details and SECRET not in dialog.details
    dialog.reject()
    qtbot.waitUntil(lambda: not _dialogs())
