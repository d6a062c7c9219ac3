"""Handovers (relais accompagnés): propose one from a contact, follow it through its states.

Only the transitions the domain allows are offered (`handovers.allowed_next`); the service
checks again, so a stale screen (another change in between) gets a clear refusal, not a crash.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDateTime, QPoint, Qt, QTime, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.handovers import (
    OPEN_STATUSES,
    REASON_REQUIRED,
    TERMINAL_STATUSES,
    allowed_next,
    follow_up_due,
    is_overdue,
)
from fieldapp.domain.vocab import HANDOVER_MODES, HANDOVER_STATUSES, NEEDS
from fieldapp.errors import RelaisError
from fieldapp.services import directory
from fieldapp.services.field import UnknownRecord
from fieldapp.services.returns import confirmation_text, partner_confirmations
from fieldapp.services.slip import write_slip
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import label, labels, pydate, qdate, short_date
from fieldapp.ui.kit.labels import iso_time, status_label
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.session import HANDOVERS, Session
from fieldapp.ui.kit.style import WARNING_SOFT
from fieldapp.ui.kit.widgets import (
    Banner,
    Card,
    EmptyState,
    FieldError,
    clear_layout,
    labelled,
    mark_invalid,
    muted_label,
    title_label,
)

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def days_late(follow_up: str | None, status: str, today: date) -> int:
    """Days past the follow-up date of an open handover; 0 when not overdue."""
    if not follow_up:
        return 0
    day = date.fromisoformat(follow_up)
    return (today - day).days if is_overdue(day, status, today) else 0


def follow_up_text(row: dict[str, Any], today: date) -> str:
    follow_up = row.get("follow_up")
    if not follow_up:
        return QCoreApplication.translate("Handovers", "sans date de suivi")
    late = days_late(follow_up, str(row["status"]), today)
    text = short_date(follow_up)
    if late:
        return (
            QCoreApplication.translate("Handovers", "%1 — en retard de %2 j")
            .replace("%1", text)
            .replace("%2", str(late))
        )
    if follow_up_due(follow_up, str(row["status"]), today):  # not late: due today
        return QCoreApplication.translate("Handovers", "%1 — aujourd'hui").replace("%1", text)
    return text


def lateness_text(row: dict[str, Any], today: date) -> str:
    """« en retard de 3 j », « aujourd'hui », or nothing: the words that go with the icon."""
    late = days_late(row.get("follow_up"), str(row["status"]), today)
    if late:
        return QCoreApplication.translate("Handovers", "en retard de %1 j").replace("%1", str(late))
    if follow_up_due(row.get("follow_up"), str(row["status"]), today):  # not late: due today
        return QCoreApplication.translate("Handovers", "aujourd'hui")
    return ""


def transition_refusal(error: TransitionError) -> str:
    """The service's refusal, in the interface language and with labels, not codes."""
    allowed = ", ".join(status_label(code) for code in error.allowed)
    current = status_label(error.current) if error.current else ""
    requested = status_label(error.requested)
    if not error.allowed:
        return QCoreApplication.translate(
            "Handovers",
            "Changement refusé : ce relais est clos (« %1 »), son état ne peut plus changer.",
        ).replace("%1", current)
    return (
        QCoreApplication.translate(
            "Handovers",
            "Changement refusé : « %1 » ne peut pas suivre « %2 ». États possibles : %3.",
        )
        .replace("%1", requested)
        .replace("%2", current)
        .replace("%3", allowed)
    )


def appointment_text(value: str | None) -> str:
    """« 04/12/2026 à 14:30 » from the stored ISO date-time (shown as typed, its own zone)."""
    if not value:
        return QCoreApplication.translate("Handovers", "aucun")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return value
    return (
        QCoreApplication.translate("Handovers", "%1 à %2")
        .replace("%1", short_date(moment.date()))
        .replace("%2", f"{moment:%H:%M}")
    )


def history_line(event: Event) -> str:
    """One line of a handover's history, from its events (status steps, new dates, undos)."""
    p = event.payload
    at = iso_time(str(p.get("at", "")))
    if event.type == EventType.HANDOVER_PROPOSED:
        what = status_label("propose")
    elif event.type == EventType.HANDOVER_STATUS_CHANGED:
        what = status_label(str(p.get("status", "")))
        if p.get("reason"):
            what += f" : {p['reason']}"
    elif event.type == EventType.HANDOVER_RESCHEDULED:
        parts = []
        if "follow_up" in p:
            parts.append(
                QCoreApplication.translate("Handovers", "suivi le %1").replace(
                    "%1", short_date(str(p["follow_up"]))
                )
                if p["follow_up"]
                else QCoreApplication.translate("Handovers", "date de suivi retirée")
            )
        if "appointment" in p:
            parts.append(
                QCoreApplication.translate("Handovers", "rendez-vous le %1").replace(
                    "%1", appointment_text(str(p["appointment"]))
                )
                if p["appointment"]
                else QCoreApplication.translate("Handovers", "rendez-vous retiré")
            )
        what = QCoreApplication.translate("Handovers", "Nouvelles dates : %1").replace(
            "%1", ", ".join(parts)
        )
    elif event.type == EventType.HANDOVER_STATUS_UNDONE:
        what = QCoreApplication.translate(
            "Handovers", "Changement annulé, retour à « %1 »"
        ).replace("%1", status_label(str(p.get("status", ""))))
    else:
        what = QCoreApplication.translate("Handovers", "Relais modifié")
    return f"{at} — {what}" if at else what


class HandoverDetail(QScrollArea):
    """One handover: what, with whom, its history, and the states it may move to."""

    status_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.handover_id: str | None = None
        self.setWidgetResizable(True)
        # Narrow panel or large text: the card scrolls rather than running past the window.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setMinimumWidth(340)
        inner = QWidget()
        self.setWidget(inner)
        self.layout_ = QVBoxLayout(inner)
        self.layout_.setContentsMargins(4, 0, 4, 0)
        self.card = Card(parent=inner)
        self.layout_.addWidget(self.card)
        self.layout_.addStretch(1)
        self.status_buttons: dict[str, QPushButton] = {}
        self.reason = QLineEdit()
        self.reason_error = FieldError()
        self.error = Banner("", kind="error")
        self.schedule_error = Banner("", kind="error")
        self.follow_up_edit = QDateEdit()
        self.appointment_edit = QDateTimeEdit()
        self.schedule_button = QPushButton()
        self.undo_button: QPushButton | None = None
        # The last status change made here, in this session: (handover id, event id, status).
        self.last_change: tuple[str, str, str] | None = None
        self._undo_offer: QPushButton | None = None
        self._schedule_shown: tuple[str | None, str | None] = (None, None)
        self.show_empty()

    def show_empty(self) -> None:
        self.handover_id = None
        clear_layout(self.card.body)
        self.status_buttons = {}
        self.card.set_title(self.tr("Relais"))
        self.card.body.addWidget(
            muted_label(self.tr("Sélectionnez un relais pour voir son suivi."), self.card)
        )

    def show_handover(self, handover_id: str) -> None:
        service = self.session.service
        try:
            row = service.handover(handover_id)
        except UnknownRecord:
            self.show_empty()
            return
        self.handover_id = handover_id
        clear_layout(self.card.body)
        self.card.set_title(str(row["partner"]))
        today = date.today()
        late = days_late(row.get("follow_up"), str(row["status"]), today)
        if late:
            self.card.body.addWidget(
                Banner(
                    self.tr("Suivi en retard de %1 jours : où en est ce relais ?").replace(
                        "%1", str(late)
                    ),
                    parent=self.card,
                )
            )
        form = QFormLayout()
        form.addRow(self.tr("État :"), self._value(status_label(str(row["status"]))))
        form.addRow(self.tr("Modalité :"), self._value(label(HANDOVER_MODES, row["mode"])))
        form.addRow(
            self.tr("Accord :"),
            self._value(self.tr("oui, recueilli") if row["consent"] else self.tr("non")),
        )
        form.addRow(self.tr("Suivi le :"), self._value(follow_up_text(row, today)))
        form.addRow(self.tr("Rendez-vous :"), self._value(appointment_text(row.get("appointment"))))
        self.code_label: QLabel | None = None
        self.slip_button: QPushButton | None = None
        if row.get("code"):
            # The code relais the person gives the receiving structure: copied, read aloud.
            self.code_label = self._value(str(row["code"]))
            self.code_label.setObjectName("relay_code")
            self.code_label.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )
            self.code_label.setAccessibleName(self.tr("Code relais"))
            form.addRow(self.tr("Code relais :"), self.code_label)
            # The slip the person takes along: partner, appointment, what to bring, the code.
            self.slip_button = QPushButton(self.tr("&Imprimer la fiche…"), self.card)
            self.slip_button.setToolTip(
                self.tr(
                    "Fiche relais en PDF pour la personne : où aller, quand, quoi apporter, "
                    "et le code relais. Rien sur la personne."
                )
            )
            self.slip_button.clicked.connect(self.choose_slip_file)
            form.addRow("", self.slip_button)
        self.confirmation_label: QLabel | None = None
        confirmation = partner_confirmations(service).get(handover_id)
        if confirmation is not None:
            # From the coordinator's return file: what the receiving structure recorded.
            self.confirmation_label = self._value("✓ " + confirmation_text(confirmation).message())
            self.confirmation_label.setObjectName("partner_confirmed")
            form.addRow(self.tr("Structure :"), self.confirmation_label)
        try:
            contact = service.contact(str(row["contact_id"]))
        except UnknownRecord:
            contact = None
        if contact is not None:
            where = directory.neighbourhood_label(service, contact["neighbourhood"])
            text = f"{short_date(contact['date'])} · {where}"
            if contact.get("needs"):
                text += " · " + labels(NEEDS, contact["needs"])
            form.addRow(self.tr("Contact :"), self._value(text))
        self.card.body.addLayout(form)

        self.card.body.addWidget(title_label(self.tr("Historique"), self.card, sub=True))
        for event in service.history(handover_id):
            self.card.body.addWidget(self._value(history_line(event)))
        self.undo_button = None
        if self.last_change is not None and self.last_change[0] == handover_id:
            self.undo_button = QPushButton(
                self.tr("Annuler « %1 »").replace("%1", status_label(self.last_change[2])),
                self.card,
            )
            self.undo_button.setToolTip(
                self.tr(
                    "Remet le relais dans l'état d'avant ; l'annulation reste dans l'historique."
                )
            )
            self.undo_button.clicked.connect(self.undo_last_change)
            self.card.body.addWidget(self.undo_button)
        if nexts := allowed_next(str(row["status"]), mode=str(row["mode"])):
            self._schedule_section(row)

        self.status_buttons = {}
        self.error = Banner("", kind="error", parent=self.card)
        self.error.hide()
        if nexts:
            self.card.body.addWidget(title_label(self.tr("Changer l'état"), self.card, sub=True))
            grid = QVBoxLayout()
            for code in nexts:
                button = QPushButton(status_label(code), self.card)
                button.setProperty("status", code)
                button.clicked.connect(lambda _c=False, s=code: self.request(s))
                grid.addWidget(button)
                self.status_buttons[code] = button
            self.card.body.addLayout(grid)
            self.reason = QLineEdit(self.card)
            self.reason.setMaxLength(500)
            self.reason.setPlaceholderText(self.tr("obligatoire pour un refus du partenaire"))
            self.card.body.addWidget(labelled(self.reason, self.tr("&Motif")))
            self.card.body.addWidget(self.reason)
            self.reason_error = FieldError(self.card)
            self.card.body.addWidget(self.reason_error)
        else:
            self.card.body.addWidget(
                muted_label(self.tr("Relais clos : son état ne change plus."), self.card)
            )
        self.card.body.addWidget(self.error)

    def _schedule_section(self, row: dict[str, Any]) -> None:
        """« Suivi et rendez-vous »: change the follow-up date and the appointment."""
        self.card.body.addWidget(title_label(self.tr("Suivi et rendez-vous"), self.card, sub=True))
        today = date.today()
        self.follow_up_edit = QDateEdit(self.card)
        self.follow_up_edit.setCalendarPopup(True)
        self.follow_up_edit.setDisplayFormat("dd/MM/yyyy")
        # The minimum stands for « none » (Qt shows the special text there).
        self.follow_up_edit.setMinimumDate(qdate(today).addDays(-1))
        self.follow_up_edit.setSpecialValueText(self.tr("aucune"))
        follow_up = row.get("follow_up")
        self.follow_up_edit.setDate(
            qdate(date.fromisoformat(follow_up))
            if follow_up and date.fromisoformat(follow_up) >= today
            else self.follow_up_edit.minimumDate()
        )
        self.appointment_edit = QDateTimeEdit(self.card)
        self.appointment_edit.setCalendarPopup(True)
        self.appointment_edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.appointment_edit.setMinimumDateTime(QDateTime(qdate(today).addDays(-1), QTime(0, 0)))
        self.appointment_edit.setSpecialValueText(self.tr("aucun"))
        appointment = row.get("appointment")
        if appointment:
            moment = datetime.fromisoformat(appointment)
            self.appointment_edit.setDateTime(
                QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute))
            )
        else:
            self.appointment_edit.setDateTime(self.appointment_edit.minimumDateTime())
        form = QFormLayout()
        form.addRow(labelled(self.follow_up_edit, self.tr("Date de &suivi")), self.follow_up_edit)
        form.addRow(labelled(self.appointment_edit, self.tr("Ren&dez-vous")), self.appointment_edit)
        self.card.body.addLayout(form)
        self.schedule_button = QPushButton(self.tr("Enregistrer les dates"), self.card)
        self.schedule_button.clicked.connect(self.save_schedule)
        self.card.body.addWidget(self.schedule_button)
        self.schedule_error = Banner("", kind="error", parent=self.card)
        self.schedule_error.hide()
        self.card.body.addWidget(self.schedule_error)
        self._schedule_shown = (self.follow_up_value(), self.appointment_value())

    def follow_up_value(self) -> str | None:
        if self.follow_up_edit.date() == self.follow_up_edit.minimumDate():
            return None
        return pydate(self.follow_up_edit.date()).isoformat()

    def appointment_value(self) -> str | None:
        """The appointment as typed, in local time with its offset (ISO)."""
        value = self.appointment_edit.dateTime()
        if value == self.appointment_edit.minimumDateTime():
            return None
        day, time = value.date(), value.time()
        local = datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())
        return local.astimezone().isoformat(timespec="minutes")

    def save_schedule(self) -> bool:
        """Save what changed among the two dates; the refusal is said under them."""
        if self.handover_id is None:
            return False
        shown_follow_up, shown_appointment = self._schedule_shown
        changes: dict[str, Any] = {}
        if self.follow_up_value() != shown_follow_up:
            changes["follow_up"] = self.follow_up_value()
        if self.appointment_value() != shown_appointment:
            changes["appointment"] = self.appointment_value()
        self.schedule_error.hide()
        if not changes:
            self.schedule_error.set_text(self.tr("Aucune date n'a changé."))
            self.schedule_error.show()
            self.follow_up_edit.setFocus()
            return False
        try:
            self.session.service.reschedule_handover(self.handover_id, changes)
        except ValidationError as exc:
            self.schedule_error.set_text("; ".join(p.message for p in exc.problems))
            self.schedule_error.show()
            field = exc.problems[0].field if exc.problems else ""
            edit = self.appointment_edit if field == "appointment" else self.follow_up_edit
            edit.setFocus()
            edit.selectAll()
            return False
        self.session.notify(HANDOVERS)
        handover_id = self.handover_id
        self.status_changed.emit(handover_id)
        self.show_handover(handover_id)
        self.announce(self.tr("Dates du relais enregistrées."))
        return True

    def undo_last_change(self) -> bool:
        """Undo the status change made here last (a correcting event, kept in the history)."""
        if self.last_change is None:
            return False
        handover_id, event_id, _status = self.last_change
        try:
            self.session.service.undo_status_change(handover_id, event_id)
        except ValidationError as exc:
            self.error.set_text("; ".join(p.message for p in exc.problems))
            self.error.show()
            return False
        finally:
            self.last_change = None
            self._clear_undo_offer()
        self.session.notify(HANDOVERS)
        self.status_changed.emit(handover_id)
        self.show_handover(handover_id)
        self.announce(self.tr("Changement d'état annulé."))
        return True

    def announce(self, text: str, *, undo: bool = False) -> None:
        """A short confirmation in the window's status bar; `undo` adds « Annuler » (the last
        status change, `last_change`)."""
        window = self.window()
        if not isinstance(window, QMainWindow):
            return
        bar = window.statusBar()
        self._clear_undo_offer()
        bar.showMessage(text, 0 if undo else 8_000)
        if undo:
            button = QPushButton(self.tr("Annuler"), bar)
            button.setObjectName("undoStatusChange")
            button.clicked.connect(self.undo_last_change)
            bar.addPermanentWidget(button)
            self._undo_offer = button

    def _clear_undo_offer(self) -> None:
        button = self._undo_offer
        if button is not None:
            window = self.window()
            if isinstance(window, QMainWindow):
                window.statusBar().removeWidget(button)
                window.statusBar().clearMessage()
            button.deleteLater()
            self._undo_offer = None

    def _value(self, text: str) -> QLabel:
        value = QLabel(text, self.card)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def choose_slip_file(self) -> None:
        if self.handover_id is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer la fiche relais"),
            str(Path.home() / "fiche-relais.pdf"),
            self.tr("PDF (*.pdf)"),
        )
        if path and self.save_slip(Path(path)):
            # Opened in the system's viewer, where it is printed (or sent, or kept).
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def save_slip(self, path: Path) -> bool:
        """Write the shown handover's fiche relais to `path`; a refusal shows in the panel."""
        if self.handover_id is None:
            return False
        try:
            write_slip(self.session.service, self.handover_id, path)
        except RelaisError as exc:
            show_failure(exc, self.error.set_text)
            self.error.show()
            return False
        self.announce(self.tr("Fiche relais enregistrée : %1").replace("%1", str(path)))
        return True

    def request(self, status: str) -> bool:
        """Move the shown handover to `status`; shows the refusal when it is not allowed."""
        if self.handover_id is None:
            return False
        reason = self.reason.text().strip() or None
        event_id = change_status(self.session, self.handover_id, status, reason, self.error)
        ok = event_id is not None
        if not ok and status in REASON_REQUIRED and not reason:
            self.reason_error.show_message(self.tr("Indiquez le motif du refus."))
            mark_invalid(self.reason, True)
            self.reason.setFocus()
        if event_id is not None:
            handover_id = self.handover_id
            self.last_change = (handover_id, event_id, status)
            self.status_changed.emit(handover_id)
            self.show_handover(handover_id)
            self.announce(
                self.tr("État changé : « %1 ».").replace("%1", status_label(status)), undo=True
            )
        return ok


def change_status(
    session: Session, handover_id: str, status: str, reason: str | None, error: Banner
) -> str | None:
    """The change's event id, or None when refused (the refusal shown in `error`)."""
    try:
        event_id = session.service.change_handover_status(handover_id, status, reason=reason)
    except TransitionError as exc:
        error.set_text(transition_refusal(exc))
        error.show()
        return None
    except ValidationError as exc:
        error.set_text("; ".join(p.message for p in exc.problems))
        error.show()
        return None
    session.notify(HANDOVERS)
    return event_id


class HandoversPage(QWidget):
    """Handovers grouped by state; overdue follow-ups stand out by icon, words and tint."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.session = session
        self.dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        head = QHBoxLayout()
        title = title_label(self.tr("Relais accompagnés"), self)
        title.setWordWrap(False)
        head.addWidget(title)
        head.addStretch(1)
        self.summary = muted_label("", self)
        self.summary.setWordWrap(False)
        head.addWidget(self.summary)
        layout.addLayout(head)
        self.list_error = Banner("", kind="error", parent=self)
        self.list_error.hide()
        layout.addWidget(self.list_error)

        splitter = QSplitter(self)
        self.tree = QTreeWidget(splitter)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [self.tr("Suivi le"), self.tr("Retard"), self.tr("Partenaire"), self.tr("Modalité")]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAccessibleName(self.tr("Relais par état"))
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.tree.header()
        # Dates, delay and mode as wide as their content, the partner takes the rest (elided):
        # at 1280×720 every column stays visible, no horizontal scrollbar.
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.detail = HandoverDetail(session, splitter)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([640, 360])
        layout.addWidget(splitter, 1)
        self.empty = EmptyState(
            self.tr("Aucun relais pour l'instant"),
            self.tr(
                "Un relais se propose depuis la fiche d'un contact (écran Contacts), avec "
                "l'accord de la personne."
            ),
            icon="handover",
            parent=self,
        )
        layout.addWidget(self.empty)
        self.empty.hide()
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.detail.status_changed.connect(self._status_changed)

    def refresh(self, select: str | None = None) -> None:
        self.dirty = False
        keep = select or self.detail.handover_id
        rows = self.session.service.handovers()
        today = date.today()
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        by_status: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            by_status.setdefault(str(row["status"]), []).append(row)
        bold = QFont()
        bold.setBold(True)
        overdue_total = 0
        chosen: QTreeWidgetItem | None = None
        for code in HANDOVER_STATUSES.codes():
            group = by_status.get(code, [])
            if not group:
                continue
            parent = QTreeWidgetItem([f"{status_label(code)} ({len(group)})"])
            parent.setFont(0, bold)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)
            items = []
            for row in group:
                follow_up = row.get("follow_up")
                item = QTreeWidgetItem(
                    [
                        short_date(follow_up) if follow_up else "—",
                        lateness_text(row, today),
                        str(row["partner"]),
                        label(HANDOVER_MODES, row["mode"]),
                    ]
                )
                item.setToolTip(2, str(row["partner"]))
                item.setData(0, ID_ROLE, row["id"])
                if days_late(row.get("follow_up"), code, today):
                    overdue_total += 1
                    item.setIcon(0, icon("warning"))
                    for col in range(4):
                        item.setBackground(col, QBrush(QColor(WARNING_SOFT)))
                    item.setFont(1, bold)
                if row["id"] == keep:
                    chosen = item
                items.append(item)
            parent.addChildren(items)
            self.tree.addTopLevelItem(parent)
            parent.setFirstColumnSpanned(True)
            parent.setExpanded(code not in TERMINAL_STATUSES)
        self.tree.setUpdatesEnabled(True)
        open_count = sum(len(by_status.get(c, [])) for c in OPEN_STATUSES)
        self.summary.setText(
            self.tr("%1 relais en cours, dont %2 en retard de suivi")
            .replace("%1", str(open_count))
            .replace("%2", str(overdue_total))
        )
        self.empty.setVisible(not rows)
        splitter = self.tree.parentWidget()
        if splitter is not None:
            splitter.setVisible(bool(rows))
        if chosen is not None:
            group_item = chosen.parent()
            if group_item is not None:
                group_item.setExpanded(True)
            self.tree.setCurrentItem(chosen)
            self.tree.scrollToItem(chosen)
        elif keep is None:
            self.detail.show_empty()

    def select(self, handover_id: str) -> None:
        self.refresh(select=handover_id)

    def focus_home(self) -> None:
        """Where the keyboard goes after a status change or a dialog: the list."""
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _status_changed(self, handover_id: str) -> None:
        # The pressed button was rebuilt away: without this the focus would fall on the first
        # widget of the window, « Verrouiller », and the next Space would lock the notebook.
        self.refresh(select=handover_id)
        self.focus_home()

    def item_for(self, handover_id: str) -> QTreeWidgetItem | None:
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            if group is None:
                continue
            for j in range(group.childCount()):
                child = group.child(j)
                if child is not None and child.data(0, ID_ROLE) == handover_id:
                    return child
        return None

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: object) -> None:
        handover_id = current.data(0, ID_ROLE) if current is not None else None
        if handover_id:
            self.detail.show_handover(str(handover_id))

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        handover_id = item.data(0, ID_ROLE) if item is not None else None
        if not handover_id:
            return
        row = self.session.service.handover(str(handover_id))
        status = str(row["status"])
        menu = QMenu(self)
        move = menu.addMenu(self.tr("Passer à"))
        for code in allowed_next(status, mode=str(row["mode"])):  # the employers' track too
            if code in REASON_REQUIRED:
                continue  # needs a reason: from the detail panel, where the field is
            action = move.addAction(status_label(code))
            action.triggered.connect(lambda _c=False, s=code, h=str(handover_id): self._move(h, s))
        move.setEnabled(not move.isEmpty())
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _move(self, handover_id: str, status: str) -> None:
        self.list_error.hide()
        event_id = change_status(self.session, handover_id, status, None, self.list_error)
        if event_id is not None:
            self.detail.last_change = (handover_id, event_id, status)
            self.refresh(select=handover_id)
            self.detail.announce(
                self.tr("État changé : « %1 ».").replace("%1", status_label(status)), undo=True
            )
            self.focus_home()
