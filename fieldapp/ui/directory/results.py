"""The Annuaire's result list: one row per service (no widget per row, so big lists stay cheap),
painted as the service name, its structure and commune, and the eligibility reasons in colour."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from fieldapp.services import directory
from fieldapp.ui.directory.card import reason_colour
from fieldapp.ui.kit import style

__all__ = ["ResultDelegate", "ResultsList", "ResultsModel"]

_ROLE_ENTRY = Qt.ItemDataRole.UserRole + 1
_ROLE_HINTS = Qt.ItemDataRole.UserRole + 2


class ResultsModel(QAbstractListModel):
    """The results, one row per service; big lists stay cheap (no widget per row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[directory.Entry] = []
        self._hints: list[directory.Ranked | None] = []

    def set_results(
        self, entries: Sequence[directory.Entry], hints: Sequence[directory.Ranked | None]
    ) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._hints = list(hints) or [None] * len(self._entries)
        self.endResetModel()

    def entry(self, row: int) -> directory.Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def hint(self, row: int) -> directory.Ranked | None:
        return self._hints[row] if 0 <= row < len(self._hints) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._entries)

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.name
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            hint = self.hint(index.row())
            text = f"{entry.name} — {entry.structure_name}"
            return f"{text} ({hint.summary})" if hint is not None else text
        if role == _ROLE_ENTRY:
            return entry
        if role == _ROLE_HINTS:
            return self.hint(index.row())
        return None


class ResultDelegate(QStyledItemDelegate):
    """Service name in bold, structure and commune below, eligibility reasons in colour."""

    PAD = 10

    def _lines(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, int]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(max(small.pointSizeF() - 0.5, 8.0))
        return bold, small, QFontMetrics(bold).height()

    def sizeHint(  # noqa: N802
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        _bold, small, line = self._lines(option)
        # Reasons get two lines: they wrap rather than hide the zone behind an ellipsis.
        lines = 2 + (2 if index.data(_ROLE_HINTS) is not None else 0)
        return QSize(200, self.PAD * 2 + line + (lines - 1) * (QFontMetrics(small).height() + 2))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        entry: directory.Entry | None = index.data(_ROLE_ENTRY)
        if entry is None:
            return
        hint: directory.Ranked | None = index.data(_ROLE_HINTS)
        rect: QRect = option.rect
        state = option.state
        painter.save()
        selected = bool(state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, QColor(style.PRIMARY_SOFT))
            painter.fillRect(
                QRect(rect.left(), rect.top(), 4, rect.height()), QColor(style.PRIMARY)
            )
        elif state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, QColor("#f4f6f8"))
        painter.setPen(QColor("#edf0f3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        bold, small, line = self._lines(option)
        small_h = QFontMetrics(small).height() + 2
        x, y, width = rect.left() + self.PAD + 4, rect.top() + self.PAD, rect.width() - 2 * self.PAD
        painter.setFont(bold)
        painter.setPen(QColor(style.TEXT))
        name = QFontMetrics(bold).elidedText(entry.name, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, line), Qt.AlignmentFlag.AlignVCenter, name)
        y += line
        painter.setFont(small)
        painter.setPen(QColor(style.MUTED))
        place = entry.service.get("commune") or ""
        second = entry.structure_name + (f" · {place}" if place else "")
        second = QFontMetrics(small).elidedText(second, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(x, y, width, small_h), Qt.AlignmentFlag.AlignVCenter, second)
        y += small_h
        if hint is not None:
            self._paint_reasons(painter, hint, QRect(x, y, width, small_h * 2), small)
        painter.restore()

    @staticmethod
    def _paint_reasons(painter: QPainter, hint: directory.Ranked, area: QRect, font: QFont) -> None:
        metrics = QFontMetrics(font)
        height = metrics.height() + 2
        x, y, last_line = area.left(), area.top(), area.top() + height
        for n, reason in enumerate(hint.reasons):
            text = reason.text + ("," if n < len(hint.reasons) - 1 else "")
            advance = metrics.horizontalAdvance(text + " ")
            if x + advance > area.right() and x > area.left():
                if y >= last_line:
                    painter.setPen(QColor(style.MUTED))
                    painter.drawText(QRect(x, y, area.right() - x, height), 0, "…")
                    break
                x, y = area.left(), y + height
            colour = reason_colour(reason.ok)
            painter.setPen(QColor(colour))
            painter.drawText(QRect(x, y, advance, height), 0, text)
            x += advance


class ResultsList(QListView):
    activatedByKey = Signal(QModelIndex)  # noqa: N815 -- Qt signal naming

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activatedByKey.emit(self.currentIndex())
            return
        super().keyPressEvent(event)
