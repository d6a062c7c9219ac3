"""The message catalogue: both languages, the same placeholders, and every raised code defined."""

from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

import fieldapp
from fieldapp import messages
from fieldapp.errors import AccessError, InputError, Kind, RelaisError
from fieldapp.messages import CATALOGUE, Text, placeholders, render

CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
PACKAGE = Path(fieldapp.__file__).parent


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_both_languages_name_the_same_placeholders(code: str) -> None:
    fr, en = CATALOGUE[code]
    assert fr.strip() and en.strip(), code
    assert placeholders(fr) == placeholders(en), code
    assert CODE.match(code), f"{code}: codes are dotted lower-case words"


def _codes_used_in_source() -> set[tuple[str, str]]:
    """Every string literal that looks like a message code, given first to a call (raise sites,
    Text(...), Problem(...)), with the file it is in."""
    used: set[tuple[str, str]] = set()
    for path in PACKAGE.rglob("*.py"):
        if "messages" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for arg in node.args[:2]:
                if (
                    isinstance(arg, ast.Constant)
                    and isinstance(arg.value, str)
                    and CODE.match(arg.value)
                    and arg.value.split(".")[0] in _PREFIXES
                ):
                    used.add((arg.value, str(path.relative_to(PACKAGE))))
    return used


# A code starts with the layer whose catalogue module defines it (storage.keyfile.…).
_PREFIXES = {"domain", "storage", "sync", "reports", "services", "cli", "ui"}


@pytest.mark.parametrize("part", sorted(_PREFIXES))
def test_each_code_lives_in_its_layers_module(part: str) -> None:
    module = getattr(messages, part)
    wrong = [code for code in module.MESSAGES if code.split(".")[0] != part]
    assert not wrong, f"fieldapp/messages/{part}.py holds codes of another layer: {wrong}"


def test_every_code_raised_in_the_code_base_is_in_the_catalogue() -> None:
    missing = sorted(
        f"{code} ({where})" for code, where in _codes_used_in_source() if code not in CATALOGUE
    )
    assert not missing, "codes missing from fieldapp/messages: " + ", ".join(missing)


def test_the_language_is_chosen_once_for_every_message() -> None:
    code = next(iter(CATALOGUE), None)
    if code is None:
        pytest.skip("empty catalogue")
    try:
        messages.set_language("en")
        assert render(code, {}) == render(code, {}, "en")
        messages.set_language("xx")  # unknown: French
        assert messages.language() == "fr"
    finally:
        messages.set_language("fr")


def test_an_error_renders_in_the_current_language_and_survives_pickling() -> None:
    error = InputError("test.unused", path="/tmp/x")
    assert error.kind is Kind.INPUT
    assert isinstance(error, RelaisError)
    # An unknown code is a bug, never a crash while reporting: the code itself is shown.
    assert str(error) == "test.unused"
    copy = pickle.loads(pickle.dumps(error))
    assert (
        type(copy) is InputError
        and copy.code == "test.unused"
        and copy.params == {"path": "/tmp/x"}
    )
    assert AccessError("x.y").kind is Kind.ACCESS


def test_translatable_parameters_render_in_the_same_language() -> None:
    codes = [c for c, (fr, _) in CATALOGUE.items() if not placeholders(fr)]
    if not codes:
        pytest.skip("no parameterless message yet")
    inner = Text(codes[0])
    outer = Text("test.missing", detail=inner)
    assert outer.message("en") == "test.missing"  # unknown outer code falls back, no crash
    assert inner.message("en") == CATALOGUE[codes[0]][1]
    assert inner.message("fr") == CATALOGUE[codes[0]][0]
