"""End-to-end tests through the CLI: a device joined to the coordination and enrolled, with the
commands' own words (`join`, `enrolment`, `coord enrol`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, make_coordination, make_profile, run_cli


def cli_workspace(tmp: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, dict[str, str]]:
    """A coordination workspace in `tmp/coord` with a folder drop `tmp/depot`, its passphrase in
    FIELDAPP_PASSPHRASE (where the `coord` commands read it; devices read theirs from a file).
    Made with the cheap test KDF, as `coord init` would, slower. Returns (drop, workspace,
    {"invitation", "code"})."""
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", COORD_PASSPHRASE)
    drop, wsdir = tmp / "depot", tmp / "coord"
    drop.mkdir()
    coordination = make_coordination(wsdir, drop=str(drop))
    return drop, wsdir, {"invitation": str(coordination.invitation), "code": coordination.code}


def joined_device(capsys: pytest.CaptureFixture[str], tmp: Path, created: dict[str, str],
                  wsdir: Path, name: str = "educ", *, demo: bool = False,
                  structure_type: str = "prevention-specialisee") -> list[str]:  # fmt: skip
    """A profile in `tmp/name` (real unless `demo`) joined with `created`'s invitation and
    enrolled in the workspace `wsdir` (its passphrase in FIELDAPP_PASSPHRASE); returns the
    device's `--home … --passphrase-file …` arguments."""
    make_profile(tmp / name, demo=demo, structure_type=structure_type)[0].close()
    secret = tmp / "phrase"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    home = ["--home", str(tmp / name), "--passphrase-file", str(secret)]
    rc, _, err = run_cli(capsys, "join", *home, "--invitation", created["invitation"],
                         "--invitation-code", created["code"])  # fmt: skip
    assert rc == 0, err
    enrolment = tmp / f"{name}.enrolment"
    assert run_cli(capsys, "enrolment", *home, "--out", str(enrolment))[0] == 0
    rc, _, err = run_cli(capsys, "coord", "enrol", "--workspace", str(wsdir), str(enrolment),
                         "--yes")  # fmt: skip
    assert rc == 0, err
    return home
