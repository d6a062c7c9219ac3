"""The growing delay after wrong passphrases: 0, 1, 2, 4, 8… s up to 30 s, kept across restarts
in the key file's folder, reset on success — the same service for the CLI and the window."""

from __future__ import annotations

import json

import pytest

from fieldapp.cli import main
from fieldapp.services import profile
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile
from tests.helpers.text import fr


class _Clock:
    def __init__(self) -> None:
        self.now = 2_000_000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


@pytest.fixture
def closed(home: Home) -> Home:
    make_profile(home.root)[0].close()
    return home


def test_each_wrong_passphrase_doubles_the_wait_up_to_30_s(closed: Home) -> None:
    clock = _Clock()
    for _ in range(8):
        # A new UnlockDelay each time: what a restarted program reads back from the folder.
        delay = profile.UnlockDelay(closed, clock=clock, sleep=clock.sleep)
        with pytest.raises(profile.WrongPassphrase):
            profile.open_profile(closed, "pas la bonne phrase", delay=delay)
    assert clock.slept == [1, 2, 4, 8, 16, 30, 30]  # waited before the 2nd…8th check
    assert closed.read_attempts()[0] == 8
    assert json.loads(closed.attempts_file.read_text()) == {
        "failures": 8,
        "not_before": clock.now + 30,
    }
    assert closed.attempts_file.parent == closed.key_file.parent

    service = profile.open_profile(
        closed, PASSPHRASE, delay=profile.UnlockDelay(closed, clock=clock, sleep=clock.sleep)
    )
    try:
        assert clock.slept[-1] == 30
        audited = [(e["action"], e["detail"]) for e in service.audit_entries()]
        assert ("unlock_failed", {"count": 8}) in audited
    finally:
        service.close()
    assert not closed.attempts_file.exists()  # reset on success
    assert profile.UnlockDelay(closed, clock=clock).wait_left() == 0


def test_a_clock_set_back_never_makes_the_wait_longer_than_its_step(closed: Home) -> None:
    clock = _Clock()
    closed.write_attempts(2, clock.now + 10_000)  # written by a clock far ahead
    assert profile.UnlockDelay(closed, clock=clock).wait_left() == 2.0
    closed.attempts_file.write_text("pas du json", encoding="utf-8")  # damaged: no wait
    assert profile.UnlockDelay(closed, clock=clock).wait_left() == 0


def test_the_cli_waits_and_says_so_in_one_line(
    closed: Home, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", "pas la bonne phrase")
    assert main(["contact", "list", "--home", str(closed.root)]) == 1
    _, err = capsys.readouterr()
    assert err.strip() == "fieldapp: Phrase de passe incorrecte"
    assert closed.read_attempts()[0] == 1
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    assert main(["contact", "list", "--home", str(closed.root)]) == 0  # waits ≤ 1 s first
    _, err = capsys.readouterr()
    assert err.splitlines()[0] == fr("Phrase de passe erronée récemment : nouvel essai dans 1 s…")
    assert not closed.attempts_file.exists()


def test_passphrase_checks_before_a_change_count_too(closed: Home) -> None:
    with pytest.raises(profile.WrongPassphrase):
        profile.check_passphrase(closed, "pas la bonne phrase")
    assert closed.read_attempts()[0] == 1
