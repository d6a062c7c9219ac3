"""The partner directory as the CLI and the window browse it: search, rank, labels, choices.

The pack shown is the one installed in the profile, else the demo pack for a demonstration
profile and an empty one for a real profile (`current_pack`; they come from
`fieldapp.services.packs` and `fieldapp.sync.pack`). Searching (`search_services`) and ranking
for a contact (`rank_for_contact`) work on the pure index of `fieldapp.domain.directory_index`,
built once per pack and cached here. `unmet_map` reads the « carte des manques » the coordination
put in the pack's neighbourhoods (issue 18).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain import directory as dom
from fieldapp.domain import display
from fieldapp.domain.directory import format_opening_hours, normalise_text
from fieldapp.domain.directory_index import DirectoryIndex, Entry, build_index
from fieldapp.domain.display import neighbourhood_code as neighbourhood_code
from fieldapp.domain.eligibility import Ranked, Reason
from fieldapp.domain.employers import is_employer
from fieldapp.domain.handovers import PARTNER_MAX_CHARS
from fieldapp.domain.unmet_needs import needs_without_service
from fieldapp.domain.vocab import NEEDS
from fieldapp.reports.publish import month_label as month_text  # « décembre 2025 »
from fieldapp.services.field import FieldService
from fieldapp.services.packs import demo_pack, installed_pack
from fieldapp.sync.pack import MANQUES_KEY, Pack, no_pack

__all__ = [
    "Entry",
    "NeighbourhoodGaps",
    "Pack",
    "Ranked",
    "Reason",
    "UnmetCount",
    "communes",
    "current_pack",
    "entries",
    "format_opening_hours",
    "handover_partner",
    "is_employer_id",
    "label",
    "month_text",
    "need_choices",
    "need_order",
    "neighbourhood_code",
    "neighbourhood_label",
    "neighbourhood_names",
    "neighbourhoods",
    "public_choices",
    "rank_for_contact",
    "search_services",
    "structure_of",
    "structures_by_id",
    "type_choices",
    "unmet_map",
    "unmet_needs",
    "unmet_of_neighbourhood",
]

_cache_lock = threading.Lock()
_indexes: weakref.WeakKeyDictionary[Pack, DirectoryIndex] = weakref.WeakKeyDictionary()
_names: weakref.WeakKeyDictionary[Pack, dict[str, str]] = weakref.WeakKeyDictionary()


def current_pack(service: FieldService | None, *, reload: bool = False) -> Pack:
    """The installed pack; without one, the demo pack for a demo profile (or no profile) and an
    empty directory for a real profile (`no_pack`: its handovers must not go to fake partners)."""
    pack = installed_pack(service, reload=reload) if service is not None else None
    if pack is not None:
        return pack
    return demo_pack() if service is None or service.is_demo else no_pack()


def _index(pack: Pack) -> DirectoryIndex:
    with _cache_lock:
        found = _indexes.get(pack)
    if found is not None:
        return found
    index = build_index(pack.structures, pack.services, pack.territories)
    with _cache_lock:
        _indexes[pack] = index
    return index


def structure_of(pack: Pack, service: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The structure record of a service (e.g. to name the partner of a new handover)."""
    return _index(pack).structure_of(service)


def handover_partner(pack: Pack, service: Mapping[str, Any]) -> dict[str, Any]:
    """The partner fields of a handover proposed towards `service` (see docs/records.md)."""
    structure = structure_of(pack, service)
    name = str(service.get("nom", ""))
    if structure is not None:
        name = f"{structure.get('nom', '')} — {name}"
    return {
        "partner": name[:PARTNER_MAX_CHARS],
        "partner_structure_id": service.get("structure_id"),
        "partner_service_id": service.get("id"),
    }


def structures_by_id(pack: Pack) -> Mapping[str, Mapping[str, Any]]:
    """The pack's structures by id, from its index (built once per pack)."""
    return _index(pack).structures


def is_employer_id(pack: Pack, structure_id: object) -> bool:
    """The structure `structure_id` of the pack is an employer (issue 18)."""
    structure = structures_by_id(pack).get(str(structure_id)) if structure_id else None
    return is_employer(structure)


def entries(pack: Pack) -> list[Entry]:
    """Every service of the pack, in display order."""
    return list(_index(pack).entries)


def search_services(
    pack: Pack,
    text: str = "",
    need: str | None = None,
    public: str | None = None,
    type: str | None = None,
    commune: str | None = None,
    *,
    limit: int | None = None,
) -> list[Entry]:
    """Services matching every word of `text` (accents and case ignored, anywhere in the
    service's or structure's name or description) and every filter given.

    `need`: a `Categorie` code; `public`: a `Public` code (services open to all are included);
    `type`: a `TypeService` code; `commune`: an INSEE code (see `Entry.serves_commune`).
    Matches in a name come first.
    """
    return _index(pack).search(text, need, public, type, commune, limit=limit)


def unmet_needs(pack: Pack, contact: Mapping[str, Any]) -> list[str]:
    """The contact's needs that no eligible service of the directory covers (« sans solution »)."""
    return needs_without_service(contact, rank_for_contact(pack, contact))


def rank_for_contact(
    pack: Pack,
    contact: Mapping[str, Any],
    *,
    among: Sequence[Entry] | None = None,
    only_needs: bool = False,
    places: Mapping[str, tuple[int, int]] | None = None,
) -> list[Ranked]:
    """The pack's services (or those of `among`) ranked for a contact, with reasons in French.

    The whole directory is ranked once per contact and kept, so that searching while a contact
    is shown only filters that ranking (one keystroke must not rank 20,000 services again).
    `places`: employer id → (places used this month, capacity), from
    `services.employers.places`; an employer with none left is ranked last, saying why.
    """
    return _index(pack).rank(contact, among=among, only_needs=only_needs, places=places)


# --- labels and choices for forms and filters -------------------------------------------------


def label(kind: str, code: str) -> str:
    """French label of a data·inclusion code (kind: categorie, thematique, public, type,
    mode_mobilisation, mode_accueil)."""
    return dom.label(kind, code)


def need_choices() -> list[tuple[str, str]]:
    """(code, label) of the need categories, in the order contact forms use."""
    return [(term.code, term.fr) for term in NEEDS]


def public_choices() -> list[tuple[str, str]]:
    return dom.choices("public")


def type_choices() -> list[tuple[str, str]]:
    return dom.choices("type")


def communes(pack: Pack) -> list[tuple[str, str]]:
    """(INSEE code, display name) of the communes of the pack's services and neighbourhoods."""
    return _index(pack).communes()


def neighbourhood_names(pack: Pack) -> Mapping[str, str]:
    """QPV code → name, from the pack's territories (built once per pack: lists call it per row)."""
    with _cache_lock:
        found = _names.get(pack)
    if found is None:
        found = {str(t["code"]): str(t["name"]) for t in pack.territories if t.get("name")}
        with _cache_lock:
            _names[pack] = found
    return found


def neighbourhood_label(service: FieldService | None, code: object) -> str:
    """« Quartier des Tilleuls — QN07699A » for a code, named by the profile's pack."""
    return display.neighbourhood_label(code, neighbourhood_names(current_pack(service)))


def neighbourhoods(pack: Pack) -> list[tuple[str, str]]:
    """(QPV code, name) for the contact form's neighbourhood field, by name."""
    return sorted(
        ((str(t["code"]), str(t["name"])) for t in pack.territories),
        key=lambda t: normalise_text(t[1]),
    )


# --- the « carte des manques » (issue 18) --------------------------------------------------------


@dataclass(frozen=True)
class UnmetCount:
    need: str  # data·inclusion category code
    label: str  # its French label
    count: int | None  # None: hidden (fewer than the threshold, or to protect another cell)


@dataclass(frozen=True)
class NeighbourhoodGaps:
    """One neighbourhood's needs left « sans solution » over the months `du` to `au`."""

    code: str
    name: str
    label: str  # « Quartier des Tilleuls — QN07699A »
    du: str  # YYYY-MM
    au: str
    seuil: int
    rows: tuple[UnmetCount, ...]

    def to_json(self) -> dict[str, Any]:
        """The `directory unmet --json` form."""
        return {
            "quartier": self.code,
            "nom": self.name,
            "du": self.du,
            "au": self.au,
            "seuil": self.seuil,
            "besoins": [{"besoin": r.need, "nombre": r.count} for r in self.rows],
        }

    def count_of(self, need: str) -> UnmetCount | None:
        return next((r for r in self.rows if r.need == need), None)


def need_order(code: str) -> tuple[int, str]:
    """Sort key of need codes: the contact form's order, unknown codes after."""
    codes = NEEDS.codes()
    return (codes.index(code) if code in codes else len(codes), code)


def unmet_map(pack: Pack) -> list[NeighbourhoodGaps]:
    """The pack's « carte des manques », one entry per neighbourhood that has one, by label;
    rows in the contact form's order of needs. Empty for a pack without one."""
    names = neighbourhood_names(pack)
    out = []
    for territory in pack.territories:
        carte = territory.get(MANQUES_KEY)
        if not isinstance(carte, Mapping):
            continue
        code = str(territory["code"])
        besoins: Mapping[str, int | None] = carte["besoins"]
        rows = tuple(
            UnmetCount(need, label("categorie", need), besoins[need])
            for need in sorted(besoins, key=need_order)
        )
        out.append(
            NeighbourhoodGaps(
                code=code,
                name=str(territory.get("name", "")),
                label=display.neighbourhood_label(code, names),
                du=str(carte["du"]),
                au=str(carte["au"]),
                seuil=int(carte["seuil"]),
                rows=rows,
            )
        )
    return sorted(out, key=lambda g: (normalise_text(g.name), g.code))


def unmet_of_neighbourhood(pack: Pack, code: object) -> NeighbourhoodGaps | None:
    """The « carte des manques » of one neighbourhood of the pack, if it has one."""
    return next((g for g in unmet_map(pack) if g.code == str(code or "")), None)
