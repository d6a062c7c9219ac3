"""The merge benchmark's synthetic batches are batches the merge accepts.

A benchmark that quarantines what it builds measures the quarantine, not the merge: the
structure check of the enrolment once did that silently (bench_merge.py asserted only at the end
of a long run).
"""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_merge import PASSPHRASE, build
from fieldapp.services.coordination import CoordinationService


def test_benchmark_batches_merge_without_quarantine(tmp_path: Path) -> None:
    rows, _, _ = build(tmp_path, 2, 2, 25)
    service = CoordinationService.open(tmp_path / "coord", PASSPHRASE)
    try:
        report = service.merge(str(tmp_path / "depot"))
    finally:
        service.close()
    assert report.batches_quarantined == []
    assert report.batches_merged == 4
    assert report.events_inserted == len(rows) == 100
