"""The sync badge of the status bar: "3 lots en attente", "Synchronisé il y a 2 min".

`SyncBadge(service)`: `refresh()` after a run (it also ages by itself every 30 s); `clicked` when
pressed; `stop()` before the session closes. `status_text` gives its words in the interface's
language.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from fieldapp.services.sync import SyncService, parse_time
from fieldapp.ui.kit import style
from fieldapp.ui.kit.tables import local_time

__all__ = ["BADGE_REFRESH_MS", "SyncBadge", "status_text"]

BADGE_REFRESH_MS: Final = 30_000  # "il y a 2 min" ages without a run

_BADGE_TONES: Final = {
    # tone: (background, border, text)
    "ok": ("#e7f4ee", "#bfe0cf", style.SUCCESS),
    "pending": (style.PRIMARY_SOFT, "#b8d8da", style.PRIMARY_DARK),
    "failed": (style.WARNING_SOFT, "#f0d9a8", style.WARNING),
    "off": ("#eef1f4", style.BORDER, style.MUTED),
}


def status_text(status: dict[str, Any], now: datetime | None = None) -> str:
    """The badge's words in the interface's language (SyncService.status_summary's French)."""
    if not status["joined"]:
        return QCoreApplication.translate("SyncStatus", "Non rattaché à une coordination")
    pending = int(status["pending"])
    if pending:
        if pending == 1:
            return QCoreApplication.translate("SyncStatus", "1 lot en attente")
        text = QCoreApplication.translate("SyncStatus", "%1 lots en attente")
        return text.replace("%1", str(pending))
    unsealed = int(status["unsealed_events"])
    if unsealed:
        if unsealed == 1:
            return QCoreApplication.translate("SyncStatus", "1 modification à envoyer")
        text = QCoreApplication.translate("SyncStatus", "%1 modifications à envoyer")
        return text.replace("%1", str(unsealed))
    last = parse_time(status.get("last_success"))
    if last is None:
        return QCoreApplication.translate("SyncStatus", "Rien à envoyer")
    seconds = max(0, int(((now or datetime.now(UTC)) - last).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("SyncStatus", "Synchronisé à l'instant")
    if seconds < 3600:
        text = QCoreApplication.translate("SyncStatus", "Synchronisé il y a %1 min")
        return text.replace("%1", str(seconds // 60))
    if seconds < 86400:
        text = QCoreApplication.translate("SyncStatus", "Synchronisé il y a %1 h")
        return text.replace("%1", str(seconds // 3600))
    days = seconds // 86400
    if days == 1:
        return QCoreApplication.translate("SyncStatus", "Synchronisé il y a 1 jour")
    text = QCoreApplication.translate("SyncStatus", "Synchronisé il y a %1 jours")
    return text.replace("%1", str(days))


class SyncBadge(QLabel):
    """The outbox at a glance, for the status bar. Words first; the colour only repeats them."""

    clicked = Signal()

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.setObjectName("syncBadge")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.tone = ""
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(BADGE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Accepts and ignores a report (or a session change), so it can be connected to
        `synced` and `Session.changed` alike; after `stop()` it does nothing."""
        if self._stopped:
            return
        status = self.service.status()
        summary = status_text(status)
        if not status["joined"]:
            tone, mark = "off", ""
        elif status["failed"]:
            tone, mark = "failed", "⚠ "
        elif status["pending"] or status["unsealed_events"]:
            tone, mark = "pending", ""
        else:
            tone, mark = "ok", "✓ " if status["last_success"] else ""
        self.setText(mark + summary)
        self.setAccessibleName(self.tr("Synchronisation : %1").replace("%1", summary))
        self.setToolTip(self._tooltip(status))
        if tone != self.tone:
            self.tone = tone
            background, border, text = _BADGE_TONES[tone]
            self.setStyleSheet(
                f"QLabel#syncBadge {{ background: {background}; border: 1px solid {border}; "
                f"color: {text}; border-radius: 10px; padding: 2px 10px; font-weight: 600; }}"
            )

    def _tooltip(self, status: dict[str, Any]) -> str:
        lines = []
        run = status.get("last_run")
        if run:
            lines.append(
                self.tr("Dernier envoi (%1) : %2")
                .replace("%1", local_time(run.get("at")))
                .replace("%2", str(run.get("message", "")))
            )
        if status.get("next_retry"):
            lines.append(
                self.tr("Nouvel essai automatique vers %1.").replace(
                    "%1", local_time(status["next_retry"])
                )
            )
        lines.append(self.tr("Cliquez pour ouvrir la synchronisation."))
        return "\n".join(lines)

    def stop(self) -> None:
        """Before the session closes: no more queries on its store."""
        self._stopped = True
        self._timer.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 -- Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)
