"""Text from outside made safe to show: control characters become visible escapes.

A structure name, a device id, a file name or a quarantine reason comes from an enrolment, a
manifest, a pack or a drop folder that someone else wrote. Printed raw, a newline forges a second
line (a fake « Empreinte : … »), `ESC[8m` hides what follows, a bidi override reverses it. Every
front end shows such text through `printable`: the CLI before printing, the window in its models.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import TYPE_CHECKING

from fieldapp.messages import language, render

if TYPE_CHECKING:
    from fieldapp.domain.vocab import Vocabulary

__all__ = ["Label", "neighbourhood_code", "neighbourhood_label", "printable"]

OUTSIDE_QPV = "hors-qpv"  # domain.contacts.HORS_QPV (display must not import the records)
_NAME_CODE_SEPARATOR = " — "

# The C0/C1 controls (Cc, ESC included), the format characters that reorder or hide text (Cf:
# bidi embeddings, overrides and isolates, zero-width ones), line and paragraph separators, and
# lone surrogates (Cs: a terminal cannot even encode them).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def _escaped(char: str) -> bool:
    return unicodedata.category(char) in _ESCAPED_CATEGORIES


def printable(text: object) -> str:
    """`text` (str() of it) on one line, each control or format character as `\\xNN`/`\\uNNNN`.

    The backslash itself is escaped (`\\\\`) only when the text holds something to escape (so
    that there, a typed `\\x1b` and a real ESC read differently), and a Windows path reads as usual.
    """
    value = str(text)
    if value.isprintable() or not any(map(_escaped, value)):
        return value
    out = []
    for char in value:
        if char == "\\":
            out.append("\\\\")
        elif not _escaped(char):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)


def neighbourhood_label(code: object, names: Mapping[str, str]) -> str:
    """The one way a neighbourhood is shown: « Quartier des Tilleuls — QN07699A » (name from the
    reference pack, then the code people and files use); « Hors QPV »; a code the pack does not
    know is shown bare."""
    text = str(code or "")
    if text == OUTSIDE_QPV:
        return render("domain.neighbourhood.outside")
    name = names.get(text)
    if not name:
        return text
    return render("domain.neighbourhood.named", {"name": name, "code": text})


def neighbourhood_code(text: str) -> str:
    """The code back from what a Quartier field shows or what was typed: « Quartier des
    Tilleuls — QN07699A » → QN07699A; a bare code stays as typed."""
    value = text.strip()
    if _NAME_CODE_SEPARATOR in value:
        value = value.rsplit(_NAME_CODE_SEPARATOR, 1)[1].strip()
    if value.casefold() == render("domain.neighbourhood.outside").casefold():
        return OUTSIDE_QPV
    return value


class Label:
    """A coded value as people read it: its label in the reader's language (a message
    parameter). `with_code` adds the code in parentheses, for the CLI's scripts:
    « Rendez-vous fixé (rdv_fixe) ». An unknown code (a newer vocabulary) is shown as is."""

    __slots__ = ("code", "vocab", "with_code")

    def __init__(self, vocab: Vocabulary, code: str, *, with_code: bool = False) -> None:
        self.vocab = vocab
        self.code = code
        self.with_code = with_code

    def message(self, lang: str | None = None) -> str:
        try:
            text = self.vocab.label(self.code, lang or language())
        except KeyError:
            return self.code
        return f"{text} ({self.code})" if self.with_code else text

    def __str__(self) -> str:
        return self.message()
