"""Errors raised by the domain layer, worded from the message catalogue.

Every message names the field it is about, so the CLI, the CSV importer and the forms can show
it as is (DESIGN.md: "invalid contact JSON → which field and why").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.errors import InputError
from fieldapp.messages import Text, Translatable


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record.

    `text` is a catalogue `Text`; a plain `str` is shown as is in every language (a person's own
    words, or a test's). `message` is the text in the current language, `str()` the whole line.
    """

    field: str
    text: Text | str

    @property
    def code(self) -> str | None:
        return self.text.code if isinstance(self.text, Text) else None

    @property
    def params(self) -> dict[str, object]:
        return dict(self.text.params) if isinstance(self.text, Text) else {}

    @property
    def message(self) -> str:
        return self.render()

    def render(self, lang: str | None = None) -> str:
        """The message alone ("valeur inconnue …") in `lang` (default: the current language)."""
        return self.text.message(lang) if isinstance(self.text, Text) else self.text

    def line(self) -> Text:
        """The whole line « champ X : … » as a translatable text."""
        return Text("domain.problem.line", field=self.field, detail=self.text)

    def __str__(self) -> str:
        return self.line().message()


class ValidationError(InputError, ValueError):
    """A record was refused; `problems` lists everything wrong with it, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        if self.problems:
            # One line ("; " between problems), so the CLI contract "one clear line" holds.
            super().__init__(
                "domain.validation.problems", problems=[p.line() for p in self.problems]
            )
        else:
            super().__init__("domain.validation.invalid")


class TransitionError(InputError, ValueError):
    """A handover status change that the lifecycle does not allow.

    `text` replaces the standard wording (an unknown current state).
    """

    def __init__(
        self,
        current: str | None,
        requested: str,
        allowed: Iterable[str],
        *,
        message: Text | str | None = None,
    ) -> None:
        self.current = current
        self.requested = requested
        self.allowed: tuple[str, ...] = tuple(allowed)
        self._message = message
        # Labels first, codes in parentheses: « Rendez-vous fixé (rdv_fixe) » (what a script
        # may match), never a bare code in front of a person.
        from fieldapp.domain.display import Label
        from fieldapp.domain.vocab import HANDOVER_STATUSES

        def shown(code: str) -> Label:
            return Label(HANDOVER_STATUSES, code, with_code=True)

        params: dict[str, object] = {
            "current": shown(current) if current else "",
            "requested": shown(requested),
            "allowed": _Joined([shown(code) for code in self.allowed]),
        }
        if message is not None:
            super().__init__("domain.transition.custom", text=message)
        elif current is None:
            super().__init__("domain.transition.no_handover", **params)
        elif not self.allowed:
            super().__init__("domain.transition.closed", **params)
        else:
            super().__init__("domain.transition.refused", **params)


class _Joined:
    """Labels joined with ", " in the reader's language (a message parameter)."""

    def __init__(self, parts: list[Translatable]) -> None:
        self.parts = parts

    def message(self, lang: str | None = None) -> str:
        return ", ".join(p.message(lang) for p in self.parts)
