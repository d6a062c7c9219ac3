"""The code relais: random, grouped, read back as typed, a typo caught by its check character."""

from __future__ import annotations

import hashlib
import hmac
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.pseudonym import CROCKFORD_ALPHABET, pseudonym
from fieldapp.domain.pseudonym import normalise as pseudonym_text
from fieldapp.domain.relay_code import (
    HMAC_PREFIX,
    RelayCodeError,
    check_character,
    code_hmac,
    is_code,
    is_code_hmac,
    new_code,
    normalise,
)
from tests.helpers.text import fr

KEY = bytes(range(32))
CANONICAL = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]")
codes = st.builds(lambda _: new_code(), st.integers())
data = st.text(alphabet=CROCKFORD_ALPHABET, min_size=8, max_size=8)


def _code(chars: str) -> str:
    full = chars + check_character(chars)
    return f"{full[:4]}-{full[4:8]}-{full[8]}"


def test_new_codes_are_canonical_valid_and_random() -> None:
    made = {new_code() for _ in range(2000)}
    assert len(made) == 2000  # 40 bits: no collision among a few thousand
    assert all(CANONICAL.fullmatch(c) and is_code(c) for c in made)
    # Every position uses the whole alphabet (not a counter, not a hash of something fixed).
    for position in (0, 3, 5, 8):
        assert len({c[position] for c in made}) == 32


@given(data, st.sampled_from(["", " ", "-", "  ", "\u00a0", "\t"]), st.booleans())
def test_normalise_reads_back_any_typed_form(chars: str, separator: str, lower: bool) -> None:
    code = _code(chars)
    compact = code.replace("-", "")
    typed = separator.join([compact[:4], compact[4:8], compact[8:]])
    typed = typed.lower() if lower else typed
    assert normalise(typed) == code
    assert normalise(code) == code  # idempotent


def test_lookalike_letters_read_as_digits() -> None:
    code = _code("10100000")
    assert normalise(code.replace("1", "I").replace("0", "O")) == code
    assert normalise(code.replace("1", "l").replace("0", "o")) == code


@given(data, st.integers(0, 8), st.integers(1, 31))
def test_any_one_character_typo_is_refused(chars: str, position: int, shift: int) -> None:
    code = _code(chars).replace("-", "")
    wrong = CROCKFORD_ALPHABET[(CROCKFORD_ALPHABET.index(code[position]) + shift) % 32]
    typo = code[:position] + wrong + code[position + 1 :]
    with pytest.raises(RelayCodeError) as raised:
        normalise(typo)
    assert raised.value.code == "domain.relay_code.check"


@given(data, st.integers(0, 7))
def test_a_swap_of_two_neighbours_is_refused_unless_they_are_equal(chars: str, i: int) -> None:
    code = _code(chars).replace("-", "")
    swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
    if swapped == code:
        return
    # Luhn mod 32 misses only the swap of the two characters its doubling maps onto each other.
    pair = {code[i], code[i + 1]}
    if pair == {"0", "Z"}:
        return
    with pytest.raises(RelayCodeError):
        normalise(swapped)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("A7K2-9QXN", "domain.relay_code.length"),
        ("R7K2-9QXM-44", "domain.relay_code.length"),
        ("", "domain.relay_code.length"),
        ("R7K2-9QXU-4", "domain.relay_code.characters"),
        ("R7K2-9QX*-4", "domain.relay_code.characters"),
    ],
)
def test_wrong_length_or_characters_say_so_in_french_without_echoing(typed: str, code: str) -> None:
    with pytest.raises(RelayCodeError) as raised:
        normalise(typed)
    assert raised.value.code == code
    text = str(raised.value)
    assert text.startswith("Code relais") and (not typed or typed not in text)


def test_check_message_is_french_and_says_what_to_do() -> None:
    good = new_code()
    last = good[-1]
    wrong = CROCKFORD_ALPHABET[(CROCKFORD_ALPHABET.index(last) + 1) % 32]
    with pytest.raises(RelayCodeError) as raised:
        normalise(good[:-1] + wrong)
    assert str(raised.value) == fr(
        "Code relais erroné : le dernier caractère (de contrôle) ne correspond pas. "
        "Vérifiez chaque caractère sur la fiche relais."
    )
    assert "(check) character" in raised.value.message("en")


def test_hmac_is_over_the_normalised_code_with_its_own_prefix() -> None:
    code = _code("R7K29QXM")
    expected = hmac.new(KEY, HMAC_PREFIX + code.encode(), hashlib.sha256).hexdigest()
    assert code_hmac(KEY, code) == expected
    assert code_hmac(KEY, code.lower().replace("-", " ")) == expected
    assert is_code_hmac(expected)
    assert code_hmac(bytes(32), code) != expected  # another territory, an unrelated value
    # Domain separation: not the pseudonym's HMAC construction.
    plain = hmac.new(KEY, code.encode(), hashlib.sha256).hexdigest()
    assert expected != plain
    assert pseudonym(KEY, "Dupont", "Eloi", 1990, "f") != code[:9]
    assert "|" in pseudonym_text("Dupont", "Eloi", 1990, "f")  # the pseudonym hashes "FAM|I|…"


def test_hmac_needs_a_territory_key_and_a_valid_code() -> None:
    with pytest.raises(RelayCodeError):
        code_hmac(b"short", new_code())
    with pytest.raises(RelayCodeError):
        code_hmac(KEY, "R7K2-9QXM")


@pytest.mark.parametrize("value", ["", "ab" * 31, "AB" * 32, "g" * 64, 12, None])
def test_only_64_lower_hex_digits_are_a_code_hmac(value: object) -> None:
    assert not is_code_hmac(value)
