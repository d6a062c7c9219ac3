"""The one helper that runs long work off the UI thread (unlock, import, sync, merge, re-keying).

`run_task(fn, ...)` queues `fn(progress)` on **one dedicated worker thread** (one thread, one
store connection at a time — the model of Anki's task manager), never on Qt's multi-threaded
global pool. Tasks run one after the other, in the order they were started, so two of them
never use a store at the same time. `progress(done, total)` may be called from the worker at
any time.

The worker touches no Qt object but one: a mailbox that lives on the UI thread. It puts what it
has to say (progress, a result, an error) in the mailbox's list and emits a signal without
arguments; the UI thread empties the list. So every callback runs on the UI thread, no Python
object travels through Qt's queued signals, and **the worker never holds the last reference to
anything the UI made** (Qt objects must die on their own thread; the native abort of the tests
had another cause, a lambda holding the window, docs/reliability.md): a job's function (whose
closure may hold widgets), its result and its error are released on the UI thread, after the
worker has let go of them.

A callback whose `context` widget was deleted meanwhile (the window locked, a dialog closed) is
skipped instead of touching a dead object. `on_error` shows the error through
`failures.show_failure` (a RelaisError's message where the action was, the bug dialog for
anything else); without it, a failure is uncaught, like an exception raised in a slot.
"""

from __future__ import annotations

import queue
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot

from fieldapp.ui.kit import failures

Progress = Callable[[int, int], None]

WORKER_NAME = "relais-tasks"

_running: set[Task] = set()  # keeps each Task alive until it has reported back


class Task(QObject):
    """Signals of one piece of background work; lives on the UI thread."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self, context: QObject | None, cleanup: Callable[[Any], None] | None = None
    ) -> None:
        super().__init__()
        self._context = context
        self._cleanup = cleanup
        self.result: Any = None
        self.error: BaseException | None = None
        self.done = False

    def _alive(self) -> bool:
        return self._context is None or shiboken6.isValid(self._context)

    def _on_progress(self, done: int, total: int) -> None:
        if self._alive() and not self.done:
            self.progressed.emit(done, total)

    def _on_done(self, result: object, error: BaseException | None) -> None:
        self.result = result
        self.error = error
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
            _idle_check()


class _Job:
    """One queued call. Only the UI thread creates and finally drops it (see the module doc)."""

    __slots__ = ("error", "fn", "result", "task")

    def __init__(self, task: Task, fn: Callable[[Progress], Any]) -> None:
        self.task: Task | None = task
        self.fn: Callable[[Progress], Any] | None = fn
        self.result: Any = None
        self.error: BaseException | None = None


class _Mailbox(QObject):
    """Lives on the UI thread; the worker posts to it and wakes it with an argument-free signal."""

    _ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        # ("progress", job, done, total) or ("done", job, 0, 0)
        self._items: deque[tuple[str, _Job, int, int]] = deque()
        self._ready.connect(self.drain)

    def post(self, kind: str, job: _Job, done: int = 0, total: int = 0) -> None:
        """From the worker. The caller must not keep `job` afterwards (see `_Worker._loop`)."""
        with self._lock:
            self._items.append((kind, job, done, total))
        self._ready.emit()

    @Slot()
    def drain(self) -> None:
        """On the UI thread: deliver everything posted so far, in order."""
        while True:
            with self._lock:
                if not self._items:
                    return
                kind, job, done, total = self._items.popleft()
            task = job.task
            if task is None:
                continue
            if kind == "progress":
                task._on_progress(done, total)
                continue
            result, error = job.result, job.error
            job.task = job.fn = job.result = job.error = None  # released here, on the UI thread
            task._on_done(result, error)
            del task, result, error


class _Worker:
    """The one worker thread: a queue of jobs, run one at a time, in order."""

    def __init__(self, mailbox: _Mailbox) -> None:
        self._mailbox = mailbox
        self._jobs: queue.SimpleQueue[_Job] = queue.SimpleQueue()
        self._idle = threading.Condition()
        self._pending = 0  # queued or running in the worker
        self.thread = threading.Thread(target=self._loop, name=WORKER_NAME, daemon=True)
        self.thread.start()

    def submit(self, job: _Job) -> None:
        with self._idle:
            self._pending += 1
        self._jobs.put(job)

    def wait(self, timeout_s: float) -> bool:
        with self._idle:
            return self._idle.wait_for(lambda: self._pending == 0, timeout_s)

    def _loop(self) -> None:
        while True:
            job = self._jobs.get()
            _execute(job, self._mailbox)
            # Post under no name of ours: once the UI thread has it, the worker holds no
            # reference to the job, its function, its result or its error.
            self._mailbox.post("done", job)
            del job
            with self._idle:
                self._pending -= 1
                self._idle.notify_all()


def _execute(job: _Job, mailbox: _Mailbox) -> None:
    fn = job.fn
    assert fn is not None

    def progress(done: int, total: int) -> None:
        mailbox.post("progress", job, int(done), int(total))

    try:
        job.result = fn(progress)
    except BaseException as exc:  # reported to the UI, never lost in the worker thread
        job.error = exc  # the job keeps it: leaving this block does not free it here


_mailbox: _Mailbox | None = None
_worker: _Worker | None = None


def _ensure_worker() -> _Worker:
    global _mailbox, _worker
    if _worker is None or not _worker.thread.is_alive():
        if _mailbox is None or not shiboken6.isValid(_mailbox):
            _mailbox = _Mailbox()
        _worker = _Worker(_mailbox)
    return _worker


def worker_thread_id() -> int | None:
    """The worker thread's identifier (None before the first task)."""
    return None if _worker is None else _worker.thread.ident


def run_task(
    fn: Callable[[Progress], Any],
    *,
    context: QObject | None = None,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    cleanup: Callable[[Any], None] | None = None,
) -> Task:
    """Queue `fn(progress)` on the worker thread and return its Task (signals on the UI thread).

    Call from the UI thread. `cleanup(result)` runs instead of `on_done` when `context` was
    deleted before the end.
    """
    task = Task(context, cleanup)
    if on_done is not None:
        task.succeeded.connect(on_done)
    task.failed.connect(on_error if on_error is not None else failures.uncaught)
    if on_progress is not None:
        task.progressed.connect(on_progress)
    _running.add(task)
    _ensure_worker().submit(_Job(task, fn))
    return task


def running() -> int:
    """How many tasks have not reported back yet."""
    return len(_running)


def wait_all(timeout_ms: int = 30_000) -> bool:
    """Block until the worker has nothing left to run (tests and shutdown); the results still
    need the event loop (or `deliver_now`) to reach their callbacks."""
    return True if _worker is None else _worker.wait(timeout_ms / 1000)


def deliver_now() -> None:
    """Deliver, on the UI thread, whatever the worker has posted so far."""
    if _mailbox is not None and shiboken6.isValid(_mailbox):
        _mailbox.drain()


# -- after the background work ---------------------------------------------------------------

_waiting: list[Callable[[], None]] = []


def when_idle(fn: Callable[[], None]) -> None:
    """Call `fn` on the UI thread as soon as no background task is running.

    Closing a store must not pull it from under a worker (a delivery, an import, a merge), nor
    make the window wait for one: locking defers the close to here. No polling: the last task
    to report back runs the waiting calls.
    """
    if running() == 0:
        fn()
        return
    _waiting.append(fn)


def _idle_check() -> None:
    while _waiting and running() == 0:
        _waiting.pop(0)()


def flush_idle() -> None:
    """Quitting: the event loop that would run the deferred calls is ending; run them now
    (call after `wait_all`)."""
    while _waiting:
        _waiting.pop(0)()
