"""The handover dialog: a new relais towards a partner (typed, or chosen in the Annuaire ranked for
the contact), its mode, the person's consent and a follow-up date."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.employers import is_employer_mode
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.handovers import FOLLOW_UP_MAX_AHEAD_DAYS
from fieldapp.domain.vocab import HANDOVER_MODES, OUTCOMES
from fieldapp.errors import RelaisError
from fieldapp.ui.kit.i18n import label, pydate, qdate, short_date
from fieldapp.ui.kit.session import HANDOVERS, Session
from fieldapp.ui.kit.widgets import (
    Banner,
    DateField,
    FieldError,
    dialog_buttons,
    labelled,
    mark_invalid,
    muted_label,
    title_label,
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
        from fieldapp.services import directory

        where = directory.neighbourhood_label(session.service, contact["neighbourhood"])
        summary = summary.replace("%2", where)
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
        self._offer_modes(employer=False)
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
        self.errors["partner"].clear_message()  # a partner is there now: no stale « obligatoire »
        mark_invalid(self.partner, False)
        self.partner_ids = {
            key: partner[key]
            for key in ("partner_structure_id", "partner_service_id")
            if partner.get(key)
        }
        from fieldapp.services import directory

        pack = directory.current_pack(self.session.service)
        self._offer_modes(
            employer=directory.is_employer_id(pack, partner.get("partner_structure_id"))
        )

    def _offer_modes(self, *, employer: bool) -> None:
        """The employer modes for an employer of the directory, the usual ones otherwise
        (issue 18: each has its own track)."""
        chosen = self.mode.currentData() if self.mode.count() else None
        self.mode.clear()
        for term in HANDOVER_MODES:
            if is_employer_mode(term.code) == employer:
                self.mode.addItem(label(HANDOVER_MODES, term.code), term.code)
        self.mode.setCurrentIndex(self.mode.findData(chosen) if chosen else -1)

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

        from fieldapp.services import employers

        places = employers.ranking_places(service)  # employers with no place left rank last
        view = rank_view(
            lambda: directory.current_pack(service), self.contact, chosen, picker, places
        )
        view.enable_unmet()
        view.unmet_requested.connect(lambda _contact, needs: self._mark_unmet(view, needs))
        layout.addWidget(view)
        picker.finished.connect(picker.deleteLater)
        self.picker = picker
        picker.open()
        return picker

    def _mark_unmet(self, view: QWidget, needs: list[str]) -> None:
        """Record the needs the directory has no solution for, on this contact."""
        from fieldapp.services import unmet
        from fieldapp.ui.directory.view import DirectoryView

        assert isinstance(view, DirectoryView)
        try:
            unmet.mark_unmet(self.session.service, str(self.contact["id"]), needs)
        except RelaisError as refused:
            view.show_notice(refused.message(), error=True)
            return
        view.unmet_button.setEnabled(False)
        view.show_notice(self.tr("✓ Noté « sans solution » : il partira avec le prochain envoi."))

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
            # What was typed stays; the focus goes to the first field in error, its text
            # selected, so retyping replaces it and Enter proposes again.
            wrong = [widgets[f] for f in widgets if any(p.field == f for p in exc.problems)]
            if wrong:
                wrong[0].setFocus()
                if isinstance(wrong[0], QLineEdit):
                    wrong[0].selectAll()
            return
        self.session.notify(HANDOVERS)
        self.created.emit(handover_id)
        self.accept()
