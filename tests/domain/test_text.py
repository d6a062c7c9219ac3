"""Free text normalised at one place (domain/text.py), for every free-text field."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from fieldapp.domain.contacts import parse_contact
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.handovers import parse_handover, parse_status_change
from fieldapp.domain.text import TextRefused, clean
from tests.helpers import sample_contact

TODAY = dt.date(2026, 11, 20)


def _problems(data: dict[str, object]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        parse_contact(data, today=TODAY)
    return {p.field: p.message for p in caught.value.problems}


def test_a_note_typed_decomposed_is_stored_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Intéressée, à revoir")
    assert len(decomposed) > len("Intéressée, à revoir")
    contact = parse_contact(sample_contact(note=decomposed), today=TODAY)
    assert contact.note == "Intéressée, à revoir"


def test_line_ends_are_unified_and_tabs_kept() -> None:
    contact = parse_contact(sample_contact(note="ligne 1\r\nligne 2\rligne\t3"), today=TODAY)
    assert contact.note == "ligne 1\nligne 2\nligne\t3"


@pytest.mark.parametrize(
    ("char", "shown"), [("\x00", "U+0000"), ("\x1b", "U+001B"), ("\x7f", "U+007F")]
)
def test_control_characters_are_refused_with_their_position(char: str, shown: str) -> None:
    problems = _problems(sample_contact(note=f"abc{char}def"))
    assert set(problems) == {"note"}
    assert shown in problems["note"] and "position 4" in problems["note"]
    assert "abc" not in problems["note"]  # the note itself is never quoted back


def test_a_lone_surrogate_is_refused_in_every_free_text_field() -> None:
    problems = _problems(sample_contact(note="\ud800 fin", pseudonym="AB\udc00"))
    assert set(problems) == {"note", "pseudonym"}
    assert "UTF-16" in problems["note"] and "position 1" in problems["note"]


def test_bidi_overrides_are_refused_in_notes_but_direction_marks_pass() -> None:
    for char in ("\u202e", "\u202d", "\u2066", "\u2069"):
        problems = _problems(sample_contact(note=f"voir {char}jeudi"))
        assert "sens d'écriture" in problems["note"], char
    contact = parse_contact(sample_contact(note="voir \u200fجمعة\u200e jeudi"), today=TODAY)
    assert contact.note is not None and "\u200f" in contact.note


def test_handover_free_text_goes_through_the_same_rules() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_handover(
            {"contact_id": "c1", "partner": "Mission\x00 locale", "mode": "appel-a-trois"},
            today=TODAY,
        )
    assert any(p.field == "partner" and "U+0000" in p.message for p in caught.value.problems)
    with pytest.raises(ValidationError) as caught:
        parse_status_change(
            {"status": "refus_partenaire", "at": "2026-11-20T10:00:00+01:00", "reason": "\u202e"}
        )
    assert [p.field for p in caught.value.problems] == ["reason"]


def test_clean_is_identity_on_ordinary_text() -> None:
    text = "Rendez-vous jeudi 14 h, « formation » ; OK ?\n— fin"
    assert clean(text, note=True) == text
    with pytest.raises(TextRefused):
        clean("a\x00b")
