"""French messages get a narrow no-break space (U+202F) before « ; : ! ? » and inside « », from
one place (fieldapp/messages/typography.py, called by `render` and by the window's translator);
English messages get none, and substituted values (paths, times, addresses) stay as given."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from fieldapp.messages import CATALOGUE, Text, placeholders, render
from tests.helpers.text import NARROW


def _rendered(code: str, lang: str) -> str:
    fr, en = CATALOGUE[code]
    names = placeholders(fr) | placeholders(en)
    # A number fits every placeholder, counted ones (``{n:lot|lots}``) included.
    text = render(code, {name: 2 for name in names}, lang)
    assert "{" not in text, code  # the template was rendered, not given back as is
    return text


def _untypeset(text: str) -> list[str]:
    text = re.sub(r"\w+://\S*", "URL", text)  # addresses are not text
    found = []
    for match in re.finditer(r"[;:!?]", text):
        after = text[match.end() : match.end() + 1]
        if match.group() == ":" and after.isdigit():  # 14:30
            continue
        if text[match.start() - 1 : match.start()] != NARROW:
            found.append(text[max(0, match.start() - 12) : match.end() + 1])
    for match in re.finditer(r"«(?!\u202f)|(?<!\u202f)»", text):
        found.append(text[max(0, match.start() - 12) : match.end() + 1])
    return found


def test_every_french_message_has_a_narrow_space_before_its_double_punctuation() -> None:
    offenders = {code: _untypeset(_rendered(code, "fr")) for code in CATALOGUE}
    assert {code: found for code, found in offenders.items() if found} == {}


def test_no_english_message_has_a_narrow_space() -> None:
    assert [code for code in CATALOGUE if NARROW in _rendered(code, "en")] == []


def test_values_keep_their_own_colons_and_spaces() -> None:
    # A path, a time and an address given as values reach the reader as given.
    given = {"path": "C:\\Relais ; x", "reason": "12:30 ? https://a.fr/?q=1"}
    assert render("cli.os_error_at", given, "fr") == (
        f"erreur système (C:\\Relais ; x){NARROW}: 12:30 ? https://a.fr/?q=1"
    )


def test_nested_messages_are_typeset_in_their_own_language() -> None:
    inner = Text("cli.import.file", path="a.csv", detail="x")
    outer = Text("cli.import.file", path="b.csv", detail=inner)
    assert outer.message("fr") == f"b.csv{NARROW}: a.csv{NARROW}: x"
    assert outer.message("en") == "b.csv: a.csv: x"


def test_the_french_window_typesets_its_tr_strings(qapp: object) -> None:
    from fieldapp.ui.kit import i18n

    i18n.apply_language("fr")
    try:
        shown = QCoreApplication.translate("Test", "Durée : %n jour ? « oui »", None, 3)
        assert shown == f"Durée{NARROW}: 3 jour{NARROW}? «{NARROW}oui{NARROW}»"
        i18n.apply_language("en")
        assert QCoreApplication.translate("Test", "Durée : x", None) == "Durée : x"
    finally:
        i18n.apply_language("fr")
