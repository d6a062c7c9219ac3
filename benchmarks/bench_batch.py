"""Benchmark the sealed batch format (DESIGN.md § Performance budgets).

Seals N synthetic contact events into batches of at most 5,000, then verifies and opens them,
and prints the best and median wall time over several runs against the budgets (≤ 1 s each).

    .venv/bin/python benchmarks/bench_batch.py [--events 10000] [--batch-size 5000] [--runs 5]
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync.batch import (
    MAX_EVENTS,
    SUITE_X25519,
    SUITE_XWING,
    RecipientPrivateKey,
    canonical_json,
    open_batch,
    read_manifest,
    recipient_public_bytes,
    seal_batch,
    suite_available,
)

BUDGET_S = 1.0
DEVICE_ID = "bench-device-0001"

_PLACES = ["espace_public", "pied_immeuble", "evenement_quartier", "porte_a_porte"]
_NEEDS = ["mobilite", "numerique", "sante", "logement-hebergement", "trouver-un-emploi"]
_OUTCOMES = ["information_donnee", "rdv_propose", "relais_effectue", "a_recontacter"]


def make_events(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Synthetic contact events whose payload is about 400 bytes of JSON, no personal data."""
    rng = random.Random(seed)  # deterministic synthetic data, not a secret
    events = []
    for seq in range(1, count + 1):
        payload = {
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "slot": rng.choice(["matin", "midi", "apres_midi", "soiree"]),
            "qpv": f"QN0{rng.randint(14000, 76999)}",
            "place_type": rng.choice(_PLACES),
            "contact_mode": rng.choice(["premier_contact", "recontact"]),
            "age_band": rng.choice(["16-17", "18-25", "26-29", "30-44", "45-54", "55+"]),
            "gender": rng.choice(["femme", "homme", "autre", "non_renseigne"]),
            "situation": rng.choice(["sans_emploi_ni_formation", "en_emploi", "inconnue"]),
            "registrations": rng.sample(["aucune", "france_travail", "mission_locale", "rsa"], 2),
            "needs": rng.sample(_NEEDS, 2),
            "outcome": rng.choice(_OUTCOMES),
            "pseudonym": f"{rng.getrandbits(40):010X}",
            "note": "Échange au pied de l'immeuble, intéressé par un atelier numérique.",
        }
        events.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "device_id": DEVICE_ID,
                "seq": seq,
                "hlc": f"{1_735_689_600_000 + seq * 1000:015d}:0000:{DEVICE_ID}",
                "type": "contact.created",
                "entity_id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                "payload": payload,
                "schema": 1,
            }
        )
    return events


def timed(runs: int, action: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def bench_suite(
    suite: str, events: list[dict[str, Any]], batch_size: int, runs: int
) -> list[tuple[str, list[float], int]]:
    signing_key = Ed25519PrivateKey.generate()
    recipient: RecipientPrivateKey
    if suite == SUITE_XWING:
        recipient = (MLKEM768PrivateKey.generate(), X25519PrivateKey.generate())
    else:
        recipient = X25519PrivateKey.generate()
    public = recipient_public_bytes(recipient)
    chunks = [events[i : i + batch_size] for i in range(0, len(events), batch_size)]
    files: list[bytes] = []

    def seal_all() -> None:
        files.clear()
        for chunk in chunks:
            _name, data = seal_batch(
                chunk,
                device_id=DEVICE_ID,
                structure_id="bench-structure",
                signing_key=signing_key,
                recipient_public=public,
                suite=suite,
            )
            files.append(data)

    def open_all() -> None:
        opened = 0
        for data in files:
            manifest = read_manifest(data)  # as the merge does: route first, then open
            assert manifest.device_id == DEVICE_ID
            _manifest, batch_events = open_batch(
                data, recipient_private=recipient, device_public=signing_key.public_key()
            )
            opened += len(batch_events)
        assert opened == len(events)

    seal_times = timed(runs, seal_all)
    total_bytes = sum(len(data) for data in files)
    open_times = timed(runs, open_all)
    return [("seal", seal_times, total_bytes), ("verify+open", open_times, total_bytes)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=MAX_EVENTS)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--suite", choices=["x25519", "xwing", "all"], default="all")
    args = parser.parse_args(argv)
    if not 1 <= args.batch_size <= MAX_EVENTS:
        parser.error(f"--batch-size doit être entre 1 et {MAX_EVENTS}")

    events = make_events(args.events)
    payload_sizes = [len(canonical_json(event["payload"])) for event in events[:100]]
    suites = {"x25519": [SUITE_X25519], "xwing": [SUITE_XWING]}.get(
        args.suite, [SUITE_X25519, SUITE_XWING]
    )
    print(
        f"{args.events} events, batches of ≤ {args.batch_size}, {args.runs} runs, "
        f"payload ≈ {statistics.mean(payload_sizes):.0f} bytes"
    )
    # "files MB": total size of the sealed batch files (compressed, encrypted).
    header = (
        f"{'suite':<8} {'step':<12} {'best s':>8} {'median s':>9} {'budget s':>9} "
        f"{'files MB':>9}  ok"
    )
    print(header)
    print("-" * len(header))
    all_ok = True
    for suite in suites:
        label = "xwing" if suite == SUITE_XWING else "x25519"
        if not suite_available(suite):
            print(f"{label:<8} (suite not available in this build of cryptography)")
            continue
        for step, times, size in bench_suite(suite, events, args.batch_size, args.runs):
            median = statistics.median(times)
            ok = median <= BUDGET_S
            all_ok = all_ok and (ok or suite != SUITE_X25519)  # budget applies to the default
            print(
                f"{label:<8} {step:<12} {min(times):>8.3f} {median:>9.3f} "
                f"{BUDGET_S:>9.1f} {size / 1e6:>9.2f}  {'yes' if ok else 'NO'}"
            )
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
