"""« Tournées et actions récentes » on « Aujourd'hui » (issue 17): the latest rounds and joint
actions, each with « Noter un contact » to start a contact from it (date, place, link)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from fieldapp.domain.display import neighbourhood_label
from fieldapp.domain.vocab import ACTION_TYPES, AMBIANCES, SLOTS
from fieldapp.messages.plural import plural
from fieldapp.services import directory
from fieldapp.services.presence import PresenceService
from fieldapp.ui.kit.i18n import label, short_date
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.widgets import Card, clear_layout, link_button, muted_label
from fieldapp.ui.notebook.presence_form import contact_start

SHOWN = 4


class PresenceCard(Card):
    contact_from = Signal(dict)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.session = session
        self.title.setText(self.tr("Tournées et actions récentes"))
        self.title.show()

    def refresh(self) -> None:
        body = self.body
        clear_layout(body)
        service = PresenceService(self.session.service)
        outings = service.list("outing")[:SHOWN]
        actions = service.list("action")[:SHOWN]
        names = directory.neighbourhood_names(directory.current_pack(self.session.service))
        if not outings and not actions:
            body.addWidget(
                muted_label(
                    self.tr(
                        "Aucune tournée ni action notée. Ctrl+T à la fin d'une tournée, "
                        "Ctrl+G pour une action collective."
                    ),
                    self,
                )
            )
        for row in outings:
            text = self.tr("Tournée · %1 · %2 · %3 · %4 min · %5 · %6")
            for n, value in enumerate(
                (
                    short_date(row["date"]),
                    label(SLOTS, row["slot"]),
                    neighbourhood_label(row["neighbourhood"], names),
                    row["duration_minutes"],
                    plural(
                        int(row["people_seen"]),
                        self.tr("%n personne vue"),
                        self.tr("%n personnes vues"),
                    ),
                    label(AMBIANCES, row["ambiance"]),
                ),
                start=1,
            ):
                text = text.replace(f"%{n}", str(value))
            self._line(text, contact_start("outing", str(row["id"]), row))
        for row in actions:
            text = self.tr("Action · %1 · %2 · %3 · %4")
            for n, value in enumerate(
                (
                    short_date(row["date"]),
                    neighbourhood_label(row["neighbourhood"], names),
                    label(ACTION_TYPES, row["action_type"]),
                    plural(
                        int(row["participant_count"]),
                        self.tr("%n participant"),
                        self.tr("%n participants"),
                    ),
                ),
                start=1,
            ):
                text = text.replace(f"%{n}", str(value))
            self._line(text, contact_start("action", str(row["id"]), row))
        body.addStretch(1)

    def _line(self, text: str, start: dict[str, object]) -> None:
        line = QHBoxLayout()
        words = QLabel(text, self)
        words.setTextFormat(Qt.TextFormat.PlainText)
        line.addWidget(words, 1)
        button = link_button(self.tr("Noter un contact"), self)
        button.clicked.connect(lambda _c=False, s=start: self.contact_from.emit(dict(s)))
        line.addWidget(button)
        self.body.addLayout(line)
