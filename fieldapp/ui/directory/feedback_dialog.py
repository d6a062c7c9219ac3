"""« Signaler une information à corriger »: a reason and a short comment about a sheet of the
Annuaire (the service shown, or its structure), recorded as a `directory.feedback` event that
leaves with the next batch (services/feedback.py).

A refusal (personal data in the comment, an unknown sheet) keeps what was typed, says why under
the comment and puts the focus back there.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import RelaisError
from fieldapp.services import feedback
from fieldapp.services.field import FieldService
from fieldapp.ui.kit.widgets import FieldError, dialog_buttons, labelled, muted_label, title_label

COMMENT_MAX_CHARS = 300


class FeedbackDialog(QDialog):
    recorded = Signal(str)  # the feedback id

    def __init__(
        self,
        service: FieldService,
        sheet: Mapping[str, Any],
        structure: Mapping[str, Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.sheet = sheet
        self.structure = structure or {}
        self.setWindowTitle(self.tr("Signaler une information à corriger"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        title = self.tr("Signaler une information à corriger")
        layout.addWidget(title_label(title, self, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Votre signalement part avec le prochain envoi ; la coordination corrige la "
                    "fiche dans un prochain pack. N'y mettez aucune donnée sur une personne."
                ),
                self,
            )
        )

        layout.addWidget(QLabel(self.tr("Ce qui est à corriger concerne :"), self))
        self.target_group = QButtonGroup(self)
        self.service_radio = QRadioButton(
            self.tr("le service « %1 »").replace("%1", str(sheet.get("nom") or "")), self
        )
        self.structure_radio = QRadioButton(
            self.tr("la structure « %1 »").replace("%1", str(self.structure.get("nom") or "")),
            self,
        )
        self.structure_radio.setEnabled(bool(self.structure.get("id")))
        for radio in (self.service_radio, self.structure_radio):
            self.target_group.addButton(radio)
            layout.addWidget(radio)
        self.service_radio.setChecked(True)

        layout.addWidget(QLabel(self.tr("Motif"), self))
        self.reason_group = QButtonGroup(self)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        self.reason_buttons: dict[str, QRadioButton] = {}
        for n, (code, text) in enumerate(feedback.reason_choices()):
            radio = QRadioButton(text, self)
            radio.setProperty("code", code)
            self.reason_group.addButton(radio)
            self.reason_buttons[code] = radio
            grid.addWidget(radio, n // 2, n % 2)
        layout.addLayout(grid)

        self.comment = QPlainTextEdit(self)
        self.comment.setPlaceholderText(
            self.tr("Ex. : ouvert seulement le matin depuis septembre (facultatif)")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(72)
        layout.addWidget(labelled(self.comment, self.tr("&Commentaire (facultatif, court)")))
        layout.addWidget(self.comment)
        self.error = FieldError(self)
        layout.addWidget(self.error)
        _cancel, self.send_button = dialog_buttons(
            self, layout, self.tr("Annuler"), self.tr("Signaler")
        )
        self.send_button.clicked.connect(self.confirm)
        self.reason_group.buttonToggled.connect(self._update)
        self.comment.textChanged.connect(self._update)
        self._update()

    def reason(self) -> str | None:
        checked = self.reason_group.checkedButton()
        return str(checked.property("code")) if checked is not None else None

    def _update(self, *_: object) -> None:
        self.error.clear_message()
        too_long = len(self.comment.toPlainText()) > COMMENT_MAX_CHARS
        if too_long:
            self.error.show_message(
                self.tr("Commentaire trop long : %1 caractères au plus.").replace(
                    "%1", str(COMMENT_MAX_CHARS)
                )
            )
        self.send_button.setEnabled(self.reason() is not None and not too_long)

    def confirm(self) -> None:
        reason = self.reason()
        if reason is None:
            return
        on_structure = self.structure_radio.isChecked()
        try:
            feedback_id = feedback.report_feedback(
                self.service,
                reason=reason,
                service_id=None if on_structure else str(self.sheet.get("id") or ""),
                structure_id=str(self.structure.get("id") or "") if on_structure else None,
                comment=self.comment.toPlainText(),
            )
        except RelaisError as refused:
            # What was typed stays; the reason is said under the comment, the focus goes back.
            self.error.show_message(refused.message())
            self.comment.setFocus()
            return
        self.recorded.emit(feedback_id)
        self.accept()
