"""Odd characters from outside — JSON escapes, spreadsheets — meet the domain's one text rule."""

from __future__ import annotations

import io
import json
import sys
import unicodedata
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.domain.errors import ValidationError
from fieldapp.services.field import FieldService
from fieldapp.storage.home import Home
from tests.helpers import make_profile, sample_contact


@pytest.fixture
def ready(home: Home, passphrase_env: str) -> Home:
    make_profile(home.root)[0].close()
    return home


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _listed(capsys: pytest.CaptureFixture[str], home: Home) -> list[dict[str, object]]:
    code, out, err = _cli(capsys, "contact", "list", "--home", str(home.root), "--json")
    assert code == 0, err
    listed: list[dict[str, object]] = json.loads(out)
    return listed


@pytest.mark.parametrize("escape", ["\\ud800", "\\u0000", "\\u202e"])
def test_contact_add_refuses_escaped_odd_characters_in_one_line(
    escape: str, ready: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    line = json.dumps(sample_contact(note="NOTE")).replace("NOTE", f"avant {escape} après")
    monkeypatch.setattr(sys, "stdin", io.StringIO(line + "\n"))
    code, out, err = _cli(capsys, "contact", "add", "--home", str(ready.root), "-")
    assert code == 1 and out == ""
    (message,) = err.strip().splitlines()
    assert message.startswith("fieldapp: ") and "note" in message and "position 7" in message
    assert "Traceback" not in err and "bogue" not in err
    assert _listed(capsys, ready) == []


def test_csv_import_normalises_and_refuses_like_the_form(
    ready: Home, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    decomposed = unicodedata.normalize("NFD", "Intéressée")
    src = tmp_path / "import.csv"
    src.write_text(
        "date;slot;neighbourhood;place_type;outcome;note\n"
        f"2026-11-20;matin;QN07601M;espace-public;information-donnee;{decomposed}\n"
        "2026-11-20;matin;QN07601M;espace-public;information-donnee;a\x00b\n"
        "2026-11-20;matin;QN07601M;espace-public;information-donnee;x\u202ey\n",
        encoding="utf-8",
    )
    code, _, err = _cli(capsys, "import-contacts", "--home", str(ready.root), str(src))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("ligne 3") and "U+0000" in lines[0]
    assert lines[1].startswith("ligne 4") and "U+202E" in lines[1]
    (stored,) = _listed(capsys, ready)
    assert stored["note"] == "Intéressée"


def test_a_void_reason_goes_through_the_same_rule(field: FieldService) -> None:
    contact_id = field.record_contact(sample_contact())
    with pytest.raises(ValidationError) as caught:
        field.void_contact(contact_id, "doublon \x08")
    assert [p.field for p in caught.value.problems] == ["reason"]
    assert field.contact(contact_id)["voided"] is False
