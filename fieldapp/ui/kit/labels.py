"""Words shown for record fields and event types, in the interface language."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from fieldapp.domain.clock import Hlc
from fieldapp.domain.vocab import HANDOVER_STATUSES
from fieldapp.ui.kit.i18n import label, short_date

_FIELDS: dict[str, str] = {
    "date": str(QT_TRANSLATE_NOOP("Fields", "date")),
    "slot": str(QT_TRANSLATE_NOOP("Fields", "créneau")),
    "neighbourhood": str(QT_TRANSLATE_NOOP("Fields", "quartier")),
    "commune": str(QT_TRANSLATE_NOOP("Fields", "commune")),
    "place_type": str(QT_TRANSLATE_NOOP("Fields", "lieu")),
    "contact_mode": str(QT_TRANSLATE_NOOP("Fields", "type de contact")),
    "age_band": str(QT_TRANSLATE_NOOP("Fields", "tranche d'âge")),
    "gender": str(QT_TRANSLATE_NOOP("Fields", "genre")),
    "situation": str(QT_TRANSLATE_NOOP("Fields", "situation")),
    "registrations": str(QT_TRANSLATE_NOOP("Fields", "inscriptions")),
    "needs": str(QT_TRANSLATE_NOOP("Fields", "besoins")),
    "outcome": str(QT_TRANSLATE_NOOP("Fields", "suite donnée")),
    "pseudonym": str(QT_TRANSLATE_NOOP("Fields", "pseudonyme")),
    "note": str(QT_TRANSLATE_NOOP("Fields", "note")),
    "partner": str(QT_TRANSLATE_NOOP("Fields", "partenaire")),
    "mode": str(QT_TRANSLATE_NOOP("Fields", "modalité")),
    "consent": str(QT_TRANSLATE_NOOP("Fields", "accord de la personne")),
    "follow_up": str(QT_TRANSLATE_NOOP("Fields", "date de suivi")),
    "reason": str(QT_TRANSLATE_NOOP("Fields", "motif")),
}


def field_name(key: str) -> str:
    text = _FIELDS.get(key)
    return QCoreApplication.translate("Fields", text) if text else key


def event_time(hlc: str) -> str:
    """Local date and time of an event, from its hybrid logical clock."""
    try:
        moment = datetime.fromtimestamp(Hlc.parse(hlc).wall_ms / 1000)
    except (ValueError, OverflowError):
        return ""
    return f"{short_date(moment.date())} {moment:%H:%M}"


def iso_time(value: str | None) -> str:
    """25/11/2026 14:02 (local time) from an ISO timestamp with zone."""
    if not value:
        return ""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone()
    except ValueError:
        return value
    return f"{short_date(moment.date())} {moment:%H:%M}"


def status_label(code: str) -> str:
    return label(HANDOVER_STATUSES, code)


def describe_event(kind: str, payload: dict[str, object], previous: dict[str, object]) -> str:
    """One line of a record's history: what happened, and which fields changed."""
    if kind == "contact.recorded":
        return QCoreApplication.translate("Labels", "Contact enregistré")
    if kind == "contact.amended":
        changed = [
            field_name(key)
            for key in _FIELDS
            if (key in payload or key in previous) and payload.get(key) != previous.get(key)
        ]
        text = QCoreApplication.translate("Labels", "Modifié")
        return text + (" : " + ", ".join(changed) if changed else "")
    if kind == "contact.voided":
        return QCoreApplication.translate("Labels", "Annulé : %1").replace(
            "%1", str(payload.get("reason", ""))
        )
    if kind == "handover.proposed":
        return QCoreApplication.translate("Labels", "Relais proposé")
    if kind == "handover.status_changed":
        text = status_label(str(payload.get("status", "")))
        reason = payload.get("reason")
        return f"{text} : {reason}" if reason else text
    if kind == "handover.amended":
        return QCoreApplication.translate("Labels", "Relais modifié")
    return kind
