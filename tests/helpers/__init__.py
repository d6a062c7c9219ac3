"""Helpers shared by the tests: real profiles on disk, synthetic data only.

The synthetic builders live in fieldapp.services.synthetic (the benchmarks use them too); tests
take them from here. The other modules of this package hold what only tests need: sync helpers
(`sync`), the coordinator's territory (`coordination`), the hand-counted indicator territory
(`reports`), a PostgreSQL server (`postgres`, a pytest plugin loaded by tests/conftest.py), the
window tests' windows and visible texts (`ui`).
"""

from __future__ import annotations

import pytest

from fieldapp.services.synthetic import (
    COORD_PASSPHRASE,
    FAST,
    PASSPHRASE,
    Coordination,
    generated_directory,
    make_coordination,
    make_profile,
    sample_contact,
    service,
    structure,
)

__all__ = [
    "COORD_PASSPHRASE",
    "FAST",
    "PASSPHRASE",
    "Coordination",
    "generated_directory",
    "make_coordination",
    "make_profile",
    "sample_contact",
    "service",
    "structure",
]


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`fieldapp ARGV…` in-process: (exit code, stdout, stderr)."""
    from fieldapp.cli import main

    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
