"""Plurals in one place: « 1 contact importé », « 2 contacts importés », « 0 ligne refusée ».

French takes the singular for 0 and 1, English for 1 only. The window passes its two `tr()`
forms (with `%n`, Qt's count marker) to `plural`; the core's messages use `Count`, a parameter
of a `Text` that picks the `.one` or `.other` code in the reader's language.
"""

from __future__ import annotations

from fieldapp.messages import language, render

__all__ = ["Count", "plural", "singular"]


def singular(n: int, lang: str | None = None) -> bool:
    """True when `n` takes the singular in `lang` (default: the current language)."""
    if (lang or language()) == "en":
        return n == 1
    return -2 < n < 2


def plural(n: int, one: str, other: str, lang: str | None = None) -> str:
    """The form for `n`, with `%n` (Qt's marker) or `{n}` replaced by the number."""
    chosen = one if singular(n, lang) else other
    return chosen.replace("%n", str(n)).replace("{n}", str(n))


class Count:
    """« {n} … » as a message parameter: `one` or `other` (two catalogue codes) by `n`."""

    __slots__ = ("n", "one", "other")

    def __init__(self, n: int, one: str, other: str) -> None:
        self.n = n
        self.one = one
        self.other = other

    def message(self, lang: str | None = None) -> str:
        code = self.one if singular(self.n, lang) else self.other
        return render(code, {"n": self.n}, lang)

    def __str__(self) -> str:
        return self.message()
