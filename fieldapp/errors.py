"""The one error model: every error a person is meant to read is a `RelaisError`.

A `RelaisError` carries a stable `code` (a key of `fieldapp.messages.CATALOGUE`) and the
parameters of its message; `str(error)` renders it in the current language, `error.message("en")`
in a given one. Its `kind` tells the front ends how to present it:

- `INPUT`: what the person gave is refused (a field, a file, an option); they can fix it;
- `ACCESS`: a secret is wrong or a right is missing (passphrase, enrolment, revoked device);
- `DAMAGED`: a file is damaged or was tampered with; the message says how to recover;
- `UNAVAILABLE`: something outside Relais is in the way (disk, network, a lock); try again.

Anything that is not a `RelaisError` is a bug: the CLI prints one line and a bug exit code, the
window shows its bug dialog (fieldapp/ui/app/bugs.py); neither shows such an exception's text as
if it were advice.
"""

from __future__ import annotations

from enum import StrEnum
from typing import ClassVar

from fieldapp.messages import render


class Kind(StrEnum):
    INPUT = "input"
    ACCESS = "access"
    DAMAGED = "damaged"
    UNAVAILABLE = "unavailable"


class RelaisError(Exception):
    """Base of every user-facing error. Subclasses set `kind` and may fix their own code."""

    kind: ClassVar[Kind] = Kind.INPUT

    def __init__(self, code: str, /, **params: object) -> None:
        self.code = code
        self.params: dict[str, object] = params
        super().__init__(code)

    def message(self, lang: str | None = None) -> str:
        return render(self.code, self.params, lang)

    def __str__(self) -> str:
        return self.message()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r})"

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable whatever the subclass's constructor (the merge's worker process sends errors
        # back): rebuild without calling __init__, then restore every attribute.
        return (_rebuild, (type(self),), dict(self.__dict__))


def _rebuild(cls: type[RelaisError]) -> RelaisError:
    error = cls.__new__(cls)
    Exception.__init__(error)
    return error


class InputError(RelaisError):
    kind = Kind.INPUT


class AccessError(RelaisError):
    kind = Kind.ACCESS


class DamagedError(RelaisError):
    kind = Kind.DAMAGED


class UnavailableError(RelaisError):
    kind = Kind.UNAVAILABLE
