"""The employer part of a service's sheet in the Annuaire (issue 18): « Employeur », its
métiers (ROME code and label), « Accepte les immersions (PMSMP) »,
« Places ce mois-ci : 2 sur 3 »."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from fieldapp.domain.employers import is_employer, metier_label, places_full
from fieldapp.ui.kit import style

# Marked here, translated with the `tr` of DirectoryView (card_html's).
_LABELS: dict[str, str] = {
    "employeur": str(QT_TRANSLATE_NOOP("DirectoryView", "Employeur")),
    "metiers": str(QT_TRANSLATE_NOOP("DirectoryView", "Métiers")),
    "pmsmp": str(QT_TRANSLATE_NOOP("DirectoryView", "Accepte les immersions (PMSMP)")),
    "oui": str(QT_TRANSLATE_NOOP("DirectoryView", "oui")),
    "non": str(QT_TRANSLATE_NOOP("DirectoryView", "non")),
    "places": str(QT_TRANSLATE_NOOP("DirectoryView", "Places ce mois-ci")),
    "sur": str(QT_TRANSLATE_NOOP("DirectoryView", "%1 sur %2")),
}


def employer_html(
    structure: Mapping[str, Any],
    places: tuple[int, int] | None,
    tr: Callable[[str], str],
    row: Callable[[str, str], str],
) -> str:
    """The section, or "" for a structure that is not an employer."""
    if not is_employer(structure):
        return ""
    t = {key: tr(text) for key, text in _LABELS.items()}
    esc = html.escape
    rows = []
    metiers = [metier_label(str(code)) for code in structure.get("metiers") or ()]
    if metiers:
        rows.append(row(t["metiers"], "<br>".join(esc(m) for m in metiers)))
    rows.append(row(t["pmsmp"], t["oui"] if structure.get("accepte_pmsmp") else t["non"]))
    if places is not None:
        used, capacity = places
        shown = t["sur"].replace("%1", str(used)).replace("%2", str(capacity))
        colour = style.DANGER if places_full(used, capacity) else style.TEXT
        rows.append(row(t["places"], f"<b style='color:{colour};'>{esc(shown)}</b>"))
    return (
        f"<div style='font-weight:600; margin-top:12px; color:{style.PRIMARY_DARK};'>"
        f"{esc(t['employeur'])}</div><table style='margin-top:4px;'>" + "".join(rows) + "</table>"
    )
