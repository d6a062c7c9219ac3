"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the sync destination form (ui/sync/destination.py)
    "ui.sync.webdav_address": (
        "Adresse WebDAV invalide : https://serveur/chemin/ attendu.",
        "Invalid WebDAV address: https://server/path/ expected.",
    ),
    # the directory's ranking summary and service zones (ui/directory/card.py)
    "ui.directory.ranking": ("Classement pour le contact", "Ranking for the contact"),
    "ui.directory.ranking_on": (
        "Classement pour le contact du {date}",
        "Ranking for the contact of {date}",
    ),
    "ui.directory.age": ("{band} ans", "{band} years old"),
    "ui.directory.needs": ("besoins : {needs}", "needs: {needs}"),
    "ui.directory.zone.france": ("France entière", "All of France"),
    "ui.directory.zone.department": ("département {code}", "département {code}"),
    "ui.directory.zone.epci": ("intercommunalité {code}", "intercommunality {code}"),
}
