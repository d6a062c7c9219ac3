"""Eligibility hints: which services of the directory suit a contact, and why.

A contact (as `FieldService.contact()` returns it: needs, age band, gender, situation,
registrations, neighbourhood or commune) is compared with each service on three axes:

- **needs** against the categories of the service's `thematiques` (the data·inclusion `Categorie`
  is the prefix of each thématique, and a contact's needs are `Categorie` codes);
- **publics** against what the contact tells about the person (age band, registrations,
  situation, gender, living in a QPV); a service is for a person who belongs to at least one of
  its publics, so one match is enough and a refusal needs every public to be ruled out;
- **zone_eligibilite** against the communes of the contact's neighbourhood (from the reference
  pack) and their départements.

Only what the contact states can rule a service out: an unknown age band never excludes a youth
service, it asks to check. These are hints for a worker choosing a partner, not decisions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from fieldapp.domain.directory import categories_of, label
from fieldapp.domain.employers import places_full
from fieldapp.messages import Text

__all__ = ["Ranked", "Reason", "assess", "departement_of", "rank_services"]

HORS_QPV: Final = "hors-qpv"
OK: Final = "✓"
NO: Final = "✗"
CHECK: Final = "?"

# Weights: a need met outweighs everything else; a definite refusal sinks the service.
NEED_WEIGHT: Final = 10
PUBLIC_MATCH: Final = 4
PUBLIC_ALL: Final = 2
ZONE_MATCH: Final = 3
SAME_COMMUNE: Final = 1
EXCLUDED: Final = -15

_YOUNG: Final = frozenset({"16-17", "18-25"})
_MAYBE_YOUNG: Final = frozenset({"26-29", "inconnu"})
_MAYBE_SENIOR: Final = frozenset({"45-54", "inconnu"})


@dataclass(frozen=True)
class Reason:
    """Why a service suits or not: "jeunes 16-25 ✓", "hors zone ✗", "public à vérifier ?".

    `said` is the catalogue text, mark included; `text` is it in the current language.
    """

    said: Text
    ok: bool | None  # True: in favour; False: rules the service out; None: to check

    @property
    def text(self) -> str:
        return self.said.message()

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Ranked:
    service: Mapping[str, Any]
    structure: Mapping[str, Any] | None
    score: int
    reasons: tuple[Reason, ...]

    @property
    def eligible(self) -> bool:
        """No reason rules the service out (some may still ask to check)."""
        return all(r.ok is not False for r in self.reasons)

    @property
    def summary(self) -> str:
        """The reasons on one line: "besoin mobilité ✓, jeunes 16-25 ✓, zone ✓"."""
        return ", ".join(r.text for r in self.reasons)


def departement_of(commune: str) -> str:
    """Département code of an INSEE commune code (97x for overseas, 2A/2B for Corsica)."""
    return commune[:3] if commune.startswith("97") else commune[:2]


@cache
def _need_label(code: str) -> str:
    text = label("categorie", code)
    return text[:1].lower() + text[1:]


@cache
def _public_label(code: str) -> str:
    text = label("public", code)
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class _Person:
    """What the contact tells, once, so that ranking thousands of services stays cheap."""

    needs: frozenset[str]
    matches: Mapping[str, Text]  # public code -> reason text for a ✓
    excluded: frozenset[str]  # publics the contact certainly does not belong to
    communes: frozenset[str]  # empty: place unknown
    departements: frozenset[str]


def _person(contact: Mapping[str, Any], territories: Mapping[str, Sequence[str]]) -> _Person:
    age = str(contact.get("age_band") or "inconnu")
    registrations = set(contact.get("registrations") or ())
    situation = contact.get("situation") or "inconnue"
    gender = contact.get("gender") or "non-renseigne"
    neighbourhood = str(contact.get("neighbourhood") or "")

    matches: dict[str, Text] = {}
    excluded: set[str] = set()
    if age in _YOUNG:
        matches["jeunes"] = Text("domain.eligibility.young")
    elif "mission-locale" in registrations:
        matches["jeunes"] = Text("domain.eligibility.young_mission_locale")
    elif age not in _MAYBE_YOUNG:
        excluded.add("jeunes")
    if age == "55-plus":
        matches["seniors"] = Text("domain.eligibility.seniors")
    elif age not in _MAYBE_SENIOR:
        excluded.add("seniors")
    if "france-travail" in registrations:
        matches["demandeurs-emploi"] = Text("domain.eligibility.jobseekers_france_travail")
    elif situation == "sans-emploi-ni-formation":
        matches["demandeurs-emploi"] = Text("domain.eligibility.jobseekers")
    if "rsa" in registrations:
        matches["beneficiaires-des-minimas-sociaux"] = Text("domain.eligibility.minimum_income")
    if "cap-emploi" in registrations:
        matches["personnes-en-situation-de-handicap"] = Text("domain.eligibility.disability")
    if situation == "en-emploi":
        matches["actifs"] = Text("domain.eligibility.in_work")
    elif situation == "sans-emploi-ni-formation":
        excluded.add("actifs")
    if gender == "femme":
        matches["femmes"] = Text("domain.eligibility.women")
    elif gender == "homme":
        excluded.add("femmes")
    if neighbourhood and neighbourhood != HORS_QPV:
        matches["residents-qpv-frr"] = Text("domain.eligibility.qpv_resident")

    if neighbourhood == HORS_QPV:
        communes = frozenset({str(contact["commune"])} if contact.get("commune") else ())
    else:
        communes = frozenset(territories.get(neighbourhood, ()))
    return _Person(
        needs=frozenset(contact.get("needs") or ()),
        matches=matches,
        excluded=frozenset(excluded),
        communes=communes,
        departements=frozenset(departement_of(c) for c in communes),
    )


def _public_reasons(publics: Iterable[str], person: _Person) -> tuple[int, list[Reason]]:
    codes = sorted(publics)
    if not codes or codes == ["tous-publics"]:
        return PUBLIC_ALL, [Reason(Text("domain.eligibility.all_publics", mark=OK), True)]
    matched = [person.matches[c] for c in codes if c in person.matches]
    if matched:
        return PUBLIC_MATCH, [
            Reason(Text("domain.eligibility.public", public=matched[0], mark=OK), True)
        ]
    if all(c in person.excluded for c in codes):
        shown = ", ".join(_public_label(c) for c in codes)
        return EXCLUDED, [
            Reason(Text("domain.eligibility.reserved", publics=shown, mark=NO), False)
        ]
    unknown = [c for c in codes if c not in person.excluded]
    shown = ", ".join(_public_label(c) for c in unknown)
    return 0, [Reason(Text("domain.eligibility.public_to_check", publics=shown, mark=CHECK), None)]


def _zone_reasons(zone: Sequence[str] | None, person: _Person) -> tuple[int, list[Reason]]:
    if not zone:
        return 0, []
    if any(z in ("france", "99100") for z in zone):
        return ZONE_MATCH, [Reason(Text("domain.eligibility.zone", mark=OK), True)]
    if not person.communes:
        return 0, [Reason(Text("domain.eligibility.zone_to_check", mark=CHECK), None)]
    if any(z in person.communes or z in person.departements for z in zone):
        return ZONE_MATCH, [Reason(Text("domain.eligibility.zone", mark=OK), True)]
    if any(len(z) == 9 for z in zone):
        # An intercommunality (EPCI): the pack does not say which communes it groups.
        return 0, [Reason(Text("domain.eligibility.zone_epci", mark=CHECK), None)]
    return EXCLUDED, [Reason(Text("domain.eligibility.out_of_zone", mark=NO), False)]


def _assess(service: Mapping[str, Any], person: _Person) -> tuple[int, tuple[Reason, ...]]:
    score = 0
    reasons: list[Reason] = []
    for need in sorted(person.needs & categories_of(service)):
        score += NEED_WEIGHT
        reasons.append(
            Reason(Text("domain.eligibility.need", need=_need_label(need), mark=OK), True)
        )
    points, more = _public_reasons(service.get("publics") or (), person)
    score += points
    reasons += more
    points, more = _zone_reasons(service.get("zone_eligibilite"), person)
    score += points
    reasons += more
    if service.get("code_insee") and service["code_insee"] in person.communes:
        score += SAME_COMMUNE
        reasons.append(Reason(Text("domain.eligibility.same_commune", mark=OK), True))
    return score, tuple(reasons)


def assess(
    service: Mapping[str, Any],
    contact: Mapping[str, Any],
    territories: Mapping[str, Sequence[str]],
) -> tuple[int, tuple[Reason, ...]]:
    """Score and reasons for one service (`territories`: QPV code -> commune codes)."""
    return _assess(service, _person(contact, territories))


def rank_services(
    services: Iterable[Mapping[str, Any]],
    contact: Mapping[str, Any],
    *,
    territories: Mapping[str, Sequence[str]],
    structures: Mapping[str, Mapping[str, Any]] | None = None,
    only_needs: bool = False,
    places: Mapping[str, tuple[int, int]] | None = None,
) -> list[Ranked]:
    """Services best suited first; ties by service name.

    `only_needs`: keep only services meeting at least one of the contact's needs (when the
    contact has any). `places`: employer structure id → (places used this month, monthly
    capacity); an employer whose places are all used is ranked last, with the reason why
    (issue 18: suggestions respect an employer's capacity).
    """
    person = _person(contact, territories)
    ranked = []
    full: set[int] = set()
    for service in services:
        if only_needs and person.needs and not person.needs & categories_of(service):
            continue
        score, reasons = _assess(service, person)
        structure_id = str(service.get("structure_id", ""))
        structure = structures.get(structure_id) if structures else None
        if places and structure_id in places:
            used, capacity = places[structure_id]
            if places_full(used, capacity):
                said = Text(
                    "domain.eligibility.employer_full", used=used, capacity=capacity, mark=NO
                )
                reasons += (Reason(said, False),)
                score += EXCLUDED
                full.add(id(service))
            else:
                said = Text(
                    "domain.eligibility.employer_places", used=used, capacity=capacity, mark=OK
                )
                reasons += (Reason(said, True),)
        ranked.append(Ranked(service, structure, score, reasons))
    ranked.sort(
        key=lambda r: (
            id(r.service) in full,
            -r.score,
            not r.eligible,
            str(r.service.get("nom", "")).lower(),
        )
    )
    return ranked
