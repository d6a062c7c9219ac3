"""French typography in one place: a narrow no-break space (U+202F) before « ; : ! ? » and
inside « guillemets ».

Applied to a French *template* before its values are substituted (`render`), and to the window's
French `tr()` source strings (ui/kit/i18n.py installs a translator that calls `french`), so a
path such as ``C:\\x``, a time ``12:30`` or an address ``https://…`` given as a value is never
changed. Only a space already written in the template becomes the narrow one: the catalogue
writes « mot : » with an ordinary space (a test checks it), this module typesets it.
"""

from __future__ import annotations

import re
from functools import lru_cache

NARROW = "\u202f"

# What is not the template's own text: format fields, Qt's %1/%n markers, addresses.
_PROTECTED = re.compile(r"\{\{|\}\}|\{[^{}]*\}|%(?:\d+|n)|\w+://\S+")
_BEFORE_MARK = re.compile(r"[ \u00a0\u202f]+(?=[;:!?])")
_AFTER_OPENING = re.compile(r"«[ \u00a0\u202f]+")
_BEFORE_CLOSING = re.compile(r"[ \u00a0\u202f]+»")


def _typeset(text: str) -> str:
    text = _BEFORE_MARK.sub(NARROW, text)
    text = _AFTER_OPENING.sub("«" + NARROW, text)
    return _BEFORE_CLOSING.sub(NARROW + "»", text)


@lru_cache(maxsize=4096)  # the same few hundred templates and window strings, over and over
def french(template: str) -> str:
    """`template` with its own spaces before « ; : ! ? » and inside « » made narrow no-break."""
    out: list[str] = []
    last = 0
    for match in _PROTECTED.finditer(template):
        out.append(_typeset(template[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(_typeset(template[last:]))
    return "".join(out)


def plain(text: str) -> str:
    """`text` with the narrow spaces back to ordinary ones (for scripts that match words)."""
    return text.replace(NARROW, " ")
