"""Plurals in one place: « 1 contact importé », « 2 contacts importés », « 0 ligne refusée ».

French takes the singular for 0 and 1, English for 1 only. Three ways in, one rule (`singular`):
- a catalogue template writes both forms in its field's format spec, ``{n:lot scellé|lots
  scellés}``: `render` hands every integer parameter over as a `Number`, which prints the number
  and the form for it (``{n}`` alone stays the bare number);
- a `Count` parameter picks one of two catalogue codes (``.one`` / ``.other``);
- the window passes its two `tr()` forms (with `%n`, Qt's count marker) to `plural`.
A test (tests/domain/test_plurals.py) refuses a « (s) » left in a template or a `tr()` string.
"""

from __future__ import annotations

import fieldapp.messages as messages

__all__ = ["Count", "Number", "plural", "singular"]


def singular(n: int, lang: str | None = None) -> bool:
    """True when `n` takes the singular in `lang` (default: the current language)."""
    if (lang or messages.language()) == "en":
        return n == 1
    return -2 < n < 2


def plural(n: int, one: str, other: str, lang: str | None = None) -> str:
    """The form for `n`, with `%n` (Qt's marker) or `{n}` replaced by the number."""
    chosen = one if singular(n, lang) else other
    return chosen.replace("%n", str(n)).replace("{n}", str(n))


class Number:
    """An integer parameter as `render` formats it: ``{n}`` the number, ``{n:one|other}`` the
    number followed by the form its count takes in `lang`; any other spec is int's own."""

    __slots__ = ("lang", "n")

    def __init__(self, n: int, lang: str) -> None:
        self.n = n
        self.lang = lang

    def __format__(self, spec: str) -> str:
        if "|" not in spec:
            return format(self.n, spec)
        one, other = spec.split("|", 1)
        return f"{self.n} {one if singular(self.n, self.lang) else other}"

    def __str__(self) -> str:
        return str(self.n)


class Count:
    """« {n} … » as a message parameter: `one` or `other` (two catalogue codes) by `n`."""

    __slots__ = ("n", "one", "other")

    def __init__(self, n: int, one: str, other: str) -> None:
        self.n = n
        self.one = one
        self.other = other

    def message(self, lang: str | None = None) -> str:
        code = self.one if singular(self.n, lang) else self.other
        return messages.render(code, {"n": self.n}, lang)

    def __str__(self) -> str:
        return self.message()
