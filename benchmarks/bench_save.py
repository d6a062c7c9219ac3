"""Save-one-contact latency (validate, encrypt, commit with fsync) on SQLCipher vs plain SQLite.

For each store size (0, 10,000 and 50,000 contacts already stored) it times `record_contact`
on a real encrypted profile and the very same code path on an unencrypted SQLite file (same
SQLite build, same PRAGMAs, same schema), in the same run, and prints p50/p95 in milliseconds.

    .venv/bin/python -m benchmarks.bench_save [--samples 300] [--sizes 0 10000 50000]

Budget (DESIGN.md): p95 <= 15 ms at 50,000 contacts; SQLCipher overhead <= 1.5x plain SQLite.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine

from fieldapp.services.demo import demo_contacts
from fieldapp.services.field import FieldService
from fieldapp.services.synthetic import make_profile, sample_contact
from fieldapp.storage import migrate
from fieldapp.storage.engine import PRAGMAS, install_transaction_hooks
from fieldapp.storage.home import Home
from fieldapp.storage.store import FieldStore


def _plain_service(root: Path) -> FieldService:
    """The field service on an unencrypted SQLite file: the baseline, never used by the app."""
    root.mkdir(parents=True)
    db = root / "plain.db"

    def connect() -> object:
        conn = sqlcipher.connect(
            str(db), timeout=10.0, isolation_level=None, check_same_thread=False
        )
        for pragma in PRAGMAS:
            conn.execute(pragma)
        return conn

    engine = create_engine("sqlite://", module=sqlcipher, creator=connect)
    install_transaction_hooks(engine)
    migrate.upgrade(engine, db, root / "backups")
    store = FieldStore(engine, "plain-device")
    return FieldService(Home(root), engine, store, {"id": "x", "name": "plain", "type": "autre"})


def _fill(service: FieldService, count: int) -> None:
    items = list(demo_contacts(count, seed=11))
    for start in range(0, len(items), 1000):
        service.record_contacts(items[start : start + 1000])


def _time_saves(service: FieldService, samples: int) -> list[float]:
    contact = sample_contact(date=time.strftime("%Y-%m-%d"))
    for _ in range(10):  # warm caches, as a running app would be
        service.record_contact(contact)
    out = []
    for _ in range(samples):
        t0 = time.perf_counter()
        service.record_contact(contact)
        out.append((time.perf_counter() - t0) * 1000)
    return out


def _pcts(values: list[float]) -> tuple[float, float]:
    q = statistics.quantiles(values, n=100)
    return statistics.median(values), q[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 10_000, 50_000])
    args = parser.parse_args()
    print(
        f"{'contacts':>9} | {'SQLCipher p50':>13} {'p95':>7} | {'SQLite p50':>10} {'p95':>7}"
        " | ratio p95"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            enc, _ = make_profile(Path(tmp) / f"enc-{size}")
            plain = _plain_service(Path(tmp) / f"plain-{size}")
            try:
                _fill(enc, size)
                _fill(plain, size)
                e50, e95 = _pcts(_time_saves(enc, args.samples))
                p50, p95 = _pcts(_time_saves(plain, args.samples))
            finally:
                enc.close()
                plain.close()
            print(
                f"{size:>9} | {e50:>10.2f} ms {e95:>4.2f} ms | {p50:>7.2f} ms {p95:>4.2f} ms | "
                f"{e95 / p95:.2f}x"
            )


if __name__ == "__main__":
    main()
