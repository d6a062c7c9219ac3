"""Needs « sans solution » (issue 18, item 2): a need of the contact that no eligible service of
the directory covers, for this neighbourhood and this person."""

from __future__ import annotations

from typing import Any

from fieldapp.domain.directory_index import build_index
from fieldapp.domain.unmet_needs import needs_without_service
from fieldapp.services.packs import demo_pack


def _contact(**changes: Any) -> dict[str, Any]:
    return {
        "neighbourhood": "QN07699A",
        "age_band": "30-44",
        "gender": "homme",
        "situation": "en-emploi",
        "registrations": ["aucune"],
        "needs": ["mobilite", "creer-une-entreprise"],
    } | changes


def _unmet(contact: dict[str, Any]) -> list[str]:
    pack = demo_pack()
    index = build_index(pack.structures, pack.services, pack.territories)
    return needs_without_service(contact, index.rank(contact))


def test_a_need_no_service_covers_is_without_solution() -> None:
    # Ville-Exemple has mobility services; nobody in the demo directory helps create a business.
    assert _unmet(_contact()) == ["creer-une-entreprise"]


def test_a_service_elsewhere_is_no_solution_here() -> None:
    # Bourg-Démo (Calvados): the Seine-Maritime mobility services are out of zone.
    assert _unmet(_contact(neighbourhood="QN01499C")) == ["creer-une-entreprise", "mobilite"]


def test_no_needs_nothing_unmet() -> None:
    assert _unmet(_contact(needs=[])) == []
