"""Errors raised by the domain layer, worded in plain French for the people using Relais.

Every message names the field it is about, so the CLI, the CSV importer and the forms can show
it as is (DESIGN.md: "invalid contact JSON → which field and why").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"champ {self.field} : {self.message}"


class ValidationError(ValueError):
    """A record was refused; `problems` lists everything wrong with it, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        if not self.problems:
            return "données invalides"
        # One line, so the CLI contract "one clear line on stderr" holds.
        return "; ".join(str(problem) for problem in self.problems)

    def __str__(self) -> str:
        return self._text()

    def __reduce__(self) -> tuple[type[ValidationError], tuple[list[Problem]]]:
        # Keeps the error picklable (worker processes, multiprocessing in the merge engine).
        return (type(self), (self.problems,))


class TransitionError(ValueError):
    """A handover status change that the lifecycle does not allow."""

    def __init__(
        self,
        current: str | None,
        requested: str,
        allowed: Iterable[str],
        *,
        message: str | None = None,
    ) -> None:
        self.current = current
        self.requested = requested
        self.allowed: tuple[str, ...] = tuple(allowed)
        self._message = message
        super().__init__(self._text())

    def _text(self) -> str:
        if self._message is not None:
            return self._message
        if self.current is None:
            return (
                f"Passage à « {self.requested} » impossible : aucun relais n'existe encore. "
                f"États suivants possibles : {', '.join(self.allowed)}"
            )
        if not self.allowed:
            return (
                f"Passage de « {self.current} » à « {self.requested} » impossible : "
                f"le relais est clos (« {self.current} » est un état final)."
            )
        return (
            f"Passage de « {self.current} » à « {self.requested} » impossible. "
            f"États suivants possibles : {', '.join(self.allowed)}"
        )

    def __str__(self) -> str:
        return self._text()

    def __reduce__(
        self,
    ) -> tuple[type[TransitionError], tuple[str | None, str, tuple[str, ...]], dict[str, object]]:
        return (
            type(self),
            (self.current, self.requested, self.allowed),
            {"_message": self._message},
        )
