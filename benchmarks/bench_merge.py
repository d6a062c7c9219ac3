"""Merge 1,000,000 events from 200 sealed batches into the coordinator's SQLCipher store.

Builds synthetic signed batches (20 devices x 10 batches of 5,000 contact events) into a folder
drop, enrols the devices, then times `CoordinationService.merge` (verify, decrypt, insert events,
project, ledger: one transaction per batch). In the same run it times the baseline of DESIGN.md:
a bare `executemany` of the same event rows into an unindexed plain SQLite table (median of
three). Then the same merge into a throwaway PostgreSQL cluster (benchmarks/postgres.py,
`fsync=off`), against `COPY` of the same rows into an unindexed table of that server; skipped,
with the reason, where no PostgreSQL server binary exists (or with --no-postgres).

    .venv/bin/python -m benchmarks.bench_merge [--devices 20] [--batches 10] [--events 5000]

Budget (DESIGN.md): <= 20 s, and within 3x of the bare executemany.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.domain.clock import HybridClock
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.ids import new_device_id, uuid7
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.demo import demo_contacts
from fieldapp.storage import keyfile
from fieldapp.storage.projection import event_row
from fieldapp.sync import workspace as ws
from fieldapp.sync.batch import seal_batch
from fieldapp.sync.invitation import Enrolment

PASSPHRASE = "benchmark-passphrase"  # throwaway benchmark workspace


def new_workspace(folder: Path) -> ws.Workspace:
    """A throwaway coordination workspace (fast key derivation: a benchmark's, not a user's)."""
    workspace, *_ = ws.create_workspace(
        folder,
        PASSPHRASE,
        territory="Banc d'essai",
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
        invitation_kdf=keyfile.FAST_TEST_KDF,
    )
    return workspace


def bare_baseline(path: Path) -> sqlite3.Connection:
    """The baseline of DESIGN.md: a plain SQLite file with one unindexed table of event rows."""
    baseline = sqlite3.connect(path)
    baseline.execute("PRAGMA journal_mode=WAL")
    baseline.execute("PRAGMA synchronous=FULL")
    baseline.execute(
        "CREATE TABLE events (id TEXT, device_id TEXT, seq INTEGER, hlc TEXT, type TEXT, "
        "entity_id TEXT, payload TEXT, schema INTEGER)"
    )
    return baseline


def build(
    root: Path, devices: int, batches: int, per_batch: int
) -> tuple[list[dict[str, object]], float, list[Enrolment]]:
    workspace = new_workspace(root / "coord")
    drop = root / "depot"
    drop.mkdir()
    payloads = [
        _payload(p)
        for p in demo_contacts(per_batch * batches, seed=3, today=datetime(2026, 11, 1).date())
    ]
    rows: list[dict[str, object]] = []
    enrolments = []
    started = time.perf_counter()
    for _ in range(devices):
        device_id, signing = new_device_id(), Ed25519PrivateKey.generate()
        enrolments.append(
            Enrolment(
                device_id,
                signing.public_key().public_bytes_raw(),
                {"id": "s-" + device_id[:6], "name": "Structure fictive", "type": "association"},
                datetime.now(UTC).isoformat(),
                None,
            )
        )
        clock = HybridClock()
        for b in range(batches):
            evs = []
            for i in range(per_batch):
                seq = b * per_batch + i + 1
                event = Event(
                    uuid7(),
                    device_id,
                    seq,
                    clock.tick().encode(),
                    str(EventType.CONTACT_RECORDED),
                    uuid7(),
                    payloads[seq - 1],
                )
                evs.append(event)
            rows.extend(event_row(e) for e in evs)
            name, data = seal_batch(
                [e.to_dict() for e in evs],
                device_id=device_id,
                structure_id="s-" + device_id[:6],  # the enrolment's structure
                signing_key=signing,
                recipient_public=workspace.recipient_private.public_key(),  # type: ignore[union-attr]
            )
            (drop / name).write_bytes(data)
    sealing = time.perf_counter() - started
    service = CoordinationService.open(root / "coord", PASSPHRASE)
    try:
        for enrolment in enrolments:
            service.enrol(enrolment)
    finally:
        service.close()
    return rows, sealing, enrolments


def bench_postgres(
    root: Path, rows: list[dict[str, object]], enrolments: list[Enrolment], total: int
) -> tuple[float, float] | str:
    """(merge seconds, COPY seconds) on a throwaway cluster, or why it was skipped."""
    import psycopg

    from benchmarks.postgres import postgres_cluster

    with postgres_cluster() as url:
        if url is None:
            return "pas de serveur PostgreSQL (pg_ctl introuvable, ou root sans runuser)"
        dsn = url.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn) as conn:
            conn.execute(
                "CREATE TABLE bare_events (id TEXT, device_id TEXT, seq INTEGER, hlc TEXT, "
                "type TEXT, entity_id TEXT, payload TEXT, schema INTEGER)"
            )
            conn.commit()
            columns = ("id", "device_id", "seq", "hlc", "type", "entity_id", "payload", "schema")
            t0 = time.perf_counter()
            with (
                conn.cursor() as cur,
                cur.copy(f"COPY bare_events ({', '.join(columns)}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(tuple(row[c] for c in columns))
            conn.commit()
            bare = time.perf_counter() - t0
        service = CoordinationService.open(root / "coord", PASSPHRASE, db_url=url)
        try:
            for enrolment in enrolments:
                service.enrol(enrolment)
            t0 = time.perf_counter()
            report = service.merge(str(root / "depot"))
            merge = time.perf_counter() - t0
        finally:
            service.close()
        assert report.events_inserted == total, report.summary()
        return merge, bare


def _payload(p: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in p.items() if v is not None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=20)
    parser.add_argument("--batches", type=int, default=10)
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--no-postgres", action="store_true", help="SQLite only")
    args = parser.parse_args()
    total = args.devices * args.batches * args.events
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rows, sealing, enrolments = build(root, args.devices, args.batches, args.events)
        count = args.devices * args.batches
        print(f"built {count} batches, {total:,} events (sealing {sealing:.1f} s)")

        # The baseline varies by ±20 % from run to run on the reference machine: the median of
        # three, each into a new file, so the ratio moves with the merge rather than with it.
        times = []
        for attempt in range(3):
            baseline = bare_baseline(root / f"baseline-{attempt}.db")
            t0 = time.perf_counter()
            baseline.executemany(
                "INSERT INTO events VALUES "
                "(:id, :device_id, :seq, :hlc, :type, :entity_id, :payload, :schema)",
                rows,
            )
            baseline.commit()
            times.append(time.perf_counter() - t0)
            baseline.close()
        bare = statistics.median(times)

        service = CoordinationService.open(root / "coord", PASSPHRASE)
        try:
            t0 = time.perf_counter()
            report = service.merge(str(root / "depot"))
            merge = time.perf_counter() - t0
        finally:
            service.close()
        assert report.events_inserted == total, report.summary()
        assert not report.batches_quarantined
        pg = "--no-postgres" if args.no_postgres else bench_postgres(root, rows, enrolments, total)
    print(f"{'step':<40} {'seconds':>8}")
    print(f"{'SQLite: bare executemany (unindexed)':<40} {bare:>8.2f}")
    print(f"{'SQLite: merge (verify+decrypt+insert+project)':<40} {merge:>8.2f}")
    print(f"SQLite ratio merge / bare: {merge / bare:.2f}x   ({total / merge:,.0f} events/s)")
    if isinstance(pg, str):
        print(f"PostgreSQL skipped: {pg}")
    else:
        pg_merge, pg_copy = pg
        print(f"{'PostgreSQL: COPY (unindexed)':<40} {pg_copy:>8.2f}")
        print(f"{'PostgreSQL: merge':<40} {pg_merge:>8.2f}")
        print(f"PostgreSQL ratio merge / COPY: {pg_merge / pg_copy:.2f}x")


if __name__ == "__main__":
    main()
