"""What the CLI tests share: a profile ready for commands (passphrase in the environment)."""

from __future__ import annotations

import pytest

from fieldapp.storage.home import Home
from tests.helpers import make_profile


@pytest.fixture
def ready(home: Home, passphrase_env: str) -> Home:
    service, _ = make_profile(home.root)
    service.close()
    return home
