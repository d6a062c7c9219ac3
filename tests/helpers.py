"""Helpers shared by the tests: real profiles on disk, synthetic data only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fieldapp.services import profile
from fieldapp.services.field import FieldService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home

PASSPHRASE = "cheval-agrafe-lune-47"  # test-only


def sample_contact(**changes: Any) -> dict[str, Any]:
    """A valid, synthetic contact payload as `contact add` accepts it."""
    data: dict[str, Any] = {
        "date": "2026-11-20",
        "slot": "apres-midi",
        "neighbourhood": "QN07601M",
        "place_type": "pied-immeuble",
        "contact_mode": "premier-contact",
        "age_band": "18-25",
        "gender": "femme",
        "situation": "sans-emploi-ni-formation",
        "registrations": ["aucune"],
        "needs": ["trouver-un-emploi", "mobilite"],
        "outcome": "rdv-propose",
        "note": "Intéressée par une formation courte, à revoir jeudi.",
    }
    data.update(changes)
    return data


def make_profile(root: Path, passphrase: str = PASSPHRASE) -> tuple[FieldService, str]:
    """A real profile with the cheapest Argon2id settings: the KDF cost is tested on its own."""
    return profile.create_profile(
        Home(root),
        passphrase,
        structure="Équipe de prévention test",
        structure_type="prevention-specialisee",
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
    )
