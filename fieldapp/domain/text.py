"""Free text as the domain accepts it: the one place where typed or imported text is normalised.

Every free-text field (a note, a pseudonym, a partner's name, a reason, an identifier) goes
through `clean` on its way in, from the window, the CLI's JSON or a spreadsheet alike
(`_fields.FieldReader.text` calls it):

- line ends become `\\n` (a spreadsheet's or Windows' `\\r\\n`, an old Mac's `\\r`), then Unicode
  NFC, so that « é » typed as one character or as « e » + accent is stored, searched and
  compared as the same text;
- a lone surrogate (half of a UTF-16 pair, which no text encoding can write) is refused, as is
  every control character except newline and tab (NUL, escape, backspace…);
- in notes and reasons (`note=True`), bidirectional overrides and isolates (U+202A–U+202E,
  U+2066–U+2069) are refused too: they make a text display in another order than it is stored
  (« right-to-left override » tricks). The marks U+200E/U+200F, which only hint a direction,
  stay allowed.

A refusal says which character and where (its position, counting from 1), never the text itself.
"""

from __future__ import annotations

import unicodedata

from fieldapp.messages import Text

KEPT_CONTROLS = frozenset("\n\t")
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class TextRefused(ValueError):
    """A character the domain does not store; `text` says which and where."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.code)
        self.text = text


def clean(value: str, *, note: bool = False) -> str:
    """`value` with its line ends unified and in NFC; TextRefused for a character refused."""
    for position, char in enumerate(value, start=1):
        if 0xD800 <= ord(char) <= 0xDFFF:
            raise TextRefused(Text("domain.text.surrogate", position=position))
    unified = value.replace("\r\n", "\n").replace("\r", "\n")
    normal = unicodedata.normalize("NFC", unified)
    for position, char in enumerate(normal, start=1):
        if char in KEPT_CONTROLS:
            continue
        code = "domain.text.control" if unicodedata.category(char) == "Cc" else None
        if code is None and note and char in BIDI_CONTROLS:
            code = "domain.text.bidi"
        if code is not None:
            raise TextRefused(Text(code, char=f"U+{ord(char):04X}", position=position))
    return normal
