"""The outbox as a table: one row per batch kept, newest first, with its state and reason."""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor

from fieldapp.messages.plural import plural
from fieldapp.ui.kit import style
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.rows import Row, RowsModel
from fieldapp.ui.kit.tables import local_time

__all__ = ["OutboxModel"]


class OutboxModel(RowsModel):
    """One row per batch kept in the outbox, newest first (as `SyncService.outbox()` gives)."""

    BATCH, EVENTS, STATE, LAST_ATTEMPT, REASON = range(5)
    _ICONS: Final = {"delivered": "ok", "failed": "warning", "sealed": "sync", "delivering": "sync"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Lot"),
            self.tr("Événements"),
            self.tr("État"),
            self.tr("Dernier essai"),
            self.tr("Raison"),
        ]

    def column_count(self) -> int:
        return len(self._headers)

    def header(self, section: int, role: int) -> Any:
        return self._headers[section] if role == Qt.ItemDataRole.DisplayRole else None

    def cell(self, entry: Row, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.BATCH:
                return (
                    self.tr("%1\ncréé le %2")
                    .replace("%1", str(entry["file_name"]))
                    .replace("%2", local_time(entry.get("created_at")))
                )
            if column == self.STATE:
                attempts = int(entry.get("attempts") or 0)
                return plural(attempts, self.tr("%n tentative"), self.tr("%n tentatives"))
            return self._text(entry, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATE:
            return icon(self._ICONS.get(str(entry["state"]), "sync"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.EVENTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.REASON and entry["state"] == "failed":
                return QColor(style.WARNING)
            if entry["state"] == "delivered" and column != self.STATE:
                return QColor(style.MUTED)
        return None

    def _text(self, entry: Row, column: int) -> str:
        if column == self.BATCH:
            first, last = entry["first_seq"], entry["last_seq"]
            span = f"{first}" if first == last else f"{first}–{last}"
            return self.tr("n° %1").replace("%1", span)
        if column == self.EVENTS:
            return str(entry["event_count"])
        if column == self.STATE:
            return str(entry["state_label"])
        if column == self.LAST_ATTEMPT:
            stamp = entry.get("delivered_at") if entry["state"] == "delivered" else None
            return local_time(stamp or entry.get("last_attempt"))
        if entry["state"] != "failed":
            return ""
        reason = str(entry.get("reason") or "")
        if entry.get("next_attempt"):
            retry = self.tr("Nouvel essai vers %1.").replace(
                "%1", local_time(entry["next_attempt"]).split(" ")[-1]
            )
            reason = f"{reason} {retry}".strip()
        return reason
