"""Fixtures for the directory tests: synthetic data·inclusion files, coordinator keys, profiles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.services.field import FieldService
from tests.helpers import make_profile

DATA = Path(__file__).parent / "data"


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture
def coordinator() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.fixture
def field(tmp_path: Path) -> Iterator[FieldService]:
    service, _ = make_profile(tmp_path / "profil")
    yield service
    service.close()
