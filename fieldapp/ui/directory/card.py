"""The Annuaire's service card as HTML (how to reach the service, for whom, for what), and the
small texts around it: French phone numbers, dates, the summary of a contact the list is ranked
for."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from fieldapp.domain.display import neighbourhood_label
from fieldapp.domain.freshness import STALE_AFTER_MONTHS, freshness
from fieldapp.messages import render
from fieldapp.services import directory
from fieldapp.ui.kit import style

__all__ = ["card_html", "contact_summary", "format_phone", "french_date", "reason_colour"]


def reason_colour(ok: bool | None) -> str:
    """An eligibility reason's colour: met, not met, or to check (the words say it too)."""
    return style.SUCCESS if ok else (style.DANGER if ok is False else style.WARNING)


def format_phone(number: str) -> str:
    """+33261910001 -> 02 61 91 00 01 (French numbers); anything else as written."""
    digits = number.replace(" ", "").replace(".", "")
    if digits.startswith("+33") and len(digits) == 12 and digits[3:].isdigit():
        digits = "0" + digits[3:]
    if len(digits) == 10 and digits.isdigit():
        return " ".join(digits[i : i + 2] for i in range(0, 10, 2))
    return number


def french_date(stamp: str) -> str:
    day = stamp[:10]
    return f"{day[8:10]}/{day[5:7]}/{day[0:4]}" if len(day) == 10 else stamp


def contact_summary(contact: Mapping[str, Any], names: Mapping[str, str] | None = None) -> str:
    day = french_date(str(contact["date"])) if contact.get("date") else ""
    text = (
        render("ui.directory.ranking_on", {"date": day}) if day else render("ui.directory.ranking")
    )
    details = []
    if contact.get("neighbourhood"):
        details.append(neighbourhood_label(contact["neighbourhood"], names or {}))
    if contact.get("age_band") and contact["age_band"] != "inconnu":
        details.append(render("ui.directory.age", {"band": contact["age_band"]}))
    needs = [directory.label("categorie", n).lower() for n in contact.get("needs") or ()]
    if needs:
        details.append(render("ui.directory.needs", {"needs": ", ".join(needs)}))
    return f"{text} — {' · '.join(details)}" if details else text


def _row(caption: str, value: str) -> str:
    return (
        f"<tr><td width='104' style='color:{style.MUTED}; padding:3px 14px 3px 0;'>"
        f"{html.escape(caption)}</td><td style='padding:3px 0;'>{value}</td></tr>"
    )


def _zone_text(code: str, commune_names: Mapping[str, str]) -> str:
    if code in ("france", "99100"):
        return render("ui.directory.zone.france")
    if len(code) in (2, 3):
        return render("ui.directory.zone.department", {"code": code})
    if len(code) == 9:
        return render("ui.directory.zone.epci", {"code": code})
    return commune_names.get(code, code)


# The service card's words, marked here so that lupdate files them under DirectoryView, the
# context of the `tr` that card_html receives.
_CARD_LABELS: dict[str, str] = {
    "comment_le_mobiliser": str(QT_TRANSLATE_NOOP("DirectoryView", "Comment le mobiliser")),
    "pour_qui_pour_quoi": str(QT_TRANSLATE_NOOP("DirectoryView", "Pour qui, pour quoi")),
    "demarche": str(QT_TRANSLATE_NOOP("DirectoryView", "Démarche")),
    "par": str(QT_TRANSLATE_NOOP("DirectoryView", "Par")),
    "precisions": str(QT_TRANSLATE_NOOP("DirectoryView", "Précisions")),
    "telephone": str(QT_TRANSLATE_NOOP("DirectoryView", "Téléphone")),
    "courriel": str(QT_TRANSLATE_NOOP("DirectoryView", "Courriel")),
    "adresse": str(QT_TRANSLATE_NOOP("DirectoryView", "Adresse")),
    "horaires": str(QT_TRANSLATE_NOOP("DirectoryView", "Horaires")),
    "lien": str(QT_TRANSLATE_NOOP("DirectoryView", "Lien")),
    "publics": str(QT_TRANSLATE_NOOP("DirectoryView", "Publics")),
    "conditions": str(QT_TRANSLATE_NOOP("DirectoryView", "Conditions")),
    "type": str(QT_TRANSLATE_NOOP("DirectoryView", "Type")),
    "thematiques": str(QT_TRANSLATE_NOOP("DirectoryView", "Thématiques")),
    "zone": str(QT_TRANSLATE_NOOP("DirectoryView", "Zone")),
    "frais": str(QT_TRANSLATE_NOOP("DirectoryView", "Frais")),
    "mis_a_jour": str(QT_TRANSLATE_NOOP("DirectoryView", "Mis à jour")),
    "professionnels": str(QT_TRANSLATE_NOOP("DirectoryView", "professionnels")),
    "la_personne_elle_meme": str(QT_TRANSLATE_NOOP("DirectoryView", "la personne elle-même")),
    "gratuit": str(QT_TRANSLATE_NOOP("DirectoryView", "Gratuit")),
    "payant": str(QT_TRANSLATE_NOOP("DirectoryView", "Payant")),
}


def card_html(
    entry: directory.Entry,
    hint: directory.Ranked | None,
    tr: Callable[[str], str],
    commune_names: Mapping[str, str],
    *,
    today: date | None = None,
    places: tuple[int, int] | None = None,
) -> str:
    t = {key: tr(text) for key, text in _CARD_LABELS.items()}
    service, structure = entry.service, entry.structure or {}
    esc = html.escape
    age = freshness(service.get("date_maj"), today or date.today())
    out = [
        f"<div style='font-size:15pt; font-weight:600; color:{style.TEXT};'>"
        f"{esc(entry.name)}</div>",
        f"<div style='color:{style.MUTED}; margin-top:2px;'>{esc(entry.structure_name)}</div>",
    ]
    if age is not None and age.stale:
        # Past six months the sheet may be wrong: call before sending someone there.
        flag = render("domain.freshness.stale", {"months": STALE_AFTER_MONTHS})
        out.append(f"<p style='margin-top:6px; color:{style.DANGER};'>⚠ {esc(flag)}</p>")
    elif age is not None:
        out.append(
            f"<div style='color:{style.MUTED}; margin-top:2px;'>{esc(age.text().message())}</div>"
        )
    if hint is not None and hint.reasons:
        marks = []
        for reason in hint.reasons:
            colour = reason_colour(reason.ok)
            marks.append(f"<span style='color:{colour};'>{esc(reason.text)}</span>")
        out.append(f"<p style='margin-top:8px;'>{' &nbsp;·&nbsp; '.join(marks)}</p>")
    if service.get("description"):
        out.append(f"<p style='margin-top:10px;'>{esc(str(service['description']))}</p>")

    out.append(
        f"<div style='font-weight:600; margin-top:12px; color:{style.PRIMARY_DARK};'>"
        f"{esc(t['comment_le_mobiliser'])}</div><table style='margin-top:4px;'>"
    )
    rows = []
    modes = [directory.label("mode_mobilisation", m) for m in service.get("modes_mobilisation", ())]
    if modes:
        rows.append(_row(t["demarche"], esc(", ".join(modes))))
    by = service.get("mobilisable_par") or ()
    if by:
        who = {"professionnels": t["professionnels"], "usagers": t["la_personne_elle_meme"]}
        rows.append(_row(t["par"], esc(", ".join(who.get(b, b) for b in by))))
    if service.get("mobilisation_precisions"):
        rows.append(_row(t["precisions"], esc(str(service["mobilisation_precisions"]))))
    phone = service.get("telephone") or structure.get("telephone")
    if phone:
        rows.append(_row(t["telephone"], f"<b>{esc(format_phone(str(phone)))}</b>"))
    email = service.get("courriel") or structure.get("courriel")
    if email:
        rows.append(_row(t["courriel"], esc(str(email))))
    address = _address(service) or _address(structure)
    if address:
        rows.append(_row(t["adresse"], esc(address)))
    hours = service.get("horaires_accueil") or structure.get("horaires_accueil")
    if hours:
        rows.append(_row(t["horaires"], esc(directory.format_opening_hours(str(hours)))))
    link = service.get("lien_mobilisation")
    if link:
        rows.append(_row(t["lien"], esc(str(link))))
    out.append("".join(rows) + "</table>")
    # Issue 18: an employer's métiers, immersions and places this month.
    from fieldapp.ui.directory.employer_sheet import employer_html

    out.append(employer_html(structure, places, tr, _row))

    out.append(
        f"<div style='font-weight:600; margin-top:12px; color:{style.PRIMARY_DARK};'>"
        f"{esc(t['pour_qui_pour_quoi'])}</div><table style='margin-top:4px;'>"
    )
    rows = []
    publics = [directory.label("public", p) for p in service.get("publics", ())]
    if publics:
        rows.append(_row(t["publics"], esc(", ".join(publics))))
    if service.get("conditions_acces"):
        rows.append(_row(t["conditions"], esc(str(service["conditions_acces"]))))
    if service.get("type"):
        rows.append(_row(t["type"], esc(directory.label("type", str(service["type"])))))
    themes = [directory.label("thematique", t) for t in service.get("thematiques", ())]
    if themes:
        rows.append(_row(t["thematiques"], esc(", ".join(themes))))
    zone = service.get("zone_eligibilite")
    if zone:
        rows.append(_row(t["zone"], esc(", ".join(_zone_text(z, commune_names) for z in zone))))
    if service.get("frais"):
        fees = t["gratuit"] if service["frais"] == "gratuit" else t["payant"]
        if service.get("frais_precisions"):
            fees += f" ({service['frais_precisions']})"
        rows.append(_row(t["frais"], esc(fees)))
    if service.get("date_maj"):
        when = esc(french_date(str(service["date_maj"])))
        if age is not None:
            colour = style.DANGER if age.stale else style.MUTED
            when += f" <span style='color:{colour};'>({esc(age.text().message())})</span>"
        rows.append(_row(t["mis_a_jour"], when))
    out.append("".join(rows) + "</table>")
    return "".join(out)


def _address(record: Mapping[str, Any]) -> str:
    street = " ".join(
        str(record[k]) for k in ("adresse", "complement_adresse") if record.get(k)
    ).strip()
    town = " ".join(str(record[k]) for k in ("code_postal", "commune") if record.get(k)).strip()
    return ", ".join(p for p in (street, town) if p)
