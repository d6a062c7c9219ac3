"""Benchmark delivery of the outbox (issue 4): 50 batches to a local WebDAV server and a folder.

A real encrypted profile is filled with synthetic contacts, joined to a coordinator workspace and
sealed into 50 batches; then the same outbox is delivered, several times, to a fresh folder and to
a fresh wsgidav server on 127.0.0.1 (cheroot, basic auth), through the full `SyncService.deliver`
path: connection check, and per batch PUT + MOVE + GET back (WebDAV) or write + fsync + link +
read back (folder), each state change committed to the encrypted store.

    .venv/bin/python -m benchmarks.bench_sync [--batches 50] [--events-per-batch 200] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from sqlalchemy import update

from benchmarks.davserver import PASSWORD, USER, DavServer
from fieldapp.services.sync import SyncService
from fieldapp.services.synthetic import make_coordination, make_profile, sample_contact
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.schema import outbox


def _reset(service: SyncService) -> None:
    # Benchmark only: make every batch pending again so the same outbox is delivered anew.
    with write_transaction(service.field.engine) as conn:
        conn.execute(update(outbox).values(state="sealed", attempts=0, delivered_at=None))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batches", type=int, default=50)
    parser.add_argument("--events-per-batch", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        coordination = make_coordination(tmp / "coordination")
        field, _ = make_profile(tmp / "profil")
        service = SyncService(field, batch_events=args.events_per_batch)
        service.join_coordination(coordination.invitation, coordination.code)
        total = args.batches * args.events_per_batch
        started = time.perf_counter()
        slots = ["matin", "midi", "apres-midi", "soir"]
        for done in range(0, total, 1000):
            field.record_contacts(
                [
                    sample_contact(
                        date=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}", slot=slots[n % 4]
                    )
                    for n in range(done, min(done + 1000, total))
                ]
            )
        print(f"{total} events recorded in {time.perf_counter() - started:.1f} s")

        started = time.perf_counter()
        sealed = service.seal_pending()
        seal_s = time.perf_counter() - started
        sizes = [row["size"] for row in service.outbox()]
        print(
            f"sealed {sealed} batches of {args.events_per_batch} events in {seal_s:.3f} s "
            f"(batch size {statistics.median(sizes) / 1024:.1f} KiB median, "
            f"{sum(sizes) / 2**20:.2f} MiB in all)"
        )

        results: dict[str, list[float]] = {"folder": [], "webdav": []}
        for run in range(args.runs):
            folder = tmp / f"depot-{run}"
            folder.mkdir()
            _reset(service)
            started = time.perf_counter()
            report = service.deliver(to=str(folder))
            results["folder"].append(time.perf_counter() - started)
            assert report.ok and len(report.delivered) == sealed, report.message

            server = DavServer(tmp / f"dav-{run}")
            try:
                service.set_drop(server.url, username=USER, password=PASSWORD)
                _reset(service)
                started = time.perf_counter()
                report = service.deliver()
                results["webdav"].append(time.perf_counter() - started)
                assert report.ok and len(report.delivered) == sealed, report.message
                assert len(server.batches()) == sealed
            finally:
                server.stop()
        field.close()

    print(f"\ndeliver {sealed} batches, {args.runs} runs (best / median / per batch median):")
    for name, times in results.items():
        best, median = min(times), statistics.median(times)
        print(f"  {name:<7} {best:.3f} s / {median:.3f} s / {1000 * median / sealed:.1f} ms")


if __name__ == "__main__":
    main()
