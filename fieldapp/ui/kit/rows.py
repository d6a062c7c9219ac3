"""The one base of the window's table models: read-only rows of dicts, one header per column.

A subclass says how many columns it has (`column_count`), what each header shows (`header`) and
what each cell shows for a role (`cell`); the base keeps the rows and answers Qt's bounds, so no
model indexes past its rows or columns. Rows are replaced whole (`set_rows`) or, for a model that
loads by pages, appended with `append_rows`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

__all__ = ["Index", "Row", "RowsModel"]

Index = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]


class RowsModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    # -- what a subclass says -------------------------------------------------------------------

    def column_count(self) -> int:
        raise NotImplementedError

    def header(self, section: int, role: int) -> Any:
        """The horizontal header of `section` (within bounds) for `role`; None: nothing."""
        return None

    def cell(self, row: Row, column: int, role: int) -> Any:
        """What `row` shows in `column` (within bounds) for `role`; None: nothing."""
        return None

    # -- the rows -------------------------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        return self._rows

    def row(self, row: int) -> Row:
        return self._rows[row]

    def set_rows(self, rows: Iterable[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append_rows(self, rows: list[Row]) -> None:
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    # -- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:  # noqa: N802 -- Qt override
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index | None = None) -> int:  # noqa: N802 -- Qt override
        return 0 if parent is not None and parent.isValid() else self.column_count()

    def headerData(  # noqa: N802 -- Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.column_count():
            return None
        return self.header(section, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < self.column_count():
            return None
        return self.cell(self._rows[index.row()], index.column(), role)
