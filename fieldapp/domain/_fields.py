"""Shared field readers: collect every problem of a record instead of stopping at the first.

Private to the domain package; contacts, handovers and events all word their problems from the
same catalogue codes (`domain.field.*`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.text import TextRefused, clean
from fieldapp.domain.vocab import Vocabulary
from fieldapp.messages import Text

# Normalised tokens of field names that would hold identifying data (DESIGN.md principle 1).
_PII_TOKENS = frozenset(
    {
        "nom",
        "prenom",
        "name",
        "firstname",
        "lastname",
        "surname",
        "fullname",
        "telephone",
        "tel",
        "phone",
        "mobile",
        "portable",
        "adresse",
        "address",
        "naissance",
        "birth",
        "birthdate",
        "birthday",
        "dob",
        "email",
        "mail",
        "courriel",
        "nir",
        "secu",
    }
)
PII_MESSAGE = Text("domain.field.personal_data")
_MISSING = object()
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SHOWN_CHARS = 40


def _normalise_key(key: str) -> str:
    decomposed = unicodedata.normalize("NFKD", key)
    ascii_key = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "_", ascii_key).strip("_")


def is_personal_data_key(key: str) -> bool:
    """True for field names such as "nom", "Prénom", "birth-date" or "tel_portable"."""
    normalised = _normalise_key(key)
    return normalised in _PII_TOKENS or any(token in _PII_TOKENS for token in normalised.split("_"))


def type_name(value: object) -> Text | str:
    """Name of a JSON-ish type, for "type incorrect" messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return Text("domain.type.boolean")
    if isinstance(value, int):
        return Text("domain.type.integer")
    if isinstance(value, float):
        return Text("domain.type.number")
    if isinstance(value, str):
        return Text("domain.type.text")
    if isinstance(value, list | tuple):
        return Text("domain.type.list")
    if isinstance(value, Mapping):
        return Text("domain.type.object")
    return type(value).__name__


def shown(value: str) -> Text:
    """A user value quoted in a message, cut short so a message stays one readable line."""
    if len(value) > _SHOWN_CHARS:
        value = value[: _SHOWN_CHARS - 1] + "…"
    return Text("domain.field.quoted", value=value)


def years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


class FieldReader:
    """Reads typed fields out of a raw mapping, recording problems as it goes."""

    def __init__(self, data: object, *, record: str, allowed: Sequence[str]) -> None:
        self.problems: list[Problem] = []
        self._data: Mapping[str, Any] = {}
        if not isinstance(data, Mapping):
            self.problems.append(
                Problem(record, Text("domain.field.object_expected", got=type_name(data)))
            )
            return
        self._data = data
        allowed_set = set(allowed)
        for key in data:
            if not isinstance(key, str):
                self.problems.append(Problem(record, Text("domain.field.key_not_text")))
            elif key in allowed_set:
                continue
            elif is_personal_data_key(key):
                self.problems.append(Problem(key, PII_MESSAGE))
            else:
                self.problems.append(
                    Problem(key, Text("domain.field.unknown", allowed=", ".join(allowed)))
                )

    def add(self, field: str, code: str | Text, /, **params: object) -> None:
        """Record a problem: a catalogue code and its parameters, or a ready `Text`."""
        self.problems.append(
            Problem(field, code if isinstance(code, Text) else Text(code, **params))
        )

    def has_problem(self, field: str) -> bool:
        return any(problem.field == field for problem in self.problems)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    def raw(self, name: str, *, required: bool) -> Any:
        """The value, or _MISSING when absent or null (recording it if required)."""
        value = self._data.get(name)
        if value is None:
            if required:
                self.add(name, "domain.field.missing")
            return _MISSING
        return value

    def text(
        self,
        name: str,
        *,
        required: bool,
        max_len: int,
        what: Text | None = None,
        note: bool = False,
    ) -> str | None:
        """Stripped text, normalised by `text.clean` (`note`: bidi controls refused too); empty
        text counts as missing. Free text is never quoted back."""
        value = self.raw(name, required=required)
        if value is _MISSING:
            return None
        if not isinstance(value, str):
            expected = what or Text("domain.type.text")
            self.add(name, "domain.field.wrong_type", what=expected, got=type_name(value))
            return None
        try:
            value = clean(value, note=note).strip()
        except TextRefused as refused:
            self.add(name, refused.text)
            return None
        if not value:
            if required:
                self.add(name, "domain.field.empty")
            return None
        if len(value) > max_len:
            self.add(name, "domain.field.too_long", length=len(value), max_len=max_len)
            return None
        return value

    def code(self, name: str, vocab: Vocabulary, *, default: str | None = None) -> str | None:
        value = self.raw(name, required=default is None)
        if value is _MISSING:
            return default
        if not isinstance(value, str):
            self.add(name, "domain.field.code_expected", got=type_name(value))
            return None
        if value not in vocab:
            self.add(name, unknown_code(value, vocab))
            return None
        return value

    def codes(
        self, name: str, vocab: Vocabulary, *, default: Sequence[str]
    ) -> tuple[str, ...] | None:
        """A multi-choice answer, returned in vocabulary order so equal answers compare equal."""
        value = self.raw(name, required=False)
        if value is _MISSING:
            value = list(default)
        if not isinstance(value, list | tuple):
            self.add(name, "domain.field.codes_expected", got=type_name(value))
            return None
        ok = True
        seen: set[str] = set()
        for item in value:
            if not isinstance(item, str):
                self.add(name, "domain.field.code_expected", got=type_name(item))
                ok = False
            elif item not in vocab:
                self.add(name, unknown_code(item, vocab))
                ok = False
            elif item in seen:
                self.add(name, "domain.field.duplicate", value=shown(item))
                ok = False
            else:
                seen.add(item)
        if not ok:
            return None
        return tuple(sorted(seen, key=vocab.index))

    def iso_date(self, name: str, *, required: bool) -> dt.date | None:
        value = self.raw(name, required=required)
        if value is _MISSING:
            return None
        if isinstance(value, dt.datetime):
            self.add(name, "domain.field.date_with_time")
            return None
        if isinstance(value, dt.date):
            return value
        if not isinstance(value, str):
            self.add(name, "domain.field.date_expected", got=type_name(value))
            return None
        # fromisoformat alone also takes "20241125" and week dates; the contract is YYYY-MM-DD.
        if _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.add(name, "domain.field.date_invalid", value=shown(value))
        return None

    def boolean(self, name: str, *, required: bool) -> bool | None:
        value = self.raw(name, required=required)
        if value is _MISSING:
            return None
        if not isinstance(value, bool):
            self.add(name, "domain.field.boolean_expected", got=type_name(value))
            return None
        return value


def unknown_code(value: str, vocab: Vocabulary) -> Text:
    return Text("domain.field.unknown_code", value=shown(value), allowed=", ".join(vocab.codes()))
