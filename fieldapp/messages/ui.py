"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # the sync destination form (ui/sync/destination.py)
    "ui.sync.webdav_address": (
        "Adresse WebDAV invalide : https://serveur/chemin/ attendu.",
        "Invalid WebDAV address: https://server/path/ expected.",
    ),
}
