"""The main window's sync badge and background delivery, on a joined profile and a folder drop."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.services.sync import SyncService
from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.sync.badge import SyncBadge
from fieldapp.ui.sync.view import SyncView
from tests.helpers import PASSPHRASE, make_coordination, sample_contact
from tests.helpers.ui import joined_profile, unlocked_window, workspace_of


@pytest.fixture
def joined_home(tmp_path: Path, drop: Path) -> Home:
    """A closed profile joined to a coordination whose invitation names `drop`, 3 contacts."""
    coordination = make_coordination(tmp_path / "coordination", drop=str(drop))
    home = joined_profile(tmp_path / "profil", coordination)
    service = profile.open_profile(home, PASSPHRASE)
    service.record_contacts([sample_contact(note=None) for _ in range(3)])
    service.close()
    return home


@pytest.fixture
def window(qtbot: QtBot, joined_home: Home) -> Iterator[RelaisWindow]:
    window = unlocked_window(qtbot, joined_home)
    yield window
    window.close()


def batches(drop: Path) -> list[Path]:
    return sorted(drop.rglob("*.rbatch"))


def test_badge_in_the_status_bar_and_background_delivery(
    qtbot: QtBot, window: RelaisWindow, drop: Path
) -> None:
    badge, scheduler = window.sync_badge, window.scheduler
    assert badge is not None and scheduler is not None
    assert badge.isVisible() and badge.parent() is not None
    assert badge.text() == "3 modifications à envoyer"
    assert scheduler.is_active()  # started by unlocking, nobody clicked anything
    assert batches(drop) == []

    # The timer's check (forced here rather than waited for) delivers without the page open.
    with qtbot.waitSignal(scheduler.synced, timeout=10_000):
        assert scheduler.tick()
    assert len(batches(drop)) == 1
    assert badge.text() == "✓ Synchronisé à l'instant"

    # Clicking the badge opens the Synchronisation page, which shares the window's timer.
    qtbot.mouseClick(badge, Qt.MouseButton.LeftButton)
    page = workspace_of(window).stack.currentWidget()
    assert isinstance(page, SyncView) and page.scheduler is scheduler
    assert workspace_of(window).current_page() == "synchronisation"


def test_locking_stops_the_timer_and_removes_the_badge(qtbot: QtBot, window: RelaisWindow) -> None:
    scheduler = window.scheduler
    assert scheduler is not None
    window.lock()
    assert window.sync_badge is None and window.scheduler is None
    assert not scheduler.is_active()
    qtbot.wait(20)  # deferred deletes
    assert window.statusBar().findChildren(SyncBadge) == []

    # Unlocking again brings back one badge and one running timer, not two.
    window.open_session(profile.open_profile(window.session_home, PASSPHRASE))
    assert len(window.statusBar().findChildren(SyncBadge)) == 1
    assert window.scheduler is not None and window.scheduler.is_active()


def test_locking_during_a_delivery_closes_the_store_after_it(
    qtbot: QtBot, window: RelaisWindow, drop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow server must not block locking, nor see its store closed mid-delivery."""
    session, scheduler = window.session, window.scheduler
    assert session is not None and scheduler is not None
    gate = threading.Event()
    entered = threading.Event()
    real_deliver = SyncService.deliver

    def slow_deliver(self: SyncService, *args: object, **kwargs: object) -> object:
        entered.set()
        gate.wait(10)
        return real_deliver(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SyncService, "deliver", slow_deliver)
    assert scheduler.tick()
    assert entered.wait(10)

    window.lock()  # returns at once, while the delivery waits
    assert not window.is_unlocked() and window.unlock_screen is not None
    assert session.is_open  # still in use by the delivery

    gate.set()
    qtbot.waitUntil(lambda: not session.is_open, timeout=10_000)
    assert len(batches(drop)) == 1  # the delivery completed on the still-open store


def test_the_badge_follows_a_sync_from_the_page(qtbot: QtBot, window: RelaisWindow) -> None:
    badge = window.sync_badge
    assert badge is not None
    page = workspace_of(window).show_page("synchronisation")
    assert isinstance(page, SyncView)
    with qtbot.waitSignal(page.synced, timeout=10_000):
        qtbot.mouseClick(page.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: badge.text() == "✓ Synchronisé à l'instant", timeout=5_000)
