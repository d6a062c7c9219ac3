"""When to lock: after inactivity, and when the computer's session locks (where Qt can tell).

Inactivity is any keyboard, mouse or wheel input to any window of the application. Session
locking is heard on Linux through D-Bus (logind's `Lock` signal, and the freedesktop/GNOME
screensavers' `ActiveChanged`), and on Windows through `WTSRegisterSessionNotification`
(WM_WTSSESSION_CHANGE / WTS_SESSION_LOCK). Elsewhere, or when no bus answers, only the
inactivity timer and Ctrl+L apply.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
from typing import Any

from PySide6.QtCore import (
    QAbstractNativeEventFilter,
    QByteArray,
    QCoreApplication,
    QEvent,
    QObject,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QWidget

_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class IdleWatcher(QObject):
    """Emits `idle` after `timeout_ms` without user input while `active`."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle.emit)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        active = self._timer.isActive()
        self._timer.setInterval(timeout_ms)
        if active:
            self._timer.start()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()  # restart: the countdown begins again from now
        return False

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._timer.stop()


class SessionLockWatcher(QObject):
    """Emits `session_locked` when the operating system session locks."""

    session_locked = Signal()

    def __init__(self, window: QWidget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.sources: list[str] = []
        self._native: _WindowsSessionFilter | None = None
        platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]  # "offscreen:configfile=…"
        if sys.platform.startswith("linux") and platform != "offscreen":
            self._listen_dbus()
        elif sys.platform == "win32":
            self._listen_windows(window)

    # -- Linux -------------------------------------------------------------------------------

    def _listen_dbus(self) -> None:
        try:
            self._connect_dbus()
        except Exception:
            return

    def _connect_dbus(self) -> None:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface

        system = QDBusConnection.systemBus()
        if system.isConnected():
            manager = QDBusInterface(
                "org.freedesktop.login1",
                "/org/freedesktop/login1",
                "org.freedesktop.login1.Manager",
                system,
            )
            reply = manager.call("GetSessionByPID", os.getpid()) if manager.isValid() else None
            args = reply.arguments() if reply is not None else []
            path = _object_path(args[0]) if args else ""
            if path and system.connect(
                "org.freedesktop.login1",
                path,
                "org.freedesktop.login1.Session",
                "Lock",
                self,
                _slot("_on_lock()"),
            ):
                self.sources.append("logind")
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for service, path, iface in (
                ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver",
                 "org.freedesktop.ScreenSaver"),
                ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
            ):  # fmt: skip
                if session.connect(
                    service, path, iface, "ActiveChanged", self, _slot("_on_active(bool)")
                ):
                    self.sources.append(service)

    @Slot()
    def _on_lock(self) -> None:
        self.session_locked.emit()

    @Slot(bool)
    def _on_active(self, active: bool) -> None:
        if active:
            self.session_locked.emit()

    # -- Windows ------------------------------------------------------------------------------

    def _listen_windows(self, window: QWidget) -> None:
        with contextlib.suppress(OSError, AttributeError):
            wtsapi = ctypes.WinDLL("wtsapi32")  # type: ignore[attr-defined,unused-ignore]
            hwnd = int(window.winId())
            if wtsapi.WTSRegisterSessionNotification(hwnd, 0):  # NOTIFY_FOR_THIS_SESSION
                self._native = _WindowsSessionFilter(self.session_locked.emit)
                app = QCoreApplication.instance()
                if app is not None:
                    app.installNativeEventFilter(self._native)
                    self.sources.append("wtsapi")


def _slot(signature: str) -> bytes:
    # Qt's SLOT() macro: a "1" marks the string as a slot signature.
    return ("1" + signature).encode()


def _object_path(value: Any) -> str:
    path = getattr(value, "path", None)
    return str(path()) if callable(path) else str(value or "")


class _WindowsSessionFilter(QAbstractNativeEventFilter):
    WM_WTSSESSION_CHANGE = 0x02B1
    WTS_SESSION_LOCK = 0x7

    def __init__(self, on_lock: Any) -> None:
        super().__init__()
        self._on_lock = on_lock

    def nativeEventFilter(  # noqa: N802 -- Qt override
        self, event_type: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> tuple[bool, int]:
        raw = event_type.data() if isinstance(event_type, QByteArray) else bytes(event_type)
        if raw == b"windows_generic_MSG" and message:
            from ctypes import wintypes  # Windows only

            msg = wintypes.MSG.from_address(int(message))
            if msg.message == self.WM_WTSSESSION_CHANGE and msg.wParam == self.WTS_SESSION_LOCK:
                self._on_lock()
        return False, 0
