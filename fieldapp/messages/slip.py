"""Messages of the fiche relais (issue 16, services/slip.py and its PDF): code → (French, English).
See `fieldapp/messages/__init__.py`. The slip prints both languages, one under the other."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "services.slip.no_renderer": (
        "Impossible de dessiner la fiche relais : l'interface graphique n'est pas disponible.",
        "Cannot draw the relay slip: the graphical interface is not available.",
    ),
    "services.slip.no_code": (
        "Ce relais a été proposé avant les codes relais : il n'a pas de fiche à imprimer.",
        "This handover was proposed before relay codes existed: it has no slip to print.",
    ),
    "services.slip.write_failed": (
        "Impossible d'écrire la fiche relais {path} : {detail}",
        "Cannot write the relay slip {path}: {detail}",
    ),
    "cli.slip.written": (
        "Fiche relais écrite : {path} (code {code})",
        "Relay slip written: {path} (code {code})",
    ),
    # The slip itself (ui/notebook/slip_pdf.py): plain words, short sentences.
    "ui.slip.title": ("Fiche relais", "Relay slip"),
    "ui.slip.intro": (
        "Vous êtes attendu(e) ici. Montrez cette fiche à l'accueil.",
        "You are expected here. Show this slip at the front desk.",
    ),
    "ui.slip.where": ("Où aller", "Where to go"),
    "ui.slip.hours": ("Horaires", "Opening hours"),
    "ui.slip.phone": ("Téléphone", "Phone"),
    "ui.slip.when": ("Votre rendez-vous", "Your appointment"),
    "ui.slip.no_appointment": (
        "Pas de rendez-vous fixé : présentez-vous aux horaires d'ouverture.",
        "No appointment set: come during opening hours.",
    ),
    "ui.slip.bring": ("À savoir, à apporter", "Good to know, what to bring"),
    "ui.slip.bring_default": (
        "Une pièce d'identité si vous en avez une. Rien d'autre n'est obligatoire.",
        "An identity document if you have one. Nothing else is required.",
    ),
    "ui.slip.code": ("Votre code relais", "Your relay code"),
    "ui.slip.code_hint": (
        "Donnez ce code (ou faites scanner le carré) : il ne dit rien de vous, il permet "
        "seulement de savoir que le relais a abouti.",
        "Give this code (or let them scan the square): it says nothing about you, it only "
        "tells that the handover reached its goal.",
    ),
}
