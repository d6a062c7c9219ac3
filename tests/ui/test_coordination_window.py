"""Opening a coordinator's workspace from the main window: menu, passphrase, tabs, locking."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.services.coordination import CoordinationService
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.coordination.dashboard import Dashboard
from fieldapp.ui.coordination.view import CoordinationView
from fieldapp.ui.coordination.window import LAST_WORKSPACE, CoordinationWindow
from fieldapp.ui.kit import tasks
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, sample_contact
from tests.helpers.coordination import Device, Territory
from tests.helpers.ui import make_window


@pytest.fixture
def device(territory: Territory) -> Iterator[Device]:
    """An enrolled device that has delivered 7 contacts to the drop."""
    device = territory.device("equipe-a", enrol=True)
    device.field.record_contacts([sample_contact(note=None) for _ in range(7)])
    assert device.sync.sync().ok
    yield device
    device.field.close()


def open_from_menu(
    qtbot: QtBot, window: RelaisWindow, folder: Path, passphrase: str
) -> CoordinationWindow | None:
    window.open_coordination_action.trigger()
    dialog = window.open_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.folder.setText(str(folder))
    dialog.passphrase.setText(passphrase)
    opened: list[object] = []
    dialog.opened.connect(opened.append)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    if not opened:
        return None
    assert window.coordination_windows
    return window.coordination_windows[-1]


def test_a_workspace_opens_beside_the_notebook_and_merges(
    qtbot: QtBot, unlocked: RelaisWindow, territory: Territory, device: Device
) -> None:
    workspace_before = unlocked.workspace
    coord = open_from_menu(qtbot, unlocked, territory.coordination.root, COORD_PASSPHRASE)
    assert coord is not None and coord.isVisible()
    assert "Métropole Rouen Normandie" in coord.windowTitle()
    tabs = [coord.tabs.tabText(i) for i in range(coord.tabs.count())]
    assert tabs == ["Tableau de bord", "Lots et appareils", "Signalements"]
    assert isinstance(coord.dashboard, Dashboard) and isinstance(coord.view, CoordinationView)
    # The field notebook is untouched, and the folder is remembered for next time.
    assert unlocked.workspace is workspace_before and unlocked.is_unlocked()
    assert unlocked.home.read_settings()[LAST_WORKSPACE] == str(territory.coordination.root)

    # Merging in the second tab recomputes the dashboard of the first. The dashboard's first
    # load must be in before: on a loaded machine it could arrive with the merge's, and the
    # signal waited for below would be the older of the two.
    qtbot.waitUntil(lambda: coord.dashboard.report is not None, timeout=15_000)
    coord.tabs.setCurrentWidget(coord.view)
    coord.view.source_edit.setText(str(territory.drop))
    with qtbot.waitSignal(coord.dashboard.loaded, timeout=15_000) as loaded:
        assert coord.view.merge()
    assert coord.view.last_report is not None
    assert coord.view.last_report.events_inserted == 7
    assert loaded.args is not None and loaded.args[0] is coord.dashboard.report


def test_wrong_passphrase_and_wrong_folder_are_said_in_french(
    qtbot: QtBot, unlocked: RelaisWindow, territory: Territory, tmp_path: Path
) -> None:
    assert open_from_menu(qtbot, unlocked, territory.coordination.root, "pas la bonne") is None
    dialog = unlocked.open_dialog
    assert dialog is not None and dialog.error.isVisible()
    assert "Phrase de passe incorrecte" in dialog.error.text.text()

    empty = tmp_path / "vide"
    empty.mkdir()
    dialog.folder.setText(str(empty))
    dialog.passphrase.setText(COORD_PASSPHRASE)
    assert dialog.open_workspace()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    assert "n'est pas un espace de coordination" in dialog.error.text.text()
    assert unlocked.coordination_windows == []


def test_locking_closes_the_coordination_window_and_its_store(
    qtbot: QtBot, unlocked: RelaisWindow, territory: Territory
) -> None:
    coord = open_from_menu(qtbot, unlocked, territory.coordination.root, COORD_PASSPHRASE)
    assert coord is not None
    service = coord.service
    assert isinstance(service, CoordinationService)
    closed: list[bool] = []
    real_close = service.close

    def observed_close() -> None:
        closed.append(True)
        real_close()

    service.close = observed_close  # type: ignore[method-assign]
    qtbot.keyClick(coord, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not unlocked.is_unlocked()
    assert unlocked.coordination_windows == [] and coord.service is None
    qtbot.waitUntil(lambda: closed == [True], timeout=10_000)
    assert not any(
        isinstance(w, CoordinationWindow) for w in QApplication.topLevelWidgets() if w.isVisible()
    )


def test_a_coordinator_without_a_notebook_opens_a_workspace_from_the_unlock_screen(
    qtbot: QtBot, profile_home: tuple[Home, str], territory: Territory
) -> None:
    home, _key = profile_home
    window = make_window(qtbot, home)
    window.start()
    assert window.unlock_screen is not None and not window.is_unlocked()
    coord = open_from_menu(qtbot, window, territory.coordination.root, COORD_PASSPHRASE)
    assert coord is not None
    assert window.idle.is_active()  # the decrypted store locks on inactivity too
    coord.close()
    qtbot.waitUntil(lambda: window.coordination_windows == [], timeout=5_000)
    assert not window.idle.is_active()
    tasks.wait_all()
    # The notebook still unlocks as usual afterwards.
    window.open_session(profile.open_profile(home, PASSPHRASE))
    assert window.is_unlocked()
