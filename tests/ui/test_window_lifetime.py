"""The window may be let go at any moment without a native abort, and is then really freed.

A signal of a page the window deletes later used to be connected to a lambda holding the window:
when that lambda held the last reference, the window was destroyed inside the page's destructor
and the page deleted twice (heap corruption, docs/reliability.md « L'arrêt natif »)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_dropping_the_window_while_the_unlock_screen_awaits_deletion_frees_it_cleanly() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONFAULTHANDLER="1")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.ui.window_lifetime_probe", "5"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    # Killed by a signal (the old abort) reads as a negative return code.
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "round 5 survived" in proc.stdout
    # Freed, not kept alive by a forgotten connection (that only hid the abort, and leaked).
    assert "freed 5/5" in proc.stdout, proc.stdout
