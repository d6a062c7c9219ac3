"""« Effacer une personne » (right to erasure / to object): by pseudonym, after a confirmation.

Shows what will go from this notebook (counts), says that the coordination erases it too at the
next synchronisation, and only acts once the worker ticks that the person asked for it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QLineEdit, QVBoxLayout, QWidget

from fieldapp.domain.pseudonym import PseudonymError
from fieldapp.messages.plural import plural
from fieldapp.services import privacy
from fieldapp.ui.kit.session import CONTACTS, HANDOVERS, Session
from fieldapp.ui.kit.widgets import FieldError, dialog_buttons, labelled, muted_label, title_label


class EraseDialog(QDialog):
    erased = Signal(object)  # privacy.Removed

    def __init__(
        self, session: Session, pseudonym: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Effacer une personne"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Effacer une personne"), self, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "À la demande de la personne (droit d'opposition ou d'effacement) : toutes "
                    "les rencontres notées sous son pseudonyme, et leurs relais, sont effacées "
                    "de ce carnet, puis de la base de la coordination quand elle fusionnera "
                    "votre prochain envoi. C'est définitif."
                ),
                self,
            )
        )
        self.code = QLineEdit(pseudonym or "", self)
        self.code.setPlaceholderText("XXXX-XXXX")
        self.code.setMaxLength(12)
        layout.addWidget(labelled(self.code, self.tr("&Pseudonyme")))
        layout.addWidget(self.code)
        self.summary = muted_label("", self)
        layout.addWidget(self.summary)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        self.confirm_box = QCheckBox(self.tr("La personne a demandé l'effacement"), self)
        layout.addWidget(self.confirm_box)
        _cancel, self.erase_button = dialog_buttons(
            self, layout, self.tr("Annuler"), self.tr("Effacer définitivement")
        )
        # Enter submits from the code or the box (never « Annuler », the first button).
        self.erase_button.setDefault(True)
        self.erase_button.clicked.connect(self.confirm)
        self.code.textChanged.connect(self._update)
        self.confirm_box.toggled.connect(self._update)
        self._update()

    def _update(self, *_args: object) -> None:
        self.error.clear_message()
        try:
            found = privacy.person_records(self.session.service, self.code.text())
        except ValueError:
            self.summary.setText(self.tr("Saisissez le code à 8 caractères (XXXX-XXXX)."))
            # Still enabled once ticked: a mistyped code is refused in words (`confirm`), not
            # by a button that silently does nothing.
            self.erase_button.setEnabled(self.confirm_box.isChecked())
            return
        contacts = plural(found.contacts, self.tr("%n contact"), self.tr("%n contacts"))
        handovers = plural(
            found.handovers, self.tr("%n relais", "singulier"), self.tr("%n relais", "pluriel")
        )
        self.summary.setText(
            self.tr("Dans ce carnet : %1 et %2 à effacer.")
            .replace("%1", contacts)
            .replace("%2", handovers)
        )
        self.erase_button.setEnabled(self.confirm_box.isChecked())

    def confirm(self) -> bool:
        try:
            removed = privacy.erase_person(self.session.service, self.code.text())
        except PseudonymError as exc:  # a mistyped code; anything else is a bug
            self.error.show_message(str(exc))
            self.adjustSize()  # room for the message: the explanation above is never squeezed
            self.code.selectAll()  # what was typed stays, selected, in the focused field
            self.code.setFocus()
            return False
        self.session.notify(CONTACTS)
        self.session.notify(HANDOVERS)
        self.erased.emit(removed)
        self.accept()
        return True
