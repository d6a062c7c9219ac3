"""« Carte des manques » (issue 18): the needs left « sans solution » in each neighbourhood over
the last 12 months, as the coordination counted them and put them in the signed pack
(`services.directory.unmet_map`). Read-only: rows are neighbourhoods, columns the needs present,
a cell the count, « moins de 5 » when hidden (secret statistique), empty when none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import directory
from fieldapp.ui.kit.widgets import muted_label, title_label


def hidden_text(owner: QWidget, seuil: int) -> str:
    """« moins de 5 »: a count hidden by the secret statistique."""
    return owner.tr("moins de %1").replace("%1", str(seuil))


class UnmetMapDialog(QDialog):
    def __init__(
        self, gaps: Sequence[directory.NeighbourhoodGaps], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unmetMapDialog")
        self.setWindowTitle(self.tr("Carte des manques"))
        self.setMinimumWidth(640)
        self.gaps = list(gaps)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Carte des manques"), self, sub=True))
        self.caption = muted_label(self._caption(), self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)

        codes = {row.need for gap in self.gaps for row in gap.rows}
        self.needs = sorted(codes, key=directory.need_order)
        self.table = QTableWidget(len(self.gaps), len(self.needs), self)
        self.table.setObjectName("unmetMapTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setAccessibleName(self.tr("Besoins restés sans solution, par quartier"))
        self.table.setHorizontalHeaderLabels([directory.label("categorie", n) for n in self.needs])
        self.table.setVerticalHeaderLabels([gap.label for gap in self.gaps])
        for i, gap in enumerate(self.gaps):
            for j, need in enumerate(self.needs):
                item = QTableWidgetItem(self.cell_text(gap, need))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(i, j, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setCurrentCell(-1, -1)  # no cell looks picked: there is nothing to pick
        self._fit_table()
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        close = buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

    def _fit_table(self) -> None:
        """As large as its content (within a laptop's screen), so a few rows need no scrolling."""
        table = self.table
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        frame = 2 * table.frameWidth() + 4
        height = table.horizontalHeader().sizeHint().height() + table.verticalHeader().length()
        width = table.verticalHeader().sizeHint().width() + table.horizontalHeader().length()
        table.setMinimumSize(min(width + frame, 1100), min(height + frame, 480))
        if height + frame <= 480:
            table.setMaximumHeight(height + frame)

    def _caption(self) -> str:
        if not self.gaps:
            return self.tr("Aucun besoin resté sans solution dans l'annuaire installé.")
        first = self.gaps[0]
        return (
            self.tr(
                "Besoins restés sans solution, de %1 à %2. Moins de %3 : chiffre masqué "
                "(secret statistique)."
            )
            .replace("%1", directory.month_text(min(g.du for g in self.gaps)))
            .replace("%2", directory.month_text(max(g.au for g in self.gaps)))
            .replace("%3", str(first.seuil))
        )

    def cell_text(self, gap: directory.NeighbourhoodGaps, need: str) -> str:
        found = gap.count_of(need)
        if found is None:
            return ""
        return hidden_text(self, gap.seuil) if found.count is None else str(found.count)

    def texts(self) -> list[list[str]]:
        """The table as shown, row by row (for the tests)."""
        rows = []
        for i in range(self.table.rowCount()):
            items = (self.table.item(i, j) for j in range(self.table.columnCount()))
            rows.append([item.text() if item is not None else "" for item in items])
        return rows
