"""Contacts (rencontres): one anonymised outreach encounter (DESIGN.md § Data model)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from fieldapp.domain._fields import FieldReader, shown, years_before
from fieldapp.domain.vocab import (
    AGE_BANDS,
    CONTACT_MODES,
    GENDERS,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    REGISTRATIONS,
    SITUATIONS,
    SLOTS,
)
from fieldapp.messages import Text

HORS_QPV = "hors-qpv"
NOTE_MAX_CHARS = 2000
MAX_AGE_YEARS = 10
QPV_CODE = re.compile(r"Q[NP][0-9A-Z]{5,8}")
INSEE_COMMUNE = re.compile(r"\d{5}|2[AB]\d{3}")
# Crockford base32: digits and capitals without I, L, O, U (no look-alikes when read aloud).
# The entity ids of events (domain/events.py `_TOKEN`).
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")
PSEUDONYM = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}")
# "aucune" and "inconnue" each contradict any other registration.
EXCLUSIVE_REGISTRATIONS = ("aucune", "inconnue")

CONTACT_FIELDS = (
    "date",
    "slot",
    "neighbourhood",
    "commune",
    "place_type",
    "contact_mode",
    "age_band",
    "gender",
    "situation",
    "registrations",
    "needs",
    "outcome",
    "pseudonym",
    "note",
    # Issue 17: the street round or joint action the contact came from (a record of this device).
    "outing_id",
    "action_id",
)


@dataclass(frozen=True)
class Contact:
    """A validated contact. Build it with `parse_contact`.

    The constructor does not re-validate: projections rebuilt from stored events must load
    even after a vocabulary has evolved.
    """

    date: dt.date
    slot: str
    neighbourhood: str
    commune: str | None
    place_type: str
    contact_mode: str
    age_band: str
    gender: str
    situation: str
    registrations: tuple[str, ...]
    needs: tuple[str, ...]
    outcome: str
    pseudonym: str | None = None
    note: str | None = None
    outing_id: str | None = None
    action_id: str | None = None

    def to_payload(self) -> dict[str, Any]:
        """JSON-ready dict (ISO date, lists); None fields are left out."""
        payload: dict[str, Any] = {
            "date": self.date.isoformat(),
            "slot": self.slot,
            "neighbourhood": self.neighbourhood,
            "commune": self.commune,
            "place_type": self.place_type,
            "contact_mode": self.contact_mode,
            "age_band": self.age_band,
            "gender": self.gender,
            "situation": self.situation,
            "registrations": list(self.registrations),
            "needs": list(self.needs),
            "outcome": self.outcome,
            "pseudonym": self.pseudonym,
            "note": self.note,
            "outing_id": self.outing_id,
            "action_id": self.action_id,
        }
        return {key: value for key, value in payload.items() if value is not None}


def parse_contact(
    data: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    known_neighbourhoods: Collection[str] | None = None,
) -> Contact:
    """Validate raw input (JSON object, CSV row, form) into a Contact.

    Every problem is collected and raised together in one ValidationError, so a person fixing
    a CSV row sees everything at once.
    """
    today = today if today is not None else dt.date.today()
    reader = FieldReader(data, record="contact", allowed=CONTACT_FIELDS)

    date = reader.iso_date("date", required=True)
    if date is not None:
        if date > today:
            reader.add("date", "domain.contact.date_future", today=today.isoformat())
        elif date < years_before(today, MAX_AGE_YEARS):
            reader.add("date", "domain.contact.date_too_old", years=MAX_AGE_YEARS)

    slot = reader.code("slot", SLOTS)
    neighbourhood = _neighbourhood(reader, known_neighbourhoods)
    commune = _commune(reader, neighbourhood)
    place_type = reader.code("place_type", PLACE_TYPES)
    contact_mode = reader.code("contact_mode", CONTACT_MODES, default="premier-contact")
    age_band = reader.code("age_band", AGE_BANDS, default="inconnu")
    gender = reader.code("gender", GENDERS, default="non-renseigne")
    situation = reader.code("situation", SITUATIONS, default="inconnue")
    registrations = _registrations(reader)
    needs = reader.codes("needs", NEEDS, default=())
    outcome = reader.code("outcome", OUTCOMES)
    pseudonym = _pseudonym(reader)
    note = reader.text("note", required=False, max_len=NOTE_MAX_CHARS, note=True)
    outing_id = record_link(reader, "outing_id")
    action_id = record_link(reader, "action_id")

    reader.raise_if_any()
    # No problem recorded means every required value was read; the asserts tell mypy so.
    assert date is not None and slot is not None and neighbourhood is not None
    assert place_type is not None and contact_mode is not None and age_band is not None
    assert gender is not None and situation is not None and registrations is not None
    assert needs is not None and outcome is not None
    return Contact(
        date=date,
        slot=slot,
        neighbourhood=neighbourhood,
        commune=commune,
        place_type=place_type,
        contact_mode=contact_mode,
        age_band=age_band,
        gender=gender,
        situation=situation,
        registrations=registrations,
        needs=needs,
        outcome=outcome,
        pseudonym=pseudonym,
        note=note,
        outing_id=outing_id,
        action_id=action_id,
    )


def record_link(reader: FieldReader, name: str) -> str | None:
    """The id of another record (a round, an action): an event entity id, no spaces. That it
    names a record of the device is checked where the records are (services/presence.py)."""
    value = reader.text(name, required=False, max_len=100, what=Text("domain.what.identifier"))
    if value is not None and not RECORD_ID.fullmatch(value):
        reader.add(name, "domain.contact.link_invalid")
        return None
    return value


def amend_contact(
    current: Contact,
    changes: Mapping[str, Any],
    *,
    today: dt.date | None = None,
    known_neighbourhoods: Collection[str] | None = None,
) -> Contact:
    """Apply `changes` (a null value clears an optional field) and validate the result."""
    merged: dict[str, Any] = current.to_payload()
    merged.update(changes)
    # A neighbourhood dropped from a newer reference pack must not block fixing another field.
    if "neighbourhood" not in changes or changes["neighbourhood"] == current.neighbourhood:
        known_neighbourhoods = None
    return parse_contact(merged, today=today, known_neighbourhoods=known_neighbourhoods)


def _neighbourhood(reader: FieldReader, known: Collection[str] | None) -> str | None:
    value = reader.text(
        "neighbourhood", required=True, max_len=100, what=Text("domain.what.neighbourhood")
    )
    if value is None:
        return None
    if value.lower() == HORS_QPV:
        return HORS_QPV
    code = value.upper()
    if not QPV_CODE.fullmatch(code):
        reader.add(
            "neighbourhood",
            "domain.contact.neighbourhood_invalid",
            value=shown(value),
            hors=HORS_QPV,
        )
        return None
    if known is not None and code not in known:
        reader.add("neighbourhood", "domain.contact.neighbourhood_unknown", code=shown(code))
        return None
    return code


def _commune(reader: FieldReader, neighbourhood: str | None) -> str | None:
    value = reader.text("commune", required=False, max_len=10, what=Text("domain.what.insee"))
    if value is None:
        if neighbourhood == HORS_QPV:
            reader.add("commune", "domain.contact.commune_required", hors=HORS_QPV)
        return None
    code = value.upper()
    if not INSEE_COMMUNE.fullmatch(code):
        reader.add("commune", "domain.contact.commune_invalid", value=shown(value))
        return None
    return code


def _registrations(reader: FieldReader) -> tuple[str, ...] | None:
    registrations = reader.codes("registrations", REGISTRATIONS, default=("inconnue",))
    if registrations is None:
        return None
    if not registrations:
        reader.add("registrations", "domain.contact.registrations_empty")
        return None
    for exclusive in EXCLUSIVE_REGISTRATIONS:
        if exclusive in registrations and len(registrations) > 1:
            reader.add("registrations", "domain.contact.registrations_exclusive", code=exclusive)
            return None
    return registrations


def _pseudonym(reader: FieldReader) -> str | None:
    value = reader.text("pseudonym", required=False, max_len=20, what=Text("domain.what.pseudonym"))
    if value is None:
        return None
    code = value.upper()
    if not PSEUDONYM.fullmatch(code):
        reader.add("pseudonym", "domain.contact.pseudonym_format")
        return None
    return code
