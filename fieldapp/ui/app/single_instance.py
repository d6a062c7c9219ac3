"""One window per profile: a second launch on the same profile brings the first one forward.

Two windows on one notebook would each hold the decrypted store and each lock on its own; the
user almost always meant "show me Relais". The first instance listens on a local socket named
after the profile folder (a hash of its path: the name is visible to other local processes, the
path is not); a later launch connects, asks it to come forward and exits.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_TIMEOUT_MS = 500
MESSAGE = b"show\n"


def server_name(profile_root: Path) -> str:
    """A per-user, per-profile name (Windows pipes are global: the user name keeps them apart)."""
    user = os.environ.get("USERNAME") or os.environ.get("USER") or str(os.getuid())
    digest = hashlib.sha256(f"{user}\0{profile_root.resolve()}".encode()).hexdigest()
    return f"relais-{digest[:24]}"


def signal_running(profile_root: Path) -> bool:
    """True when another Relais already has this profile open (it was asked to come forward)."""
    return _answers(server_name(profile_root))


def _answers(name: str) -> bool:
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return False
    socket.write(MESSAGE)
    socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches on the same profile; `activate_requested` asks to come forward."""

    activate_requested = Signal()

    def __init__(self, profile_root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(profile_root)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._connection)

    def listen(self) -> bool:
        """Start listening; False when another live instance already holds this profile.

        Asked first, because on Unix Qt creates the socket aside and renames it into place,
        which would silently replace a live instance's socket.
        """
        if _answers(self.name):
            return False
        if self.server.listen(self.name):
            return True
        # A socket file left by a crashed instance (Unix): nobody answered, so take it over.
        QLocalServer.removeServer(self.name)
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            # Sockets are children of the server: freed with it, or once read.
            socket.readyRead.connect(self._read)

    def _read(self) -> None:
        socket = self.sender()
        if not isinstance(socket, QLocalSocket):
            return
        message = bytes(socket.readAll().data())
        socket.readyRead.disconnect(self._read)
        socket.deleteLater()
        if message.startswith(MESSAGE.strip()):
            self.activate_requested.emit()
