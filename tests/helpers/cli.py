"""End-to-end tests through the CLI: a device joined to the coordination and enrolled, with the
commands' own words (`join`, `enrolment`, `coord enrol`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import PASSPHRASE, make_profile, run_cli


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
