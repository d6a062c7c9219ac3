"""The coordination window's *Signalements* tab: feedback on directory sheets, per structure,
from the merged batches (services/feedback.py), and « Marquer comme traité ».

A feedback is also shown as handled when the last published pack carries its sheet with a newer
`date_maj` (« corrigé par le pack »). Names and comments come from packs and devices: shown
through `printable`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.domain.display import printable
from fieldapp.errors import RelaisError
from fieldapp.messages import language
from fieldapp.messages.plural import plural
from fieldapp.services import feedback
from fieldapp.services.coordination import CoordinationService
from fieldapp.ui.kit import style
from fieldapp.ui.kit.rows import Row, RowsModel
from fieldapp.ui.kit.tables import item_table
from fieldapp.ui.kit.widgets import muted_label, title_label


class FeedbackModel(RowsModel):
    STRUCTURE, SHEET, REASON, COMMENT, DATE, STATE = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.titles = [
            self.tr("Structure"),
            self.tr("Fiche"),
            self.tr("Motif"),
            self.tr("Commentaire"),
            self.tr("Date"),
            self.tr("État"),
        ]

    def column_count(self) -> int:
        return len(self.titles)

    def header(self, section: int, role: int) -> Any:
        return self.titles[section] if role == Qt.ItemDataRole.DisplayRole else None

    def state(self, row: Row) -> str:
        if row["handled_by"] == "pack":
            return self.tr("corrigé par le pack")
        return self.tr("traité") if row["handled"] else self.tr("à traiter")

    def text(self, row: Row, column: int) -> str:
        if column == self.STRUCTURE:
            return str(row["structure_name"] or row["structure_id"])
        if column == self.SHEET:
            if row["service_id"]:
                return str(row["service_name"] or row["service_id"])
            return self.tr("(la structure)")
        if column == self.REASON:
            code = str(row["reason"])
            try:
                return feedback.FEEDBACK_REASONS.label(code, language())
            except KeyError:
                return code
        if column == self.COMMENT:
            return str(row["comment"] or "")
        if column == self.DATE:
            day = str(row["date"])
            return f"{day[8:10]}/{day[5:7]}/{day[:4]}"
        return self.state(row)

    def cell(self, row: Row, column: int, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return printable(self.text(row, column))
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return QColor(style.MUTED if row["handled"] else style.WARNING)
        return None


class FeedbackTab(QWidget):
    def __init__(self, service: CoordinationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Signalements sur l'annuaire"), self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Ce que les équipes de terrain ont signalé comme à corriger, par structure. "
                    "Un signalement est traité quand vous le marquez, ou quand le dernier pack "
                    "publié porte la fiche avec une date de mise à jour plus récente."
                ),
                self,
            )
        )
        self.summary = QLabel(self)
        layout.addWidget(self.summary)
        self.model = FeedbackModel(self)
        self.table = item_table(self.model, self.tr("Signalements"), self)
        self.table.selectionModel().currentRowChanged.connect(self._update)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.handled_button = QPushButton(self.tr("Marquer comme traité"), self)
        self.handled_button.clicked.connect(self.mark_selected)
        row.addWidget(self.handled_button)
        self.error = QLabel(self)
        self.error.setStyleSheet(f"color: {style.DANGER};")
        row.addWidget(self.error, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        rows = feedback.coordination_feedback(self.service)
        self.model.set_rows(rows)
        open_rows = sum(1 for r in rows if not r["handled"])
        self.summary.setText(
            plural(
                len(rows),
                self.tr("%n signalement, dont %2 à traiter."),
                self.tr("%n signalements, dont %2 à traiter."),
            ).replace("%2", str(open_rows))
        )
        self._update()

    def selected(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _update(self, *_: object) -> None:
        row = self.selected()
        self.handled_button.setEnabled(row is not None and not row["handled"])

    def mark_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            feedback.mark_handled(self.service, str(row["id"]))
        except RelaisError as refused:
            self.error.setText(refused.message())
            return
        self.error.clear()
        current = self.table.currentIndex().row()
        self.refresh()
        self.table.selectRow(current)
