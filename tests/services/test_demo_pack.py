"""The built-in demo directory: fictional, valid data·inclusion, matching the demo contacts."""

from __future__ import annotations

from data_inclusion.schema.v1 import Service, Structure

from fieldapp.domain.directory import load_services, load_structures
from fieldapp.domain.territories import parse_qpv_csv
from fieldapp.services import directory, packs
from fieldapp.services.demo import DEMO_NEIGHBOURHOODS, DEMO_PARTNERS
from fieldapp.services.field import FieldService


def test_demo_files_validate_with_data_inclusion_schema() -> None:
    structures_path, services_path, territories_path = packs.demo_sources()
    structures, problems = load_structures(structures_path.read_bytes())
    assert problems == []
    services, problems = load_services(
        services_path.read_bytes(), structure_ids={s["id"] for s in structures}
    )
    assert problems == []
    for row in structures:
        Structure.model_validate(row)
    for row in services:
        Service.model_validate(row)
    _, problems = parse_qpv_csv(territories_path.read_bytes())
    assert problems == []
    # Stored as validated: the runtime loader (no validation) gives the same records.
    pack = packs.demo_pack()
    assert list(pack.structures) == structures
    assert list(pack.services) == services


def test_demo_pack_is_small_fictional_and_covers_the_demo_data() -> None:
    pack = packs.demo_pack()
    assert pack.demo and pack.version == 0 and pack.signer_fingerprint is None
    assert 10 <= len(pack.structures) <= 15 and 20 <= len(pack.services) <= 30
    assert set(DEMO_NEIGHBOURHOODS) <= pack.neighbourhood_codes
    assert all("(fictif)" in t["name"] for t in pack.territories)
    names = {s["nom"] for s in pack.structures}
    assert set(DEMO_PARTNERS) <= names
    # Every service says it is fictional; phone numbers are in the range kept for fiction.
    assert all("fictif" in s["description"] or "fictive" in s["description"] for s in pack.services)
    assert all(s["telephone"].startswith("+3326191") for s in pack.services)
    needs = set().union(*(e.categories for e in directory.entries(pack)))
    assert len(needs) >= 12


def test_a_profile_without_pack_sees_the_demo(field: FieldService) -> None:
    pack = directory.current_pack(field)
    assert pack is packs.demo_pack()
    assert directory.search_services(pack, "tilleuls")
