"""Errors raised by the domain layer, worded from the message catalogue.

Every message names the field it is about, so the CLI, the CSV importer and the forms can show
it as is (DESIGN.md: "invalid contact JSON → which field and why").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.errors import InputError
from fieldapp.messages import Text, Translatable

# The fields people meet in a form (contact, handover): named by the form's label.
LABELLED_FIELDS = frozenset(
    {
        "date", "slot", "neighbourhood", "commune", "place_type", "contact_mode", "age_band",
        "gender", "situation", "registrations", "needs", "outcome", "pseudonym", "note",
        "partner", "mode", "consent", "follow_up", "appointment", "reason", "status",
    }
)  # fmt: skip


class FieldName:
    """A field in a message, rendered in the reader's language: « Lieu (place_type) » for a
    form's field (`LABELLED_FIELDS`), « champ siret » for any other."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def message(self, lang: str | None = None) -> str:
        if self.name in LABELLED_FIELDS:
            label = Text(f"domain.label.{self.name}")
            return Text("domain.problem.labelled", label=label, code=self.name).message(lang)
        return Text("domain.problem.field", name=self.name).message(lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldName) and other.name == self.name

    def __hash__(self) -> int:
        return hash(self.name)


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
        """The whole line as a translatable text: « Lieu (place_type) : … » for a field of the
        contact or handover forms (the form's label first, the key in parentheses for scripts),
        « champ X : … » for any other."""
        return Text("domain.problem.line", field=FieldName(self.field), detail=self.text)

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
