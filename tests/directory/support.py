"""Helpers for the directory tests and the benchmark: synthetic directories only."""

from __future__ import annotations

import random
from typing import Any

from data_inclusion.schema.v1 import Public, Thematique, TypeService

from fieldapp.domain.vocab import NEEDS

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
    rng = random.Random(seed)
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
