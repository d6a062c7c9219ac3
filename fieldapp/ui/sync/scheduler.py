"""Background retries: every few minutes, `due_for_retry()` and, when something is due,
`sync(only_due=True)`, both on the task thread (`ui/kit/tasks.py`), after any run in progress."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QObject, QTimer, Signal

from fieldapp.services.sync import SyncReport, SyncService
from fieldapp.ui.kit.tasks import Progress, run_task

__all__ = ["DEFAULT_INTERVAL_MS", "FIRST_CHECK_MS", "SyncScheduler"]

# "Retries on its own every few minutes" (DESIGN.md § Sync); backoff lives in the outbox.
DEFAULT_INTERVAL_MS: Final = 3 * 60_000
FIRST_CHECK_MS: Final = 20_000  # shortly after unlocking, not during it


class SyncScheduler(QObject):
    """Opportunistic delivery: a timer, `due_for_retry()`, then `sync(only_due=True)`.

    Both calls run on the one task thread (the due check reads the store; the run talks to the
    destination), so a tick never overlaps a "Synchroniser maintenant" from the page: the later
    one waits its turn. A tick while the previous check is still queued or going does nothing.
    Failures are not shown as dialogs: the outbox keeps their reason and the badge says "lots en
    attente".
    """

    started = Signal()
    synced = Signal(object)  # SyncReport, or None when nothing was due
    failed = Signal(object)  # the exception (SyncError: not joined, no destination…)

    def __init__(
        self,
        service: SyncService,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.tick)
        self.running = False
        self.last_report: SyncReport | None = None
        self.last_error: BaseException | None = None

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self._first.start(max(0, first_check_ms))
        self.timer.start()

    def stop(self) -> None:
        self._first.stop()
        self.timer.stop()

    def is_active(self) -> bool:
        return self.timer.isActive()

    def tick(self) -> bool:
        """Check now, in the background; False when a check is already running."""
        if self.running:
            return False
        self.running = True
        self.started.emit()
        service = self.service

        def work(_progress: Progress) -> SyncReport | None:
            if not service.due_for_retry():
                return None
            return service.sync(only_due=True)

        run_task(work, context=self, on_done=self._done, on_error=self._failed)
        return True

    def _done(self, report: object) -> None:
        self.running = False
        self.last_error = None
        if isinstance(report, SyncReport):
            self.last_report = report
        self.synced.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = error
        self.failed.emit(error)
