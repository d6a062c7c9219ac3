"""The dashboard's « Présence et actions collectives » section (issue 17): the report's
`presence` and `actions` tables as published (same texts, same suppression)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QTableWidget, QVBoxLayout

from fieldapp.services.reporting import Report, Table

Fill = Callable[[QTableWidget, Table], None]


class PresenceSection(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        title = QLabel(self.tr("Présence dans les quartiers et actions collectives"), self)
        title.setObjectName("subtitle")
        layout.addWidget(title)
        self.presence_table = self._table()
        self.actions_table = self._table()
        self.empty = QLabel(self.tr("Aucune tournée ni action collective sur la période."), self)
        self.empty.setObjectName("hint")
        for widget in (self.empty, self.presence_table, self.actions_table):
            layout.addWidget(widget)
        self.note = QLabel("", self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)

    def _table(self) -> QTableWidget:
        table = QTableWidget(self)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.setAlternatingRowColors(True)
        table.setMinimumHeight(150)
        return table

    def show_report(self, report: Report, fill_table: Fill) -> None:
        """`fill_table` is the dashboard's (the same rendering as its other tables)."""
        presence, actions = report.table("presence"), report.table("actions")
        fill_table(self.presence_table, presence)
        fill_table(self.actions_table, actions)
        # Only the total rows: nothing was recorded over the period.
        empty = len(presence.rows) <= 1 and len(actions.rows) <= 1
        self.empty.setVisible(empty)
        self.presence_table.setVisible(not empty)
        self.actions_table.setVisible(not empty)
        self.note.setText(" ".join(presence.notes[:1] + actions.notes[:1]))
