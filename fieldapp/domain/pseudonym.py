"""Person pseudonym (DESIGN.md § Data model, "Person pseudonym").

Lets the alliance count people rather than contacts across structures without anyone storing who
they are: the worker types the first letters of the family name, the given name's initial, the
birth year and the gender; Relais keeps only HMAC-SHA256(territory key, normalised string),
shortened to a code such as `K7QF-2M9X`. The typed values are never stored, logged, or echoed in
an error message. docs/privacy.md explains the choices and the collision odds.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata
from datetime import date
from types import MappingProxyType
from typing import Final

from fieldapp.errors import InputError


class PseudonymError(InputError, ValueError):
    """What was typed cannot give a pseudonym; the message never repeats what was typed."""


TERRITORY_KEY_BYTES: Final = 32
FAMILY_LETTERS: Final = 3
# Deterministic padding for family names shorter than three letters ("Ng" → "NG_"); not a
# letter, so a padded short name never equals a longer real one.
PAD: Final = "_"
# A pseudonym is for a living person met in the field: born at most this many years ago.
MAX_AGE_YEARS: Final = 120

CROCKFORD_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_BITS: Final = 40  # 8 Base32 characters

_CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
# Crockford decoding: read I and L as 1 and O as 0, so a code read aloud or retyped still works.
_CROCKFORD_LOOKALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})
# What people put between groups when they type or a scanner sends a code.
_SEPARATORS = frozenset(" -\t\u00a0")

# Letters that Unicode decomposition leaves whole.
_FOLD_LETTERS = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th"}
)

# Vocabulary codes (fieldapp.domain.vocab.GENDERS) and the letters people type, all folded.
_GENDER_CODES = MappingProxyType(
    {
        "femme": "F",
        "f": "F",
        "homme": "H",
        "h": "H",
        "m": "H",
        "autre": "A",
        "a": "A",
        "non-renseigne": "X",
        "non renseigne": "X",
        "nr": "X",
        "x": "X",
    }
)


def normalise(
    family_name: str,
    given_name: str,
    birth_year: int,
    gender: str,
    *,
    current_year: int | None = None,
) -> str:
    """The string that gets hashed: `FAM|I|YYYY|G`, e.g. "LEB|E|1990|F".

    Accents, case, hyphens, apostrophes, spaces and digits do not matter, so "Le Bihan-Éloi" and
    "LEBIHAN ELOI" give the same result. Raises PseudonymError (a ValueError) for an empty name, an
    implausible year or an unknown gender; messages never repeat what was typed.
    """
    family = _letters(family_name)
    if not family:
        raise PseudonymError("domain.pseudonym.family_name")
    given = _letters(given_name)
    if not given:
        raise PseudonymError("domain.pseudonym.given_name")
    year_now = current_year if current_year is not None else date.today().year
    if (
        isinstance(birth_year, bool)
        or not isinstance(birth_year, int)
        or not year_now - MAX_AGE_YEARS <= birth_year <= year_now
    ):
        raise PseudonymError(
            "domain.pseudonym.birth_year", first=year_now - MAX_AGE_YEARS, last=year_now
        )
    code = _GENDER_CODES.get(_fold(gender).strip())
    if code is None:
        raise PseudonymError("domain.pseudonym.gender")
    prefix = family[:FAMILY_LETTERS].ljust(FAMILY_LETTERS, PAD)
    return f"{prefix}|{given[0]}|{birth_year:04d}|{code}"


def pseudonym(
    territory_key: bytes,
    family_name: str,
    given_name: str,
    birth_year: int,
    gender: str,
    *,
    current_year: int | None = None,
) -> str:
    """The person's short code under this territory's key, e.g. "K7QF-2M9X".

    Same person, same territory → same code, whichever structure types it; another territory's
    key gives an unrelated code.
    """
    if not isinstance(territory_key, bytes) or len(territory_key) != TERRITORY_KEY_BYTES:
        raise PseudonymError("domain.pseudonym.territory_key", size=TERRITORY_KEY_BYTES)
    message = normalise(family_name, given_name, birth_year, gender, current_year=current_year)
    digest = hmac.new(territory_key, message.encode("utf-8"), hashlib.sha256).digest()
    return _format(_crockford(digest))


def is_pseudonym(code: str) -> bool:
    """True for a canonical code: `XXXX-XXXX`, upper-case Crockford Base32 (no I, L, O, U)."""
    return isinstance(code, str) and _CODE.fullmatch(code) is not None


def parse_pseudonym(text: str) -> str:
    """A code as a person may type it ("k7qf 2m9x", "K7QF2M9X") → canonical "K7QF-2M9X"."""
    candidate = crockford_compact(text)
    code = f"{candidate[:4]}-{candidate[4:]}"
    if len(candidate) != CODE_BITS // 5 or not is_pseudonym(code):
        raise PseudonymError("domain.pseudonym.invalid")
    return code


def crockford_compact(text: str) -> str:
    """A Crockford code as typed → upper case, separators dropped, look-alikes read (I, L → 1,
    O → 0). Shared by the pseudonym and the code relais (domain/relay_code.py)."""
    compact = "".join(ch for ch in text.upper() if ch not in _SEPARATORS)
    return compact.translate(_CROCKFORD_LOOKALIKES)


def _fold(text: str) -> str:
    """Case-folded, accents removed ("Éloi" → "eloi", "Œuvray" → "oeuvray")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_FOLD_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters(name: str) -> str:
    """Only the letters, upper case: hyphens, apostrophes, spaces and digits are dropped."""
    # Upper-casing can bring accents back ("ǰ" → "J̌"): decompose again before keeping letters.
    upper = unicodedata.normalize("NFKD", _fold(name).upper())
    return "".join(ch for ch in upper if ch.isalpha())


def _crockford(digest: bytes) -> str:
    value = int.from_bytes(digest[: CODE_BITS // 8], "big")
    chars = [CROCKFORD_ALPHABET[(value >> shift) & 0x1F] for shift in range(CODE_BITS - 5, -1, -5)]
    return "".join(chars)


def _format(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"
