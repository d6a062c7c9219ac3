"""Fast contact entry (and amendment): keyboard first, defaults that match a street outing.

Tab crosses the fields in reading order; chips are one Tab stop each group (arrows inside, as
the hint under them says); a caption's Alt+letter only moves the focus (never ticks a chip).
Ctrl+Entrée saves from any field, a drop-down list or the calendar open included; Ctrl+Maj+Entrée
saves and starts the next contact with the same date, slot, place and neighbourhood. Validation
is the domain's: its messages appear under their field and leave as soon as the field changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.contacts import HORS_QPV, NOTE_MAX_CHARS
from fieldapp.domain.display import neighbourhood_code, neighbourhood_label
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.vocab import (
    AGE_BANDS,
    CONTACT_MODES,
    GENDERS,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    REGISTRATIONS,
    SITUATIONS,
    SLOTS,
)
from fieldapp.errors import RelaisError
from fieldapp.services import directory
from fieldapp.services.field import PersonalDataInNote
from fieldapp.ui.kit.choices import chosen_code, select_code, vocab_combo
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import label, pydate, qdate, short_date
from fieldapp.ui.kit.session import CONTACTS, Session
from fieldapp.ui.kit.widgets import (
    Banner,
    ChipGroup,
    DateField,
    FieldError,
    FocusLabel,
    link_button,
    mark_invalid,
    muted_label,
    primary_button,
    title_label,
)
from fieldapp.ui.notebook.pseudonym_widget import PseudonymField

# Fields the next contact of the same outing keeps after "Enregistrer et nouveau".
KEPT_FOR_NEXT = ("date", "slot", "neighbourhood", "commune", "place_type", "outing_id", "action_id")
# Issue 17: the round or joint action a contact came from (ui/notebook/presence_form.py).
LINKS = ("outing_id", "action_id")


def slot_for(moment: datetime) -> str:
    """The time slot a contact entered now most likely belongs to."""
    if moment.hour < 12:
        return "matin"
    if moment.hour < 14:
        return "midi"
    if moment.hour < 18:
        return "apres-midi"
    return "soir"


class ContactForm(QDialog):
    saved = Signal(str)  # id of the contact recorded or amended

    def __init__(
        self,
        session: Session,
        *,
        contact: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.contact = contact
        self.saved_count = 0
        self._dirty = False
        self.setObjectName("contactForm")
        self.setMinimumWidth(860)
        editing = contact is not None
        self.setWindowTitle(
            self.tr("Modifier le contact") if editing else self.tr("Nouveau contact")
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        heading = (
            self.tr("Modifier le contact du %1").replace("%1", short_date(contact["date"]))
            if contact
            else self.tr("Nouveau contact")
        )
        layout.addWidget(title_label(heading, self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Aucun nom, téléphone ni adresse : seulement ce qui décrit la rencontre. "
                    "Ctrl+Entrée pour enregistrer."
                ),
                self,
            )
        )
        self.general_error = Banner("", kind="error", parent=self)
        self.general_error.hide()
        layout.addWidget(self.general_error)
        self.link: dict[str, str] = {}
        self.link_label = muted_label("", self)
        self.link_label.hide()
        layout.addWidget(self.link_label)

        self.errors: dict[str, FieldError] = {}
        self.fields: dict[str, QWidget] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        layout.addLayout(grid)

        today = date.today()
        self.date_edit = DateField(self)
        self.date_edit.setMaximumDate(qdate(today))
        self.date_edit.setMinimumDate(qdate(today - timedelta(days=3650)))
        self.slot = vocab_combo(SLOTS)
        self.neighbourhood = QComboBox(self)
        self.neighbourhood.setEditable(True)
        self.neighbourhood.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        editor = self.neighbourhood.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(self.tr("code QPV, ex. QN07601M"))
        completer = self.neighbourhood.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            # « Tilleuls » or « QN076 » both find « Quartier des Tilleuls — QN07699A ».
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.commune = QLineEdit(self)
        self.commune.setMaxLength(5)
        self.commune.setPlaceholderText(self.tr("code INSEE, ex. 76540"))
        self.place_type = vocab_combo(PLACE_TYPES, placeholder=self.tr("— choisir —"))
        self.contact_mode = vocab_combo(CONTACT_MODES)
        self.age_band = vocab_combo(AGE_BANDS)
        self.gender = vocab_combo(GENDERS)
        self.situation = vocab_combo(SITUATIONS)
        self.registrations = ChipGroup(
            ((t.code, label(REGISTRATIONS, t.code)) for t in REGISTRATIONS),
            exclusive=("aucune", "inconnue"),
            parent=self,
        )
        self.needs = ChipGroup(((t.code, label(NEEDS, t.code)) for t in NEEDS), parent=self)
        self.outcome = vocab_combo(OUTCOMES, placeholder=self.tr("— choisir —"))
        self.pseudonym = PseudonymField(
            lambda: session.sync.territory_key(), lambda: chosen_code(self.gender), self
        )
        self.note = QPlainTextEdit(self)
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText(
            self.tr("Facultatif. Pas de nom, de téléphone, d'adresse ni de date de naissance.")
        )
        self.note.setFixedHeight(84)
        self.note_count = QLabel(self)
        self.note_count.setObjectName("hint")

        rows: list[tuple[tuple[str, str, QWidget], tuple[str, str, QWidget] | None]] = [
            (("date", self.tr("&Date"), self.date_edit), ("slot", self.tr("C&réneau"), self.slot)),
            (
                ("neighbourhood", self.tr("&Quartier"), self.neighbourhood),
                ("commune", self.tr("Co&mmune (hors QPV)"), self.commune),
            ),
            (
                ("place_type", self.tr("&Lieu"), self.place_type),
                ("contact_mode", self.tr("&Type de contact"), self.contact_mode),
            ),
            (
                ("age_band", self.tr("Tranche d'â&ge"), self.age_band),
                ("gender", self.tr("Ge&nre"), self.gender),
            ),
            (("pseudonym", self.tr("&Personne"), self.pseudonym), None),
            (("situation", self.tr("&Situation"), self.situation), None),
            (("registrations", self.tr("&Inscriptions"), self.registrations), None),
            (("needs", self.tr("&Besoins"), self.needs), None),
            (("outcome", self.tr("S&uite donnée"), self.outcome), None),
            (("note", self.tr("N&ote"), self.note), None),
        ]
        row = 0
        for left, right in rows:
            self._place(grid, row, 0, *left, span=3 if right is None else 1)
            if right is not None:
                self._place(grid, row, 2, *right)
            row += 2
        grid.addWidget(self.note_count, row, 1, 1, 3, Qt.AlignmentFlag.AlignRight)

        self.redact_button = link_button(self.tr("Masquer ces données et enregistrer"), self)
        self.redact_button.hide()
        note_error_row = QHBoxLayout()
        note_error_row.addStretch(1)
        note_error_row.addWidget(self.redact_button)
        layout.addLayout(note_error_row)

        self.status = muted_label("", self)
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Fermer") if not editing else self.tr("Annuler"))
        self.save_new_button = QPushButton(self.tr("Enregistrer et nouveau"), self)
        self.save_new_button.setToolTip(self.tr("Ctrl+Maj+Entrée"))
        self.save_button = primary_button(
            self.tr("Enregistrer les modifications") if editing else self.tr("Enregistrer"), self
        )
        self.save_button.setToolTip(self.tr("Ctrl+Entrée"))
        self.save_new_button.setVisible(not editing)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_new_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        for button in (self.cancel_button, self.save_new_button, self.save_button):
            # Enter must never save by surprise in the middle of the form: Ctrl+Entrée does.
            button.setAutoDefault(False)
            button.setDefault(False)

        self.cancel_button.clicked.connect(self.close)
        self.save_button.clicked.connect(lambda: self.save(keep_open=False))
        self.save_new_button.clicked.connect(lambda: self.save(keep_open=True))
        self.redact_button.clicked.connect(lambda: self.save(keep_open=False, redact=True))
        for seq in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(seq), self, lambda: self.save(keep_open=False))
        if not editing:
            for seq in ("Ctrl+Shift+Return", "Ctrl+Shift+Enter"):
                QShortcut(QKeySequence(seq), self, lambda: self.save(keep_open=True))
        self.neighbourhood.currentTextChanged.connect(self._neighbourhood_changed)
        self.note.textChanged.connect(self._note_changed)
        self.note.installEventFilter(self)
        for popup in self._popups():
            popup.installEventFilter(self)

        self._fill_neighbourhoods()
        self._tab_order()
        if contact is not None:
            self.load(contact)
        else:
            self.reset(keep={})
        for widget in self.fields.values():
            self._watch(widget)
        self._watch_errors()

    # -- layout helpers ------------------------------------------------------------------------

    def _place(
        self,
        grid: QGridLayout,
        row: int,
        col: int,
        key: str,
        text: str,
        widget: QWidget,
        span: int = 1,
    ) -> None:
        # Alt+letter moves the focus, to the chip the group's tab stop is on: never a tick.
        target = widget.first_focus if isinstance(widget, ChipGroup) else None
        caption = FocusLabel(text, self, target=target)
        caption.setMinimumWidth(caption.sizeHint().width() + 6)  # room for the mnemonic
        caption.setBuddy(widget.focusProxy() or widget)
        if isinstance(widget, ChipGroup):
            first = widget.first_focus()
            if first is not None:
                caption.setBuddy(first)
        widget.setAccessibleName(text.replace("&", ""))
        tall = isinstance(widget, ChipGroup | QPlainTextEdit)
        if tall:
            caption.setContentsMargins(0, 6, 0, 0)
        vertical = Qt.AlignmentFlag.AlignTop if tall else Qt.AlignmentFlag.AlignVCenter
        grid.addWidget(caption, row, col, vertical | Qt.AlignmentFlag.AlignLeft)
        if isinstance(widget, ChipGroup) and key == "registrations":
            # The first group carries the visible hint; both carry it as their description.
            box = QWidget(self)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(2)
            column.addWidget(widget)
            self.chips_hint = QLabel(ChipGroup.hint_text(), box)
            self.chips_hint.setObjectName("hint")
            self.chips_hint.setWordWrap(True)
            column.addWidget(self.chips_hint)
            grid.addWidget(box, row, col + 1, 1, span)
        else:
            grid.addWidget(widget, row, col + 1, 1, span)
        error = FieldError(self)
        grid.addWidget(error, row + 1, col + 1, 1, span)
        self.errors[key] = error
        self.fields[key] = widget

    def _tab_order(self) -> None:
        chain: list[QWidget] = [
            self.date_edit,
            self.slot,
            self.neighbourhood,
            self.commune,
            self.place_type,
            self.contact_mode,
            self.age_band,
            self.gender,
            self.pseudonym.enter_button,
            self.situation,
            *self.registrations.chips(),
            *self.needs.chips(),
            self.outcome,
            self.note,
            self.save_new_button,
            self.save_button,
            self.cancel_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _popups(self) -> list[QWidget]:
        """The lists and calendars that open over the form (they take the keyboard)."""
        popups: list[QWidget] = []
        for combo in self.findChildren(QComboBox):
            completer = combo.completer()
            for view in (combo.view(), completer.popup() if completer is not None else None):
                if view is not None:
                    popups.append(view)
        calendar = self.date_edit.calendarWidget()
        if calendar is not None:  # its grid has the keyboard, not the calendar itself
            popups.extend([calendar, *calendar.findChildren(QAbstractItemView)])
        return popups

    def _save_from_popup(self, popup: QWidget, event: QKeyEvent) -> None:
        """Ctrl+Entrée in an open list: keep the highlighted choice, close the list, save."""
        for combo in self.findChildren(QComboBox):
            view = combo.view()
            if view is not None and view is popup:
                current = view.currentIndex()
                if current.isValid():
                    combo.setCurrentIndex(current.row())
                combo.hidePopup()
            completer = combo.completer()
            listing = completer.popup() if completer is not None else None
            if listing is not None and listing is popup:
                current = listing.currentIndex()
                if current.isValid():
                    combo.setEditText(str(current.data()))
                listing.hide()
        calendar = self.date_edit.calendarWidget()
        if calendar is not None and (popup is calendar or calendar.isAncestorOf(popup)):
            self.date_edit.setDate(calendar.selectedDate())
            window = popup.window()
            if window is not popup and window is not self:
                window.hide()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        # After the key event: the popup is gone and the form has the keyboard again.
        QTimer.singleShot(0, lambda: self.save(keep_open=shift and self.contact is None))

    def _watch_errors(self) -> None:
        """A field's error leaves as soon as the field changes (no stale « obligatoire »)."""
        for key, widget in self.fields.items():
            clear = lambda *_a, k=key: self._clear_error(k)  # noqa: E731
            if isinstance(widget, QComboBox):
                widget.currentIndexChanged.connect(clear)
                widget.editTextChanged.connect(clear)
            elif isinstance(widget, QDateEdit):
                widget.dateChanged.connect(clear)
            elif isinstance(widget, QLineEdit):
                widget.textEdited.connect(clear)
            elif isinstance(widget, ChipGroup | PseudonymField):
                widget.changed.connect(clear)
            elif isinstance(widget, QPlainTextEdit):
                widget.textChanged.connect(clear)

    def _clear_error(self, key: str) -> None:
        error = self.errors.get(key)
        if error is not None and error.isVisibleTo(self):
            error.clear_message()
            mark_invalid(self.fields[key], False)

    def _watch(self, widget: QWidget) -> None:
        if isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._touched)
            widget.editTextChanged.connect(self._touched)
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(self._touched)
        elif isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._touched)
        elif isinstance(widget, ChipGroup):
            widget.changed.connect(self._touched)
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._touched)
        elif isinstance(widget, PseudonymField):
            widget.changed.connect(self._touched)

    def _touched(self, *_args: object) -> None:
        self._dirty = True

    def _names(self) -> Mapping[str, str]:
        return directory.neighbourhood_names(directory.current_pack(self.session.service))

    def _fill_neighbourhoods(self) -> None:
        """The pack's neighbourhoods by name, the ones used lately first; each shown as
        « Quartier des Tilleuls — QN07699A » (the code is what is saved)."""
        self.neighbourhood.clear()
        names = self._names()
        known = self.session.known_neighbourhoods()
        codes = known + sorted((c for c in names if c not in known), key=lambda c: names[c])
        for code in codes:
            self.neighbourhood.addItem(neighbourhood_label(code, names), code)
        self.neighbourhood.addItem(HORS_QPV, HORS_QPV)

    def _show_neighbourhood(self, code: str) -> None:
        self.neighbourhood.setEditText(neighbourhood_label(code, self._names()) if code else "")

    def neighbourhood_value(self) -> str:
        """The code of what the Quartier field shows (a name — code, or a typed code)."""
        return neighbourhood_code(self.neighbourhood.currentText())

    def _neighbourhood_changed(self, text: str) -> None:
        outside = neighbourhood_code(text).lower() == HORS_QPV
        self.commune.setEnabled(outside)
        if not outside:
            self.commune.clear()

    def _note_changed(self) -> None:
        length = len(self.note.toPlainText())
        self.note_count.setText(f"{length} / {NOTE_MAX_CHARS}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        # An open list or calendar would take Ctrl+Entrée as "choose and close"; here it saves.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(watched, QWidget)
            and watched is not self.note
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
            and watched in self._popups()
        ):
            self._save_from_popup(watched, event)
            return True
        # QPlainTextEdit would swallow Ctrl+Entrée as a line break; here it saves.
        if watched is self.note and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.save(keep_open=shift and self.contact is None)
                return True
        return super().eventFilter(watched, event)

    # -- values --------------------------------------------------------------------------------

    def reset(self, keep: dict[str, Any]) -> None:
        """Empty form with the defaults (today, current slot, last neighbourhood) or `keep`."""
        now = datetime.now()
        self.date_edit.setDate(
            qdate(date.fromisoformat(keep.get("date") or now.date().isoformat()))
        )
        select_code(self.slot, keep.get("slot") or slot_for(now))
        neighbourhood = keep.get("neighbourhood") or self.session.service.last_neighbourhood() or ""
        self._show_neighbourhood(neighbourhood)
        self.commune.setText(keep.get("commune") or "")
        self._neighbourhood_changed(neighbourhood)
        select_code(self.place_type, keep.get("place_type"))
        select_code(self.contact_mode, "premier-contact")
        select_code(self.age_band, "inconnu")
        select_code(self.gender, "non-renseigne")
        select_code(self.situation, "inconnue")
        self.pseudonym.set_code(None)
        self.registrations.set_codes(())
        self.needs.set_codes(())
        select_code(self.outcome, None)
        self.note.clear()
        self._note_changed()
        self._set_link(keep)
        self.clear_errors()
        self._dirty = False

    def start_from(self, start: dict[str, Any]) -> None:
        """A new contact started from a round or an action: its date, place and link."""
        self.reset(keep=start)

    def _set_link(self, data: dict[str, Any]) -> None:
        self.link = {key: str(data[key]) for key in LINKS if data.get(key)}
        if "outing_id" in self.link:
            self.link_label.setText(self.tr("Contact rattaché à la tournée enregistrée."))
        elif "action_id" in self.link:
            self.link_label.setText(self.tr("Contact rattaché à l'action collective enregistrée."))
        self.link_label.setVisible(bool(self.link))

    def load(self, data: dict[str, Any]) -> None:
        """Fill the form from a stored contact (amendment) or a kept draft."""
        if data.get("date"):
            self.date_edit.setDate(qdate(date.fromisoformat(str(data["date"]))))
        select_code(self.slot, data.get("slot"))
        self._show_neighbourhood(str(data.get("neighbourhood") or ""))
        self._neighbourhood_changed(self.neighbourhood.currentText())
        self.commune.setText(str(data.get("commune") or ""))
        for key, combo in (
            ("place_type", self.place_type),
            ("contact_mode", self.contact_mode),
            ("age_band", self.age_band),
            ("gender", self.gender),
            ("situation", self.situation),
            ("outcome", self.outcome),
        ):
            select_code(combo, data.get(key))
        self.pseudonym.set_code(data.get("pseudonym"))
        registrations = [r for r in data.get("registrations") or () if r != "inconnue"]
        self.registrations.set_codes(registrations)
        self.needs.set_codes(data.get("needs") or ())
        self.note.setPlainText(str(data.get("note") or ""))
        self._note_changed()
        self._set_link(data)

    def values(self) -> dict[str, Any]:
        """The form as the service expects it; None marks an empty optional field."""
        neighbourhood = self.neighbourhood_value()
        return {
            "date": pydate(self.date_edit.date()).isoformat(),
            "slot": chosen_code(self.slot),
            "neighbourhood": neighbourhood or None,
            "commune": self.commune.text().strip() or None,
            "place_type": chosen_code(self.place_type),
            "contact_mode": chosen_code(self.contact_mode),
            "age_band": chosen_code(self.age_band),
            "gender": chosen_code(self.gender),
            "situation": chosen_code(self.situation),
            "pseudonym": self.pseudonym.code(),
            # Nothing ticked means "we don't know", which the domain spells « inconnue ».
            "registrations": self.registrations.codes() or ["inconnue"],
            "needs": self.needs.codes(),
            "outcome": chosen_code(self.outcome),
            "note": self.note.toPlainText().strip() or None,
            **{key: self.link.get(key) for key in LINKS},
        }

    def draft(self) -> dict[str, Any]:
        return self.values()

    def restore_draft(self, draft: dict[str, Any]) -> None:
        """Put back what was being typed when the notebook locked."""
        self.load(draft)
        self._dirty = True
        self.status.setText(self.tr("Saisie en cours retrouvée après le verrouillage."))

    def is_dirty(self) -> bool:
        return self._dirty

    # -- saving --------------------------------------------------------------------------------

    def clear_errors(self) -> None:
        for key, error in self.errors.items():
            error.clear_message()
            mark_invalid(self.fields[key], False)
        self.general_error.hide()
        self.redact_button.hide()

    def show_problems(self, error: ValidationError) -> None:
        self.clear_errors()
        general: list[str] = []
        messages: dict[str, list[str]] = {}
        for problem in error.problems:
            if problem.field in self.errors:
                messages.setdefault(problem.field, []).append(problem.message)
            else:
                general.append(str(problem))
        first: QWidget | None = None
        for key, widget in self.fields.items():
            if key in messages:
                text = "; ".join(messages[key])
                self.errors[key].show_message(text[:1].upper() + text[1:])
                mark_invalid(widget, True)
                first = first or widget
        if general:
            self.general_error.set_text("\n".join(general))
            self.general_error.show()
        if isinstance(error, PersonalDataInNote):
            self.redact_button.show()
        if first is not None:
            target = first.first_focus() if isinstance(first, ChipGroup) else first
            (target or first).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_general(self, text: str) -> None:
        self.general_error.set_text(text)
        self.general_error.show()

    def save(self, *, keep_open: bool, redact: bool = False) -> bool:
        data = self.values()
        service = self.session.service
        try:
            if self.contact is None:
                payload = {k: v for k, v in data.items() if v is not None}
                contact_id = service.record_contact(payload, redact=redact)
            else:
                contact_id = str(self.contact["id"])
                service.amend_contact(contact_id, data, redact=redact)
        except ValidationError as exc:
            self.show_problems(exc)
            return False
        except RelaisError as exc:  # the disk is full, read-only…: say so, keep what was typed
            show_failure(exc, self._show_general)
            return False
        self.saved_count += 1
        self.session.notify(CONTACTS)
        self.saved.emit(contact_id)
        if keep_open and self.contact is None:
            kept = {key: data[key] for key in KEPT_FOR_NEXT}
            self.reset(keep=kept)
            self.status.setText(
                self.tr("✓ Contact enregistré (%1 depuis l'ouverture du formulaire).").replace(
                    "%1", str(self.saved_count)
                )
            )
            QTimer.singleShot(0, lambda: self.contact_mode.setFocus())
        else:
            self._dirty = False
            self.accept()
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        if self._dirty and not self.confirm_discard():
            event.ignore()
            return
        self._dirty = False
        self.reject()
        event.accept()

    def reject(self) -> None:
        if self._dirty and not self.confirm_discard():
            return
        self._dirty = False
        super().reject()

    def discard_silently(self) -> None:
        """Close without asking (locking keeps the draft elsewhere)."""
        self._dirty = False
        super().reject()

    def confirm_discard(self) -> bool:
        """Ask before an unsaved contact is dropped (closing the window too); True: drop it."""
        answer = QMessageBox.question(
            self,
            self.tr("Abandonner la saisie ?"),
            self.tr("Ce contact n'est pas enregistré. Abandonner la saisie ?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Discard
