"""A second launch on the same profile brings the running window forward."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir
from pytestqt.qtbot import QtBot

from fieldapp.ui.app.single_instance import InstanceServer, server_name, signal_running


def test_a_second_launch_on_the_same_profile_signals_the_first(
    qtbot: QtBot, tmp_path: Path
) -> None:
    profile, other = tmp_path / "profil", tmp_path / "autre"
    assert server_name(profile) != server_name(other)
    assert str(tmp_path) not in server_name(profile)  # the name does not reveal the path
    assert not signal_running(profile)  # nobody there yet: this launch opens the window

    first = InstanceServer(profile)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert signal_running(profile)
        assert not signal_running(other)  # another profile opens its own window
    finally:
        first.close()
    assert not signal_running(profile)


def test_a_socket_left_by_a_crashed_instance_is_taken_over(tmp_path: Path) -> None:
    profile = tmp_path / "profil"
    stale = Path(QDir.tempPath()) / server_name(profile)
    stale.write_bytes(b"")  # what a killed instance leaves behind on Unix
    server = InstanceServer(profile)
    try:
        assert server.listen()
    finally:
        server.close()
        stale.unlink(missing_ok=True)


def test_run_on_a_profile_already_open_returns_at_once(qtbot: QtBot, tmp_path: Path) -> None:
    from fieldapp.storage.home import Home
    from fieldapp.ui.app.main import run

    home = Home(tmp_path / "profil")
    first = InstanceServer(home.root)
    assert first.listen()
    try:
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert run(home) == 0  # no second window, no event loop: it returned
    finally:
        first.close()


def test_a_live_instance_keeps_its_socket_against_a_simultaneous_launch(
    qtbot: QtBot, tmp_path: Path
) -> None:
    profile = tmp_path / "profil"
    first, second = InstanceServer(profile), InstanceServer(profile)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert not second.listen()  # it asked the first one to come forward instead
        with qtbot.waitSignal(first.activate_requested, timeout=5_000):
            assert signal_running(profile)  # the first still answers
    finally:
        first.close()
        second.close()
