"""Screens filled by later issues: synchronisation (its view is being wired in)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from fieldapp.ui.kit.widgets import EmptyState


class SyncPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        layout = QVBoxLayout(self)
        self.empty = EmptyState(
            self.tr("Synchronisation — à venir"),
            self.tr(
                "Bientôt, Relais scellera vos enregistrements en lots chiffrés et signés, et "
                "les déposera pour la coordination dès qu'une connexion sera disponible. "
                "D'ici là, tout ce que vous saisissez reste enregistré et chiffré sur cet "
                "ordinateur : rien ne sera perdu."
            ),
            icon="sync",
            parent=self,
        )
        layout.addWidget(self.empty)
