"""Shared fixtures: real profiles on disk (SQLCipher files, key files), synthetic data only.

Everything is real: SQLCipher profiles on disk (fast Argon2id), a coordinator workspace with its
key file, invitation files sealed under a one-time code, and a WebDAV server (wsgidav + cheroot)
on 127.0.0.1 with basic authentication, behind a fault-injecting WSGI wrapper
(benchmarks/davserver.py). Helpers are in tests/helpers/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    # Qt's offscreen screen is 800×800 and windows now fit their screen: the suite runs on a
    # desktop-sized virtual screen (tests/ui/test_window_geometry.py checks small ones).
    _SCREEN = Path(__file__).parent / "fixtures" / "screen-1920x1080.json"
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from benchmarks.davserver import DavServer
from fieldapp import messages
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, Coordination, make_coordination, make_profile
from tests.helpers.coordination import Territory
from tests.helpers.sync import Clock, make_sync

DIRECTORY_DATA = Path(__file__).parent / "fixtures" / "directory"


@pytest.fixture
def english() -> Iterator[None]:
    """Every message in English for one test (the CLI's FIELDAPP_LANG=en, the window's setting)."""
    messages.set_language("en")
    try:
        yield
    finally:
        messages.set_language("fr")


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


@pytest.fixture
def field(tmp_path: Path) -> Iterator[FieldService]:
    service, _ = make_profile(tmp_path / "profil")
    yield service
    service.close()


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
def joined(field: FieldService, coordination: Coordination, clock: Clock) -> SyncService:
    """A device joined to `coordination`; its tests choose the destination."""
    service = make_sync(field, clock)
    service.join_coordination(coordination.invitation, coordination.code)
    return service


@pytest.fixture
def territory(tmp_path: Path) -> Iterator[Territory]:
    """A coordinator workspace delivering through a folder drop; devices join with .device()."""
    drop = tmp_path / "depot"
    drop.mkdir()
    coordination = make_coordination(tmp_path / "coord", drop=str(drop))
    yield Territory(coordination, drop, tmp_path)


@pytest.fixture
def data_dir() -> Path:
    """Synthetic data·inclusion files (structures, services, QPV list)."""
    return DIRECTORY_DATA


@pytest.fixture
def coordinator() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


pytest_plugins = ["tests.helpers.postgres"]
