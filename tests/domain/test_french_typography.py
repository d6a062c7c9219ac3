"""French messages put a space before « : », « ; », « ! » and « ? » (as French typesetting asks;
docs/known-issues.md says why it is an ordinary space, not yet the narrow no-break one)."""

from __future__ import annotations

import re

from fieldapp.messages import CATALOGUE


def _unspaced(template: str) -> list[str]:
    text = re.sub(r"\{[^}]*\}", "X", template)  # placeholders are not text
    text = re.sub(r"\w+://\S*", "URL", text)  # nor addresses
    found = []
    for match in re.finditer(r"(?<=[^\s\u00a0\u202f])[;:!?]", text):
        after = text[match.end() : match.end() + 1]
        if match.group() == ":" and after.isdigit():  # 14:30
            continue
        found.append(text[max(0, match.start() - 12) : match.end() + 1])
    return found


def test_every_french_message_spaces_its_double_punctuation() -> None:
    offenders = {code: _unspaced(fr) for code, (fr, _en) in CATALOGUE.items() if _unspaced(fr)}
    assert offenders == {}
