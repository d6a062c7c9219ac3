"""Person pseudonym entry: the typed letters and year become a short code, and are forgotten.

`PseudonymField` sits in the contact form: it shows the code (or "aucun") with « Saisir… » and
« Retirer ». `PseudonymDialog` asks for the family name, the given name, the birth year and the
gender, shows the code as they are typed (HMAC-SHA256 under the territory key, see
fieldapp.domain.pseudonym) and hands back only the code. The typed values live in the dialog's
line edits and are cleared when it closes; they are never stored, logged or put in a message.
Without a territory key (profile not joined to a coordination) the dialog explains why no code
can be computed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain import pseudonym as pseudo
from fieldapp.domain.vocab import GENDERS
from fieldapp.ui.kit.i18n import label
from fieldapp.ui.kit.widgets import dialog_buttons, labelled, link_button, muted_label, title_label

NO_YEAR = 0  # the spin box's "not typed yet" value, shown as a blank


class PseudonymDialog(QDialog):
    """Type the person's letters once; get their code (see the module docstring)."""

    def __init__(
        self, territory_key: bytes | None, gender: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.territory_key = territory_key
        self.code: str | None = None
        self.setWindowTitle(self.tr("Pseudonyme de la personne"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Pseudonyme de la personne"), self))
        if territory_key is None:
            layout.addWidget(
                muted_label(
                    self.tr(
                        "Le pseudonyme se calcule avec la clé du territoire, que ce carnet reçoit "
                        "en rejoignant une coordination (page Synchronisation : le fichier "
                        "d'invitation, son code, puis « Rejoindre »). Rejoignez d'abord la "
                        "coordination ; d'ici là, enregistrez la rencontre sans pseudonyme."
                    ),
                    self,
                )
            )
            close = QPushButton(self.tr("Fermer"), self)
            close.clicked.connect(self.reject)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(close)
            layout.addLayout(row)
            return
        layout.addWidget(
            muted_label(
                self.tr(
                    "Demandez à la personne son accord. Relais ne garde que le code calculé : "
                    "ni le nom, ni le prénom, ni l'année ne sont enregistrés. La même personne "
                    "reçoit le même code dans toutes les structures du territoire."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.family = QLineEdit(self)
        self.family.setPlaceholderText(self.tr("au moins les trois premières lettres"))
        self.given = QLineEdit(self)
        self.given.setPlaceholderText(self.tr("au moins l'initiale"))
        self.year = QSpinBox(self)
        this_year = date.today().year
        self.year.setRange(NO_YEAR, this_year)
        self.year.setSpecialValueText(" ")  # NO_YEAR shows blank, not "0"
        self.year.setValue(NO_YEAR)
        self.gender = QComboBox(self)
        for code in GENDERS.codes():
            self.gender.addItem(label(GENDERS, code), code)
        if gender:
            self.gender.setCurrentIndex(max(self.gender.findData(gender), 0))
        for widget in (self.family, self.given):
            # No spell-checking, completion or input history for what is typed here.
            widget.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        form.addRow(labelled(self.family, self.tr("&Nom de famille")), self.family)
        form.addRow(labelled(self.given, self.tr("&Prénom")), self.given)
        form.addRow(labelled(self.year, self.tr("&Année de naissance")), self.year)
        form.addRow(labelled(self.gender, self.tr("&Genre")), self.gender)
        layout.addLayout(form)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("pseudonymCode")
        font = QFont(self.result_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.result_label.setFont(font)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.result_label)
        self.problem = muted_label("", self)
        layout.addWidget(self.problem)
        _cancel, self.use_button = dialog_buttons(
            self, layout, self.tr("Annuler"), self.tr("&Utiliser ce pseudonyme")
        )
        self.use_button.clicked.connect(self.accept)
        self.family.textChanged.connect(self._compute)
        self.given.textChanged.connect(self._compute)
        self.year.valueChanged.connect(self._compute)
        self.gender.currentIndexChanged.connect(self._compute)
        self.finished.connect(self._forget)
        self._compute()
        self.family.setFocus()

    def _compute(self, *_args: object) -> None:
        assert self.territory_key is not None
        self.code = None
        if not (self.family.text().strip() and self.given.text().strip()) or not self.year.value():
            self.result_label.setText("—")
            self.problem.setText(self.tr("Remplissez les quatre champs pour obtenir le code."))
        else:
            try:
                self.code = pseudo.pseudonym(
                    self.territory_key,
                    self.family.text(),
                    self.given.text(),
                    self.year.value(),
                    str(self.gender.currentData()),
                )
            except pseudo.PseudonymError as exc:  # its messages never repeat what was typed
                self.result_label.setText("—")
                self.problem.setText(str(exc))
            else:
                self.result_label.setText(self.code)
                self.problem.setText(
                    self.tr("Code à noter si la personne souhaite exercer ses droits.")
                )
        self.use_button.setEnabled(self.code is not None)

    def _forget(self, _result: int) -> None:
        """What was typed leaves the widgets as soon as the dialog closes."""
        for widget in (self.family, self.given, self.year):
            widget.blockSignals(True)  # keep the computed code for whoever reads it next
        self.family.clear()
        self.given.clear()
        self.year.setValue(NO_YEAR)
        for widget in (self.family, self.given, self.year):
            widget.blockSignals(False)


class PseudonymField(QWidget):
    """The contact form's « Personne » row: the code, « Saisir… » and « Retirer »."""

    changed = Signal()

    def __init__(
        self,
        territory_key: Callable[[], bytes | None],
        gender: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._territory_key = territory_key
        self._gender = gender
        self._code: str | None = None
        self.dialog: PseudonymDialog | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.code_label = QLabel(self)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)
        self.enter_button = QPushButton(self.tr("Saisir…"), self)
        self.enter_button.clicked.connect(self.open_dialog)
        layout.addWidget(self.enter_button)
        self.remove_button = link_button(self.tr("Retirer"), self)
        self.remove_button.clicked.connect(lambda: self.set_code(None, user=True))
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.setFocusProxy(self.enter_button)
        self.set_code(None)

    def code(self) -> str | None:
        return self._code

    def set_code(self, code: str | None, *, user: bool = False) -> None:
        self._code = code or None
        if self._code:
            self.code_label.setText(self._code)
            self.code_label.setStyleSheet("font-family: monospace; font-weight: 600;")
        else:
            self.code_label.setText(self.tr("aucun (personne non identifiée)"))
            self.code_label.setStyleSheet("")
        self.remove_button.setVisible(self._code is not None)
        self.enter_button.setText(self.tr("Changer…") if self._code else self.tr("Saisir…"))
        if user:
            self.changed.emit()

    def open_dialog(self) -> PseudonymDialog:
        dialog = PseudonymDialog(self._territory_key(), self._gender(), self.window())
        dialog.accepted.connect(lambda: self.set_code(dialog.code, user=True))
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog
