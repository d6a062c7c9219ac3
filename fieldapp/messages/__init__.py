"""The one catalogue of user-facing messages, in French (source) and English.

Every message a person can read that does not come from a Qt widget's `tr()` is a *code* here,
with a template per language. Placeholders use `str.format` names (``{path}``); a test checks that
both languages name the same placeholders and that every code the code base raises exists.

The catalogue is split by layer (`domain.py`, `storage.py`, …) only so that the files stay small;
`CATALOGUE` is the union, and a code is defined once.

The language is process-wide: the CLI sets it from `FIELDAPP_LANG`, the window from its language
setting (`set_language`). French is the default.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from types import MappingProxyType
from typing import Protocol, runtime_checkable

from fieldapp.messages import (
    cli,
    domain,
    employers,
    manques,
    offers,
    plural,
    presence,
    relay,
    reports,
    returns,
    services,
    slip,
    storage,
    sync,
    typography,
    ui,
)

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"

Templates = Mapping[str, tuple[str, str]]


def _union(*parts: Templates) -> Mapping[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        for code, templates in part.items():
            if code in merged:
                raise ValueError(f"message code defined twice: {code}")
            merged[code] = templates
    return MappingProxyType(merged)


CATALOGUE: Mapping[str, tuple[str, str]] = _union(
    domain.MESSAGES,
    storage.MESSAGES,
    sync.MESSAGES,
    reports.MESSAGES,
    services.MESSAGES,
    cli.MESSAGES,
    ui.MESSAGES,
    relay.MESSAGES,
    returns.MESSAGES,
    slip.MESSAGES,
    offers.MESSAGES,
    presence.MESSAGES,
    employers.MESSAGES,
    manques.MESSAGES,
)

_state: dict[str, str] = {"lang": DEFAULT_LANGUAGE}


def set_language(lang: str | None) -> str:
    """Make `lang` the language of every message from now on; unknown values fall back to French."""
    chosen = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    _state["lang"] = chosen
    return chosen


def language() -> str:
    return _state["lang"]


@runtime_checkable
class Translatable(Protocol):
    """Anything that renders itself in a language (a `Text`, a `RelaisError`).

    A `Problem` (domain/errors.py) is not one: its `message` is a property (the text in the
    current language) and `render(lang)` its method; pass `problem.line()`, a `Text`, instead.
    """

    def message(self, lang: str | None = None) -> str: ...


class Text:
    """A message not yet rendered: a code and its parameters, rendered in the reader's language.

    Parameters may themselves be `Translatable` (rendered in the same language) or lists of them
    (joined with "; ").
    """

    __slots__ = ("code", "params")

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params = params

    def message(self, lang: str | None = None) -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"Text({self.code!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.code, self.params) == (other.code, other.params)

    def __hash__(self) -> int:
        return hash(self.code)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild_text, (self.code, dict(self.params)))


def _rebuild_text(code: str, params: dict[str, object]) -> Text:
    return Text(code, **params)


def _renders(value: object) -> bool:
    # runtime_checkable only checks that `message` exists: some exceptions hold a str `message`.
    return (
        isinstance(value, Translatable)
        and not isinstance(value, type)
        and callable(getattr(value, "message", None))
    )


def _param(value: object, lang: str) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return plural.Number(value, lang)  # ``{n:lot|lots}`` picks the form for the number
    if isinstance(value, Translatable) and _renders(value):
        return value.message(lang)
    if isinstance(value, list | tuple) and value and all(_renders(v) for v in value):
        # "; " in both languages: one line, as the CLI contract asks.
        return "; ".join(v.message(lang) for v in value)
    return value


def template(code: str, lang: str | None = None) -> str:
    """The raw template of `code` in `lang`; KeyError for a code missing from the catalogue."""
    fr, en = CATALOGUE[code]
    return en if (lang or language()) == "en" else fr


def render(code: str, params: Mapping[str, object] | None = None, lang: str | None = None) -> str:
    """The message for `code` in `lang` (default: the current language).

    French templates are typeset here, before the values go in (`typography.french`): the one
    place a French message gets its narrow no-break spaces. A code missing from the catalogue,
    or a template naming a parameter that was not given, is a bug;
    the text then falls back to the code itself rather than failing while reporting an error.
    """
    chosen = lang or language()
    try:
        text = template(code, chosen)
    except KeyError:
        return code
    if chosen != "en":
        text = typography.french(text)
    values = {name: _param(value, chosen) for name, value in (params or {}).items()}
    try:
        return text.format_map(values)
    except (KeyError, IndexError, ValueError):
        return text


def say(code: str, /, **params: object) -> str:
    """The message for `code` with these parameters, in the current language (a widget's or a
    writer's one-liner: ``say("ui.chart.funnel")``)."""
    return render(code, params)


def placeholders(text: str) -> frozenset[str]:
    """The `{names}` a template uses (for the catalogue's own test)."""
    return frozenset(
        field.split(".")[0].split("[")[0]
        for _, field, _, _ in string.Formatter().parse(text)
        if field
    )
