"""Synthetic data for the tests and the benchmarks: throwaway profiles, contacts, a coordination,
data·inclusion directories. No real person, place or structure (like fieldapp.services.demo).

The profiles and workspaces use the cheapest Argon2id (`keyfile.FAST_TEST_KDF`, `allow_weak`): they
are for measuring and testing, never for a real notebook; the KDF cost is tested on its own.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from data_inclusion.schema.v1 import Public, Thematique, TypeService

from fieldapp.domain.vocab import NEEDS
from fieldapp.services import coordination as coordination_service
from fieldapp.services import profile
from fieldapp.services.field import FieldService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.sync import workspace as ws

PASSPHRASE = "cheval-agrafe-lune-47"  # noqa: S105 -- synthetic profiles only
COORD_PASSPHRASE = "coordination-test-passphrase"  # noqa: S105 -- synthetic workspaces only
FAST: dict[str, Any] = {"kdf": keyfile.FAST_TEST_KDF, "allow_weak": True}


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


def make_profile(
    root: Path,
    passphrase: str = PASSPHRASE,
    *,
    demo: bool = True,
    structure_type: str = "prevention-specialisee",
) -> tuple[FieldService, str]:
    """A real profile with the cheapest Argon2id settings; returns (service, recovery key).

    Its data is synthetic, so by default it is a demonstration profile and browses the demo
    directory until a pack is installed; `demo=False` gives a profile as `fieldapp init` makes
    it (empty directory until its coordination's pack arrives)."""
    return profile.create_profile(
        Home(root),
        passphrase,
        structure="Équipe de prévention test",
        structure_type=structure_type,
        kdf=keyfile.FAST_TEST_KDF,
        allow_weak=True,
        demo=demo,
    )


@dataclass
class Coordination:
    """A coordinator workspace made by `make_coordination`, with its first invitation."""

    root: Path
    invitation: Path
    code: str
    info: dict[str, Any]

    def open(self) -> ws.Workspace:
        return ws.open_workspace(self.root, COORD_PASSPHRASE)


def make_coordination(root: Path, drop: Any = None, **kw: Any) -> Coordination:
    """A workspace whose first invitation enrols many devices (a test territory has several)."""
    kw.setdefault("invitation_uses", ws.MAX_INVITATION_USES)
    info = coordination_service.create_coordination(
        root,
        COORD_PASSPHRASE,
        territory="Métropole Rouen Normandie",
        drop=drop,
        invitation_kdf=keyfile.FAST_TEST_KDF,
        **FAST,
        **kw,
    )
    return Coordination(root, Path(info["invitation"]), info["code"], info)


# ------------------------------------------------------------------------------------------------
# data·inclusion directories (structures and services, shaped like validated records)

_WORDS = [
    "accompagnement",
    "emploi",
    "formation",
    "jeunes",
    "quartier",
    "mobilité",
    "permis",
    "logement",
    "santé",
    "numérique",
    "atelier",
    "insertion",
    "parcours",
    "projet",
    "professionnel",
    "démarches",
    "droits",
    "accès",
    "réseau",
    "entreprise",
    "orientation",
    "conseil",
    "écoute",
    "budget",
    "famille",
    "garde",
    "enfants",
    "alimentation",
    "français",
    "calcul",
    "candidature",
    "entretien",
    "stage",
    "apprentissage",
    "métier",
    "découverte",
    "bénévolat",
    "sport",
    "culture",
]


def structure(n: int, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": "test",
        "id": f"test--s{n}",
        "nom": f"Structure d'essai n° {n}",
        "date_maj": "2026-06-01",
        "description": f"Structure synthétique numéro {n} pour les essais.",
        "commune": "Ville-Test",
        "code_insee": "76990",
    }
    data.update(changes)
    return data


def service(n: int, structure_id: str = "test--s1", **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "source": "test",
        "id": f"test--v{n}",
        "structure_id": structure_id,
        "nom": f"Service d'essai n° {n}",
        "description": f"Service synthétique numéro {n} pour les essais.",
        "date_maj": "2026-06-01",
    }
    data.update(changes)
    return data


def generated_directory(
    services: int, *, structures: int | None = None, seed: int = 7
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A large synthetic directory, shaped like validated records (for the search benchmark)."""
    rng = random.Random(seed)  # noqa: S311 -- reproducible fake data, not secrets
    count = structures or max(1, services // 5)
    themes = [str(t.value) for t in Thematique]
    publics = [str(p.value) for p in Public if p.value != "tous-publics"]
    types = [str(t.value) for t in TypeService]
    communes = [f"76{n:03d}" for n in range(900, 990)]
    structs = [
        structure(
            n,
            nom=" ".join(rng.choices(_WORDS, k=3)).capitalize() + f" {n}",
            description=" ".join(rng.choices(_WORDS, k=40)),
            code_insee=rng.choice(communes),
        )
        for n in range(count)
    ]
    items = []
    for n in range(services):
        item = service(
            n,
            structure_id=f"test--s{rng.randrange(count)}",
            nom=" ".join(rng.choices(_WORDS, k=4)).capitalize(),
            description=" ".join(rng.choices(_WORDS, k=rng.randint(40, 120))),
            thematiques=sorted(set(rng.sample(themes, rng.randint(1, 3)))),
            publics=sorted(set(rng.sample(publics, rng.randint(1, 2))))
            if rng.random() < 0.7
            else ["tous-publics"],
            type=rng.choice(types),
            code_insee=rng.choice(communes),
            zone_eligibilite=[rng.choice(["76", "14", "27", "50", rng.choice(communes)])],
        )
        items.append(item)
    assert NEEDS  # the needs vocabulary is the data·inclusion Categorie list
    return structs, items
