"""The directory's search index: a pack's services prepared for searching, filtering, ranking.

Pure (no I/O): built from a pack's structures, services and territories; the service layer
(`fieldapp.services.directory`) keeps one index per pack. An index remembers its last search and
its last ranking, so that typing one more letter, or searching while a contact is shown, only
narrows what it already found.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Final

from fieldapp.domain.directory import categories_of, normalise_text
from fieldapp.domain.eligibility import Ranked, departement_of, rank_services


@dataclass(frozen=True, eq=False)
class Entry:
    """One service with its structure, prepared for searching and filtering."""

    service: Mapping[str, Any]
    structure: Mapping[str, Any] | None
    categories: frozenset[str]
    publics: frozenset[str]  # empty: no restriction given
    zone: frozenset[str]
    names: str  # normalised service and structure names
    text: str  # normalised names and descriptions
    position: int = 0  # in the index's display order

    @property
    def id(self) -> str:
        return str(self.service["id"])

    @property
    def name(self) -> str:
        return str(self.service.get("nom", ""))

    @property
    def structure_name(self) -> str:
        return str(self.structure.get("nom", "")) if self.structure else ""

    def serves_commune(self, commune: str) -> bool:
        """Located there, or its zone names the commune, its département or all of France."""
        if self.service.get("code_insee") == commune:
            return True
        zone = self.zone
        return bool(
            zone
            and (
                commune in zone
                or departement_of(commune) in zone
                or "france" in zone
                or "99100" in zone
            )
        )

    def open_to(self, public: str) -> bool:
        return not self.publics or public in self.publics or "tous-publics" in self.publics


@dataclass
class DirectoryIndex:
    entries: list[Entry]
    territories: dict[str, list[str]]
    structures: dict[str, Mapping[str, Any]]
    commune_names: dict[str, str]
    # (filters, normalised text, matches in index order) of the last search, replaced whole.
    last_search: tuple[tuple[str | None, ...], str, list[Entry]] | None = None
    last_rank: tuple[tuple[Any, ...], list[Ranked]] | None = None  # (contact, ranking)

    def structure_of(self, service: Mapping[str, Any]) -> Mapping[str, Any] | None:
        return self.structures.get(str(service.get("structure_id")))

    def search(
        self,
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

        `need`: a `Categorie` code; `public`: a `Public` code (services open to all are
        included); `type`: a `TypeService` code; `commune`: an INSEE code (see
        `Entry.serves_commune`). Matches in a name come first.
        """
        norm = normalise_text(text)
        filters = (need, public, type, commune)
        last = self.last_search
        if last is not None and last[0] == filters and norm.startswith(last[1]):
            # Typing on: every word of the longer query contains a word of the shorter one, so
            # its matches are among the previous ones (the common case, one keystroke at a time).
            found: list[Entry] = last[2]
            words = sorted(set(norm.split()) - set(last[1].split()), key=len, reverse=True)
        else:
            found = _filtered(self.entries, need, public, type, commune)
            words = sorted(set(norm.split()), key=len, reverse=True)
        for word in words:
            found = [e for e in found if word in e.text]
        self.last_search = (filters, norm, found)
        result = found
        all_words = norm.split()
        if all_words:
            named = found
            for word in all_words:
                named = [e for e in named if word in e.names]
            if len(named) != len(found):
                in_names = {e.position for e in named}
                result = named + [e for e in found if e.position not in in_names]
        if public:
            # Services aimed at that public before those open to everyone (stable sort).
            result = sorted(result, key=lambda e: public not in e.publics)
        return result[:limit] if limit is not None else list(result)

    def rank(
        self,
        contact: Mapping[str, Any],
        *,
        among: Sequence[Entry] | None = None,
        only_needs: bool = False,
        places: Mapping[str, tuple[int, int]] | None = None,
    ) -> list[Ranked]:
        """The services (or those of `among`) ranked for a contact, with reasons in French.

        The whole directory is ranked once per contact and kept, so that searching while a
        contact is shown only filters that ranking (one keystroke must not rank 20,000
        services again). `places`: employers' places this month (`rank_services`).
        """
        key = (_contact_key(contact), only_needs, tuple(sorted((places or {}).items())))
        last = self.last_rank
        if last is not None and last[0] == key:
            ranked = last[1]
        else:
            ranked = rank_services(
                (e.service for e in self.entries),
                contact,
                territories=self.territories,
                structures=self.structures,
                only_needs=only_needs,
                places=places,
            )
            self.last_rank = (key, ranked)
        if among is None:
            return list(ranked)
        wanted = {id(e.service) for e in among}
        return [r for r in ranked if id(r.service) in wanted]

    def communes(self) -> list[tuple[str, str]]:
        """(INSEE code, display name) of the communes of the services and neighbourhoods."""
        codes = set(self.commune_names)
        for members in self.territories.values():
            codes.update(members)
        shown = [(code, self.commune_names.get(code, code)) for code in codes]
        return sorted(shown, key=lambda c: (normalise_text(c[1]), c[0]))


def build_index(
    structures: Sequence[Mapping[str, Any]],
    services: Sequence[Mapping[str, Any]],
    territories: Sequence[Mapping[str, Any]],
) -> DirectoryIndex:
    by_id = {str(s["id"]): s for s in structures}
    commune_names: dict[str, str] = {}
    for record in (*structures, *services):
        code, name = record.get("code_insee"), record.get("commune")
        if code and (name or str(code) not in commune_names):
            commune_names[str(code)] = str(name or code)
    entries = []
    # A structure's description is shared by its services: normalised once.
    described = {key: normalise_text(str(s.get("description", ""))) for key, s in by_id.items()}
    for service in services:
        structure_id = str(service.get("structure_id"))
        structure = by_id.get(structure_id)
        other = structure or {}
        names = f"{service.get('nom', '')} {other.get('nom', '')}"
        norm_names = normalise_text(names)
        descriptions = (
            f"{normalise_text(str(service.get('description', '')))} "
            f"{described.get(structure_id, '')}"
        )
        entries.append(
            Entry(
                service=service,
                structure=structure,
                categories=frozenset(categories_of(service)),
                publics=frozenset(service.get("publics") or ()),
                zone=frozenset(service.get("zone_eligibilite") or ()),
                names=norm_names,
                text=f"{norm_names} {descriptions}",
            )
        )
    # Stable display order: service name, then structure name.
    entries.sort(key=lambda e: (e.names, e.id))
    entries = [replace(e, position=n) for n, e in enumerate(entries)]
    return DirectoryIndex(
        entries=entries,
        territories={str(t["code"]): [str(c) for c in t["communes"]] for t in territories},
        structures=by_id,
        commune_names=commune_names,
    )


def _filtered(
    items: list[Entry],
    need: str | None,
    public: str | None,
    type_: str | None,
    commune: str | None,
) -> list[Entry]:
    found = items
    if need:
        found = [e for e in found if need in e.categories]
    if type_:
        found = [e for e in found if e.service.get("type") == type_]
    if public:
        found = [e for e in found if e.open_to(public)]
    if commune:
        found = [e for e in found if e.serves_commune(commune)]
    return found


_CONTACT_FIELDS: Final = (
    "needs",
    "age_band",
    "registrations",
    "situation",
    "gender",
    "neighbourhood",
    "commune",
)


def _contact_key(contact: Mapping[str, Any]) -> str:
    return json.dumps([contact.get(f) for f in _CONTACT_FIELDS], sort_keys=True, default=str)
