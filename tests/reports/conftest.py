"""The hand-built territory in a real consolidated store: SQLCipher, and PostgreSQL if present."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fieldapp.storage.coord_store import open_consolidated
from tests.helpers.reports import load_territory


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = request.getfixturevalue("postgres_url") if request.param == "postgres" else None
    engine = open_consolidated(tmp_path, os.urandom(32), url)
    load_territory(engine)
    yield engine
    engine.dispose()
