"""Crash safety: 100 SIGKILLs of a writer; nothing acknowledged may be lost or corrupted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_hundred_kills_lose_no_acknowledged_save(tmp_path: Path) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.reliability.crash_harness",
            "--kills",
            "100",
            "--seed",
            "7",
            "--home",
            str(tmp_path / "profil"),
            "--json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    assert report["kills"] == 100
    # Half the rounds wait for one acknowledgement before killing: at least 50 whatever the load.
    assert report["acknowledged"] >= 50, "the writer must have been acknowledged many times"
    assert report["lost"] == []
    assert report["integrity_failures"] == []
    assert report["seq_gaps"] == 0
    assert report["ok"] is True
