"""Enrolling a device: its enrolment file (structure, device, fingerprint) shown before the
coordinator trusts it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QFrame, QLabel, QVBoxLayout, QWidget

from fieldapp.services.coordination import Enrolment
from fieldapp.ui.coordination.models import MONO
from fieldapp.ui.kit import style
from fieldapp.ui.kit.widgets import dialog_buttons, muted_label, title_label


class EnrolDialog(QDialog):
    """Shows an enrolment file's fingerprint; trusting the device needs the spoken check."""

    def __init__(self, enrolment: Enrolment, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrolment = enrolment
        self.setWindowTitle(self.tr("Enrôler un appareil"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Enrôler un appareil"), self, sub=True))
        form = QFormLayout()
        structure = enrolment.structure
        form.addRow(self.tr("Structure :"), QLabel(str(structure.get("name") or "—"), self))
        device = QLabel(enrolment.device_id, self)
        device.setStyleSheet(MONO)
        form.addRow(self.tr("Appareil :"), device)
        layout.addLayout(form)
        frame = QFrame(self)
        frame.setObjectName("card")
        inner = QVBoxLayout(frame)
        inner.addWidget(muted_label(self.tr("Empreinte lue dans le fichier"), frame))
        self.fingerprint_label = QLabel(enrolment.fingerprint, frame)
        self.fingerprint_label.setStyleSheet(
            f"font-family: monospace; font-size: 20pt; font-weight: 600; color: "
            f"{style.PRIMARY_DARK}; letter-spacing: 2px;"
        )
        self.fingerprint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.fingerprint_label)
        layout.addWidget(frame)
        self.question = QLabel(
            self.tr(
                "Faites lire à voix haute l'empreinte affichée par l'appareil (Synchronisation "
                "→ Coordination). L'empreinte lue par l'appareil est-elle identique ?"
            ),
            self,
        )
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.cancel_button, self.confirm_button = dialog_buttons(
            self, layout, self.tr("Non, ne pas enrôler"), self.tr("Oui, identique : enrôler")
        )
        self.confirm_button.clicked.connect(self.accept)
        self.cancel_button.setDefault(True)  # Entrée alone never trusts a key
