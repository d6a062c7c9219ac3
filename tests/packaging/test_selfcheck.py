"""`fieldapp selfcheck`: passes on a real temporary store (default Argon2id cost), and fails with
one line on stderr and a non-zero exit code when a step breaks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.cli import main
from fieldapp.services import selfcheck
from fieldapp.sync.batch import BatchError
from tests.helpers.text import fr

ROOT = Path(__file__).resolve().parents[2]
STEPS = ["sqlcipher", "dossier", "annuaire", "profil", "écriture", "lecture", "lot", "fusion"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_selfcheck_passes_on_a_real_store(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "selfcheck", "--tmp", str(tmp_path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1] == "OK"
    done = [line.split()[1] for line in lines if line.startswith("ok ")]
    assert done == [*STEPS, "qt"]
    assert "Argon2id 256 Mio, t=5" in out  # the real default cost, not a test one
    assert "plateforme offscreen" in out
    assert list(tmp_path.iterdir()) == []  # the temporary profile is gone


def _one_error_line(code: int, out: str, err: str, step: str) -> str:
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(fr("fieldapp: autotest en échec à l'étape « " + step + " »"))
    assert "Traceback" not in err
    assert not out.rstrip().endswith("OK")
    return lines[0]


def test_unusable_temporary_folder_is_one_line_and_exit_1(tmp_path: Path) -> None:
    """As a process, the way a bundle is run: a temporary folder that cannot be created (a file
    stands where the folder should be; chmod would not stop root, who runs CI)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from fieldapp.cli import main; sys.exit(main())",
            "selfcheck",
            "--no-qt",
            "--tmp",
            str(blocker / "tmp"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    line = _one_error_line(done.returncode, done.stdout, done.stderr, "dossier")
    assert "NotADirectoryError" in line


def test_a_broken_batch_step_fails(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise BatchError("bad_signature")

    monkeypatch.setattr(selfcheck, "open_batch", refuse)
    code, out, err = run(capsys, "selfcheck", "--tmp", str(tmp_path), "--no-qt")
    _one_error_line(code, out, err, "lot")
    assert list(tmp_path.iterdir()) == []  # cleaned up after a failure too


def test_a_plain_sqlite_driver_is_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import sqlite3

    monkeypatch.setattr(selfcheck, "sqlcipher", sqlite3)
    code, out, err = run(capsys, "selfcheck", "--tmp", str(tmp_path), "--no-qt")
    assert "n'est pas SQLCipher" in _one_error_line(code, out, err, "sqlcipher")


def test_a_missing_translation_fails_the_qt_step(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from fieldapp.ui.app import selfcheck_qt

    monkeypatch.setattr(selfcheck_qt, "translation_file", lambda lang: tmp_path / "none.qm")
    code, out, err = run(capsys, "selfcheck", "--tmp", str(tmp_path))
    assert "traduction anglaise illisible" in _one_error_line(code, out, err, "qt")
