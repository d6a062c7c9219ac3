"""Tables in the application's look, and stored times as the user's wall clock.

`item_table(model, name, parent)` gives a read-only, row-selecting table whose cells keep air on
both sides (`PaddedDelegate`); the sync, coordination and dashboard views all use it. Its
columns size to their content (`ResizeToContents`), the last one taking what is left.
`SortHeader` draws the sort arrow the way the values run: ▼ for newest (largest) first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

__all__ = ["PaddedDelegate", "SortHeader", "item_table", "local_time"]


def local_time(stamp: str | None) -> str:
    """A stored UTC time ("2026-03-14T09:00:00Z") as the user's wall clock: 14/03 10:00."""
    if not stamp:
        return "—"
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return stamp
    moment = moment.astimezone()
    same_year = moment.year == datetime.now().astimezone().year
    return moment.strftime("%d/%m %H:%M" if same_year else "%d/%m/%Y %H:%M")


class PaddedDelegate(QStyledItemDelegate):
    """Cells with air on both sides. A style-sheet padding would not enter the row heights Qt
    computes for wrapped text (long reasons would be cut); this delegate counts it."""

    PAD: Final = 8

    def sizeHint(  # noqa: N802 -- Qt override
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        narrower = QStyleOptionViewItem(option)
        narrower.rect = option.rect.adjusted(0, 0, -2 * self.PAD, 0)
        size = super().sizeHint(narrower, index)
        return QSize(size.width() + 2 * self.PAD, size.height() + 8)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        widget = option.widget
        look = widget.style() if widget is not None else QApplication.style()
        # Selection and alternating colours over the whole cell, then the content inset.
        look.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, full, painter, widget)
        inset = QStyleOptionViewItem(option)
        inset.rect = option.rect.adjusted(self.PAD, 0, -self.PAD, 0)
        super().paint(painter, inset, index)


class SortHeader(QHeaderView):
    """A horizontal header whose arrow points down for a descending order (newest first).

    Qt draws a descending order as ▲ (the "sorted up" convention of old desktops), which reads
    as "oldest first" to most people; this header gives the style the other arrow.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def initStyleOptionForIndex(  # noqa: N802 -- Qt override
        self, option: QStyleOptionHeader, logical_index: int
    ) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        if self.isSortIndicatorShown() and self.sortIndicatorSection() == logical_index:
            option.sortIndicator = sort_arrow(self.sortIndicatorOrder())


def sort_arrow(order: Qt.SortOrder) -> QStyleOptionHeader.SortIndicator:
    """The arrow a `SortHeader` draws for `order` (SortDown: ▼, newest or largest first)."""
    if order == Qt.SortOrder.DescendingOrder:
        return QStyleOptionHeader.SortIndicator.SortDown
    return QStyleOptionHeader.SortIndicator.SortUp


def item_table(model: QAbstractItemModel, name: str, parent: QWidget) -> QTableView:
    """A read-only, row-selecting table in the application's look, wrapped text included."""
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.setItemDelegate(PaddedDelegate(table))
    table.setAlternatingRowColors(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    table.verticalHeader().hide()
    table.verticalHeader().setMinimumSectionSize(30)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table
