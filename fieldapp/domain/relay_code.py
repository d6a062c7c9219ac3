"""The code relais: a short random code given with a handover (issue 16, docs/privacy.md).

The person carries it to the receiving structure (on the slip, as text and QR code); the
structure types or scans it and records what happened. Neither side ever sends the code itself:
both send `code_hmac(territory key, code)`, so the coordinator pairs the two sides without anyone
who only holds batches being able to guess or test codes.

Layout: 8 random Crockford Base32 characters (40 bits, `secrets`), then one check character,
grouped `XXXX-XXXX-X` (e.g. `R7K2-9QXM-4`). The check character is Luhn mod 32 over the eight:
any single mistyped character and almost every swap of two neighbours is caught before anything
is recorded. The code has no link to the person, the pseudonym or the handover's content.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from fieldapp.domain.pseudonym import CROCKFORD_ALPHABET, TERRITORY_KEY_BYTES, crockford_compact
from fieldapp.errors import InputError

DATA_CHARS: Final = 8  # 40 bits
CODE_BITS: Final = DATA_CHARS * 5
CODE_CHARS: Final = DATA_CHARS + 1  # with the check character
CODE_LENGTH: Final = CODE_CHARS + 2  # "XXXX-XXXX-X"
# Domain separation: the same territory key also makes pseudonyms (domain/pseudonym.py, which
# hashes "FAM|I|YYYY|G"); this prefix keeps the two kinds of HMAC apart.
HMAC_PREFIX: Final = b"relais.code-relais.v1\x00"

_BASE = len(CROCKFORD_ALPHABET)
_VALUE = {ch: i for i, ch in enumerate(CROCKFORD_ALPHABET)}


class RelayCodeError(InputError, ValueError):
    """A code relais that cannot be right (length, character, check character)."""


def new_code() -> str:
    """A fresh random code relais, canonical form `XXXX-XXXX-X`."""
    data = "".join(secrets.choice(CROCKFORD_ALPHABET) for _ in range(DATA_CHARS))
    return _format(data + check_character(data))


def check_character(data: str) -> str:
    """Luhn mod 32 check character of canonical Crockford characters."""
    total = 0
    factor = 2
    for ch in reversed(data):
        addend = factor * _VALUE[ch]
        total += addend // _BASE + addend % _BASE
        factor = 1 if factor == 2 else 2
    return CROCKFORD_ALPHABET[(_BASE - total % _BASE) % _BASE]


def normalise(text: str) -> str:
    """A code as typed or scanned ("r7k2 9qxm 4", "R7K29QXM4", "r7k2-9qxm-4") → "R7K2-9QXM-4".

    Case, spaces and dashes do not matter; I and L read as 1, O as 0. Raises RelayCodeError
    (a ValueError) for a wrong length, a character outside the alphabet or a wrong check
    character; the message never repeats what was typed.
    """
    if not isinstance(text, str):
        raise RelayCodeError("domain.relay_code.length", chars=CODE_CHARS)
    compact = crockford_compact(text)
    if len(compact) != CODE_CHARS:
        raise RelayCodeError("domain.relay_code.length", chars=CODE_CHARS)
    if any(ch not in _VALUE for ch in compact):
        raise RelayCodeError("domain.relay_code.characters")
    if check_character(compact[:DATA_CHARS]) != compact[DATA_CHARS]:
        raise RelayCodeError("domain.relay_code.check")
    return _format(compact)


def is_code(text: str) -> bool:
    """True for a canonical, valid code relais."""
    try:
        return isinstance(text, str) and normalise(text) == text
    except RelayCodeError:
        return False


def code_hmac(territory_key: bytes, code: str) -> str:
    """Hex HMAC-SHA256 of the normalised code under the territory key: what batches carry."""
    if not isinstance(territory_key, bytes) or len(territory_key) != TERRITORY_KEY_BYTES:
        raise RelayCodeError("domain.relay_code.territory_key", size=TERRITORY_KEY_BYTES)
    message = HMAC_PREFIX + normalise(code).encode("ascii")
    return hmac.new(territory_key, message, hashlib.sha256).hexdigest()


def is_code_hmac(value: object) -> bool:
    """64 lower-case hex digits, as `code_hmac` writes them."""
    return (
        isinstance(value, str)
        and len(value) == 64
        and all(ch in "0123456789abcdef" for ch in value)
    )


def _format(compact: str) -> str:
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"
