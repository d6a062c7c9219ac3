"""Run by tests/ui/test_window_lifetime.py in a process of its own (an abort must not take pytest
with it): unlock a notebook, then drop the last reference to the window while the unlock
screen's deleteLater() is still pending — what a test function returning right after
waitUntil(window.is_unlocked) does, and what used to end in `malloc_consolidate(): unaligned
fastbin chunk detected`. Prints one line per round and "freed" when the window went away."""

from __future__ import annotations

import gc
import sys
import tempfile
import time
import weakref
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from fieldapp.services.synthetic import PASSPHRASE, make_profile
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.ui.app.main import application
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit import tasks


def one_round(root: Path) -> bool:
    app = application()
    home = Home(root)
    service, _ = make_profile(home.root)
    service.close()
    window = RelaisWindow(home, kdf=keyfile.FAST_TEST_KDF)
    window.show()
    window.start()
    screen = window.unlock_screen
    assert screen is not None
    QTest.keyClicks(screen.passphrase, PASSPHRASE)
    QTest.keyClick(screen.passphrase, Qt.Key.Key_Return)
    deadline = time.monotonic() + 60
    while not window.is_unlocked() and time.monotonic() < deadline:
        app.processEvents()  # the result arrives, the window swaps: screen.deleteLater()
    assert window.is_unlocked()
    tasks.wait_all(10_000)
    del screen
    if window.workspace is not None:
        window.workspace.teardown()
    if window.session is not None:
        window.session.close()
    gone = weakref.ref(window)
    del window  # the unlock screen's deferred delete is still pending here
    app.processEvents()
    gc.collect()
    app.processEvents()
    return gone() is None


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    freed = 0
    for n in range(rounds):
        with tempfile.TemporaryDirectory() as tmp:
            freed += one_round(Path(tmp) / "profil")
        print(f"round {n + 1} survived", flush=True)
    print(f"freed {freed}/{rounds}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
