"""The database floor of a merge: already-built rows into the consolidated store, no Python work.

Opens and folds synthetic batches once (not timed), then inserts the very rows the merge would
insert — `events` rows and the projection tuples — with the merge's per-batch transactions, into:

- `store`: the consolidated SQLCipher store at its current schema (all tables and indexes);
- `store-c010`: the same with the two indexes revision c011 dropped, put back (before/after);
- `lean`: the same, with the needs and registrations as two integer bit masks on the contact
  row instead of two child tables, and without `ix_contacts_neighbourhood` (revision c011
  already dropped `ix_contacts_date` and `ix_contact_needs_need`) — the schema change issue 19
  allows, measured before it is made;
- `events`: the `events` rows alone (their three B-trees), nothing projected;
- `cipher-bare`: the event rows into an unindexed SQLCipher table, per-batch transactions;
- `bare`: the baseline of bench_merge.py — plain SQLite, unindexed, one `executemany`.

It prints wall and CPU seconds and each ratio to `bare`: what no Python optimisation can go
below with that schema.

    .venv/bin/python -m benchmarks.bench_merge_floor [--devices 10] [--batches 4] [--events 5000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy.engine import Connection

from benchmarks.bench_merge import PASSPHRASE, bare_baseline, build, new_workspace
from fieldapp.domain.vocab import NEEDS, REGISTRATIONS
from fieldapp.services.coordination import CoordinationService
from fieldapp.storage.projection import TABLE_COLUMNS, insert_new_events, write_tuples
from fieldapp.sync.merge_pipeline import Prepared, prepare

Batch = tuple[list[tuple[Any, ...]], dict[str, list[tuple[Any, ...]]]]


def prepared_batches(root: Path, devices: int, batches: int, events: int) -> list[Batch]:
    _, _, enrolments = build(root, devices, batches, events)
    service = CoordinationService.open(root / "coord", PASSPHRASE)
    keys = {e.device_id: Ed25519PublicKey.from_public_bytes(e.signing_public) for e in enrolments}
    out = []
    for path in sorted((root / "depot").iterdir()):
        device = path.name.split("-")[1]
        prepared = prepare(path.read_bytes(), service.consolidated.recipient_private, keys[device])
        assert isinstance(prepared, Prepared) and prepared.projection is not None
        assert prepared.event_rows is not None
        out.append((prepared.event_rows, prepared.projection))
    service.close()
    return out


def _store(root: Path, name: str) -> CoordinationService:
    new_workspace(root / name)
    return CoordinationService.open(root / name, PASSPHRASE)


def _masks(projection: dict[str, list[tuple[Any, ...]]], table: str, codes: Any) -> dict[str, int]:
    bit = {code: 1 << i for i, code in enumerate(codes)}
    masks: dict[str, int] = {}
    for contact_id, code in projection[table]:
        masks[contact_id] = masks.get(contact_id, 0) | bit.get(code, 0)
    return masks


def _timed(run: Callable[[], None]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=10)
    parser.add_argument("--batches", type=int, default=4)
    parser.add_argument("--events", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        batches = prepared_batches(root, args.devices, args.batches, args.events)
        total = sum(len(rows) for rows, _ in batches)
        results: dict[str, tuple[float, float]] = {}

        def per_batch(service: CoordinationService, write: Callable[[Connection, Batch], None]):
            def run() -> None:
                for batch in batches:
                    with service.consolidated.engine.begin() as conn:
                        write(conn, batch)

            return run

        service = _store(root, "store")
        results["store"] = _timed(
            per_batch(service, lambda c, b: (insert_new_events(c, b[0]), write_tuples(c, b[1])))
        )
        service.close()

        # The store as it was at c010, with the two indexes c011 dropped: the same run, A/B.
        service = _store(root, "c010")
        with service.consolidated.engine.begin() as conn:
            conn.exec_driver_sql("CREATE INDEX ix_contacts_date ON contacts (date)")
            conn.exec_driver_sql("CREATE INDEX ix_contact_needs_need ON contact_needs (need)")
        results["store-c010"] = _timed(
            per_batch(service, lambda c, b: (insert_new_events(c, b[0]), write_tuples(c, b[1])))
        )
        service.close()

        service = _store(root, "lean")
        columns = TABLE_COLUMNS["contacts"]
        with service.consolidated.engine.begin() as conn:
            for index in ("ix_contacts_date", "ix_contacts_neighbourhood", "ix_contact_needs_need"):
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")  # c011 dropped two
            conn.exec_driver_sql("ALTER TABLE contacts ADD COLUMN needs_mask INTEGER")
            conn.exec_driver_sql("ALTER TABLE contacts ADD COLUMN registrations_mask INTEGER")
        marks = ", ".join("?" for _ in range(len(columns) + 2))
        sql = (
            f"INSERT INTO contacts ({', '.join(columns)}, needs_mask, registrations_mask) "
            f"VALUES ({marks})"
        )

        def lean(conn: Connection, batch: Batch) -> None:
            rows, projection = batch
            insert_new_events(conn, rows)
            needs = _masks(projection, "contact_needs", NEEDS)
            regs = _masks(projection, "contact_registrations", REGISTRATIONS)
            conn.exec_driver_sql(
                sql,
                [(*c, needs.get(c[0], 0), regs.get(c[0], 0)) for c in projection["contacts"]],
            )
            rest = {
                k: v
                for k, v in projection.items()
                if k not in ("contacts", "contact_needs", "contact_registrations")
            }
            write_tuples(
                conn, {**rest, "contacts": [], "contact_needs": [], "contact_registrations": []}
            )

        results["lean"] = _timed(per_batch(service, lean))
        service.close()

        service = _store(root, "events")
        results["events"] = _timed(per_batch(service, lambda c, b: insert_new_events(c, b[0])))
        with service.consolidated.engine.begin() as conn:
            conn.exec_driver_sql(
                "CREATE TABLE bare_events (id, device_id, seq, hlc, type, entity_id, payload, "
                "schema)"
            )
        results["cipher-bare"] = _timed(
            per_batch(
                service,
                lambda c, b: c.exec_driver_sql(
                    "INSERT INTO bare_events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", b[0]
                ),
            )
        )
        service.close()

        baseline = bare_baseline(root / "baseline.db")
        all_rows = [row for rows, _ in batches for row in rows]

        def bare() -> None:
            baseline.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", all_rows)
            baseline.commit()

        results["bare"] = _timed(bare)
        baseline.close()
    base = results["bare"][0]
    print(f"{total:,} events, {len(batches)} batches")
    print(f"{'rows into':<14} {'wall s':>8} {'cpu s':>8} {'/ bare':>7}")
    for name, (wall, cpu) in results.items():
        print(f"{name:<14} {wall:>8.2f} {cpu:>8.2f} {wall / base:>6.2f}x")


if __name__ == "__main__":
    main()
