"""Messages of the code relais and the receiving structure's inbox (issue 16): code → (French,
English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # domain/relay_code.py
    "domain.relay_code.length": (
        "Code relais incomplet ou trop long : {chars} caractères attendus, au format "
        "XXXX-XXXX-X (par exemple R7K2-9QXM-4).",
        "Relay code too short or too long: {chars} characters expected, in the form "
        "XXXX-XXXX-X (for example R7K2-9QXM-4).",
    ),
    "domain.relay_code.characters": (
        "Code relais invalide : seuls les chiffres et les lettres sauf U sont possibles.",
        "Invalid relay code: only digits and letters other than U are possible.",
    ),
    "domain.relay_code.check": (
        "Code relais erroné : le dernier caractère (de contrôle) ne correspond pas. "
        "Vérifiez chaque caractère sur la fiche relais.",
        "Wrong relay code: the last (check) character does not match. Check each character "
        "against the relay slip.",
    ),
    "domain.relay_code.territory_key": (
        "La clé de territoire doit faire {size} octets : rejoignez une coordination pour "
        "l'obtenir.",
        "The territory key must be {size} bytes long: join a coordination to get it.",
    ),
    "domain.relay_code.hmac": (
        "Empreinte du code relais invalide : 64 chiffres hexadécimaux attendus.",
        "Invalid relay code fingerprint: 64 hexadecimal digits expected.",
    ),
    # domain/receptions.py
    "domain.reception.reason_required": (
        "motif obligatoire pour « {status} » : choisissez un code de la liste (--reason)",
        "a reason is required for “{status}”: choose a code from the list (--reason)",
    ),
    "domain.reception.reason_unexpected": (
        "un motif ne s'indique que pour un refus ({status})",
        "a reason is only given for a refusal ({status})",
    ),
    "domain.reception.first": (
        "premier état possible pour ce code : {allowed}",
        "first possible status for this code: {allowed}",
    ),
    "domain.reception.transition": (
        "ce code est déjà « {current} » ; états possibles ensuite : {allowed}",
        "this code is already “{current}”; possible next statuses: {allowed}",
    ),
    "domain.reception.closed": (
        "ce code est déjà clos (« {current} ») : rien ne peut plus être enregistré",
        "this code is already closed (“{current}”): nothing more can be recorded",
    ),
    # services/receptions.py
    "services.reception.not_joined": (
        "Ce profil n'a pas encore rejoint la coordination : un code relais ne peut être "
        "enregistré qu'après (fieldapp join).",
        "This profile has not joined the coordination yet: a relay code can only be recorded "
        "after that (fieldapp join).",
    ),
    # reports: « Relais confirmés » (publish._relays_confirmed, relay_indicators.py)
    "reports.relay.title": (
        "Relais confirmés par la structure d'accueil",
        "Handovers confirmed by the receiving structure",
    ),
    "reports.sheet.relais_confirmes": ("Relais confirmés", "Confirmed handovers"),
    "reports.relay.receiver_type": ("Structure d'accueil", "Receiving structure"),
    "reports.relay.not_confirmed": ("Pas encore confirmé", "Not confirmed yet"),
    "reports.relay.proposed": ("Proposés avec code", "Proposed with a code"),
    "reports.relay.declared_entered": (
        "Entrés (déclaré par l'envoyeur)",
        "Entered (declared by the sender)",
    ),
    "reports.relay.received": ("Accueillis (confirmé)", "Received (confirmed)"),
    "reports.relay.confirmed_entered": ("Entrés (confirmé)", "Entered (confirmed)"),
    "reports.relay.confirmation_rate": ("Taux d'accueil confirmé", "Confirmed reception rate"),
    "reports.relay.median_days": (
        "Délai médian proposition → accueil (jours)",
        "Median days from proposal to reception",
    ),
    "reports.relay.note": (
        "Relais proposés avec un code relais, par type de la structure qui a confirmé l'accueil, "
        "quartier et mois du contact. « Déclaré » : ce que dit la structure qui oriente ; "
        "« confirmé » : ce qu'a enregistré la structure d'accueil avec le code, rapproché par son "
        "empreinte (jamais le code lui-même).",
        "Handovers proposed with a relay code, by the type of the structure that confirmed the "
        "reception, and the contact's neighbourhood and month. “Declared”: what the referring "
        "structure says; “confirmed”: what the receiving structure recorded with the code, "
        "matched by its fingerprint (never the code itself).",
    ),
    # sync/pack.py: the territory's handover delays
    "sync.pack.delay_range": (
        "Délai de relance ou d'expiration hors limites : de 1 à {most} jours.",
        "Reminder or expiry delay out of range: 1 to {most} days.",
    ),
    "sync.pack.delay_order": (
        "Le délai de relance doit être plus court que le délai d'expiration.",
        "The reminder delay must be shorter than the expiry delay.",
    ),
    "sync.pack.delay_invalid": (
        "délai {key} invalide",
        "invalid {key} delay",
    ),
}
