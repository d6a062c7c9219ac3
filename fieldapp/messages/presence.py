"""Messages of issue 17 (street rounds and joint actions): code → (French, English).
See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # domain/presence.py, domain/actions.py
    "domain.presence.count_expected": (
        "nombre entier positif ou nul attendu, reçu {got}",
        "whole number of zero or more expected, got {got}",
    ),
    "domain.presence.count_negative": (
        "nombre négatif ({value}) : un compte est positif ou nul",
        "negative number ({value}): a count is zero or more",
    ),
    "domain.presence.count_too_big": (
        "{value} dépasse le maximum de {max}",
        "{value} is over the maximum of {max}",
    ),
    "domain.presence.duration_too_long": (
        "durée de plus de 24 h (au plus {max} minutes)",
        "duration over 24 h (at most {max} minutes)",
    ),
    "domain.presence.duration_zero": (
        "durée nulle : la présence dure au moins une minute",
        "zero duration: a presence lasts at least one minute",
    ),
    "domain.presence.cells_expected": (
        "liste d'objets (gender, age_band, count) attendue, reçu {got}",
        "list of objects (gender, age_band, count) expected, got {got}",
    ),
    "domain.presence.cell_twice": (
        "le couple {gender} × {age_band} figure deux fois",
        "the pair {gender} × {age_band} appears twice",
    ),
    "domain.action.ids_expected": (
        "liste d'identifiants de l'annuaire attendue, reçu {got}",
        "list of directory ids expected, got {got}",
    ),
    "domain.action.too_many_ids": ("au plus {max} identifiants", "at most {max} ids"),
    "domain.action.id_invalid": (
        "identifiant de l'annuaire invalide (lettres, chiffres, . _ : -, sans espace)",
        "invalid directory id (letters, digits, . _ : -, no spaces)",
    ),
    "domain.action.id_twice": ("identifiant en double", "duplicate id"),
    "domain.action.more_ids_than_count": (
        "plus d'identifiants que d'employeurs ({count})",
        "more ids than employers ({count})",
    ),
    "domain.contact.link_invalid": (
        "identifiant invalide (lettres, chiffres, . _ : -, sans espace)",
        "invalid id (letters, digits, . _ : -, no spaces)",
    ),
    "domain.label.duration_minutes": ("Durée (minutes)", "Duration (minutes)"),
    "domain.label.seen": ("Personnes vues", "People seen"),
    "domain.label.ambiance": ("Ambiance", "Atmosphere"),
    "domain.label.mediations": ("Médiations", "Mediations"),
    "domain.label.action_type": ("Type d'action", "Action type"),
    "domain.label.partners": ("Partenaires", "Partners"),
    "domain.label.employers": ("Employeurs", "Employers"),
    "domain.label.participants": ("Participants", "Participants"),
    "domain.label.outing_id": ("Tournée", "Street round"),
    "domain.label.action_id": ("Action collective", "Joint action"),
}
MESSAGES.update(
    {
        # storage/presence_store.py
        "storage.presence.unknown_outing": (
            "aucune tournée {record_id} sur cet appareil",
            "no street round {record_id} on this device",
        ),
        "storage.presence.unknown_action": (
            "aucune action collective {record_id} sur cet appareil",
            "no joint action {record_id} on this device",
        ),
    }
)
MESSAGES.update(
    {
        # cli/presence.py
        "cli.presence.empty_outing": (
            "aucune tournée dans {source}",
            "no street round in {source}",
        ),
        "cli.presence.empty_action": (
            "aucune action collective dans {source}",
            "no joint action in {source}",
        ),
        "cli.presence.stream_stopped": (
            "arrêt à la ligne {line} ({problem}) : les {saved} enregistrements précédents sont "
            "enregistrés (identifiants affichés), rien d'autre",
            "stopped at line {line} ({problem}): the {saved} records before are saved (ids "
            "shown), nothing else",
        ),
        "cli.presence.outing_line": (
            "{minutes} min, {seen} personnes vues, {mood}",
            "{minutes} min, {seen} people seen, {mood}",
        ),
        "cli.presence.action_line": (
            "{type}, {people} participants",
            "{type}, {people} participants",
        ),
        "cli.presence.count_outing": ("{n:tournée|tournées}", "{n:street round|street rounds}"),
        "cli.presence.count_action": (
            "{n:action collective|actions collectives}",
            "{n:joint action|joint actions}",
        ),
    }
)
MESSAGES.update(
    {
        # reports/presence_tables.py
        "reports.sheet.presence": ("Présence dans les quartiers", "Presence in neighbourhoods"),
        "reports.sheet.actions": ("Actions collectives", "Joint actions"),
        "reports.presence.title": (
            "Présence dans les quartiers : tournées, personnes vues, portée",
            "Presence in the neighbourhoods: street rounds, people seen, reach",
        ),
        "reports.presence.structure_type": ("Type de structure", "Structure type"),
        "reports.presence.outings": ("Tournées", "Street rounds"),
        "reports.presence.hours": ("Heures de présence", "Hours of presence"),
        "reports.presence.seen": ("Personnes vues", "People seen"),
        "reports.presence.contacts": ("Contacts en tournée", "Contacts during rounds"),
        "reports.presence.reach": (
            "Contacts pour 100 personnes vues",
            "Contacts per 100 people seen",
        ),
        "reports.presence.contacts_per_hour": ("Contacts par heure", "Contacts per hour"),
        "reports.presence.handovers": ("Relais en tournée", "Handovers from rounds"),
        "reports.presence.handovers_per_hour": ("Relais par heure", "Handovers per hour"),
        "reports.presence.ambiance_calme": ("Tournées calmes", "Calm rounds"),
        "reports.presence.ambiance_tendu": ("Tournées tendues", "Tense rounds"),
        "reports.presence.ambiance_incident": ("Tournées avec incident", "Rounds with an incident"),
        "reports.presence.mediations": ("Médiations", "Mediations"),
        "reports.presence.note": (
            "Personnes vues : vues sans être abordées. Contacts et relais en tournée : ceux qui "
            "nomment une tournée du mois, du quartier et du type de structure de la ligne. "
            "Tournées, heures, ambiance et médiations décrivent l'activité des équipes et ne "
            "sont pas masquées.",
            "People seen: seen without being approached. Contacts and handovers during rounds: "
            "those that name a round of the row's month, neighbourhood and structure type. "
            "Rounds, hours, atmosphere and mediations describe the teams' work and are not "
            "hidden.",
        ),
        "reports.actions.title": (
            "Actions collectives : participants et contacts qui en sont issus",
            "Joint actions: participants and the contacts they led to",
        ),
        "reports.actions.action_type": ("Type d'action", "Action type"),
        "reports.actions.actions": ("Actions", "Actions"),
        "reports.actions.participants": ("Participants", "Participants"),
        "reports.actions.employers": ("Employeurs", "Employers"),
        "reports.actions.contacts": ("Contacts issus", "Contacts from actions"),
        "reports.actions.handovers": ("Relais issus", "Handovers from actions"),
        "reports.actions.contacts_share": (
            "Part des contacts issus d'actions",
            "Share of contacts from joint actions",
        ),
        "reports.actions.handovers_share": (
            "Part des relais issus d'actions",
            "Share of handovers from joint actions",
        ),
        "reports.actions.note": (
            "Parts : contacts (relais) qui nomment une action de la ligne, rapportés à tous les "
            "contacts (relais) du même mois, quartier et type de structure. Actions et "
            "employeurs décrivent l'activité et ne sont pas masqués.",
            "Shares: contacts (handovers) that name an action of the row, over every contact "
            "(handover) of the same month, neighbourhood and structure type. Actions and "
            "employers describe the work and are not hidden.",
        ),
    }
)
