"""Measure the personal-data guard (fieldapp.domain.pii) on the synthetic note corpora.

Shared by tests/domain/test_pii_corpus.py and benchmarks/bench_pii.py, so that the test and the
printed figures of docs/privacy.md come from the same computation.

The comparison is per note and per kind: a kind counts as found when `scan` returns at least one
finding of that kind; it is a true positive if the note expects it, a false positive otherwise;
an expected kind that is not found is a false negative. Spans are not compared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from fieldapp.domain.pii import KINDS, scan

FIXTURES = Path(__file__).parents[1] / "tests" / "fixtures"
# The tuning corpus: the guard's rules were written and adjusted while looking at it.
CORPUS = FIXTURES / "pii_corpus.jsonl"
# The held-out corpus: written after the guard was frozen, never used to adjust it.
HELDOUT = FIXTURES / "pii_corpus_heldout.jsonl"
# Fixed reference day: the birth-date rule depends on it, the figures must not.
TODAY = date(2026, 1, 15)


@dataclass(frozen=True)
class Note:
    text: str
    expected: frozenset[str]


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0

    @property
    def precision(self) -> float:
        found = self.tp + self.fp
        return self.tp / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.tp + self.fn
        return self.tp / expected if expected else 1.0


@dataclass(frozen=True)
class Failure:
    note: Note
    missed: frozenset[str]
    spurious: frozenset[str]


@dataclass
class Measure:
    per_kind: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    failures: list[Failure] = field(default_factory=list)

    @property
    def overall(self) -> Counts:
        return Counts(
            tp=sum(c.tp for c in self.per_kind.values()),
            fn=sum(c.fn for c in self.per_kind.values()),
            fp=sum(c.fp for c in self.per_kind.values()),
        )


def load_corpus(path: Path = CORPUS) -> list[Note]:
    notes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        expected = frozenset(row["expected"])
        unknown = expected - set(KINDS)
        if unknown:
            raise ValueError(f"unknown kinds {sorted(unknown)} in corpus line: {line}")
        notes.append(Note(row["note"], expected))
    return notes


def measure(notes: list[Note], today: date = TODAY) -> Measure:
    result = Measure()
    for note in notes:
        found = {finding.kind for finding in scan(note.text, today=today)}
        for kind in KINDS:
            counts = result.per_kind[kind]
            if kind in note.expected and kind in found:
                counts.tp += 1
            elif kind in note.expected:
                counts.fn += 1
            elif kind in found:
                counts.fp += 1
        missed, spurious = note.expected - found, found - note.expected
        if missed or spurious:
            result.failures.append(Failure(note, frozenset(missed), frozenset(spurious)))
    return result
