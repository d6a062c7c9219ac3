"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. When
that is a worker of the task pool, it may free Qt widgets from the wrong thread and corrupt the
heap (seen in the UI tests as an abort about once in ten runs). So, once a QApplication exists,
automatic collection is switched off and a timer on the GUI thread collects instead, following
the usual generation thresholds.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 200

_guard: GuiThreadCollector | None = None


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)
        gc.disable()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def install(app: QObject) -> None:
    """Idempotent: one collector for the application's lifetime."""
    global _guard
    if _guard is None:
        _guard = GuiThreadCollector(app)
        _guard.destroyed.connect(_forget)


def _forget() -> None:
    global _guard
    _guard = None
    gc.enable()
