"""The coordination view's tables: devices (with the unknown ones whose batches wait), quarantined
batches and completeness per device, all on the kit's row model, and how they are laid out."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QAbstractTableModel, QObject, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from fieldapp.domain.display import printable
from fieldapp.messages.plural import plural
from fieldapp.ui.kit import style
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.rows import Row, RowsModel
from fieldapp.ui.kit.tables import item_table, local_time

PENDING: Final = "pending"  # not a stored status: an unknown device whose batches wait
_STATUS_ICONS: Final = {"trusted": "ok", "suspended": "warning", "revoked": "error"}
MONO: Final = "font-family: monospace; font-weight: 600;"
_BATCH_NAME: Final = re.compile(
    r"relais-(?P<device>[0-9a-f]+)-(?P<first>\d+)-(?P<last>\d+)\.rbatch"
)


def short_device(device_id: str | None) -> str:
    """Device ids are 32 hex digits; 8 tell them apart on screen (the tooltip has all)."""
    return (device_id or "—")[:8]


@dataclass(frozen=True)
class _Column:
    title: str
    text: Callable[[dict[str, Any]], str]
    right: bool = False
    tooltip: Callable[[dict[str, Any]], str] | None = None
    mono: bool = False


class _RowsModel(RowsModel):
    """Read-only rows of dicts, shown through a list of columns."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns: list[_Column] = []

    def column_count(self) -> int:
        return len(self.columns)

    def header(self, section: int, role: int) -> Any:
        return self.columns[section].title if role == Qt.ItemDataRole.DisplayRole else None

    def cell(self, row: Row, column: int, role: int) -> Any:
        spec = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:  # names and ids come from enrolments and drops
            return printable(spec.text(row))
        if role == Qt.ItemDataRole.ToolTipRole:
            return printable(spec.tooltip(row) if spec.tooltip is not None else spec.text(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if spec.right else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and spec.mono:
            font = QFont("monospace")
            font.setStyleHint(QFont.StyleHint.Monospace)
            return font
        return self.styled(row, column, role)

    def styled(self, row: dict[str, Any], column: int, role: int) -> Any:
        return None


class DevicesModel(_RowsModel):
    STRUCTURE, DEVICE, FINGERPRINT, STATUS, SINCE = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            _Column(self.tr("Structure"), self._structure),
            _Column(
                self.tr("Appareil"),
                lambda r: short_device(r.get("device_id")),
                tooltip=lambda r: str(r.get("device_id")),
                mono=True,
            ),
            _Column(self.tr("Empreinte"), lambda r: str(r.get("fingerprint") or "—"), mono=True),
            _Column(self.tr("État"), self.status_text, tooltip=self._status_tip),
            _Column(self.tr("Depuis"), lambda r: local_time(r.get("status_at"))),
        ]

    def _structure(self, row: dict[str, Any]) -> str:
        if row.get("status") == PENDING:
            return self.tr("(appareil inconnu)")
        return str(row.get("structure_name") or "—")

    def status_text(self, row: dict[str, Any]) -> str:
        return {
            "trusted": self.tr("de confiance"),
            "suspended": self.tr("suspendu"),
            "revoked": self.tr("révoqué"),
            PENDING: self.tr("en attente d'enrôlement"),
        }.get(str(row.get("status")), str(row.get("status")))

    def _status_tip(self, row: dict[str, Any]) -> str:
        if row.get("status") == PENDING:
            return plural(
                int(row.get("pending_batches") or 0),
                self.tr(
                    "%n lot en quarantaine. Demandez à la structure le fichier d'enrôlement de "
                    "cet appareil."
                ),
                self.tr(
                    "%n lots en quarantaine. Demandez à la structure le fichier d'enrôlement de "
                    "cet appareil."
                ),
            )
        return self.status_text(row)

    def styled(self, row: dict[str, Any], column: int, role: int) -> Any:
        status = str(row.get("status"))
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATUS:
            return icon(_STATUS_ICONS[status]) if status in _STATUS_ICONS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if status == "revoked":
                return QColor(style.MUTED)
            if status == PENDING and column == self.STATUS:
                return QColor(style.WARNING)
        return None


class QuarantineModel(_RowsModel):
    FILE, DEVICE, REASON, FIRST_SEEN, LAST_ATTEMPT = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            _Column(
                self.tr("Lot"),
                self._batch,
                tooltip=lambda r: str(r.get("file_name") or ""),
            ),
            _Column(
                self.tr("Appareil"),
                lambda r: short_device(r.get("device_id")),
                tooltip=lambda r: str(r.get("device_id") or self.tr("illisible")),
                mono=True,
            ),
            _Column(self.tr("Raison"), lambda r: str(r.get("reason") or "")),
            _Column(self.tr("Reçu le"), lambda r: local_time(r.get("first_seen"))),
            _Column(self.tr("Dernier essai"), lambda r: local_time(r.get("last_attempt"))),
        ]

    def _batch(self, row: dict[str, Any]) -> str:
        """relais-<device>-<first>-<last>.rbatch reads "n° 1–8" (the device has its column);
        any other name (a stray or damaged file) is shown as it is."""
        name = str(row.get("file_name") or "")
        match = _BATCH_NAME.fullmatch(name)
        if match is None or match["device"] != row.get("device_id"):
            return name
        first, last = match["first"], match["last"]
        return self.tr("n° %1").replace("%1", first if first == last else f"{first}–{last}")

    def styled(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.REASON:
            return QColor(style.WARNING)
        return None


class CompletenessModel(_RowsModel):
    STRUCTURE, DEVICE, EVENTS, RANGES, GAPS, LAST_BATCH = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            _Column(self.tr("Structure"), lambda r: str(r.get("structure") or "—")),
            _Column(
                self.tr("Appareil"),
                lambda r: short_device(r.get("device_id")),
                tooltip=lambda r: str(r.get("device_id")),
                mono=True,
            ),
            _Column(self.tr("Événements reçus"), lambda r: str(r.get("events", 0)), right=True),
            _Column(self.tr("Numéros reçus"), self._ranges),
            _Column(self.tr("Manques"), self._gaps),
            _Column(self.tr("Dernier lot"), lambda r: local_time(r.get("last_batch"))),
        ]

    @staticmethod
    def _ranges(row: dict[str, Any]) -> str:
        spans = [f"{a}–{b}" if a != b else f"{a}" for a, b in row.get("ranges") or ()]
        return ", ".join(spans) or "—"

    def _gaps(self, row: dict[str, Any]) -> str:
        gaps = row.get("gaps_text") or []
        return "⚠ " + " ; ".join(gaps) if gaps else self.tr("aucun")

    def styled(self, row: dict[str, Any], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and column == self.GAPS:
            return QColor(style.WARNING if row.get("gaps") else style.SUCCESS)
        return None


def fitted_table(
    model: QAbstractTableModel,
    name: str,
    stretch: int,
    parent: QWidget,
    widths: dict[int, int] | None = None,
) -> QTableView:
    table = item_table(model, name, parent)
    header = table.horizontalHeader()
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    for column, width in (widths or {}).items():
        # Long file names: a fixed, resizable width, elided in the middle (tooltip has all).
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    # Wrapped text (reasons, gaps): row heights and the table's height follow its width.
    header.sectionResized.connect(lambda *_: fit_rows(table))
    return table


def fit_rows(table: QTableView, max_rows: int = 8) -> None:
    """As tall as its rows (up to `max_rows`, then it scrolls): the page itself scrolls."""
    table.resizeRowsToContents()
    model = table.model()
    rows = model.rowCount() if model is not None else 0
    height = table.horizontalHeader().height() + 2 * table.frameWidth() + 2
    for row in range(min(rows, max_rows)):
        height += table.rowHeight(row)
    table.setFixedHeight(max(height, 64))
