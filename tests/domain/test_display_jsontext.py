"""domain/display.printable and domain/jsontext: what reaches a terminal, what JSON is decoded."""

from __future__ import annotations

import json

import pytest

from fieldapp.domain import jsontext
from fieldapp.domain.display import printable
from fieldapp.domain.ids import is_device_id


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Équipe de prévention test", "Équipe de prévention test"),
        ("C:\\Relais\\lot.rbatch", "C:\\Relais\\lot.rbatch"),  # nothing to escape: as is
        ("a\nb", "a\\x0ab"),
        ("a\r\tb", "a\\x0d\\x09b"),
        ("\x1b[8mcaché", "\\x1b[8mcaché"),
        ("\x9b31m", "\\x9b31m"),  # C1 CSI
        ("abc\u202edef", "abc\\u202edef"),  # right-to-left override
        ("a\u2028b\u200bc", "a\\u2028b\\u200bc"),
        ("\\x1b\x1b", "\\\\x1b\\x1b"),  # a typed escape and a real one differ
        ("\ud800", "\\ud800"),
        ("x\u00a0y", "x\u00a0y"),  # a no-break space is text
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert "\n" not in printable(raw) and "\x1b" not in printable(raw)


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 65 + "1" + "}" * 65,
        '{"n": ' + "9" * 41 + "}",
        '{"n": -' + "9" * 5_000 + "}",
        '{"n": NaN}',
        "[Infinity]",
        "[-Infinity]",
        '{"n": 1e999}',
    ],
    ids=["deep-100000", "deep-65", "41-digits", "5000-digits", "nan", "inf", "-inf", "1e999"],
)
def test_loads_refuses_what_json_loads_lets_through(text: str) -> None:
    with pytest.raises(jsontext.JsonLimitError) as refused:
        jsontext.loads(text)
    assert isinstance(refused.value, json.JSONDecodeError)  # readers' usual except catches it
    assert refused.value.text.code.startswith("domain.json.")


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1, 2.5, "x"], "b": null}',
        "[" * 64 + "]" * 64,
        '{"s": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}',
        '{"s": "\\"[[[["}',
        '{"n": -' + "9" * 40 + "}",
        '  {"note": "NaN"}  ',
    ],
)
def test_loads_decodes_what_stays_within_the_limits(text: str) -> None:
    assert jsontext.loads(text) == json.loads(text)


def test_loads_refuses_trailing_data_and_bad_bytes() -> None:
    with pytest.raises(json.JSONDecodeError):
        jsontext.loads("{} {}")
    with pytest.raises(UnicodeDecodeError):
        jsontext.loads(b"\xff{}")


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        *[("0123456789abcdef0123456789abcdef", True), ("appareil_1-test", True), ("a" * 64, True)],
        *[("a" * 65, False), ("", False), ("a b", False), ("a\nb", False), ("é", False)],
        (7, False),
    ],
)
def test_device_id_pattern(value: object, ok: bool) -> None:
    assert is_device_id(value) is ok
