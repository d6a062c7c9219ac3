"""Texts as a script or a person reads them: French messages carry narrow no-break spaces
(U+202F) before « ; : ! ? » and inside « »; `plain` turns them back into ordinary spaces so a test
can look for words while another test (tests/domain/test_french_typography.py) checks the spaces."""

from __future__ import annotations

from fieldapp.messages.typography import NARROW, french, plain

__all__ = ["NARROW", "fr", "plain"]


def fr(expected: str) -> str:
    """An expected French text as the reader gets it: typeset by the catalogue's own rule, so a
    test written with ordinary spaces still checks every character (narrow spaces included)."""
    return french(expected)
