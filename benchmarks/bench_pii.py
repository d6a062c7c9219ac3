"""Precision and recall of the personal-data guard on the synthetic note corpus.

Scans every note of tests/fixtures/pii_corpus.jsonl with `fieldapp.domain.pii.scan` (reference
day 2026-01-15) and prints, per kind and overall, true positives, false negatives, false
positives, precision and recall, then the notes that fail. Figures recorded in docs/privacy.md
(§ 1, « Mesure sur un corpus de notes »).

    .venv/bin/python -m benchmarks.bench_pii
"""

from __future__ import annotations

import sys

from benchmarks.pii_corpus import Counts, load_corpus, measure
from fieldapp.domain.pii import KINDS


def _row(name: str, counts: Counts) -> str:
    return (
        f"{name:<16}{counts.tp:>5}{counts.fn:>5}{counts.fp:>5}"
        f"{counts.precision:>11.3f}{counts.recall:>9.3f}"
    )


def main() -> int:
    notes = load_corpus()
    result = measure(notes)
    negatives = sum(1 for note in notes if not note.expected)
    print(
        f"corpus: {len(notes)} notes ({len(notes) - negatives} with personal data, "
        f"{negatives} without)"
    )
    print(f"{'kind':<16}{'TP':>5}{'FN':>5}{'FP':>5}{'precision':>11}{'recall':>9}")
    for kind in KINDS:
        print(_row(kind, result.per_kind[kind]))
    print(_row("overall", result.overall))
    print(f"\nfailing notes: {len(result.failures)}")
    for failure in result.failures:
        parts = []
        if failure.missed:
            parts.append("missed " + ", ".join(sorted(failure.missed)))
        if failure.spurious:
            parts.append("spurious " + ", ".join(sorted(failure.spurious)))
        print(f"  [{'; '.join(parts)}] {failure.note.text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
