"""The fiche relais (issue 16): the slip the person takes to the receiving structure.

What it shows comes from the handover and the partner's directory sheet: the partner's name,
address, opening hours, what to bring, the appointment if one is set, and the code relais as text
and as a QR code. Nothing about the person: no pseudonym, no note, no contact detail of theirs.

The PDF is painted with Qt, which only `fieldapp.ui` may import: the window registers its renderer
(`register_slip_renderer`) at start, and `fieldapp handover slip` asks the UI to do so before
writing (as the report's PDF does, services/reporting.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from fieldapp.domain.directory import format_opening_hours
from fieldapp.domain.vocab import HANDOVER_MODES
from fieldapp.errors import UnavailableError
from fieldapp.messages import LANGUAGES
from fieldapp.services.directory import current_pack, structure_of
from fieldapp.services.field import FieldService
from fieldapp.services.profile import ProfileError
from fieldapp.storage.private_files import write_private

__all__ = [
    "NoCode",
    "NoSlipRenderer",
    "Slip",
    "SlipRenderer",
    "register_slip_renderer",
    "slip_for",
    "write_slip",
]


class NoSlipRenderer(ProfileError, UnavailableError):
    def __init__(self) -> None:
        super().__init__("services.slip.no_renderer")


class NoCode(ProfileError):
    """A handover proposed before codes relais existed has no code to print."""

    def __init__(self) -> None:
        super().__init__("services.slip.no_code")


@dataclass(frozen=True)
class Slip:
    """Everything printed on the slip, already in words (the renderer only lays it out)."""

    code: str
    partner: str
    address: str | None
    opening_hours: str | None
    to_bring: tuple[str, ...]
    phone: str | None
    appointment: str | None  # ISO date-time or day, as the handover holds it
    mode: dict[str, str]  # the handover's mode, by language: the slip is in French and English


class SlipRenderer(Protocol):
    def __call__(self, slip: Slip, /) -> bytes: ...


_renderer: list[SlipRenderer] = []  # at most one: the last registered


def register_slip_renderer(renderer: SlipRenderer) -> None:
    _renderer[:] = [renderer]


def _address(record: Mapping[str, Any] | None) -> str | None:
    if not record:
        return None
    street = " ".join(
        str(record[k]) for k in ("adresse", "complement_adresse") if record.get(k)
    ).strip()
    town = " ".join(str(record[k]) for k in ("code_postal", "commune") if record.get(k)).strip()
    return ", ".join(p for p in (street, town) if p) or None


def _to_bring(service: Mapping[str, Any]) -> tuple[str, ...]:
    # data·inclusion: `justificatifs` and `pre_requis` (lists) when the sheet has them, else its
    # free-text conditions of access and how to go about it.
    items: list[str] = []
    for key in ("justificatifs", "pre_requis"):
        value = service.get(key)
        if isinstance(value, list):
            items.extend(str(v) for v in value if v)
    if not items:
        items.extend(
            str(service[k])
            for k in ("conditions_acces", "mobilisation_precisions")
            if service.get(k)
        )
    return tuple(items)


def _find_service(field: FieldService, service_id: object) -> Mapping[str, Any] | None:
    if not service_id:
        return None
    pack = current_pack(field)
    return next((s for s in pack.services if s.get("id") == service_id), None)


def slip_for(field: FieldService, handover_id: str) -> Slip:
    """The slip of one handover (UnknownRecord for an unknown id, NoCode without a code)."""
    row = field.handover(handover_id)
    code = field.handover_code(handover_id)
    if not code:
        raise NoCode()
    service = _find_service(field, row.get("partner_service_id")) or {}
    structure = structure_of(current_pack(field), service) if service else None
    hours = service.get("horaires_accueil") or (structure or {}).get("horaires_accueil")
    phone = service.get("telephone") or (structure or {}).get("telephone")
    mode = str(row["mode"])
    return Slip(
        code=code,
        partner=str(row["partner"]),
        address=_address(service) or _address(structure),
        opening_hours=format_opening_hours(str(hours)) if hours else None,
        to_bring=_to_bring(service),
        phone=str(phone) if phone else None,
        appointment=row.get("appointment"),
        mode={lang: HANDOVER_MODES.label(mode, lang) for lang in LANGUAGES},
    )


def write_slip(field: FieldService, handover_id: str, out: Path) -> Slip:
    """Paint the slip as a PDF into `out` (written whole or not at all)."""
    slip = slip_for(field, handover_id)
    if not _renderer:
        raise NoSlipRenderer()
    data = _renderer[0](slip)
    try:
        write_private(Path(out), data)
    except OSError as exc:
        raise ProfileError(
            "services.slip.write_failed", path=out, detail=exc.strerror or type(exc).__name__
        ) from exc
    return slip
