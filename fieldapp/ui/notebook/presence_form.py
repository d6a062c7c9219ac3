"""« Présence » (a street round) and « Action collective » forms (issue 17), opened from
« Aujourd'hui » with Ctrl+T and Ctrl+G. A round is logged at its end in under a minute: the
date, slot and last neighbourhood are filled in, Tab walks the counts, Ctrl+Entrée saves, and
« Enregistrer et noter un contact » saves then starts a contact linked to it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.display import neighbourhood_code, neighbourhood_label
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.presence import MAX_COUNT, MAX_DURATION_MINUTES
from fieldapp.domain.vocab import ACTION_TYPES, AGE_BANDS, AMBIANCES, GENDERS, SLOTS
from fieldapp.errors import RelaisError
from fieldapp.messages.plural import plural
from fieldapp.services import directory
from fieldapp.services.presence import PresenceService
from fieldapp.ui.kit.choices import chosen_code, select_code, vocab_combo
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import label, pydate, qdate
from fieldapp.ui.kit.session import CONTACTS, Session
from fieldapp.ui.kit.widgets import Banner, DateField, muted_label, primary_button, title_label
from fieldapp.ui.notebook.contact_form import slot_for


class CountGrid(QWidget):
    """People by age band (rows) × gender (columns), one spin box each; Tab walks a row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        self.boxes: dict[tuple[str, str], QSpinBox] = {}
        for j, gender in enumerate(GENDERS.codes(), start=1):
            grid.addWidget(QLabel(label(GENDERS, gender), self), 0, j, Qt.AlignmentFlag.AlignCenter)
        for i, band in enumerate(AGE_BANDS.codes(), start=1):
            grid.addWidget(QLabel(label(AGE_BANDS, band), self), i, 0)
            for j, gender in enumerate(GENDERS.codes(), start=1):
                box = QSpinBox(self)
                box.setRange(0, MAX_COUNT)
                box.setAccessibleName(f"{label(GENDERS, gender)}, {label(AGE_BANDS, band)}")
                self.boxes[(gender, band)] = box
                grid.addWidget(box, i, j)
        self.total = muted_label("", self)
        grid.addWidget(self.total, len(AGE_BANDS) + 1, 0, 1, len(GENDERS) + 1)
        for box in self.boxes.values():
            box.valueChanged.connect(self._count)
        self._count()

    def first(self) -> QSpinBox:
        return next(iter(self.boxes.values()))

    def cells(self) -> list[dict[str, Any]]:
        return [
            {"gender": g, "age_band": a, "count": box.value()}
            for (g, a), box in self.boxes.items()
            if box.value()
        ]

    def set_cells(self, cells: list[dict[str, Any]]) -> None:
        for box in self.boxes.values():
            box.setValue(0)
        for cell in cells:
            key = (str(cell["gender"]), str(cell["age_band"]))
            if key in self.boxes:
                self.boxes[key].setValue(int(cell["count"]))

    def _count(self) -> None:
        total = sum(box.value() for box in self.boxes.values())
        self.total.setText(
            plural(total, self.tr("Total : %n personne"), self.tr("Total : %n personnes"))
        )


class _RecordForm(QDialog):
    """What both forms share: heading, error banner, note, buttons, Ctrl+Entrée."""

    saved = Signal(str)  # the record's id
    contact_requested = Signal(dict)  # start a contact from this record: date, place, link

    kind = ""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setMinimumWidth(760)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(20, 16, 20, 16)
        self.layout_.setSpacing(8)
        self.heading = title_label("", self)
        self.layout_.addWidget(self.heading)
        self.layout_.addWidget(
            muted_label(
                self.tr(
                    "Des nombres seulement : aucun nom ni signe distinctif. "
                    "Ctrl+Entrée pour enregistrer."
                ),
                self,
            )
        )
        self.error = Banner("", kind="error", parent=self)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setColumnStretch(1, 1)
        self.layout_.addLayout(self.grid)
        today = date.today()
        self.date_edit = DateField(self)
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setMinimumDate(qdate(today - timedelta(days=3650)))
        self.date_edit.setDate(qdate(today))
        self.neighbourhood = QComboBox(self)
        self.neighbourhood.setEditable(True)
        self.neighbourhood.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Shown by name with its code (« Quartier des Tilleuls — QN07699A »), like the contact
        # form; the code is what is saved.
        names = directory.neighbourhood_names(directory.current_pack(session.service))
        known = session.known_neighbourhoods()
        for code in known + sorted((c for c in names if c not in known), key=lambda c: names[c]):
            self.neighbourhood.addItem(neighbourhood_label(code, names), code)
        editor = self.neighbourhood.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("code QPV, ex. QN07601M"))
        last = session.service.last_neighbourhood()
        self.neighbourhood.setEditText(neighbourhood_label(last, names) if last else "")
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(60)
        self.note.setPlaceholderText(
            self.tr("Facultatif. Pas de nom, de téléphone, d'adresse ni de date de naissance.")
        )
        self.row = 0

    def set_title(self, title: str) -> None:
        self.setWindowTitle(title)
        self.heading.setText(title)

    def add_row(self, text: str, widget: QWidget) -> None:
        caption = QLabel(text, self)
        caption.setBuddy(widget)
        self.grid.addWidget(caption, self.row, 0, Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(widget, self.row, 1)
        self.row += 1

    def finish(self) -> None:
        self.add_row(self.tr("N&ote"), self.note)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Fermer"), self)
        self.contact_button = QPushButton(self.tr("Enregistrer et noter un &contact"), self)
        self.contact_button.setToolTip(self.tr("Ctrl+Maj+Entrée"))
        self.save_button = primary_button(self.tr("Enregistrer"), self)
        self.save_button.setToolTip(self.tr("Ctrl+Entrée"))
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.contact_button)
        buttons.addWidget(self.save_button)
        self.layout_.addLayout(buttons)
        for button in (self.cancel_button, self.contact_button, self.save_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(lambda: self.save(then_contact=False))
        self.contact_button.clicked.connect(lambda: self.save(then_contact=True))
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, lambda: self.save(then_contact=False))
        for seq in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
            QShortcut(QKeySequence(seq), self, lambda: self.save(then_contact=True))

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def common_values(self) -> dict[str, Any]:
        return {
            "date": pydate(self.date_edit.date()).isoformat(),
            "neighbourhood": neighbourhood_code(self.neighbourhood.currentText()) or None,
            "note": self.note.toPlainText().strip() or None,
        }

    def _show_error(self, text: str) -> None:
        self.error.set_text(text)
        self.error.show()

    def save(self, *, then_contact: bool) -> str | None:
        data = {k: v for k, v in self.values().items() if v is not None}
        try:
            record_id = PresenceService(self.session.service).record(self.kind, [data])[0]
        except ValidationError as exc:
            self._show_error("\n".join(str(p) for p in exc.problems))
            return None
        except RelaisError as exc:
            show_failure(exc, self._show_error)
            return None
        self.session.notify(CONTACTS)
        self.saved.emit(record_id)
        self.accept()
        if then_contact:
            self.contact_requested.emit(contact_start(self.kind, record_id, data))
        return record_id


def contact_start(kind: str, record_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """What a contact started from a round or an action begins with: its date, place, link."""
    start = {
        "date": record["date"],
        "neighbourhood": record["neighbourhood"],
        f"{kind}_id": record_id,
    }
    if record.get("slot"):
        start["slot"] = record["slot"]
    if record.get("commune"):
        start["commune"] = record["commune"]
    return start


class OutingForm(_RecordForm):
    """« Présence » : a street round at its end."""

    kind = "outing"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.set_title(self.tr("Présence dans le quartier"))
        self.setObjectName("outingForm")
        self.slot = vocab_combo(SLOTS)
        select_code(self.slot, slot_for(datetime.now()))
        self.duration = QSpinBox(self)
        self.duration.setRange(1, MAX_DURATION_MINUTES)
        self.duration.setSingleStep(15)
        self.duration.setValue(120)
        self.duration.setSuffix(self.tr(" min"))
        self.seen = CountGrid(self)
        self.ambiance = vocab_combo(AMBIANCES)
        self.mediations = QSpinBox(self)
        self.mediations.setRange(0, MAX_COUNT)
        self.add_row(self.tr("&Date"), self.date_edit)
        self.add_row(self.tr("C&réneau"), self.slot)
        self.add_row(self.tr("&Quartier"), self.neighbourhood)
        self.add_row(self.tr("D&urée"), self.duration)
        self.add_row(self.tr("Personnes &vues\n(non abordées)"), self.seen)
        self.add_row(self.tr("&Ambiance"), self.ambiance)
        self.add_row(self.tr("&Médiations"), self.mediations)
        self.finish()

    def values(self) -> dict[str, Any]:
        return self.common_values() | {
            "slot": chosen_code(self.slot),
            "duration_minutes": self.duration.value(),
            "seen": self.seen.cells(),
            "ambiance": chosen_code(self.ambiance),
            "mediations": self.mediations.value(),
        }


class ActionForm(_RecordForm):
    """« Action collective » : a job fair, a shared drop-in, a joint round…"""

    kind = "action"

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.set_title(self.tr("Action collective"))
        self.setObjectName("actionForm")
        self.action_type = vocab_combo(ACTION_TYPES, placeholder=self.tr("— choisir —"))
        self.partners = QLineEdit(self)
        self.partners.setPlaceholderText(
            self.tr("identifiants de l'annuaire, séparés par des virgules")
        )
        self.employers = QSpinBox(self)
        self.employers.setRange(0, MAX_COUNT)
        self.participants = CountGrid(self)
        self.add_row(self.tr("&Date"), self.date_edit)
        self.add_row(self.tr("&Quartier"), self.neighbourhood)
        self.add_row(self.tr("&Type d'action"), self.action_type)
        self.add_row(self.tr("&Partenaires"), self.partners)
        self.add_row(self.tr("&Employeurs"), self.employers)
        self.add_row(self.tr("Partici&pants"), self.participants)
        self.finish()

    def values(self) -> dict[str, Any]:
        partners = [p.strip() for p in self.partners.text().split(",") if p.strip()]
        return self.common_values() | {
            "action_type": chosen_code(self.action_type),
            "partners": partners,
            "employers": self.employers.value(),
            "participants": self.participants.cells(),
        }
