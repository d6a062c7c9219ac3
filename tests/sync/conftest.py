"""Fixtures for the sync tests: a real wsgidav server, a coordinator workspace, a joined device.

Everything is real: SQLCipher profiles on disk (fast Argon2id), a coordinator workspace with its
key file, invitation files sealed under a one-time code, and a WebDAV server (wsgidav + cheroot)
on 127.0.0.1 with basic authentication, behind a fault-injecting WSGI wrapper (davserver.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from tests.helpers import make_profile
from tests.sync.davserver import DavServer
from tests.sync.support import Clock, Coordination, make_coordination, make_sync


@pytest.fixture
def dav(tmp_path: Path) -> Iterator[DavServer]:
    server = DavServer(tmp_path / "dav-root")
    yield server
    server.stop()


@pytest.fixture
def coordination(tmp_path: Path) -> Coordination:
    return make_coordination(tmp_path / "coordination")


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def field(tmp_path: Path) -> Iterator[FieldService]:
    service, _ = make_profile(tmp_path / "profil")
    yield service
    service.close()


@pytest.fixture
def joined(field: FieldService, coordination: Coordination, clock: Clock) -> SyncService:
    """A device joined to `coordination`; its tests choose the destination."""
    service = make_sync(field, clock)
    service.join_coordination(coordination.invitation, coordination.code)
    return service
