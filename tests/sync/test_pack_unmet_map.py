"""The « carte des manques » inside the signed pack's territories (issue 18): verified and
exposed, covered by the content hash, its shape checked, and absent = the pack of before."""

from __future__ import annotations

import copy
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.services import directory, packs
from fieldapp.sync.batch import canonical_json
from fieldapp.sync.pack import PackError, build_pack, stored_pack, verify_pack
from tests.helpers.coordination import Territory
from tests.helpers.text import fr

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
CARTE = {"du": "2025-12", "au": "2026-11", "seuil": 5, "besoins": {"mobilite": 7, "sante": None}}
TERRITORIES = [
    {"code": "QN07699A", "name": "Quartier des Tilleuls (fictif)", "communes": ["76540"]},
    {"code": "QN07699B", "name": "Quartier des Peupliers (fictif)", "communes": ["76540"]},
]
STRUCTURES = [{"id": "s1", "nom": "Structure fictive"}]
SERVICES = [{"id": "v1", "nom": "Service fictif", "structure_id": "s1"}]
# SHA-256 of the pack below without any carte, as the code before the carte wrote it.
BEFORE_SHA256 = "5f7dce09612b0103ec70fd95eac8f43e57f9004b8232cd850a776777befac279"


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes(range(32)))  # fixed: same bytes each run


def public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def make(key: Ed25519PrivateKey, manques: Any = None) -> bytes:
    territories = copy.deepcopy(TERRITORIES)
    if manques is not None:
        territories[0]["manques"] = manques
    return build_pack(
        key,
        version=3,
        territories=territories,
        structures=STRUCTURES,
        services=SERVICES,
        coordination="Territoire fictif",
        now=NOW,
    )


def test_a_pack_with_a_carte_verifies_and_exposes_it(key: Ed25519PrivateKey) -> None:
    pack = verify_pack(make(key, CARTE), public(key))
    assert pack.territories[0]["manques"] == CARTE
    assert "manques" not in pack.territories[1]
    assert pack.document is not None
    kept = stored_pack(json.loads(json.dumps(pack.document)))  # as the profile keeps it
    [gaps] = directory.unmet_map(kept)
    assert (gaps.code, gaps.label) == ("QN07699A", "Quartier des Tilleuls (fictif) — QN07699A")
    assert (gaps.du, gaps.au, gaps.seuil) == ("2025-12", "2026-11", 5)
    assert [(r.need, r.label, r.count) for r in gaps.rows] == [
        ("mobilite", "Mobilité", 7),
        ("sante", "Santé", None),
    ]
    assert gaps.to_json() == {
        "quartier": "QN07699A",
        "nom": "Quartier des Tilleuls (fictif)",
        "du": "2025-12",
        "au": "2026-11",
        "seuil": 5,
        "besoins": [{"besoin": "mobilite", "nombre": 7}, {"besoin": "sante", "nombre": None}],
    }


def test_changing_one_count_after_signing_is_tampering(key: Ed25519PrivateKey) -> None:
    document = json.loads(make(key, CARTE))
    document["content"]["territories"][0]["manques"]["besoins"]["mobilite"] = 8
    with pytest.raises(PackError) as refused:
        verify_pack(canonical_json(document), public(key))
    assert refused.value.reason == "tampered"
    # Taking the carte out is tampering too: the hash covers it.
    del document["content"]["territories"][0]["manques"]
    with pytest.raises(PackError) as removed:
        verify_pack(canonical_json(document), public(key))
    assert removed.value.reason == "tampered"


@pytest.mark.parametrize(
    ("manques", "detail"),
    [
        ([1, 2], "champs attendus du, au, seuil et besoins"),
        ({**CARTE, "total": 3}, "champs attendus du, au, seuil et besoins"),
        ({k: v for k, v in CARTE.items() if k != "au"}, "champs attendus du, au, seuil et besoins"),
        ({**CARTE, "du": "2025-13"}, "période invalide (mois AAAA-MM, du avant au)"),
        ({**CARTE, "du": "déc. 2025"}, "période invalide (mois AAAA-MM, du avant au)"),
        ({**CARTE, "du": "2026-12"}, "période invalide (mois AAAA-MM, du avant au)"),
        ({**CARTE, "au": 202611}, "période invalide (mois AAAA-MM, du avant au)"),
        ({**CARTE, "seuil": 0}, "seuil invalide (entier de 1 à 100)"),
        ({**CARTE, "seuil": 101}, "seuil invalide (entier de 1 à 100)"),
        ({**CARTE, "seuil": True}, "seuil invalide (entier de 1 à 100)"),
        ({**CARTE, "seuil": 5.0}, "seuil invalide (entier de 1 à 100)"),
        ({**CARTE, "besoins": [7]}, "besoins invalides"),
        ({**CARTE, "besoins": {"mobilite": 3}}, "besoins invalides"),  # below the threshold
        ({**CARTE, "besoins": {"mobilite": "7"}}, "besoins invalides"),
        ({**CARTE, "besoins": {"mobilite": True}}, "besoins invalides"),
        ({**CARTE, "besoins": {"mobilite": -7}}, "besoins invalides"),
    ],
)
def test_a_malformed_carte_is_refused_with_what_is_wrong(
    key: Ed25519PrivateKey, manques: Any, detail: str
) -> None:
    with pytest.raises(PackError) as refused:
        verify_pack(make(key, manques), public(key))
    assert refused.value.reason == "malformed"
    assert fr(f"carte des manques du quartier QN07699A mal formée : {detail}") in str(refused.value)


def test_a_pack_without_a_carte_is_the_pack_of_before(key: Ed25519PrivateKey) -> None:
    data = make(key)
    assert hashlib.sha256(data).hexdigest() == BEFORE_SHA256
    assert b"manques" not in data


def test_make_pack_writes_only_the_pack_s_neighbourhoods(
    key: Ed25519PrivateKey, tmp_path: Path
) -> None:
    sources = packs.demo_sources()
    plain = packs.make_pack(key, *sources, tmp_path / "a.relais-pack", version=1, now=NOW)
    assert plain.manques == 0 and plain.to_dict()["manques"] == 0
    carried = packs.make_pack(
        key,
        *sources,
        tmp_path / "b.relais-pack",
        version=1,
        now=NOW,
        manques={"QN07699A": CARTE, "QN00000X": CARTE},  # the second is not in the pack
    )
    assert carried.manques == 1
    pack = verify_pack((tmp_path / "b.relais-pack").read_bytes(), public(key))
    assert [t["code"] for t in pack.territories if "manques" in t] == ["QN07699A"]


def test_a_workspace_without_unmet_needs_writes_the_same_bytes(
    territory: Territory, tmp_path: Path
) -> None:
    """Its store holds nothing « sans solution »: the pack is byte for byte `make_pack`'s."""
    sources = packs.demo_sources()
    with territory.open() as coord:
        workspace = coord.workspace
        expected = packs.make_pack(
            workspace.keys.signing,
            *sources,
            tmp_path / "plain.relais-pack",
            version=1,
            coordination=workspace.territory,
            now=NOW,
        )
        report = packs.make_workspace_pack(
            workspace, *sources, tmp_path / "a.relais-pack", store=coord.consolidated.engine,
            now=NOW,
        )  # fmt: skip
        assert report.manques == 0
        # A bare workspace opens its store for the count: the same again.
        bare = packs.make_workspace_pack(
            workspace, *sources, tmp_path / "b.relais-pack", now=NOW, version=2
        )
        assert bare.manques == 0
    assert report.version == 1 and expected.content_sha256 == report.content_sha256
    plain = (tmp_path / "plain.relais-pack").read_bytes()
    assert (tmp_path / "a.relais-pack").read_bytes() == plain
    assert b"manques" not in (tmp_path / "b.relais-pack").read_bytes()
