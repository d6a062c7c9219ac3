"""« Relais reçus »: the receiving structure's inbox (issue 16, services/receptions.py).

The code field takes what a person types or a scanner sends (its keystrokes, then Enter): Enter
records at once with the status, date and reason chosen beside it. A wrong code (its check
character) is refused in words under the field, the field keeps the focus with its text
selected, so the next scan or the corrected code simply replaces it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.receptions import REASON_STATUS
from fieldapp.domain.relay_code import CODE_LENGTH
from fieldapp.domain.vocab import RECEPTION_REFUSAL_REASONS, RECEPTION_STATUSES
from fieldapp.errors import RelaisError
from fieldapp.services.receptions import ReceptionService
from fieldapp.ui.kit.i18n import label, pydate, qdate, short_date
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.widgets import (
    FieldError,
    labelled,
    mark_invalid,
    muted_label,
    primary_button,
    title_label,
)

RECEPTIONS = "receptions"


class ReceivedPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.session = session
        self.dirty = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(title_label(self.tr("Relais reçus"), self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Tapez ou scannez le code relais de la fiche que la personne vous montre, "
                    "puis Entrée. Aucun nom n'est demandé : le code suffit."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        # Room for spaces or dashes as typed; the check character catches the rest.
        self.code.setMaxLength(CODE_LENGTH + 8)
        self.code.setPlaceholderText("XXXX-XXXX-X")
        self.code_error = FieldError(self)
        self.status = QComboBox(self)
        for code in RECEPTION_STATUSES.codes():
            self.status.addItem(label(RECEPTION_STATUSES, code), code)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDate(qdate(date.today()))
        self.day.setMaximumDate(qdate(date.today()))
        self.reason = QComboBox(self)
        for code in RECEPTION_REFUSAL_REASONS.codes():
            self.reason.addItem(label(RECEPTION_REFUSAL_REASONS, code), code)
        self.reason.setToolTip(self.tr("Seulement pour un refus de la structure"))
        form.addRow(labelled(self.code, self.tr("&Code relais :")), self.code)
        form.addRow("", self.code_error)
        form.addRow(labelled(self.status, self.tr("É&tat :")), self.status)
        form.addRow(labelled(self.day, self.tr("&Date :")), self.day)
        form.addRow(labelled(self.reason, self.tr("&Motif du refus :")), self.reason)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = primary_button(self.tr("Enregistrer"), self)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.done = muted_label("", self)
        self.done.hide()
        layout.addWidget(self.done)

        layout.addWidget(title_label(self.tr("Déjà enregistrés"), self, sub=True))
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(4)
        self.list.setHeaderLabels(
            [self.tr("Date"), self.tr("Code"), self.tr("État"), self.tr("Motif")]
        )
        self.list.setAccessibleName(self.tr("Relais reçus enregistrés"))
        header = self.list.header()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.list, 1)

        self.code.returnPressed.connect(self.record)
        self.save_button.clicked.connect(self.record)
        self.status.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    def _status_changed(self) -> None:
        self.reason.setEnabled(self.status.currentData() == REASON_STATUS)

    def refresh(self) -> None:
        self.dirty = False
        self.list.clear()
        for row in ReceptionService(self.session.service).receptions():
            item = QTreeWidgetItem(
                [
                    short_date(str(row["date"])),
                    str(row["code"] or "—"),
                    label(RECEPTION_STATUSES, str(row["status"])),
                    label(RECEPTION_REFUSAL_REASONS, row["reason"]) if row["reason"] else "",
                ]
            )
            self.list.addTopLevelItem(item)

    def record(self) -> bool:
        """Record what the form says; on a refusal, say why and give the field back."""
        status = str(self.status.currentData())
        reason = str(self.reason.currentData()) if status == REASON_STATUS else None
        try:
            row = ReceptionService(self.session.service).record(
                self.code.text(), status, day=pydate(self.day.date()), reason=reason
            )
        except ValidationError as exc:
            self._refuse("; ".join(p.message for p in exc.problems))
            return False
        except RelaisError as exc:  # a wrong code, or a profile that has not joined
            self._refuse(exc.message())
            return False
        mark_invalid(self.code, False)
        self.code_error.clear_message()
        self.done.setText(
            self.tr("✓ Enregistré : %1, %2.")
            .replace("%1", str(row["code"]))
            .replace("%2", label(RECEPTION_STATUSES, status))
        )
        self.done.show()
        self.code.clear()
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()
        return True

    def _refuse(self, message: str) -> None:
        self.done.hide()
        self.code_error.show_message(message)
        mark_invalid(self.code, True)
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)
        self.code.selectAll()

    def focus_home(self) -> None:
        self.code.setFocus(Qt.FocusReason.OtherFocusReason)
