"""Messages of issue 18 (directory feedback and freshness, the guide of the offers, names of
neighbourhoods): code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # domain/feedback.py
    "domain.feedback.future": (
        "date dans le futur : un signalement est daté du jour où il est fait",
        "date in the future: a report is dated the day it is made",
    ),
    # domain/freshness.py
    "domain.freshness.today": ("mis à jour aujourd'hui", "updated today"),
    "domain.freshness.this_month": (
        "mis à jour il y a moins d'un mois",
        "updated less than a month ago",
    ),
    "domain.freshness.ago": ("mis à jour il y a {age}", "updated {age} ago"),
    "domain.freshness.and": ("{years} et {months}", "{years} and {months}"),
    "domain.freshness.month.one": ("{n} mois", "{n} month"),
    "domain.freshness.month.other": ("{n} mois", "{n} months"),
    "domain.freshness.year.one": ("{n} an", "{n} year"),
    "domain.freshness.year.other": ("{n} ans", "{n} years"),
    "domain.freshness.stale": (
        "à vérifier : fiche non mise à jour depuis plus de {months} mois",
        "to check: sheet not updated for more than {months} months",
    ),
    # services/feedback.py
    "services.feedback.target": (
        "indiquez un service (--service) ou une structure (--structure), pas les deux",
        "give a service (--service) or a structure (--structure), not both",
    ),
    "services.feedback.unknown_service": (
        "service inconnu dans l'annuaire installé : {id}",
        "service not in the installed directory: {id}",
    ),
    "services.feedback.unknown_structure": (
        "structure inconnue dans l'annuaire installé : {id}",
        "structure not in the installed directory: {id}",
    ),
    "services.feedback.unknown_feedback": (
        "signalement inconnu : {id}",
        "unknown report: {id}",
    ),
    "services.feedback.personal_data": (
        "commentaire refusé, il semble contenir des données personnelles : {found}",
        "comment refused, it seems to hold personal data: {found}",
    ),
    # services/unmet.py
    "services.unmet.not_a_need": (
        "ce contact n'a pas ce besoin : {needs}",
        "this contact does not have this need: {needs}",
    ),
    # cli/offers.py
    "cli.feedback.recorded": (
        "Signalement enregistré ({id}) : il partira avec le prochain lot.",
        "Report recorded ({id}): it leaves with the next batch.",
    ),
    "cli.feedback.none": ("Aucun signalement.", "No report."),
    "cli.feedback.structure": ("Structure {name} ({id})", "Structure {name} ({id})"),
    "cli.feedback.line": (
        "  {date}  {target} : {reason}{comment}  [{state}]  {id}",
        "  {date}  {target}: {reason}{comment}  [{state}]  {id}",
    ),
    "cli.feedback.open": ("à traiter", "to handle"),
    "cli.feedback.handled": ("traité", "handled"),
    "cli.feedback.handled_by_pack": ("corrigé par le pack", "fixed by the pack"),
    "cli.feedback.marked": (
        "Signalement {id} marqué comme traité.",
        "Report {id} marked as handled.",
    ),
    "cli.guide.written": (
        "Guide écrit : {path} ({services} services)",
        "Guide written: {path} ({services} services)",
    ),
    # reports/publish.py: the needs « sans solution »
    "reports.title.unmet_needs": (
        "Besoins sans solution, par mois et quartier",
        "Needs without a solution, by month and neighbourhood",
    ),
    "reports.note.unmet_needs": (
        "Besoins notés « sans solution » sur un contact : aucun service de l'annuaire ne les "
        "prenait en charge pour ce quartier et ce public. Un contact compte pour chacun de ses "
        "besoins ainsi notés.",
        "Needs marked “no solution” on a contact: no service of the directory took them for "
        "that neighbourhood and person. A contact counts once per need so marked.",
    ),
    # reports/guide.py
    "reports.guide.title": ("Guide des offres", "Guide of the offers"),
    "reports.guide.subtitle_all": (
        "Services d'accompagnement du territoire",
        "Support services of the territory",
    ),
    "reports.guide.subtitle": (
        "Services pour les habitants : {neighbourhood}",
        "Services for the residents: {neighbourhood}",
    ),
    "reports.guide.intro": (
        "Ce guide présente les services d'accompagnement vers l'emploi, la formation et les "
        "droits, classés par besoin. Les informations viennent de l'annuaire des partenaires "
        "(mis à jour le {date}) ; en cas de doute, présentez-vous à l'accueil.",
        "This guide lists the support services towards employment, training and rights, by "
        "need. The information comes from the partners' directory (updated on {date}); when "
        "in doubt, go to the front desk.",
    ),
    "reports.guide.hours": ("Horaires : {hours}", "Opening hours: {hours}"),
    "reports.guide.address": ("Adresse : {address}", "Address: {address}"),
    "reports.guide.access": ("Comment y aller : {how}", "How to get there: {how}"),
    "reports.guide.cost_free": ("Gratuit.", "Free of charge."),
    "reports.guide.access.walk_in": (
        "Se présenter sur place, aux horaires d'accueil.",
        "Walk in, during opening hours.",
    ),
    "reports.guide.access.front_desk": (
        "Prendre contact avec l'accueil pour un premier rendez-vous.",
        "Contact the front desk for a first appointment.",
    ),
    "reports.guide.access.professional": (
        "Sur orientation d'un professionnel : parlez-en à votre éducateur, à votre conseiller "
        "ou à un travailleur social.",
        "Through a professional: ask your youth worker, your adviser or a social worker.",
    ),
    "reports.guide.access.remote": (
        "Possible aussi à distance.",
        "Also possible at a distance.",
    ),
    "reports.guide.none": (
        "Aucun service dans l'annuaire pour ce quartier.",
        "No service in the directory for this neighbourhood.",
    ),
    "reports.guide.other_needs": ("Autres services", "Other services"),
    "services.guide.no_renderer": (
        "impossible d'écrire le guide en PDF : le moteur de rendu Qt n'est pas chargé",
        "cannot write the guide as a PDF: the Qt renderer is not loaded",
    ),
    "services.guide.pdf_expected": (
        "le guide s'écrit dans un fichier .pdf : {name}",
        "the guide is written to a .pdf file: {name}",
    ),
    "services.guide.unknown_neighbourhood": (
        "quartier inconnu dans le pack installé : {code}",
        "neighbourhood not in the installed pack: {code}",
    ),
    "ui.guide.page": ("page {page}", "page {page}"),
    "services.guide.no_folder": ("dossier introuvable : {folder}", "folder not found: {folder}"),
    # domain/display.py: a neighbourhood with its name
    "domain.neighbourhood.named": ("{name} — {code}", "{name} — {code}"),
    "domain.neighbourhood.outside": ("Hors QPV", "Outside priority areas"),
}
