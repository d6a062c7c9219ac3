"""`fieldapp contact add` and names in a note (issue 20, docs/privacy.md § 1): a given name with a
family name is refused, a place named after a person is not. Real CLI, real encrypted store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.storage.home import Home
from tests.helpers import run_cli, sample_contact

_run = run_cli


def _add(
    capsys: pytest.CaptureFixture[str], home: Home, tmp_path: Path, note: str, *extra: str
) -> tuple[int, str, str]:
    src = tmp_path / "contact.json"
    src.write_text(json.dumps(sample_contact(note=note)), encoding="utf-8")
    return _run(capsys, "contact", "add", "--home", str(home.root), *extra, str(src))


def _notes(capsys: pytest.CaptureFixture[str], home: Home) -> list[str]:
    _, out, _ = _run(capsys, "contact", "list", "--home", str(home.root), "--json")
    return [row["note"] for row in json.loads(out)]


def test_a_given_name_with_a_family_name_is_refused_without_repeating_it(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = _add(capsys, ready, tmp_path, "Vu avec Jean-Pierre Martin")
    assert code == 1 and out == ""
    assert "prénom suivi d'un nom" in err
    assert "Jean-Pierre" not in err and "Martin" not in err
    assert _notes(capsys, ready) == []
    code, _, err = _add(capsys, ready, tmp_path, "Vu avec Jean-Pierre Martin", "--redact")
    assert code == 0, err
    assert _notes(capsys, ready) == ["Vu avec [masqué]"]


def test_a_place_named_after_a_person_is_accepted(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = _add(capsys, ready, tmp_path, "Vu au centre Jean Moulin")
    assert code == 0, err
    assert _notes(capsys, ready) == ["Vu au centre Jean Moulin"]
