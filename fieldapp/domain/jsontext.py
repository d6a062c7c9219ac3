"""JSON text that comes from outside (a file, stdin, a pack): decoded within limits, or refused.

`json.loads` accepts what Relais must not: `NaN` and `Infinity` (not JSON), integers of any length
(past 4,300 digits `int()` raises a bare ValueError) and nesting down to the interpreter's recursion
limit (RecursionError). `loads` and `raw_decode` refuse all three *while* decoding, with a
`JsonLimitError`, a `json.JSONDecodeError` (hence a ValueError): every reader that already handles
bad JSON handles these too, and `.text` says in the catalogue's words what was refused.

The depth is measured before decoding, on the brackets outside strings (one pass of two regular
expressions), so a 100,000-deep document costs no recursion at all.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import accumulate
from typing import Any, Final

from fieldapp.messages import Text

__all__ = [
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "JsonLimitError",
    "NumberRules",
    "check_depth",
    "loads",
    "number_decoder",
    "raw_decode",
]

MAX_DEPTH: Final = 64  # a contact is 2 deep, a pack 5: room to spare, far from the C stack
MAX_INT_DIGITS: Final = 40  # well past any count, sequence number or timestamp the app writes

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_BLANK = re.compile(r"[ \t\r\n]*")
_STEP: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonLimitError(json.JSONDecodeError):
    """Well-formed or not, this text asks more than Relais decodes (depth, integer, NaN)."""

    def __init__(self, text: Text, doc: str, pos: int = 0) -> None:
        super().__init__(text.message("en"), doc, pos)
        self.text = text


class _Refused(Exception):
    def __init__(self, text: Text) -> None:
        self.text = text


@dataclass(frozen=True)
class NumberRules:
    """What a number may be, checked by the decoder's own hooks before `int()`/`float()` build it
    (the same mechanism for files from outside and for batches, with their own bounds)."""

    max_int_digits: int  # digits, the sign not counted
    too_long: Text  # said of an integer with more digits, or beyond max_abs_int
    not_finite: Text  # said of NaN, Infinity, a float that overflows or is too long
    max_abs_int: int | None = None
    max_float_chars: int | None = None


def number_decoder(rules: NumberRules, refuse: Callable[[Text], Exception]) -> json.JSONDecoder:
    """A `json.JSONDecoder` that raises `refuse(text)` for a number outside `rules`."""

    def parse_int(digits: str) -> int:
        if len(digits) - digits.startswith("-") > rules.max_int_digits:
            raise refuse(rules.too_long)
        value = int(digits)
        if rules.max_abs_int is not None and abs(value) > rules.max_abs_int:
            raise refuse(rules.too_long)
        return value

    def parse_float(literal: str) -> float:
        if rules.max_float_chars is not None and len(literal) > rules.max_float_chars:
            raise refuse(rules.not_finite)
        value = float(literal)
        if not math.isfinite(value):
            raise refuse(rules.not_finite)
        return value

    def parse_constant(_name: str) -> Any:
        raise refuse(rules.not_finite)

    return json.JSONDecoder(
        parse_int=parse_int, parse_float=parse_float, parse_constant=parse_constant
    )


_DECODER: Final = number_decoder(
    NumberRules(
        max_int_digits=MAX_INT_DIGITS,
        too_long=Text("domain.json.integer_too_long", max=MAX_INT_DIGITS),
        not_finite=Text("domain.json.not_finite"),
    ),
    _Refused,
)


def check_depth(text: str, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse a text whose arrays and objects nest deeper than `max_depth`."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    if len(brackets) > max_depth and max(accumulate(_STEP[c] for c in brackets)) > max_depth:
        raise JsonLimitError(Text("domain.json.too_deep", max=max_depth), text)


def raw_decode(text: str, pos: int = 0) -> tuple[Any, int]:
    """`JSONDecoder.raw_decode` within the limits on integers and constants (call `check_depth`
    on the whole text first)."""
    try:
        return _DECODER.raw_decode(text, pos)
    except _Refused as refused:
        raise JsonLimitError(refused.text, text, pos) from None
    except RecursionError:  # only if the caller skipped check_depth
        raise JsonLimitError(Text("domain.json.too_deep", max=MAX_DEPTH), text, pos) from None


def loads(text: str | bytes) -> Any:
    """`json.loads` within the limits; raises JSONDecodeError (JsonLimitError for a limit).

    Bytes must be UTF-8 (UnicodeDecodeError, a ValueError, otherwise).
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    check_depth(text)
    value, end = raw_decode(text, _skip_blank(text, 0))
    end = _skip_blank(text, end)
    if end != len(text):
        raise json.JSONDecodeError("Extra data", text, end)
    return value


def _skip_blank(text: str, pos: int) -> int:
    found = _BLANK.match(text, pos)
    return found.end() if found else pos
