"""The one helper that runs long work off the UI thread (unlock, import, demo fill, re-keying).

`run_task(fn, ...)` calls `fn(progress)` on Qt's thread pool; `progress(done, total)` may be
called from the worker at any time. Results, errors and progress come back as queued signals, so
every callback runs on the UI thread. A callback whose `context` widget was deleted meanwhile
(the window locked, a dialog closed) is skipped instead of touching a dead object.

`on_error` shows the error through `failures.show_failure` (a RelaisError's message where the
action was, the bug dialog for anything else); without it, a failure is uncaught, like an
exception raised in a slot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot

from fieldapp.ui.kit import failures

Progress = Callable[[int, int], None]

_running: set[Task] = set()  # keeps each Task alive until its signals have been delivered


class Task(QObject):
    """Signals of one piece of background work; lives on the UI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()
    # Emitted from the worker; queued to this object's (UI) thread.
    _worker_progress = Signal(int, int)
    _worker_done = Signal(object, object)

    def __init__(
        self, context: QObject | None, cleanup: Callable[[Any], None] | None = None
    ) -> None:
        super().__init__()
        self._context = context
        self._cleanup = cleanup
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False
        self._runnable: QRunnable | None = None
        self._worker_progress.connect(self._on_progress)
        self._worker_done.connect(self._on_done)

    def _alive(self) -> bool:
        return self._context is None or shiboken6.isValid(self._context)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._alive():
            self.progressed.emit(done, total)

    @Slot(object, object)
    def _on_done(self, result: object, error: object) -> None:
        self.result = result
        self.error = error if isinstance(error, BaseException) else None
        self.done = True
        try:
            if self._alive():
                if self.error is not None:
                    self.failed.emit(self.error)
                else:
                    self.succeeded.emit(result)
            elif self.error is None and self._cleanup is not None:
                # Nobody is left to use the result (e.g. an opened store): release it.
                self._cleanup(result)
            self.finished.emit()
        finally:
            _running.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._task = task
        self._fn = fn

    def run(self) -> None:
        task = self._task
        try:
            result = self._fn(task._worker_progress.emit)
        except BaseException as exc:  # reported to the UI, never lost in the worker thread
            task._worker_done.emit(None, exc)
        else:
            task._worker_done.emit(result, None)


def run_task(
    fn: Callable[[Progress], Any],
    *,
    context: QObject | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cleanup: Callable[[Any], None] | None = None,
) -> Task:
    """Start `fn(progress)` in the thread pool and return its Task (signals on the UI thread).

    `cleanup(result)` runs instead of `on_done` when `context` was deleted before the end.
    """
    task = Task(context, cleanup)
    if on_done is not None:
        task.succeeded.connect(on_done)
    task.failed.connect(on_error if on_error is not None else failures.uncaught)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    _running.add(task)
    runnable = _Runnable(task, fn)
    # Python owns the runnable: with Qt's auto-delete, the pool and Python's garbage collector
    # could both free it (a heap corruption seen about once in ten runs). The task keeps it
    # alive until the worker has reported back.
    runnable.setAutoDelete(False)
    task._runnable = runnable
    QThreadPool.globalInstance().start(runnable)
    return task


def running() -> int:
    """How many tasks have not reported back yet."""
    return len(_running)


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (tests and shutdown); queued results still need events."""
    return bool(QThreadPool.globalInstance().waitForDone(timeout_ms))


# -- after the background work ---------------------------------------------------------------

IDLE_POLL_MS = 100
_waiting: dict[QTimer, Callable[[], None]] = {}


def when_idle(fn: Callable[[], None]) -> None:
    """Call `fn` on the UI thread as soon as no background task is running.

    Closing a store must not pull it from under a worker (a delivery, an import, a merge), nor
    make the window wait for one: locking defers the close to here.
    """
    if running() == 0:
        fn()
        return
    timer = QTimer()
    timer.setInterval(IDLE_POLL_MS)

    def check() -> None:
        if running() == 0 and timer in _waiting:
            timer.stop()
            _waiting.pop(timer)()
            timer.deleteLater()

    timer.timeout.connect(check)
    _waiting[timer] = fn  # owned here until it fires: it has no parent that could outlive it
    timer.start()


def flush_idle() -> None:
    """Quitting: the event loop that would run the deferred calls is ending; run them now
    (call after `wait_all`)."""
    for timer, fn in list(_waiting.items()):
        timer.stop()
        _waiting.pop(timer, None)
        fn()
