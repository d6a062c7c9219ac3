"""Employers in the directory (issue 18, item 3): the Relais extension of a data·inclusion
structure, and what a handover to an employer may go through.

data·inclusion has no notion of a recruiter. A structure row may carry four more fields
(docs/directory.md § Employeurs), which the data·inclusion models ignore: they are read here,
validated, and put back on the validated row so that the pack carries them.

    employeur            true               the structure recruits (the other three need it)
    metiers              ["K2204", ...]     ROME codes, pattern ^[A-N][0-9]{4}$
    accepte_pmsmp        true | false       takes people for a PMSMP (immersion)
    capacite_mensuelle   int >= 0           places per month (immersions and interviews)

A handover to an employer has its own modes and its own track (`EMPLOYER_TRANSITIONS`); the
track is chosen by the mode, so the coordinator, which has no directory, judges it the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

from fieldapp.messages import Text

__all__ = [
    "EMPLOYER_MODES",
    "EMPLOYER_STATUSES",
    "EMPLOYER_TRANSITIONS",
    "EXTENSION_FIELDS",
    "MAX_CAPACITY",
    "ROME_PATTERN",
    "is_employer",
    "is_employer_mode",
    "metier_label",
    "parse_extension",
    "places_full",
    "places_used",
]

EXTENSION_FIELDS: Final = ("employeur", "metiers", "accepte_pmsmp", "capacite_mensuelle")
ROME_PATTERN: Final = re.compile(r"^[A-N][0-9]{4}$")
MAX_METIERS: Final = 50
MAX_CAPACITY: Final = 1000  # places per month: far above any employer of a neighbourhood

EMPLOYER_MODES: Final = frozenset({"immersion-pmsmp", "job-dating", "candidature-accompagnee"})
EMPLOYER_STATUSES: Final = ("immersion_realisee", "entretien", "embauche", "sans_suite")
# propose → immersion_realisee | entretien → embauche | sans_suite (the track). An
# immersion may lead to an interview; a proposal that leads nowhere closes as « sans suite ».
EMPLOYER_TRANSITIONS: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        "propose": frozenset({"immersion_realisee", "entretien", "sans_suite"}),
        "immersion_realisee": frozenset({"entretien", "embauche", "sans_suite"}),
        "entretien": frozenset({"embauche", "sans_suite"}),
        "embauche": frozenset(),
        "sans_suite": frozenset(),
    }
)
# The statuses that take one of the employer's monthly places (the handover reached the
# employer); a mere proposal counts too: the place is asked for.
_USES_A_PLACE: Final = frozenset({"propose", "immersion_realisee", "entretien", "embauche"})

# A small table of ROME labels for the sheets (ROME v3 codes most asked for in the
# neighbourhoods); a code not listed is shown as it is.
_ROME_LABELS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "A1203": "Aménagement et entretien des espaces verts",
        "D1507": "Mise en rayon libre-service",
        "F1703": "Maçonnerie",
        "G1602": "Personnel de cuisine",
        "G1603": "Personnel polyvalent en restauration",
        "H3302": "Opérations manuelles d'assemblage, tri ou emballage",
        "K1304": "Services domestiques",
        "K2204": "Nettoyage de locaux",
        "N1103": "Magasinage et préparation de commandes",
        "N1105": "Manutention manuelle de charges",
        "N4105": "Conduite et livraison par tournées sur courte distance",
    }
)


def metier_label(code: str) -> str:
    """« K2204 — Nettoyage de locaux », or the bare code when the table does not know it."""
    name = _ROME_LABELS.get(code)
    return f"{code} — {name}" if name else code


def parse_extension(row: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Text]]:
    """The extension fields of a raw structure row, validated: (fields to keep, problems by
    field). A row without any of them gives ({}, {})."""
    kept: dict[str, Any] = {}
    problems: dict[str, Text] = {}
    present = [name for name in EXTENSION_FIELDS if name in row]
    if not present:
        return kept, problems
    employeur = row.get("employeur", False)
    if type(employeur) is not bool:
        problems["employeur"] = Text("domain.employer.bool_expected")
        return kept, problems
    if not employeur:
        for name in present:
            if name != "employeur":
                problems[name] = Text("domain.employer.needs_employer", field=name)
        return kept, problems
    kept["employeur"] = True
    if "metiers" in row:
        metiers = _metiers(row["metiers"], problems)
        if metiers is not None:
            kept["metiers"] = metiers
    if "accepte_pmsmp" in row:
        if type(row["accepte_pmsmp"]) is bool:
            kept["accepte_pmsmp"] = row["accepte_pmsmp"]
        else:
            problems["accepte_pmsmp"] = Text("domain.employer.bool_expected")
    if "capacite_mensuelle" in row:
        value = row["capacite_mensuelle"]
        if type(value) is not int:
            problems["capacite_mensuelle"] = Text("domain.employer.capacity_int")
        elif not 0 <= value <= MAX_CAPACITY:
            problems["capacite_mensuelle"] = Text(
                "domain.employer.capacity_range", value=value, max=MAX_CAPACITY
            )
        else:
            kept["capacite_mensuelle"] = value
    return kept, problems


def _metiers(value: Any, problems: dict[str, Text]) -> list[str] | None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems["metiers"] = Text("domain.employer.metiers_list")
        return None
    if len(value) > MAX_METIERS:
        problems["metiers"] = Text("domain.employer.metiers_too_many", max=MAX_METIERS)
        return None
    for code in value:
        if not ROME_PATTERN.match(code):
            shown = code if len(code) <= 20 else code[:19] + "…"
            problems["metiers"] = Text("domain.employer.rome_invalid", value=shown)
            return None
    return list(dict.fromkeys(value))  # duplicates dropped, order kept


def is_employer(structure: Mapping[str, Any] | None) -> bool:
    return structure is not None and structure.get("employeur") is True


def is_employer_mode(mode: str | None) -> bool:
    return mode in EMPLOYER_MODES


def places_used(handovers: Iterable[Mapping[str, Any]], structure_id: str, month: dt.date) -> int:
    """This device's handovers to `structure_id` proposed in `month` (its year and month) that
    hold one of the employer's places: proposed, immersion, interview or hiring, with an
    employer mode. Rows as the store lists them (`partner_structure_id`, `mode`, `status`, and
    `created`/`proposed_at` or the history's proposal time)."""
    prefix = f"{month.year:04d}-{month.month:02d}"
    used = 0
    for row in handovers:
        if row.get("partner_structure_id") != structure_id or not is_employer_mode(row.get("mode")):
            continue
        if row.get("status") not in _USES_A_PLACE:
            continue
        if str(row.get("proposed_at") or "").startswith(prefix):
            used += 1
    return used


def places_full(used: int, capacity: int) -> bool:
    """No place left this month: the ranking puts the employer last, its sheet says so."""
    return used >= capacity
