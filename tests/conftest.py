"""Shared fixtures: real profiles on disk (SQLCipher files, key files), synthetic data only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from fieldapp.services.field import FieldService
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile


@pytest.fixture
def home(tmp_path: Path) -> Home:
    return Home(tmp_path / "profil")


@pytest.fixture
def service(home: Home) -> Iterator[FieldService]:
    svc, _ = make_profile(home.root)
    yield svc
    svc.close()


@pytest.fixture
def passphrase_env(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


pytest_plugins = ["tests.postgres"]
