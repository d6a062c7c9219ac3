"""The pack's handover delays (issue 16): `relance_jours` (default 10), `expiration_jours`
(default 30); a pack that says nothing has the defaults, and older apps still read it."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.domain.handovers import EXPIRY_DAYS_DEFAULT, RELANCE_DAYS_DEFAULT
from fieldapp.sync.pack import PackSettingError, build_pack, stored_pack, verify_pack
from tests.helpers import service, structure

TERRITORIES = [{"code": "QN07699T", "name": "Quartier d'essai", "communes": ["76990"]}]


def _make(key: Ed25519PrivateKey, **kw: int) -> bytes:
    return build_pack(
        key, version=1, territories=TERRITORIES, structures=[structure(1)],
        services=[service(1)], now=datetime(2026, 11, 20, tzinfo=UTC), **kw,
    )  # fmt: skip


def test_defaults_are_not_written_and_read_back_as_the_defaults() -> None:
    key = Ed25519PrivateKey.generate()
    data = _make(key)
    header = json.loads(data)["header"]
    assert "relance_jours" not in header and "expiration_jours" not in header
    pack = verify_pack(data, key.public_key().public_bytes_raw())
    assert (pack.relance_jours, pack.expiration_jours) == (10, 30)
    assert (RELANCE_DAYS_DEFAULT, EXPIRY_DAYS_DEFAULT) == (10, 30)


def test_the_territory_sets_its_delays_and_the_profile_keeps_them() -> None:
    key = Ed25519PrivateKey.generate()
    data = _make(key, relance_jours=7, expiration_jours=45)
    pack = verify_pack(data, key.public_key().public_bytes_raw())
    assert (pack.relance_jours, pack.expiration_jours) == (7, 45)
    assert pack.summary()["relance_jours"] == 7
    assert pack.document is not None
    again = stored_pack(json.loads(json.dumps(pack.document)))
    assert (again.relance_jours, again.expiration_jours) == (7, 45)


@pytest.mark.parametrize(
    "kw",
    [
        {"relance_jours": 0},
        {"expiration_jours": 400},
        {"relance_jours": 30, "expiration_jours": 30},
    ],
)
def test_impossible_delays_are_refused_when_building(kw: dict[str, int]) -> None:
    with pytest.raises(PackSettingError):
        _make(Ed25519PrivateKey.generate(), **kw)
