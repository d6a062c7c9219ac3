"""The CLI speaks `FIELDAPP_LANG` (French by default, English with `en`), one line per error, and
tells a bug from an error the person can fix."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp import cli
from fieldapp.cli import field
from tests.helpers.text import fr

ROOT = Path(__file__).resolve().parents[2]


def _fieldapp(*argv: str, lang: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"FIELDAPP_LANG", "FIELDAPP_DEBUG"}}
    if lang is not None:
        env["FIELDAPP_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "fieldapp", *argv],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )


def _one_line(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == cli.EXIT_ERROR, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    return lines[0]


def test_broken_json_lines_are_reported_in_the_chosen_language(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"date": "2026-11-20"}\n{pas du json\n', encoding="utf-8")
    argv = ("contact", "add", "--home", str(tmp_path / "profil"), str(bad))

    english = _one_line(_fieldapp(*argv, lang="en"))
    assert english.startswith("fieldapp: line 2: invalid JSON (")

    french = _one_line(_fieldapp(*argv, lang=None))
    assert french.startswith(fr("fieldapp: ligne 2 : JSON invalide ("))
    # The same error: only the words around json's own reason change.
    assert english.split("(", 1)[1] == french.split("(", 1)[1]


def test_a_bad_date_option_is_reported_in_the_chosen_language(tmp_path: Path) -> None:
    argv = ("contact", "list", "--home", str(tmp_path / "profil"), "--from", "20/11/2026")

    english = _one_line(_fieldapp(*argv, lang="en"))
    assert english == "fieldapp: --from: date expected as YYYY-MM-DD, got “20/11/2026”"

    french = _one_line(_fieldapp(*argv, lang="fr"))
    assert french == fr(
        "fieldapp: --from : date attendue au format AAAA-MM-JJ, reçu « 20/11/2026 »"
    )


def test_an_unknown_language_falls_back_to_french(tmp_path: Path) -> None:
    argv = ("contact", "list", "--home", str(tmp_path / "profil"), "--from", "hier")
    assert "date attendue" in _one_line(_fieldapp(*argv, lang="xx"))


def test_a_bug_is_one_line_naming_it_with_its_own_exit_code(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(args: argparse.Namespace) -> int:
        raise ZeroDivisionError("détail interne")

    monkeypatch.setattr(field, "cmd_contact_list", broken)
    monkeypatch.delenv("FIELDAPP_LANG", raising=False)
    monkeypatch.delenv("FIELDAPP_DEBUG", raising=False)

    assert cli.main(["contact", "list"]) == cli.EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith(fr("fieldapp: Erreur interne de Relais (bogue) : ZeroDivisionError — "))
    assert err.count("\n") == 1 and "détail interne" not in err
    assert not caplog.records  # the traceback only on request

    monkeypatch.setenv("FIELDAPP_DEBUG", "1")
    with caplog.at_level(logging.ERROR, logger="fieldapp.cli"):
        assert cli.main(["contact", "list"]) == cli.EXIT_BUG
    (record,) = caplog.records
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError
