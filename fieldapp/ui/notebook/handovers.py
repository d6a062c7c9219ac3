"""Handovers (relais accompagnés): propose one from a contact, follow it through its states.

Only the transitions the domain allows are offered (`handovers.allowed_next`); the service
checks again, so a stale screen (another change in between) gets a clear refusal, not a crash.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
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
from fieldapp.domain.handovers import (
    FOLLOW_UP_MAX_AHEAD_DAYS,
    OPEN_STATUSES,
    REASON_REQUIRED,
    TERMINAL_STATUSES,
    allowed_next,
    follow_up_due,
    is_overdue,
)
from fieldapp.domain.vocab import HANDOVER_MODES, HANDOVER_STATUSES, NEEDS, OUTCOMES
from fieldapp.services.field import UnknownRecord
from fieldapp.ui.app.i18n import label, labels, pydate, qdate, short_date
from fieldapp.ui.app.resources import icon
from fieldapp.ui.app.session import HANDOVERS, Session
from fieldapp.ui.kit.labels import iso_time, status_label
from fieldapp.ui.kit.style import WARNING_SOFT
from fieldapp.ui.kit.widgets import (
    Banner,
    Card,
    DateField,
    EmptyState,
    FieldError,
    clear_layout,
    dialog_buttons,
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


class HandoverDialog(QDialog):
    """Propose a handover for one contact: partner, mode, consent (required), follow-up."""

    created = Signal(str)

    def __init__(
        self,
        session: Session,
        contact: dict[str, Any],
        parent: QWidget | None = None,
        *,
        partner: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.contact = contact
        # Directory ids of the chosen partner; dropped if the name is then typed over.
        self.partner_ids: dict[str, Any] = {}
        self.picker: QDialog | None = None
        self.setWindowTitle(self.tr("Proposer un relais"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Proposer un relais accompagné"), self))
        summary = self.tr("Contact du %1 · %2 · %3").replace("%1", short_date(contact["date"]))
        summary = summary.replace("%2", str(contact["neighbourhood"]))
        summary = summary.replace("%3", label(OUTCOMES, contact.get("outcome")))
        layout.addWidget(muted_label(summary, self))

        form = QFormLayout()
        form.setVerticalSpacing(4)
        self.partner = QLineEdit(self)
        self.partner.setMaxLength(200)
        self.partner.setPlaceholderText(
            self.tr("structure et service, ex. Mission locale — accueil jeunes")
        )
        partners = sorted({str(h["partner"]) for h in session.service.handovers()})
        completer = QCompleter(partners, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.partner.setCompleter(completer)
        self.mode = QComboBox(self)
        self.mode.setPlaceholderText(self.tr("— choisir —"))
        for term in HANDOVER_MODES:
            self.mode.addItem(label(HANDOVER_MODES, term.code), term.code)
        self.mode.setCurrentIndex(-1)
        self.consent = QCheckBox(self.tr("La personne est d'accord pour ce relais"), self)
        self.follow_up = DateField(self)
        today = date.today()
        self.follow_up.setMinimumDate(qdate(today - timedelta(days=365)))
        self.follow_up.setMaximumDate(qdate(today + timedelta(days=FOLLOW_UP_MAX_AHEAD_DAYS)))
        self.follow_up.setDate(qdate(today + timedelta(days=7)))
        self.no_follow_up = QCheckBox(self.tr("Pas de date de suivi"), self)
        self.errors = {key: FieldError(self) for key in ("partner", "mode", "consent", "follow_up")}
        self.directory_button = QPushButton(self.tr("Choisir dans l'annuaire…"), self)
        partner_row = QHBoxLayout()
        partner_row.addWidget(self.partner, 1)
        partner_row.addWidget(self.directory_button)
        form.addRow(labelled(self.partner, self.tr("&Partenaire")), partner_row)
        form.addRow("", self.errors["partner"])
        form.addRow(labelled(self.mode, self.tr("&Modalité")), self.mode)
        form.addRow("", self.errors["mode"])
        form.addRow(labelled(self.consent, self.tr("A&ccord")), self.consent)
        form.addRow("", self.errors["consent"])
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up)
        follow.addWidget(self.no_follow_up)
        follow.addStretch(1)
        form.addRow(labelled(self.follow_up, self.tr("&Suivi le")), follow)
        form.addRow("", self.errors["follow_up"])
        layout.addLayout(form)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Le relais n'est possible qu'avec l'accord de la personne. La date de suivi "
                    "vous le rappellera sur l'écran Aujourd'hui."
                ),
                self,
            )
        )
        self.general_error = Banner("", kind="error", parent=self)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.cancel_button, self.save_button = dialog_buttons(
            self, layout, self.tr("Annuler"), self.tr("Proposer le relais")
        )
        self.save_button.clicked.connect(self.save)
        self.no_follow_up.toggled.connect(lambda on: self.follow_up.setEnabled(not on))
        self.save_button.setDefault(True)
        self.directory_button.clicked.connect(self.choose_in_directory)
        self.partner.textEdited.connect(lambda _t: self.partner_ids.clear())
        if partner:
            self.set_partner(partner)

    def set_partner(self, partner: Mapping[str, Any]) -> None:
        """Fill in a partner from the directory (`directory.handover_partner`)."""
        self.partner.setText(str(partner.get("partner", "")))
        self.partner_ids = {
            key: partner[key]
            for key in ("partner_structure_id", "partner_service_id")
            if partner.get(key)
        }

    def choose_in_directory(self) -> QDialog:
        """The directory, ranked for this contact; choosing a service fills in the partner."""
        from fieldapp.services import directory
        from fieldapp.ui.directory.view import rank_view

        service = self.session.service
        picker = QDialog(self)
        picker.setWindowTitle(self.tr("Choisir le partenaire dans l'annuaire"))
        picker.resize(980, 640)
        layout = QVBoxLayout(picker)

        def chosen(record: Mapping[str, Any]) -> None:
            self.set_partner(directory.handover_partner(directory.current_pack(service), record))
            picker.accept()

        view = rank_view(lambda: directory.current_pack(service), self.contact, chosen, picker)
        layout.addWidget(view)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()
        return picker

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "contact_id": self.contact["id"],
            "partner": self.partner.text().strip() or None,
            "mode": self.mode.currentData() if self.mode.currentIndex() >= 0 else None,
            "consent": self.consent.isChecked(),
        }
        if not self.no_follow_up.isChecked():
            data["follow_up"] = pydate(self.follow_up.date()).isoformat()
        data.update(self.partner_ids)
        return {k: v for k, v in data.items() if v is not None}

    def save(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.general_error.hide()
        for widget in (self.partner, self.mode, self.consent, self.follow_up):
            mark_invalid(widget, False)
        try:
            handover_id = self.session.service.propose_handover(self.values())
        except ValidationError as exc:
            widgets = {
                "partner": self.partner,
                "mode": self.mode,
                "consent": self.consent,
                "follow_up": self.follow_up,
            }
            general = []
            for problem in exc.problems:
                if problem.field in self.errors:
                    text = problem.message[:1].upper() + problem.message[1:]
                    self.errors[problem.field].show_message(text)
                    mark_invalid(widgets[problem.field], True)
                else:
                    general.append(str(problem))
            if general:
                self.general_error.set_text("\n".join(general))
                self.general_error.show()
            return
        self.session.notify(HANDOVERS)
        self.created.emit(handover_id)
        self.accept()


class HandoverDetail(QScrollArea):
    """One handover: what, with whom, its history, and the states it may move to."""

    status_changed = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.handover_id: str | None = None
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        try:
            contact = service.contact(str(row["contact_id"]))
        except UnknownRecord:
            contact = None
        if contact is not None:
            text = f"{short_date(contact['date'])} · {contact['neighbourhood']}"
            if contact.get("needs"):
                text += " · " + labels(NEEDS, contact["needs"])
            form.addRow(self.tr("Contact :"), self._value(text))
        self.card.body.addLayout(form)

        self.card.body.addWidget(title_label(self.tr("Historique"), self.card, sub=True))
        for step in row.get("history", []):
            line = f"{iso_time(step['at'])} — {status_label(step['status'])}"
            if step.get("reason"):
                line += f" : {step['reason']}"
            self.card.body.addWidget(self._value(line))

        self.status_buttons = {}
        nexts = allowed_next(str(row["status"]))
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

    def _value(self, text: str) -> QLabel:
        value = QLabel(text, self.card)
        value.setWordWrap(True)
        value.setTextFormat(Qt.TextFormat.PlainText)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return value

    def request(self, status: str) -> bool:
        """Move the shown handover to `status`; shows the refusal when it is not allowed."""
        if self.handover_id is None:
            return False
        reason = self.reason.text().strip() or None
        ok = change_status(self.session, self.handover_id, status, reason, self.error)
        if not ok and status in REASON_REQUIRED and not reason:
            self.reason_error.show_message(self.tr("Indiquez le motif du refus."))
            mark_invalid(self.reason, True)
            self.reason.setFocus()
        if ok:
            self.status_changed.emit(self.handover_id)
            self.show_handover(self.handover_id)
        return ok


def change_status(
    session: Session, handover_id: str, status: str, reason: str | None, error: Banner
) -> bool:
    try:
        session.service.change_handover_status(handover_id, status, reason=reason)
    except TransitionError as exc:
        error.set_text(transition_refusal(exc))
        error.show()
        return False
    except ValidationError as exc:
        error.set_text("; ".join(p.message for p in exc.problems))
        error.show()
        return False
    session.notify(HANDOVERS)
    return True


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
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 150)
        self.tree.setColumnWidth(3, 190)
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
        self.detail.status_changed.connect(lambda hid: self.refresh(select=hid))

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
        status = str(self.session.service.handover(str(handover_id))["status"])
        menu = QMenu(self)
        move = menu.addMenu(self.tr("Passer à"))
        for code in allowed_next(status):
            if code in REASON_REQUIRED:
                continue  # needs a reason: from the detail panel, where the field is
            action = move.addAction(status_label(code))
            action.triggered.connect(lambda _c=False, s=code, h=str(handover_id): self._move(h, s))
        move.setEnabled(not move.isEmpty())
        menu.exec(self.tree.viewport().mapToGlobal(pos))

    def _move(self, handover_id: str, status: str) -> None:
        self.list_error.hide()
        if change_status(self.session, handover_id, status, None, self.list_error):
            self.refresh(select=handover_id)
