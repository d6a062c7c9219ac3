"""The task helper's one worker thread: order, one task at a time, where things are freed.

Background work used to run on Qt's global thread pool (and every task leaked). These tests pin
what replaced it: one dedicated thread, tasks one after the other, everything a task holds
released on the UI thread, and locking's deferred close run by the last task that reports back
(no polling). The native abort had another cause (docs/reliability.md, test_window_lifetime.py).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from fieldapp.services import profile
from fieldapp.services.sync import SyncService
from fieldapp.ui.kit import tasks
from fieldapp.ui.sync.scheduler import SyncScheduler
from tests.helpers import PASSPHRASE, make_coordination, sample_contact
from tests.helpers.ui import joined_profile


def test_every_task_runs_on_the_same_dedicated_thread_in_order(qtbot: QtBot) -> None:
    ui_thread = threading.get_ident()
    seen: list[tuple[int, str, int]] = []
    active = [0]
    overlap: list[int] = []

    def work(n: int) -> tasks.Progress:
        def run(_progress: tasks.Progress) -> int:
            active[0] += 1
            overlap.append(active[0])
            time.sleep(0.005)
            seen.append((threading.get_ident(), threading.current_thread().name, n))
            active[0] -= 1
            return n

        return run  # type: ignore[return-value]

    results: list[object] = []
    last = None
    for n in range(20):
        last = tasks.run_task(work(n), on_done=results.append)  # type: ignore[arg-type]
    assert last is not None
    with qtbot.waitSignal(last.finished, timeout=10_000):
        pass
    assert results == list(range(20))  # callbacks in the order the tasks were started
    assert [n for _t, _name, n in seen] == list(range(20))
    threads = {(ident, name) for ident, name, _n in seen}
    assert threads == {(tasks.worker_thread_id(), tasks.WORKER_NAME)}
    assert tasks.worker_thread_id() != ui_thread
    assert max(overlap) == 1  # never two at once
    assert QThreadPool.globalInstance().activeThreadCount() == 0


def test_a_failure_does_not_stop_the_worker(qtbot: QtBot) -> None:
    errors: list[BaseException] = []

    def boom(_progress: tasks.Progress) -> None:
        raise RuntimeError("échec attendu")

    tasks.run_task(boom, on_error=errors.append)
    after = tasks.run_task(lambda _p: "encore là")
    with qtbot.waitSignal(after.finished, timeout=5_000):
        pass
    assert isinstance(errors[0], RuntimeError)
    assert after.result == "encore là"


@pytest.mark.parametrize("fails", [False, True])
def test_what_a_task_holds_is_freed_on_the_ui_thread(qtbot: QtBot, fails: bool) -> None:
    """A widget held only by the work's closure (or by its error's traceback) must be
    destroyed on the UI thread: destroying it in the worker corrupts the heap."""
    ui_thread = threading.get_ident()
    freed_in: list[int] = []
    count = 30
    last = None
    for _ in range(count):
        label = QLabel("tenu par la tâche")
        label.destroyed.connect(
            lambda *_a: freed_in.append(threading.get_ident()),
            Qt.ConnectionType.DirectConnection,
        )

        def work(_progress: tasks.Progress, held: QLabel = label) -> str:
            if fails:
                raise ValueError(held.text())
            return "fini"

        last = tasks.run_task(work, on_error=lambda _e: None)
        del label, work
    assert last is not None
    with qtbot.waitSignal(last.finished, timeout=10_000):
        pass
    last = None  # its error's traceback holds the last label
    qtbot.waitUntil(lambda: len(freed_in) == count, timeout=5_000)
    assert set(freed_in) == {ui_thread}


def test_progress_reaches_the_ui_thread_before_the_result(qtbot: QtBot) -> None:
    ui_thread = threading.get_ident()
    events: list[tuple[str, int, int]] = []

    def work(progress: tasks.Progress) -> str:
        for n in range(1, 51):
            progress(n, 50)
        return "fini"

    def on_progress(done: int, total: int) -> None:
        assert threading.get_ident() == ui_thread
        events.append(("progress", done, total))

    task = tasks.run_task(
        work, on_progress=on_progress, on_done=lambda _r: events.append(("done", 0, 0))
    )
    with qtbot.waitSignal(task.finished, timeout=5_000):
        pass
    assert events == [("progress", n, 50) for n in range(1, 51)] + [("done", 0, 0)]


def test_when_idle_runs_as_the_last_task_reports_back_without_polling(qtbot: QtBot) -> None:
    gate = threading.Event()
    order: list[str] = []
    first = tasks.run_task(lambda _p: gate.wait(5), on_done=lambda _r: order.append("first"))
    second = tasks.run_task(lambda _p: None, on_done=lambda _r: order.append("second"))
    tasks.when_idle(lambda: order.append("closed"))
    qtbot.wait(150)  # longer than the old 100 ms poll: nothing runs while work is pending
    assert order == [] and tasks.running() == 2
    assert not tasks.wait_all(50)  # the worker is still busy
    gate.set()
    with qtbot.waitSignal(second.finished, timeout=5_000):
        pass
    # The deferred call ran in the same delivery as the last result, not a poll later.
    assert order == ["first", "second", "closed"]
    assert first.done and second.done and tasks.running() == 0
    done_now: list[bool] = []
    tasks.when_idle(lambda: done_now.append(True))  # nothing running: at once
    assert done_now == [True]


def test_the_timer_and_the_page_never_deliver_at_the_same_time(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SyncService has no lock of its own any more: the one task thread serialises runs."""
    drop = tmp_path / "depot"
    drop.mkdir()
    coordination = make_coordination(tmp_path / "coordination", drop=str(drop))
    home = joined_profile(tmp_path / "profil", coordination)
    field = profile.open_profile(home, PASSPHRASE)
    try:
        field.record_contacts([sample_contact(note=None) for _ in range(3)])
        sync = SyncService(field)
        active = [0]
        most = [0]
        real_deliver = SyncService.deliver

        def counted(self: SyncService, *args: object, **kwargs: object) -> object:
            active[0] += 1
            most[0] = max(most[0], active[0])
            time.sleep(0.05)
            try:
                return real_deliver(self, *args, **kwargs)  # type: ignore[arg-type]
            finally:
                active[0] -= 1

        monkeypatch.setattr(SyncService, "deliver", counted)
        scheduler = SyncScheduler(sync)
        assert scheduler.tick()  # the timer's run, then the button's
        page_run = tasks.run_task(lambda _p: sync.sync())
        with qtbot.waitSignal(page_run.finished, timeout=10_000):
            pass
        assert not scheduler.running and scheduler.last_error is None
        assert page_run.error is None
        assert most[0] == 1  # the two runs one after the other
        assert len(sorted(drop.rglob("*.rbatch"))) == 1  # one batch, delivered once
    finally:
        tasks.wait_all(10_000)
        field.close()
