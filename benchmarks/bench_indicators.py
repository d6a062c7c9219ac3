"""Time every indicator over 1,000,000 events (12 months) in the consolidated store.

Builds a synthetic territory straight into a consolidated store (24 devices of 4 structure types,
9 neighbourhoods): contacts with needs and registrations, handovers walked through their lifecycle,
a few voided contacts — about 1,000,000 events in all, written through the real projection code
(`fieldapp.storage.projection.append_events`). Then times `compute_indicators` and the whole
published report (suppression included), on SQLCipher and, where a PostgreSQL server binary
exists, on a throwaway PostgreSQL cluster (benchmarks/postgres.py).

    .venv/bin/python -m benchmarks.bench_indicators [--events 1000000] [--store DIR] [--no-pg]

`--store DIR` keeps the SQLCipher store between runs (it is rebuilt when absent).
Budget (DESIGN.md): all indicators for 12 months over 1,000,000 events <= 3 s on SQLite.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, insert, select

from benchmarks.postgres import postgres_cluster
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.ids import uuid7
from fieldapp.domain.vocab import AGE_BANDS, GENDERS, NEEDS, OUTCOMES, PLACE_TYPES, SLOTS
from fieldapp.reports import indicators as ind_module
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.reports.relay_indicators import compute_relays
from fieldapp.storage.coord_schema import devices
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.storage.projection import append_events
from fieldapp.storage.schema import events

KEY = bytes(range(32))  # throwaway benchmark store
STRUCTURE_TYPES = ("prevention-specialisee", "bailleur-social", "association", "mission-locale")
NEIGHBOURHOODS = (
    "QN07699A",
    "QN07699B",
    "QN07699C",
    "QN01499D",
    "QN01499E",
    "QN02799F",
    "QN05099G",
    "QN05099H",
    "hors-qpv",
)
PARTNERS = tuple(f"Partenaire fictif {i:02d}" for i in range(1, 16))
REGISTRATIONS = (
    ["aucune"],
    ["aucune"],
    ["inconnue"],
    ["france-travail"],
    ["mission-locale"],
    ["rsa", "france-travail"],
    ["cap-emploi"],
    ["siae", "autre"],
)
PATHS = (
    [],
    ["rdv_fixe"],
    ["rdv_fixe", "rdv_honore"],
    ["rdv_fixe", "rdv_honore", "entre_dispositif"],
    ["rdv_fixe", "rdv_honore", "entre_dispositif"],
    ["rdv_fixe", "absent", "rdv_fixe", "rdv_honore"],
    ["rdv_fixe", "absent", "perdu_de_vue"],
    ["refus_personne"],
    ["perdu_de_vue"],
    ["expire"],
)

RECEIVED_PATHS: tuple[list[str], ...] = (
    [],
    ["accueilli"],
    ["accueilli", "entre_dispositif"],
    ["sans_suite"],
)


def device_rows(count: int = 24) -> list[dict[str, Any]]:
    rows = []
    for i in range(count):
        structure = i // 2  # two devices per structure
        rows.append(
            {
                "device_id": f"dev{i:02d}" + "0" * 27,
                "signing_public": "A" * 44,
                "fingerprint": f"FP{i:02d}",
                "structure_id": f"s-{structure:02d}",
                "structure_name": f"Structure fictive {structure:02d}",
                "structure_type": STRUCTURE_TYPES[structure % len(STRUCTURE_TYPES)],
                "status": "trusted",
                "enrolled_at": "2026-01-01T00:00:00Z",
                "status_at": "2026-01-01T00:00:00Z",
            }
        )
    return rows


def synthetic_events(
    total: int,
    device_ids: list[str],
    *,
    seed: int = 6,
    year: int = 2026,
    neighbourhoods: tuple[str, ...] = NEIGHBOURHOODS,
) -> Iterator[list[Event]]:
    """Groups of events, one record (with its whole history) per group, `total` events in all."""
    rng = random.Random(seed)  # reproducible fake data, not secrets
    seqs = dict.fromkeys(device_ids, 0)
    wall = dict.fromkeys(device_ids, 1_767_225_600_000)  # 2026-01-01, then monotonic per device
    # Pseudonym codes have the app's shape (XXXX-XXXX) and are all different.
    pseudonyms = [f"{i % 65536:04X}-{i // 65536:04X}" for i in range(max(total // 6, 10))]
    needs = NEEDS.codes()
    start = date(year, 1, 1)
    made = 0

    def event(device: str, kind: EventType, entity: str, payload: dict[str, Any]) -> Event:
        seqs[device] += 1
        wall[device] += rng.randint(1, 90_000)
        return Event(uuid7(), device, seqs[device], f"{wall[device]:015d}-{0:05d}", str(kind),
                     entity, payload)  # fmt: skip

    while made < total:
        device = rng.choice(device_ids)
        day = start + timedelta(days=rng.randrange(365))
        contact_id = uuid7()
        payload: dict[str, Any] = {
            "date": day.isoformat(),
            "slot": rng.choice(SLOTS.codes()),
            "neighbourhood": rng.choice(neighbourhoods),
            "place_type": rng.choice(PLACE_TYPES.codes()),
            "contact_mode": rng.choices(["premier-contact", "recontact"], [3, 1])[0],
            "age_band": rng.choices(AGE_BANDS.codes(), [2, 8, 4, 5, 2, 1, 1])[0],
            "gender": rng.choice(GENDERS.codes()[:2] * 4 + GENDERS.codes()[2:]),
            "situation": "sans-emploi-ni-formation",
            "registrations": rng.choice(REGISTRATIONS),
            "needs": rng.sample(needs, rng.randint(0, 3)),
            "outcome": rng.choice(OUTCOMES.codes()),
        }
        if rng.random() < 0.6:
            payload["pseudonym"] = rng.choice(pseudonyms)
        group = [event(device, EventType.CONTACT_RECORDED, contact_id, payload)]
        if rng.random() < 0.01:
            group.append(event(device, EventType.CONTACT_VOIDED, contact_id, {"reason": "doublon"}))
        yield group
        made += len(group)
        if rng.random() < 0.17 and made < total:
            handover_id = uuid7()
            at = datetime(day.year, day.month, day.day, 14, tzinfo=UTC)
            partner = rng.randrange(len(PARTNERS))
            group = [
                event(
                    device,
                    EventType.HANDOVER_PROPOSED,
                    handover_id,
                    {
                        "contact_id": contact_id,
                        "partner": PARTNERS[partner],
                        "partner_structure_id": f"p-{partner:02d}" if partner % 2 else None,
                        "partner_service_id": f"svc-{partner:02d}" if partner % 3 == 0 else None,
                        "mode": "rdv-tripartite",
                        "consent": True,
                        "at": at.isoformat(),
                        "code_hmac": f"{rng.getrandbits(256):064x}",
                    },
                )
            ]
            # Issue 16: most handovers are confirmed by a receiving structure's device.
            code_hmac = group[0].payload["code_hmac"]
            received = at.date() + timedelta(days=rng.randint(0, 15))
            for status in rng.choice(RECEIVED_PATHS):
                group.append(
                    event(
                        rng.choice(device_ids),
                        EventType.RECEPTION_RECORDED,
                        uuid7(),
                        {"code_hmac": code_hmac, "status": status, "date": received.isoformat()},
                    )
                )
            for status in rng.choice(PATHS):
                at += timedelta(days=rng.randint(1, 20))
                group.append(
                    event(
                        device,
                        EventType.HANDOVER_STATUS_CHANGED,
                        handover_id,
                        {"status": status, "at": at.isoformat()},
                    )
                )
            yield group
            made += len(group)


def fill(engine: Engine, total: int, *, chunk: int = 20_000, seed: int = 6) -> int:
    """Write about `total` synthetic events into a consolidated store; returns the count."""
    rows = device_rows()
    with engine.begin() as conn:
        conn.execute(insert(devices), rows)
    pending: list[Event] = []
    written = 0
    for group in synthetic_events(total, [r["device_id"] for r in rows], seed=seed):
        pending.extend(group)
        if len(pending) >= chunk:
            with engine.begin() as conn:
                append_events(conn, pending)
            written += len(pending)
            pending = []
    if pending:
        with engine.begin() as conn:
            append_events(conn, pending)
        written += len(pending)
    return written


def time_all(engine: Engine, repeat: int = 3) -> dict[str, float]:
    scope = Scope(date_from=date(2026, 1, 1), date_to=date(2026, 12, 31))
    best_raw = best_report = best_relays = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        indicators = compute_indicators(engine, scope)
        t1 = time.perf_counter()
        build_report(indicators, k=5)
        t2 = time.perf_counter()
        best_raw = min(best_raw, t1 - t0)
        best_report = min(best_report, t2 - t0)
        # The relay table alone, over the handovers the indicators scoped (as their job does).
        with engine.connect() as conn, ind_module._temporary(conn, ind_module.handover_scope) as hs:
            ind_module._fill_handovers(conn, ind_module._filter(scope, None), hs)
            t3 = time.perf_counter()
            compute_relays(conn, hs, None)
            best_relays = min(best_relays, time.perf_counter() - t3)
    return {
        "indicators (SQL)": best_raw,
        "indicators + suppression + tables": best_report,
        "relais_confirmes alone (SQL)": best_relays,
    }


def _sqlite_engine(root: Path, total: int) -> tuple[Engine, float | None]:
    fresh = not (root / "consolidated.db").exists()
    root.mkdir(parents=True, exist_ok=True)
    engine = open_consolidated(root, KEY)
    if not fresh:
        return engine, None
    t0 = time.perf_counter()
    fill(engine, total)
    return engine, time.perf_counter() - t0


def _counts(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--store", type=Path, help="keep the SQLCipher store in this folder")
    parser.add_argument("--no-pg", action="store_true", help="skip PostgreSQL")
    args = parser.parse_args()
    results: list[tuple[str, str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = args.store or Path(tmp) / "coord"
        engine, built = _sqlite_engine(root, args.events)
        try:
            n = _counts(engine)
            if built is not None:
                print(f"SQLCipher: {n:,} events written in {built:.1f} s")
            for step, seconds in time_all(engine).items():
                results.append(("SQLite (SQLCipher)", step, seconds))
        finally:
            engine.dispose()
        if not args.no_pg:
            with postgres_cluster() as url:
                if url is None:
                    print("PostgreSQL: no server binary, skipped")
                else:
                    pg = open_consolidated(Path(tmp), KEY, url)
                    try:
                        t0 = time.perf_counter()
                        fill(pg, args.events)
                        seconds = time.perf_counter() - t0
                        print(f"PostgreSQL: {_counts(pg):,} events written in {seconds:.1f} s")
                        with pg.connect() as conn:
                            conn.exec_driver_sql("ANALYZE")
                            conn.commit()
                        for step, seconds in time_all(pg).items():
                            results.append(("PostgreSQL", step, seconds))
                    finally:
                        pg.dispose()
    print(f"\n{'store':<20} {'step':<36} {'seconds':>8}")
    for store, step, seconds in results:
        print(f"{store:<20} {step:<36} {seconds:>8.2f}")
    print("budget: all indicators, 12 months, 1,000,000 events <= 3 s on SQLite")


if __name__ == "__main__":
    main()
