"""The merge at three sizes (10,000, 100,000 and 1,000,000 events), on SQLite and PostgreSQL:
seconds, peak memory, and the incremental merge of one more batch into the full store.

For each size, synthetic signed batches of 5,000 contact events are built and the devices
enrolled (benchmarks/bench_merge.py); one batch is held back. A fresh process then merges the
others (`CoordinationService.merge`, its worker processes included), and after them the held-back
batch alone: the incremental merge of issue 19 (one batch of 5,000 events into a full store).
Peak memory is the resident memory of the merging process and its workers, summed, sampled
every 20 ms (Linux `/proc`).

    .venv/bin/python -m benchmarks.bench_merge_scaling [--sizes 10000,100000,1000000]
        [--no-postgres]

PostgreSQL: a throwaway local cluster (benchmarks/postgres.py, `fsync=off`), skipped with the
reason where no server binary exists.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.bench_merge import PASSPHRASE, build
from benchmarks.postgres import postgres_cluster
from fieldapp.services.coordination import CoordinationService
from fieldapp.sync.invitation import Enrolment

PER_BATCH = 5000
HELD_BACK = "held-back"


def _shape(size: int) -> tuple[int, int]:
    """(devices, batches per device) for `size` events in batches of PER_BATCH."""
    batches = max(1, size // PER_BATCH)
    devices = min(20, batches)
    return devices, max(1, batches // devices)


def _tree_rss_mib() -> float:
    """Resident memory of this process and its children (the merge's workers), summed: shared
    pages count once per process, so this is an upper bound."""
    pids = [os.getpid()]
    for task in Path("/proc/self/task").iterdir():
        with contextlib.suppress(OSError):
            pids += [int(pid) for pid in (task / "children").read_text().split()]
    pages = 0
    for pid in pids:
        with contextlib.suppress(OSError, ValueError, IndexError):
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


class _PeakMemory:
    """Samples `_tree_rss_mib` every 20 ms in a thread. (`ru_maxrss` would not do: a process
    started by fork and exec keeps the peak of its parent, here the builder of the batches.)"""

    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, _tree_rss_mib())

    def __enter__(self) -> _PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def _merge_here(root: Path, url: str | None) -> dict[str, float]:
    """In the measured process: merge the depot, then the held-back batch alone."""
    service = CoordinationService.open(root / "coord", PASSPHRASE, db_url=url)
    with _PeakMemory() as memory, contextlib.closing(service):
        t0 = time.perf_counter()
        first = service.merge(str(root / "depot"))
        merge = time.perf_counter() - t0
        for held in (root / HELD_BACK).iterdir():
            held.rename(root / "depot" / held.name)
        t0 = time.perf_counter()
        second = service.merge(str(root / "depot"))
        incremental = time.perf_counter() - t0
    assert not first.batches_quarantined and not second.batches_quarantined
    assert second.events_inserted == PER_BATCH, second.summary()
    return {
        "events": float(first.events_inserted),
        "merge_s": merge,
        "incremental_s": incremental,
        "rss_mib": memory.peak,
    }


def _measure(root: Path, url: str | None) -> dict[str, float]:
    command = [sys.executable, "-m", "benchmarks.bench_merge_scaling", "--merge-in", str(root)]
    if url:
        command += ["--db-url", url]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _hold_back(root: Path) -> None:
    """Move the depot's last batch aside, for the incremental merge."""
    (root / HELD_BACK).mkdir(exist_ok=True)
    last = sorted((root / "depot").iterdir())[-1]
    last.rename(root / HELD_BACK / last.name)


def _prepare(root: Path, size: int) -> list[Enrolment]:
    devices, batches = _shape(size)
    _, _, enrolments = build(root, devices, batches, PER_BATCH)
    _hold_back(root)
    return enrolments


def _enrol_on_server(root: Path, url: str, enrolments: list[Enrolment]) -> None:
    server = CoordinationService.open(root / "coord", PASSPHRASE, db_url=url)
    try:
        for enrolment in enrolments:
            server.enrol(enrolment)
    finally:
        server.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    parser.add_argument("--merge-in", help=argparse.SUPPRESS)  # the measured child process
    parser.add_argument("--db-url", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.merge_in:
        print(json.dumps(_merge_here(Path(args.merge_in), args.db_url)))
        return
    skipped = "--no-postgres" if args.no_postgres else ""
    for size in (int(s) for s in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            enrolments = _prepare(root, size)
            print(_line("SQLite", _measure(root, None)), flush=True)
            if args.no_postgres:
                continue
            _hold_back(root)  # the SQLite run merged it: aside again for the server's run
            with postgres_cluster() as url:
                if url is None:
                    skipped = "pas de serveur PostgreSQL (pg_ctl introuvable, ou root sans runuser)"
                    continue
                _enrol_on_server(root, url, enrolments)
                print(_line("PostgreSQL", _measure(root, url)), flush=True)
    if skipped:
        print(f"PostgreSQL skipped: {skipped}")


def _line(engine: str, r: dict[str, float]) -> str:
    events = int(r["events"]) + PER_BATCH
    return (
        f"{engine:<10} {events:>9,} events  merge {r['merge_s']:7.2f} s "
        f"({r['events'] / r['merge_s']:>6,.0f} ev/s)  then 1 batch of 5,000: "
        f"{r['incremental_s']:5.2f} s  peak RSS with workers {r['rss_mib']:5.0f} MiB"
    )


if __name__ == "__main__":
    main()
