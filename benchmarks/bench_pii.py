"""Precision and recall of the personal-data guard on its two synthetic note corpora, and its speed.

Scans every note of tests/fixtures/pii_corpus.jsonl (the tuning corpus) and of
tests/fixtures/pii_corpus_heldout.jsonl (the held-out corpus, written after the guard was frozen)
with `fieldapp.domain.pii.scan` (reference day 2026-01-15) and prints, for each corpus, per kind and
overall, true positives, false negatives, false positives, precision and recall, then the notes
that fail; last, the time per note (median and worst of 5 passes over both corpora). Figures
recorded in docs/privacy.md (§ 1, « Mesure sur deux corpus de notes »).

    .venv/bin/python -m benchmarks.bench_pii
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from benchmarks.pii_corpus import CORPUS, HELDOUT, TODAY, Counts, load_corpus, measure
from fieldapp.domain.pii import KINDS, scan


def _row(name: str, counts: Counts) -> str:
    return (
        f"{name:<16}{counts.tp:>5}{counts.fn:>5}{counts.fp:>5}"
        f"{counts.precision:>11.3f}{counts.recall:>9.3f}"
    )


def _report(title: str, path: Path) -> None:
    notes = load_corpus(path)
    result = measure(notes)
    negatives = sum(1 for note in notes if not note.expected)
    print(
        f"{title} ({path.name}): {len(notes)} notes ({len(notes) - negatives} with personal "
        f"data, {negatives} without)"
    )
    print(f"{'kind':<16}{'TP':>5}{'FN':>5}{'FP':>5}{'precision':>11}{'recall':>9}")
    for kind in KINDS:
        print(_row(kind, result.per_kind[kind]))
    print(_row("overall", result.overall))
    print(f"failing notes: {len(result.failures)}")
    for failure in result.failures:
        parts = []
        if failure.missed:
            parts.append("missed " + ", ".join(sorted(failure.missed)))
        if failure.spurious:
            parts.append("spurious " + ", ".join(sorted(failure.spurious)))
        print(f"  [{'; '.join(parts)}] {failure.note.text}")
    print()


def _timing() -> None:
    texts = [note.text for path in (CORPUS, HELDOUT) for note in load_corpus(path)]
    scan(texts[0], today=TODAY)  # the given-name list is read on first use
    per_note: list[float] = []
    for _ in range(5):
        for text in texts:
            start = time.perf_counter()
            scan(text, today=TODAY)
            per_note.append(time.perf_counter() - start)
    long_note = " ".join(texts)[:4000]
    start = time.perf_counter()
    scan(long_note, today=TODAY)
    long_time = time.perf_counter() - start
    print(
        f"time per note ({len(texts)} notes x 5): "
        f"median {statistics.median(per_note) * 1e3:.3f} ms, "
        f"p95 {statistics.quantiles(per_note, n=20)[-1] * 1e3:.3f} ms, "
        f"max {max(per_note) * 1e3:.3f} ms; one 4,000-character note: {long_time * 1e3:.1f} ms"
    )


def main() -> int:
    _report("tuning corpus", CORPUS)
    _report("held-out corpus", HELDOUT)
    _timing()
    return 0


if __name__ == "__main__":
    sys.exit(main())
