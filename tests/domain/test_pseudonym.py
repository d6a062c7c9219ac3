"""Person pseudonym (fieldapp.domain.pseudonym). All names are fictional."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.pseudonym import (
    CROCKFORD_ALPHABET,
    TERRITORY_KEY_BYTES,
    is_pseudonym,
    normalise,
    parse_pseudonym,
    pseudonym,
)

KEY_A = bytes(range(32))
KEY_B = b"\x42" * 32
YEAR = 2026

# Fixed vector: keeps the construction stable across releases (changing it would split every
# person already counted into two).
VECTOR_KEY = bytes(range(32))
VECTOR_INPUT = ("Dupontel-Test", "Exemplia", 1990, "femme")
VECTOR_NORMALISED = "DUP|E|1990|F"
VECTOR_CODE = "AXA8-WMY9"


def test_fixed_vector() -> None:
    assert normalise(*VECTOR_INPUT) == VECTOR_NORMALISED
    assert pseudonym(VECTOR_KEY, *VECTOR_INPUT) == VECTOR_CODE
    assert pseudonym(KEY_B, *VECTOR_INPUT) == "SQDF-YS00"


def test_vector_matches_an_independent_computation() -> None:
    # HMAC-SHA256, first 40 bits, RFC 4648 Base32 mapped onto Crockford's alphabet.
    digest = hmac.new(VECTOR_KEY, VECTOR_NORMALISED.encode(), hashlib.sha256).digest()
    rfc4648 = base64.b32encode(digest[:5]).decode()
    crockford = rfc4648.translate(
        str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", CROCKFORD_ALPHABET)
    )
    assert f"{crockford[:4]}-{crockford[4:]}" == VECTOR_CODE


@pytest.mark.parametrize(
    ("family", "given"),
    [
        ("Le Bihan-Éloi", "Éloïse"),
        ("LEBIHAN ELOI", "eloise"),
        ("le bihan éloi", "ÉLOÏSE"),
        ("  Le-Bihan  ", "E."),
        ("L'EBIHAN", "é"),
        ("Lé Bïhan", "Eloise-Marie"),
    ],
)
def test_normalisation_ignores_accents_case_and_punctuation(family: str, given: str) -> None:
    assert normalise(family, given, 1990, "femme", current_year=YEAR) == "LEB|E|1990|F"


def test_same_person_typed_differently_gets_the_same_code() -> None:
    codes = {
        pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1990, "femme"),
        pseudonym(KEY_A, "DUPONTEL TEST", "exemplia", 1990, "F"),
        pseudonym(KEY_A, "dupontel", "Éxemplia", 1990, "Femme"),
        pseudonym(KEY_A, "Dup", "E", 1990, "f"),
    }
    assert codes == {VECTOR_CODE}


def test_letters_unicode_leaves_whole_are_folded() -> None:
    assert normalise("Œuvrette-Test", "Æxemplia", 2000, "homme") == "OEU|A|2000|H"
    assert normalise("Straßexemple", "Ølga", 2000, "h") == "STR|O|2000|H"


def test_short_family_names_are_padded() -> None:
    assert normalise("Ng", "Exemplia", 2000, "femme") == "NG_|E|2000|F"
    assert normalise("N'G", "Exemplia", 2000, "femme") == "NG_|E|2000|F"
    assert normalise("Y", "Exemplia", 2000, "femme") == "Y__|E|2000|F"
    # A padded short name is not a longer name that happens to start the same way.
    assert pseudonym(KEY_A, "Ng", "Exemplia", 2000, "femme") != pseudonym(
        KEY_A, "Nga", "Exemplia", 2000, "femme"
    )


@pytest.mark.parametrize(
    ("gender", "code"),
    [
        ("femme", "F"),
        ("F", "F"),
        ("homme", "H"),
        ("Homme ", "H"),
        ("m", "H"),
        ("autre", "A"),
        ("non-renseigne", "X"),
        ("Non renseigné", "X"),
    ],
)
def test_gender_codes(gender: str, code: str) -> None:
    assert normalise("Exemple", "Test", 2000, gender).endswith(f"|{code}")


@pytest.mark.parametrize(
    ("family", "given", "year", "gender"),
    [
        ("", "Exemplia", 1990, "femme"),
        ("  - ' ", "Exemplia", 1990, "femme"),
        ("1234", "Exemplia", 1990, "femme"),
        ("Dupontel-Test", "", 1990, "femme"),
        ("Dupontel-Test", "...", 1990, "femme"),
        ("Dupontel-Test", "Exemplia", 1850, "femme"),
        ("Dupontel-Test", "Exemplia", 1905, "femme"),
        ("Dupontel-Test", "Exemplia", 2027, "femme"),
        ("Dupontel-Test", "Exemplia", 90, "femme"),
        ("Dupontel-Test", "Exemplia", True, "femme"),
        ("Dupontel-Test", "Exemplia", 1990, "z"),
        ("Dupontel-Test", "Exemplia", 1990, ""),
    ],
)
def test_bad_input_is_refused_in_french_without_echoing_it(
    family: str, given: str, year: int, gender: str
) -> None:
    with pytest.raises(ValueError, match="doit") as caught:
        normalise(family, given, year, gender, current_year=YEAR)
    message = str(caught.value)
    for typed in (family.strip(), given.strip(), gender.strip()):
        if len(typed) >= 3:
            assert typed not in message
    if year >= 1000:
        assert str(year) not in message


def test_year_range_edges() -> None:
    assert normalise("Exemple", "Test", 1906, "h", current_year=YEAR).startswith("EXE|T|1906")
    assert normalise("Exemple", "Test", 2026, "h", current_year=YEAR).startswith("EXE|T|2026")


def test_different_territories_give_unrelated_codes() -> None:
    people = [
        ("Dupontel-Test", "Exemplia", 1990, "femme"),
        ("Exemplia", "Fictif", 1985, "homme"),
        ("Testeur", "Anonyme", 2004, "autre"),
    ]
    for person in people:
        assert pseudonym(KEY_A, *person) != pseudonym(KEY_B, *person)
    # No code of one territory turns up in the other.
    a = [pseudonym(KEY_A, *p) for p in people]
    b = [pseudonym(KEY_B, *p) for p in people]
    assert len(set(a)) == len(set(b)) == len(people)
    assert not set(a) & set(b)


def test_other_people_get_other_codes() -> None:
    base = pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1990, "femme")
    assert pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1991, "femme") != base
    assert pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1990, "homme") != base
    assert pseudonym(KEY_A, "Dupontel-Test", "Fictive", 1990, "femme") != base
    assert pseudonym(KEY_A, "Exemplia", "Exemplia", 1990, "femme") != base


@pytest.mark.parametrize("key", [b"", b"\x00" * 16, b"\x00" * 31, b"\x00" * 33, b"\x00" * 64])
def test_territory_key_of_wrong_length_is_refused(key: bytes) -> None:
    with pytest.raises(ValueError, match=f"{TERRITORY_KEY_BYTES} octets"):
        pseudonym(key, "Dupontel-Test", "Exemplia", 1990, "femme")


def test_territory_key_must_be_bytes() -> None:
    with pytest.raises(ValueError, match="octets"):
        pseudonym("0" * 32, "Dupontel-Test", "Exemplia", 1990, "femme")  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["K7QF-2M9X", "0000-ZZZZ", VECTOR_CODE])
def test_is_pseudonym_accepts_canonical_codes(code: str) -> None:
    assert is_pseudonym(code)


@pytest.mark.parametrize(
    "code",
    [
        "k7qf-2m9x",  # lower case
        "K7QF2M9X",  # no dash
        "K7QF-2M9",  # too short
        "K7QF-2M9XY",
        "K7QI-2M9X",  # I, L, O and U are not in the alphabet
        "K7QL-2M9X",
        "K7QO-2M9X",
        "K7QU-2M9X",
        "K7QF-2M9X\n",
        " K7QF-2M9X",
        "",
    ],
)
def test_is_pseudonym_rejects_anything_else(code: str) -> None:
    assert not is_pseudonym(code)


def test_parse_pseudonym_accepts_what_people_type() -> None:
    assert parse_pseudonym("k7qf 2m9x") == "K7QF-2M9X"
    assert parse_pseudonym("K7QF2M9X") == "K7QF-2M9X"
    assert parse_pseudonym("k7qf-2m9o") == "K7QF-2M90"  # O read as 0
    assert parse_pseudonym("1lI0-0000") == "1110-0000"
    for bad in ("K7QF-2M9U", "K7QF-2M9", "K7QF-2M9X-1", "", "K7QF_2M9X"):
        with pytest.raises(ValueError, match="Pseudonyme invalide"):
            parse_pseudonym(bad)


def test_nothing_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1990, "femme")
        with pytest.raises(ValueError):
            pseudonym(KEY_A, "Dupontel-Test", "Exemplia", 1850, "femme")
    assert caplog.records == []


_names = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzéèêëàâäîïôöùûüçœæ -'’"), max_size=20
).filter(lambda s: any(ch.isalpha() for ch in s))


@settings(max_examples=200, deadline=None, database=None)
@given(
    key=st.binary(min_size=32, max_size=32),
    family=_names,
    given=_names,
    year=st.integers(min_value=1906, max_value=2026),
    gender=st.sampled_from(["femme", "homme", "autre", "non-renseigne"]),
)
def test_codes_are_well_formed_and_case_insensitive(
    key: bytes, family: str, given: str, year: int, gender: str
) -> None:
    code = pseudonym(key, family, given, year, gender, current_year=YEAR)
    assert is_pseudonym(code)
    assert parse_pseudonym(code) == code
    assert code == pseudonym(key, family.upper(), given.upper(), year, gender, current_year=YEAR)
