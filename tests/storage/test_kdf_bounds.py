"""Argon2id parameters are capped to what the app writes, checked before any derivation
(issue 22, item 3): a hostile key file, workspace key file or invitation costs nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from fieldapp.storage import keyfile
from fieldapp.sync import invitation as inv
from fieldapp.sync import workspace as ws
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, make_coordination

HOSTILE = {"memory_kib": 4 * 1024 * 1024, "iterations": 64, "lanes": 64}  # 4 GiB × 64 passes


def rewrite_keyfile(path: Path, **kdf: Any) -> None:
    """Change the passphrase slot's parameters and keep the file canonical (sorted, indent 2)."""
    doc = json.loads(path.read_text(encoding="ascii"))
    doc["slots"]["passphrase"]["kdf"].update(kdf)
    path.write_text(json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n", "ascii")


def test_what_the_app_writes_is_within_the_bounds() -> None:
    for kdf in (keyfile.DEFAULT_KDF, inv.INVITATION_KDF):
        assert kdf.memory_kib <= keyfile.MAX_MEMORY_KIB == 1024 * 1024
        assert kdf.iterations <= keyfile.MAX_ITERATIONS == 10
        assert kdf.lanes <= keyfile.MAX_LANES == 16


@pytest.mark.parametrize(
    "kdf",
    [
        HOSTILE,
        {"memory_kib": 1024 * 1024 + 1},
        {"iterations": 11},
        {"lanes": 17},
    ],
)
def test_a_hostile_key_file_is_refused_before_any_derivation(
    tmp_path: Path, kdf: dict[str, int]
) -> None:
    path = tmp_path / "relais.key"
    keyfile.create_key_file(path, PASSPHRASE, kdf=keyfile.FAST_TEST_KDF, allow_weak=True)
    rewrite_keyfile(path, **kdf)
    keyfile.backup_path(path).unlink()
    started = time.perf_counter()
    with pytest.raises(keyfile.CorruptKeyFile) as refused:
        keyfile.unlock(path, PASSPHRASE)
    assert time.perf_counter() - started < 0.5
    assert "Argon2id" in str(refused.value) and len(str(refused.value).splitlines()) == 1


def test_parameters_at_the_bounds_still_parse(tmp_path: Path) -> None:
    """The cap is not off by one: 1 GiB, 10 passes, 16 lanes is a readable (if slow) file."""
    path = tmp_path / "relais.key"
    keyfile.create_key_file(path, PASSPHRASE, kdf=keyfile.FAST_TEST_KDF, allow_weak=True)
    rewrite_keyfile(path, memory_kib=1024 * 1024, iterations=10, lanes=16)
    assert keyfile.read_kdf_params(path) == keyfile.KdfParams(1024 * 1024, 10, 16)


def test_a_hostile_workspace_key_file_is_refused_at_once(tmp_path: Path) -> None:
    made = make_coordination(tmp_path / "coord")
    rewrite_keyfile(made.root / ws.KEY_FILE, **HOSTILE)
    started = time.perf_counter()
    with pytest.raises(keyfile.CorruptKeyFile):
        ws.open_workspace(made.root, COORD_PASSPHRASE)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize("kdf", [HOSTILE, {"iterations": 11}, {"lanes": 17}])
def test_a_hostile_invitation_is_refused_before_any_derivation(
    tmp_path: Path, kdf: dict[str, int]
) -> None:
    made = make_coordination(tmp_path / "coord")
    doc = json.loads(made.invitation.read_text(encoding="utf-8"))
    doc["kdf"].update(kdf)
    hostile = tmp_path / "hostile.relais-invitation"
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    started = time.perf_counter()
    with pytest.raises(inv.DamagedInvitation) as refused:
        inv.open_invitation(hostile, made.code)
    assert time.perf_counter() - started < 0.5
    assert "démesurés" in str(refused.value) and "1024 Mio" in str(refused.value)
