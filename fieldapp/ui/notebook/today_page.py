"""Aujourd'hui: today's contacts, handovers whose follow-up is due, and the outbox at a glance."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.vocab import NEEDS, OUTCOMES, SLOTS
from fieldapp.messages.plural import plural
from fieldapp.services import directory, privacy, reminders
from fieldapp.services.field import ContactFilter
from fieldapp.ui.kit.i18n import label, labels, locale, long_date, short_date
from fieldapp.ui.kit.labels import status_label
from fieldapp.ui.kit.resources import icon, pixmap
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.widgets import (
    Banner,
    Card,
    clear_layout,
    link_button,
    muted_label,
    primary_button,
)
from fieldapp.ui.notebook.handovers import days_late, follow_up_text
from fieldapp.ui.notebook.presence_list import PresenceCard
from fieldapp.ui.sync.badge import status_text

SHOWN_CONTACTS = 8
SHOWN_HANDOVERS = 8


class TodayPage(QScrollArea):
    new_requested = Signal()
    outing_requested = Signal()  # issue 17: « Présence » (Ctrl+T)
    action_requested = Signal()  # « Action collective » (Ctrl+G)
    contact_from = Signal(dict)  # a contact started from a round or an action
    handover_opened = Signal(str)
    show_contacts = Signal()
    show_handovers = Signal()
    show_sync = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dirty = True
        self.setWidgetResizable(True)
        inner = QWidget()
        inner.setObjectName("page")
        self.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        head = QHBoxLayout()
        title = QLabel(self.tr("Aujourd'hui"), inner)
        title.setObjectName("title")
        head.addWidget(title)
        self.date_label = muted_label("", inner)
        head.addWidget(self.date_label, 1)
        self.new_button = primary_button(self.tr("Nouveau contact"), inner)
        self.new_button.setIcon(icon("add"))
        self.new_button.setToolTip(self.tr("Ctrl+N, depuis n'importe quel écran"))
        self.outing_button = QPushButton(self.tr("Présence"), inner)
        self.outing_button.setToolTip(self.tr("Ctrl+T : une tournée, à la fin de la tournée"))
        self.action_button = QPushButton(self.tr("Action collective"), inner)
        self.action_button.setToolTip(self.tr("Ctrl+G : forum, permanence, maraude commune…"))
        head.addWidget(self.outing_button)
        head.addWidget(self.action_button)
        head.addWidget(self.new_button)
        layout.addLayout(head)
        self.retention_banner = Banner("", parent=inner)
        self.retention_banner.hide()
        layout.addWidget(self.retention_banner)

        grid = QGridLayout()
        grid.setSpacing(14)
        self.contacts_card = Card(self.tr("Contacts du jour"), inner)
        self.handovers_card = Card(self.tr("Relais à suivre"), inner)
        self.numbers_card = Card(self.tr("En bref"), inner)
        self.sync_card = Card(self.tr("Envoi à la coordination"), inner)
        grid.addWidget(self.contacts_card, 0, 0)
        grid.addWidget(self.handovers_card, 0, 1)
        grid.addWidget(self.numbers_card, 1, 0)
        grid.addWidget(self.sync_card, 1, 1)
        self.presence_card = PresenceCard(session, inner)
        self.presence_card.contact_from.connect(self.contact_from.emit)
        grid.addWidget(self.presence_card, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.new_button.clicked.connect(self.new_requested.emit)
        self.outing_button.clicked.connect(self.outing_requested.emit)
        self.action_button.clicked.connect(self.action_requested.emit)

    def refresh(self, today: date | None = None) -> None:
        self.dirty = False
        day = today or date.today()
        service = self.session.service
        self.date_label.setText(long_date(day))
        self._show_retention(privacy.retention_status(service, day))

        body = self.contacts_card.body
        clear_layout(body)
        todays = ContactFilter(date_from=day, date_to=day)
        count = service.count_contacts(todays)
        rows = service.contacts(todays, limit=SHOWN_CONTACTS)
        if not rows:
            body.addWidget(
                muted_label(
                    self.tr("Aucun contact noté aujourd'hui. Ctrl+N pour en saisir un."),
                    self.contacts_card,
                )
            )
        for row in rows:
            where = directory.neighbourhood_label(service, row["neighbourhood"])
            text = f"{label(SLOTS, row['slot'])} · {where} · " + label(OUTCOMES, row["outcome"])
            if row.get("needs"):
                text += " — " + labels(NEEDS, row["needs"])
            line = QLabel(text, self.contacts_card)
            line.setWordWrap(True)
            line.setTextFormat(Qt.TextFormat.PlainText)
            body.addWidget(line)
        if count > len(rows):
            more = link_button(
                self.tr("et %1 autres — voir la liste").replace("%1", str(count - len(rows))),
                self.contacts_card,
            )
            more.clicked.connect(self.show_contacts.emit)
            body.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
        body.addStretch(1)

        body = self.handovers_card.body
        clear_layout(body)
        # Follow-ups due (most overdue first), then handovers without news for the
        # territory's `relance_jours` (services/reminders.py).
        due = reminders.handovers_to_follow(service, day)
        late = sum(1 for h in due if days_late(h.get("follow_up"), str(h["status"]), day))
        if not due:
            body.addWidget(
                muted_label(self.tr("Aucun suivi prévu aujourd'hui ni en retard."), self)
            )
        else:
            body.addWidget(
                muted_label(
                    self.tr("%1 à suivre, dont %2 en retard.")
                    .replace("%1", str(len(due)))
                    .replace("%2", str(late)),
                    self.handovers_card,
                )
            )
        for handover in due[:SHOWN_HANDOVERS]:
            when = (
                follow_up_text(handover, day)
                if handover["due"]
                else self.tr("sans nouvelles depuis %1 j").replace(
                    "%1", str(handover["days_quiet"])
                )
            )
            text = f"{when} · {handover['partner']} · {status_label(str(handover['status']))}"
            button = QPushButton(text, self.handovers_card)
            button.setProperty("link", True)
            button.setStyleSheet("text-align: left;")
            if days_late(handover.get("follow_up"), str(handover["status"]), day):
                button.setIcon(icon("warning"))
            button.clicked.connect(
                lambda _c=False, h=str(handover["id"]): self.handover_opened.emit(h)
            )
            body.addWidget(button)
        if len(due) > SHOWN_HANDOVERS:
            more = link_button(self.tr("Voir tous les relais"), self.handovers_card)
            more.clicked.connect(self.show_handovers.emit)
            body.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
        body.addStretch(1)

        body = self.numbers_card.body
        clear_layout(body)
        week = service.count_contacts(ContactFilter(date_from=day - timedelta(days=6), date_to=day))
        month = service.count_contacts(ContactFilter(date_from=day.replace(day=1), date_to=day))
        total = service.count_contacts()
        numbers = QGridLayout()
        for n, (caption, value) in enumerate(
            (
                (self.tr("Contacts ces 7 derniers jours"), week),
                (self.tr("Contacts ce mois-ci"), month),
                (self.tr("Contacts dans le carnet"), total),
            )
        ):
            numbers.addWidget(QLabel(caption, self.numbers_card), n, 0)
            value_label = QLabel(locale().toString(value), self.numbers_card)
            value_label.setObjectName("subtitle")
            value_label.setAlignment(Qt.AlignmentFlag.AlignRight)
            numbers.addWidget(value_label, n, 1)
        body.addLayout(numbers)
        body.addStretch(1)

        self.presence_card.refresh()

        body = self.sync_card.body
        clear_layout(body)
        status = self.session.sync.status()
        row_layout = QHBoxLayout()
        picture = QLabel(self.sync_card)
        picture.setPixmap(pixmap("sync", 28))
        row_layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        summary = QLabel(status_text(status), self.sync_card)
        summary.setObjectName("syncSummary")
        summary.setTextFormat(Qt.TextFormat.PlainText)
        summary.setWordWrap(True)
        words.addWidget(summary)
        words.addWidget(muted_label(self._sync_hint(status), self.sync_card))
        row_layout.addLayout(words, 1)
        body.addLayout(row_layout)
        open_sync = link_button(self.tr("Ouvrir la synchronisation"), self.sync_card)
        open_sync.clicked.connect(self.show_sync.emit)
        body.addWidget(open_sync, 0, Qt.AlignmentFlag.AlignLeft)
        body.addStretch(1)

    def _show_retention(self, status: privacy.RetentionStatus) -> None:
        """The notice before the purge: what goes within the next days, and why."""
        count = status.soon_contacts + status.due_contacts
        if not count:
            self.retention_banner.hide()
            return
        self.retention_banner.set_text(
            plural(
                count,
                self.tr(
                    "Durée de conservation (%1 mois) : %n rencontre datée d'avant le %2 sera "
                    "effacée de ce carnet d'ici %3 jours, avec ses relais."
                ),
                self.tr(
                    "Durée de conservation (%1 mois) : %n rencontres datées d'avant le %2 seront "
                    "effacées de ce carnet d'ici %3 jours, avec leurs relais."
                ),
            )
            .replace("%1", str(status.months))
            .replace("%2", short_date(status.limit + timedelta(days=privacy.NOTICE_DAYS)))
            .replace("%3", str(privacy.NOTICE_DAYS))
        )
        self.retention_banner.show()

    def _sync_hint(self, status: dict[str, object]) -> str:
        if not status["joined"]:
            return self.tr(
                "Ce carnet n'est rattaché à aucune coordination : tout reste chiffré sur cet "
                "ordinateur. Pour envoyer vos lots, ouvrez une invitation dans Synchronisation."
            )
        if status["failed"]:
            return self.tr(
                "Le dernier envoi n'a pas abouti ; Relais réessaie tout seul. Rien n'est perdu : "
                "les lots restent chiffrés ici jusqu'à leur dépôt."
            )
        if status["pending"] or status["unsealed_events"]:
            return self.tr(
                "Les lots partiront à la prochaine connexion, sans rien faire de votre côté."
            )
        return self.tr("Tout ce qui est noté ici a été déposé, chiffré, pour la coordination.")
