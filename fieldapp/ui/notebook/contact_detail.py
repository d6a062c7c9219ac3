"""The contact card beside the list: every field, its handovers, its history, its actions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.vocab import (
    AGE_BANDS,
    CONTACT_MODES,
    GENDERS,
    HANDOVER_MODES,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    REGISTRATIONS,
    SITUATIONS,
    SLOTS,
)
from fieldapp.services import directory
from fieldapp.services.field import MAX_VOID_REASON, UnknownRecord
from fieldapp.ui.kit.i18n import label, labels, short_date
from fieldapp.ui.kit.labels import describe_event, event_time, status_label
from fieldapp.ui.kit.session import CONTACTS, Session
from fieldapp.ui.kit.widgets import (
    Banner,
    Card,
    FieldError,
    FlowLayout,
    clear_layout,
    dialog_buttons,
    labelled,
    muted_label,
    title_label,
)


class VoidDialog(QDialog):
    """Void a contact: it stays in the history, out of the counts; the reason is required."""

    def __init__(self, session: Session, contact_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.contact_id = contact_id
        self.setWindowTitle(self.tr("Annuler ce contact"))
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Annuler ce contact ?"), self, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Le contact sort des listes et des indicateurs, mais reste dans l'historique "
                    "(rien n'est effacé). Dites pourquoi, par exemple « saisi deux fois »."
                ),
                self,
            )
        )
        self.reason = QPlainTextEdit(self)
        self.reason.setTabChangesFocus(True)
        self.reason.setFixedHeight(70)
        layout.addWidget(labelled(self.reason, self.tr("&Motif")))
        layout.addWidget(self.reason)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.keep_button, self.void_button = dialog_buttons(
            self, layout, self.tr("Garder le contact"), self.tr("Annuler ce contact")
        )
        self.void_button.clicked.connect(self.confirm)

    def confirm(self) -> None:
        try:
            self.session.service.void_contact(self.contact_id, self.reason.toPlainText())
        except ValidationError as exc:
            text = "; ".join(p.message for p in exc.problems)
            self.error.show_message(text[:1].upper() + text[1:])
            self.reason.selectAll()  # what was typed stays, selected, in the focused field
            self.reason.setFocus()
            return
        self.session.notify(CONTACTS)
        self.accept()


class ContactDetail(QScrollArea):
    edit_requested = Signal(str)
    handover_requested = Signal(str)
    void_requested = Signal(str)
    handover_opened = Signal(str)
    erase_requested = Signal(str)  # the person's pseudonym

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.contact_id: str | None = None
        self.setWidgetResizable(True)
        # Narrow panel or large text: the card scrolls rather than running past the window.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(320)
        inner = QWidget()
        self.setWidget(inner)
        outer = QVBoxLayout(inner)
        outer.setContentsMargins(4, 0, 4, 0)
        self.card = Card(parent=inner)
        outer.addWidget(self.card)
        outer.addStretch(1)
        self.edit_button: QPushButton | None = None
        self.void_button: QPushButton | None = None
        self.handover_button: QPushButton | None = None
        self.show_empty()

    def clear(self) -> None:
        self.show_empty()

    def show_empty(self) -> None:
        self.contact_id = None
        clear_layout(self.card.body)
        self.edit_button = self.void_button = self.handover_button = None
        self.card.set_title(self.tr("Fiche du contact"))
        self.card.body.addWidget(
            muted_label(
                self.tr("Sélectionnez un contact dans la liste pour voir sa fiche."), self.card
            )
        )

    def _value(self, text: str) -> QLabel:
        value = QLabel(text, self.card)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def show_contact(self, contact_id: str) -> None:
        service = self.session.service
        try:
            row = service.contact(contact_id)
        except UnknownRecord:
            self.show_empty()
            return
        self.contact_id = contact_id
        clear_layout(self.card.body)
        self.card.set_title(
            self.tr("Contact du %1 · %2")
            .replace("%1", short_date(row["date"]))
            .replace("%2", label(SLOTS, row["slot"]))
        )
        if row["voided"]:
            self.card.body.addWidget(
                Banner(
                    self.tr("Contact annulé : %1").replace("%1", str(row.get("void_reason") or "")),
                    parent=self.card,
                )
            )
        form = QFormLayout()
        form.setVerticalSpacing(3)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # value under its label
        neighbourhood = directory.neighbourhood_label(service, row["neighbourhood"])
        if row.get("commune"):
            neighbourhood += f" ({row['commune']})"
        fields: list[tuple[str, str]] = [
            (self.tr("Quartier"), neighbourhood),
            (self.tr("Lieu"), label(PLACE_TYPES, row["place_type"])),
            (self.tr("Type de contact"), label(CONTACT_MODES, row["contact_mode"])),
            (self.tr("Âge"), label(AGE_BANDS, row["age_band"])),
            (self.tr("Genre"), label(GENDERS, row["gender"])),
            (self.tr("Situation"), label(SITUATIONS, row["situation"])),
            (self.tr("Inscriptions"), labels(REGISTRATIONS, row.get("registrations"))),
            (self.tr("Besoins"), labels(NEEDS, row.get("needs")) or "—"),
            (self.tr("Suite donnée"), label(OUTCOMES, row["outcome"])),
        ]
        if row.get("pseudonym"):
            fields.append((self.tr("Pseudonyme"), str(row["pseudonym"])))
        fields.append((self.tr("Note"), str(row.get("note") or "—")))
        for caption, text in fields:
            form.addRow(caption + " :", self._value(text))
        self.card.body.addLayout(form)

        actions_box = QWidget(self.card)
        actions = FlowLayout(actions_box)
        self.edit_button = QPushButton(self.tr("Modifier…"), self.card)
        self.handover_button = QPushButton(self.tr("Proposer un relais…"), self.card)
        self.void_button = QPushButton(self.tr("Annuler ce contact…"), self.card)
        for button in (self.edit_button, self.handover_button, self.void_button):
            button.setEnabled(not row["voided"])
            actions.addWidget(button)
        pseudonym = row.get("pseudonym")
        if pseudonym:
            self.erase_button = QPushButton(self.tr("Effacer la personne…"), self.card)
            self.erase_button.setToolTip(
                self.tr("Sur sa demande : toutes ses rencontres, ici et à la coordination")
            )
            self.erase_button.clicked.connect(lambda: self.erase_requested.emit(str(pseudonym)))
            actions.addWidget(self.erase_button)
        self.card.body.addWidget(actions_box)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(contact_id))
        self.handover_button.clicked.connect(lambda: self.handover_requested.emit(contact_id))
        self.void_button.clicked.connect(lambda: self.void_requested.emit(contact_id))

        handovers = service.handovers(contact_id=contact_id)
        if handovers:
            self.card.body.addWidget(title_label(self.tr("Relais"), self.card, sub=True))
            for handover in handovers:
                text = (
                    f"{handover['partner']} — {status_label(str(handover['status']))}"
                    f" · {label(HANDOVER_MODES, handover['mode'])}"
                )
                if handover.get("follow_up"):
                    text += " · " + self.tr("suivi le %1").replace(
                        "%1", short_date(handover["follow_up"])
                    )
                link = QPushButton(text, self.card)
                link.setProperty("link", True)
                link.setStyleSheet("text-align: left;")
                # A long partner name must not widen the card past the window: the button
                # takes the card's width, the whole text is in its tooltip.
                link.setToolTip(text)
                link.setMinimumWidth(0)
                link.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
                link.clicked.connect(
                    lambda _c=False, h=str(handover["id"]): self.handover_opened.emit(h)
                )
                self.card.body.addWidget(link)

        self.card.body.addWidget(title_label(self.tr("Historique"), self.card, sub=True))
        previous: dict[str, Any] = {}
        for event in service.history(contact_id):
            line = (
                f"{event_time(event.hlc)} — {describe_event(event.type, event.payload, previous)}"
            )
            self.card.body.addWidget(self._value(line))
            if event.type in ("contact.recorded", "contact.amended"):
                previous = dict(event.payload)


__all__ = ["MAX_VOID_REASON", "ContactDetail", "VoidDialog"]
