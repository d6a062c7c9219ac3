"""The guide of the offers (issue 18, item 4): for residents and conseils citoyens, the services
of the directory grouped by need, with their hours, address and how to get there, in plain
French, for one neighbourhood or the whole territory.

Nothing about a person is in it, and no contact detail either: no telephone, e-mail, web site or
link, only what a resident needs to walk in (the address and the opening hours). The guide is
data (`Guide`); the PDF is painted by Qt in `fieldapp.ui` (services/guide.py registers it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.directory import categories_of, format_opening_hours
from fieldapp.domain.directory_index import Entry
from fieldapp.domain.vocab import NEEDS
from fieldapp.messages import say

DESCRIPTION_MAX_CHARS = 280


@dataclass(frozen=True)
class GuideEntry:
    name: str
    structure: str
    description: str
    hours: str
    address: str
    access: str
    free: bool


@dataclass(frozen=True)
class GuideSection:
    need: str  # the need's label, as the contact form says it
    entries: tuple[GuideEntry, ...]


@dataclass(frozen=True)
class Guide:
    title: str
    subtitle: str
    intro: str
    sections: tuple[GuideSection, ...] = field(default=())

    @property
    def service_count(self) -> int:
        return len({(e.structure, e.name) for s in self.sections for e in s.entries})


def _address(record: Mapping[str, Any]) -> str:
    street = " ".join(
        str(record[k]) for k in ("adresse", "complement_adresse") if record.get(k)
    ).strip()
    town = " ".join(str(record[k]) for k in ("code_postal", "commune") if record.get(k)).strip()
    return ", ".join(p for p in (street, town) if p)


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= DESCRIPTION_MAX_CHARS:
        return text
    cut = text[: DESCRIPTION_MAX_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def access_text(service: Mapping[str, Any]) -> str:
    """How a resident gets there, in words: walk in, contact the front desk, or through a
    professional; and whether it can be done at a distance."""
    by = set(service.get("mobilisable_par") or ())
    modes = set(service.get("modes_mobilisation") or ())
    if by and "usagers" not in by:
        text = say("reports.guide.access.professional")
    elif "se-presenter" in modes:
        text = say("reports.guide.access.walk_in")
    else:
        text = say("reports.guide.access.front_desk")
    if "a-distance" in (service.get("modes_accueil") or ()):
        text += " " + say("reports.guide.access.remote")
    return text


def guide_entry(entry: Entry) -> GuideEntry:
    service, structure = entry.service, entry.structure or {}
    hours = service.get("horaires_accueil") or structure.get("horaires_accueil")
    return GuideEntry(
        name=entry.name,
        structure=entry.structure_name,
        description=_short(str(service.get("description") or "")),
        hours=format_opening_hours(str(hours)) if hours else "",
        address=_address(service) or _address(structure),
        access=access_text(service),
        free=service.get("frais") == "gratuit",
    )


def build_guide(entries: Iterable[Entry], *, place: str | None, pack_date: str) -> Guide:
    """The guide of these services, by need in the contact form's order (a service covering
    several needs is listed under each); `place`: the neighbourhood as shown, or None."""
    chosen: Sequence[Entry] = sorted(entries, key=lambda e: (e.structure_name, e.name))
    sections = []
    for need in NEEDS:
        listed = tuple(guide_entry(e) for e in chosen if need.code in categories_of(e.service))
        if listed:
            sections.append(GuideSection(need.fr, listed))
    covered = {need.code for need in NEEDS}
    rest = tuple(guide_entry(e) for e in chosen if not categories_of(e.service) & covered)
    if rest:
        sections.append(GuideSection(say("reports.guide.other_needs"), rest))
    day = pack_date[:10]
    shown_day = f"{day[8:10]}/{day[5:7]}/{day[:4]}" if len(day) == 10 else pack_date
    return Guide(
        title=say("reports.guide.title"),
        subtitle=(
            say("reports.guide.subtitle", neighbourhood=place)
            if place
            else say("reports.guide.subtitle_all")
        ),
        intro=say("reports.guide.intro", date=shown_day),
        sections=tuple(sections),
    )
