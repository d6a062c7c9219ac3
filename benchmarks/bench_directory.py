"""Directory search as you type, ranking for a contact, and pack verification, on big directories.

For each size (1,000 and 20,000 services by default) it builds a synthetic directory, then times:
the search index build (once per pack), each keystroke of a few typed queries (with and without
filters, index already built), the ranking of every service for a contact (once per contact) and
the ranked results per keystroke, building the signed pack and verifying it, and the
data·inclusion validation of the rows (coordinator side).

    .venv/bin/python -m benchmarks.bench_directory [--sizes 1000 20000] [--repeat 5]

Budgets: search <= 10 ms per keystroke at 1,000 services (brief), <= 30 ms at 20,000 (issue 7).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.domain.directory import load_services
from fieldapp.services import directory
from fieldapp.services.synthetic import generated_directory
from fieldapp.sync.pack import build_pack, verify_pack
from fieldapp.sync.pack import demo_pack as make_pack

QUERIES = ("accompagnement jeunes", "permis", "logement urgence", "numerique")
FILTERS: tuple[dict[str, str], ...] = (
    {},
    {"need": "trouver-un-emploi"},
    {"public": "jeunes", "commune": "76950"},
)
CONTACT = {
    "neighbourhood": "hors-qpv",
    "commune": "76950",
    "age_band": "18-25",
    "gender": "femme",
    "situation": "sans-emploi-ni-formation",
    "registrations": ["france-travail"],
    "needs": ["mobilite", "trouver-un-emploi"],
}


def timed(func: Callable[[], Any]) -> float:
    start = time.perf_counter()
    func()
    return (time.perf_counter() - start) * 1000


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(1, len(query) + 1)]


def run(size: int, repeat: int) -> None:
    structures, services = generated_directory(size)
    pack = make_pack(
        territories=[], structures=structures, services=services, date="2026-11-20T00:00:00Z"
    )
    print(f"\n{size:,} services, {len(structures):,} structures".replace(",", " "))
    build_ms = timed(lambda: directory.entries(pack))
    print(f"  index build (once per pack)          {build_ms:8.1f} ms")
    for filters in FILTERS:
        samples = []
        for _ in range(repeat):
            for query in QUERIES:
                for text in keystrokes(query):
                    samples.append(
                        timed(lambda t=text, f=filters: directory.search_services(pack, t, **f))
                    )
        samples.sort()
        p95 = samples[int(len(samples) * 0.95) - 1]
        label = ", ".join(f"{k}={v}" for k, v in filters.items()) or "no filter"
        print(
            f"  search per keystroke ({label:<32}) p50 {statistics.median(samples):6.2f} ms"
            f"  p95 {p95:6.2f} ms  max {samples[-1]:6.2f} ms  ({len(samples)} keystrokes)"
        )
    rank_ms = timed(lambda: directory.rank_for_contact(pack, CONTACT))
    print(f"  rank every service for a contact     {rank_ms:8.1f} ms  (once per contact)")
    samples = []
    for query in QUERIES:
        for text in keystrokes(query):
            found = directory.search_services(pack, text)
            samples.append(
                timed(lambda f=found: directory.rank_for_contact(pack, CONTACT, among=f))
            )
    print(
        f"  ranked results per keystroke         p50 {statistics.median(samples):6.2f} ms"
        f"  max {max(samples):6.2f} ms  (after the search)"
    )
    key = Ed25519PrivateKey.generate()
    data = b""

    def build() -> None:
        nonlocal data
        data = build_pack(key, version=1, territories=[], structures=structures, services=services)

    print(
        f"  build + sign pack                    {timed(build):8.1f} ms  ({len(data) / 1e6:.1f} MB)"
    )
    public = key.public_key().public_bytes_raw()
    print(
        f"  verify pack                          {timed(lambda: verify_pack(data, public)):8.1f} ms"
    )
    lines = "\n".join(json.dumps(s) for s in services)
    print(f"  validate rows (data·inclusion)       {timed(lambda: load_services(lines)):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 20000])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for size in args.sizes:
        run(size, args.repeat)


if __name__ == "__main__":
    main()
