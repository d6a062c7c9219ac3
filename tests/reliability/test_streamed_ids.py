"""`contact add -` writes and flushes each id right after its commit: a program streaming records
in knows which were saved, even when the process dies mid-stream."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.services import profile
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile, sample_contact

ROOT = Path(__file__).resolve().parents[2]


def _stored(home: Home) -> set[str]:
    service = profile.open_profile(home, PASSPHRASE)
    try:
        return {c["id"] for c in service.contacts()}
    finally:
        service.close()


def test_every_id_printed_before_a_kill_is_in_the_store(home: Home) -> None:
    make_profile(home.root)[0].close()
    env = dict(os.environ, FIELDAPP_PASSPHRASE=PASSPHRASE, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen(
        [sys.executable, "-m", "fieldapp", "contact", "add", "--home", str(home.root), "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdin is not None and proc.stdout is not None
    printed: list[str] = []
    try:
        for n in range(12):
            proc.stdin.write((json.dumps(sample_contact(note=f"flux {n}")) + "\n").encode())
            proc.stdin.flush()
            # The id of each line comes back before the next line is sent: not in a block.
            line = proc.stdout.readline().decode().strip()
            assert line, proc.stderr.read().decode() if proc.stderr else ""
            printed.append(line)
        proc.stdin.write((json.dumps(sample_contact(note="jamais acquittée")) + "\n").encode())
        proc.stdin.flush()
    finally:
        proc.kill()  # mid-stream, a line sent and perhaps half-saved
        proc.wait(timeout=30)
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
    assert len(set(printed)) == 12
    stored = _stored(home)
    assert set(printed) <= stored
    assert len(stored) in (12, 13)  # the last line was saved or not, never half


def test_a_bad_line_after_saved_ones_says_what_was_saved(
    home: Home,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_profile(home.root)[0].close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    lines = [json.dumps(sample_contact()), "", json.dumps(sample_contact()), "{pas du json"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code = main(["contact", "add", "--home", str(home.root), "-"])
    out, err = capsys.readouterr()
    assert code == 1
    (line,) = err.strip().splitlines()
    assert "ligne 4" in line and "2 contacts précédents sont enregistrés" in line, line
    assert set(out.split()) == _stored(home) and len(out.split()) == 2


def test_a_pretty_printed_object_on_stdin_is_still_read_whole(
    home: Home,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    make_profile(home.root)[0].close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(sample_contact(), indent=2)))
    assert main(["contact", "add", "--home", str(home.root), "-"]) == 0
    out, _ = capsys.readouterr()
    assert set(out.split()) == _stored(home) and len(out.split()) == 1


def test_import_contacts_prints_each_committed_id(
    home: Home,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    make_profile(home.root)[0].close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    src = tmp_path / "t.csv"
    src.write_text(
        "date;slot;neighbourhood;place_type;outcome\n"
        "2026-11-20;matin;QN07601M;espace-public;information-donnee\n"
        "2026-11-21;soir;QN07601M;espace-public;pas-interesse\n",
        encoding="utf-8",
    )
    assert main(["import-contacts", "--home", str(home.root), str(src)]) == 0
    out, _ = capsys.readouterr()
    ids = out.splitlines()[:2]
    assert set(ids) == _stored(home)
