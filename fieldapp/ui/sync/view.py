"""Synchronisation: where batches go, the outbox, "Synchroniser maintenant", badge and timer.

- `SyncView(service, scheduler=None)`: the page. Destination (a folder, or a WebDAV address with
  its account; saved in the encrypted profile through `SyncService.set_drop`), "Tester la
  connexion", the coordination this device joined (or a form to join one), the outbox as a
  table, and "Synchroniser maintenant" with a progress bar. Its `synced` signal carries each
  `SyncReport`.
- `SyncBadge(service)`: a small label for the status bar ("3 lots en attente", "Synchronisé il y
  a 2 min"); `refresh()` after a run, and it ages by itself every 30 s. `clicked` when pressed.
- `SyncScheduler(service)`: every few minutes, in the background, asks `due_for_retry()` and, when
  something is due, runs `sync(only_due=True)`. `synced` carries the report (None: nothing due).

Every call that may touch the network (sync, connection test, joining) runs through
`fieldapp.ui.kit.tasks.run_task`, so the window never freezes. Reading the outbox and the settings
is a local query on the encrypted store and stays on the UI thread. Before the session closes (lock,
quit), call `SyncScheduler.stop()` and `SyncBadge.stop()`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services.sync import SyncError, SyncReport, SyncService
from fieldapp.sync.outbox import parse_time
from fieldapp.sync.transports import DropError, DropSettings
from fieldapp.ui.app.resources import icon
from fieldapp.ui.kit import style
from fieldapp.ui.kit.tasks import Progress, run_task
from fieldapp.ui.kit.widgets import Banner, Card, labelled, muted_label, primary_button, title_label

__all__ = [
    "DEFAULT_INTERVAL_MS",
    "OutboxModel",
    "PaddedDelegate",
    "SyncBadge",
    "SyncScheduler",
    "SyncView",
    "item_table",
    "local_time",
]

# "Retries on its own every few minutes" (DESIGN.md § Sync); backoff lives in the outbox.
DEFAULT_INTERVAL_MS: Final = 3 * 60_000
FIRST_CHECK_MS: Final = 20_000  # shortly after unlocking, not during it
BADGE_REFRESH_MS: Final = 30_000  # "il y a 2 min" ages without a run


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


def _hour(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


# --- Outbox table ---------------------------------------------------------------------------


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


def item_table(model: QAbstractTableModel, name: str, parent: QWidget) -> QTableView:
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
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


class OutboxModel(QAbstractTableModel):
    """One row per batch kept in the outbox, newest first (as `SyncService.outbox()` gives)."""

    BATCH, EVENTS, STATE, LAST_ATTEMPT, REASON = range(5)
    _ICONS: Final = {"delivered": "ok", "failed": "warning", "sealed": "sync", "delivering": "sync"}

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = [
            self.tr("Lot"),
            self.tr("Événements"),
            self.tr("État"),
            self.tr("Dernier essai"),
            self.tr("Raison"),
        ]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:  # noqa: N802
        return 0 if parent is not None and parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry, column = self._rows[index.row()], index.column()
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
                return self.tr("%1 tentative(s)").replace("%1", str(entry.get("attempts", 0)))
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

    def _text(self, entry: dict[str, Any], column: int) -> str:
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


# --- Badge ----------------------------------------------------------------------------------


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
        self._timer = QTimer(self)
        self._timer.setInterval(BADGE_REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Accepts and ignores a report, so it can be connected to `synced` signals."""
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
        self._timer.stop()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 -- Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


# --- Background retries ---------------------------------------------------------------------


class SyncScheduler(QObject):
    """Opportunistic delivery: a timer, `due_for_retry()`, then `sync(only_due=True)`.

    Both calls run off the UI thread (the due check reads the store; the run talks to the
    destination). A tick while the previous run is still going does nothing. Failures are not
    shown as dialogs: the outbox keeps their reason and the badge says "lots en attente".
    """

    started = Signal()
    synced = Signal(object)  # SyncReport, or None when nothing was due
    failed = Signal(object)  # the exception (SyncError: not joined, no destination…)

    def __init__(
        self,
        service: SyncService,
        *,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.timeout.connect(self.tick)
        self.running = False
        self.last_report: SyncReport | None = None
        self.last_error: BaseException | None = None

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        self._first.start(max(0, first_check_ms))
        self.timer.start()

    def stop(self) -> None:
        self._first.stop()
        self.timer.stop()

    def is_active(self) -> bool:
        return self.timer.isActive()

    def tick(self) -> bool:
        """Check now, in the background; False when a check is already running."""
        if self.running:
            return False
        self.running = True
        self.started.emit()
        service = self.service

        def work(_progress: Progress) -> SyncReport | None:
            if not service.due_for_retry():
                return None
            return service.sync(only_due=True)

        run_task(work, context=self, on_done=self._done, on_error=self._failed)
        return True

    def _done(self, report: object) -> None:
        self.running = False
        self.last_error = None
        if isinstance(report, SyncReport):
            self.last_report = report
        self.synced.emit(report)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        self.last_error = error
        self.failed.emit(error)


# --- The page -------------------------------------------------------------------------------


FOLDER, WEBDAV = 0, 1


class SyncView(QWidget):
    """The *Synchronisation* page (see the module docstring)."""

    synced = Signal(object)  # SyncReport of a run started here
    joined = Signal()  # the profile joined a coordination from this page
    drop_saved = Signal()

    def __init__(
        self,
        service: SyncService,
        scheduler: SyncScheduler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.service = service
        self.scheduler = scheduler
        self.dirty = True  # the workspace refreshes a dirty page when it is shown
        self._syncing = False
        self._testing = False
        self._joining = False
        self._is_joined = False
        self._saved_form: tuple[int, str, str, str] = (FOLDER, "", "", "")
        self.last_report: SyncReport | None = None
        self._build()
        if scheduler is not None:
            scheduler.started.connect(self._background_started)
            scheduler.synced.connect(self._background_done)
            scheduler.failed.connect(self._background_done)
        self.refresh()

    @property
    def busy(self) -> bool:
        return self._syncing or self._testing or self._joining

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)

        head = QHBoxLayout()
        head.addWidget(title_label(self.tr("Synchronisation"), self))
        head.addStretch(1)
        self.badge = SyncBadge(self.service, self)
        self.badge.setCursor(Qt.CursorShape.ArrowCursor)
        head.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addLayout(head)
        outer.addWidget(
            muted_label(
                self.tr(
                    "Vos enregistrements partent en lots chiffrés et signés, que seule votre "
                    "coordination peut ouvrir. Sans connexion, ils attendent ici : Relais "
                    "réessaie de lui-même toutes les quelques minutes, et rien n'est perdu."
                ),
                self,
            )
        )

        cards = QHBoxLayout()
        cards.setSpacing(12)
        cards.addWidget(self._build_destination(), 3)
        cards.addWidget(self._build_coordination(), 2)
        outer.addLayout(cards)
        outer.addWidget(self._build_outbox(), 1)

    def _build_destination(self) -> Card:
        card = Card(self.tr("Destination"), self)
        kinds = QHBoxLayout()
        self.kind_group = QButtonGroup(card)
        self.folder_radio = QRadioButton(self.tr("&Dossier (partage, clé USB…)"), card)
        self.webdav_radio = QRadioButton(self.tr("Serveur &WebDAV (Nextcloud…)"), card)
        self.kind_group.addButton(self.folder_radio, FOLDER)
        self.kind_group.addButton(self.webdav_radio, WEBDAV)
        self.folder_radio.setChecked(True)
        kinds.addWidget(self.folder_radio)
        kinds.addWidget(self.webdav_radio)
        kinds.addStretch(1)
        card.body.addLayout(kinds)

        self.kind_stack = QStackedWidget(card)
        folder_page = QWidget(self.kind_stack)
        row = QHBoxLayout(folder_page)
        row.setContentsMargins(0, 4, 0, 0)
        self.folder_edit = QLineEdit(folder_page)
        self.folder_edit.setPlaceholderText(self.tr("Dossier de dépôt de la coordination"))
        self.folder_button = QPushButton(self.tr("Choisir…"), folder_page)
        row.addWidget(labelled(self.folder_edit, self.tr("D&ossier")))
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.folder_button)
        self.kind_stack.addWidget(folder_page)

        webdav_page = QWidget(self.kind_stack)
        webdav_form = QFormLayout(webdav_page)
        webdav_form.setContentsMargins(0, 4, 0, 0)
        self.url_edit = QLineEdit(webdav_page)
        self.url_edit.setPlaceholderText("https://nuage.exemple.fr/remote.php/dav/files/…/")
        webdav_form.addRow(labelled(self.url_edit, self.tr("&Adresse")), self.url_edit)
        self.user_edit = QLineEdit(webdav_page)
        webdav_form.addRow(labelled(self.user_edit, self.tr("&Identifiant")), self.user_edit)
        self.password_edit = QLineEdit(webdav_page)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        webdav_form.addRow(
            labelled(self.password_edit, self.tr("&Mot de passe")), self.password_edit
        )
        self.kind_stack.addWidget(webdav_page)
        card.body.addWidget(self.kind_stack)

        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Tester la connexion"), card)
        self.save_button = QPushButton(self.tr("&Enregistrer"), card)
        buttons.addWidget(self.test_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        card.body.addLayout(buttons)
        self.destination_note = QLabel(card)
        self.destination_note.setWordWrap(True)
        self.destination_note.setTextFormat(Qt.TextFormat.PlainText)
        self.destination_note.hide()
        card.body.addWidget(self.destination_note)
        card.body.addStretch(1)

        self.kind_group.idToggled.connect(self._kind_toggled)
        self.folder_button.clicked.connect(self.choose_folder)
        self.test_button.clicked.connect(self.test_connection)
        self.save_button.clicked.connect(self.save_destination)
        for edit in (self.folder_edit, self.url_edit, self.user_edit, self.password_edit):
            edit.textEdited.connect(self._form_edited)
        return card

    def _build_coordination(self) -> Card:
        card = Card(self.tr("Coordination"), self)
        self.coordination_form = QFormLayout()
        # Narrow card: a long territory name goes under its caption rather than being cut.
        self.coordination_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.territory_label = QLabel(card)
        self.territory_label.setStyleSheet("font-weight: 600;")
        self.coordination_key_label = QLabel(card)
        self.device_key_label = QLabel(card)
        for value in (self.coordination_key_label, self.device_key_label):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-family: monospace; font-weight: 600;")
        self.coordination_form.addRow(self.tr("Territoire :"), self.territory_label)
        self.coordination_form.addRow(
            self.tr("Clé de la coordination :"), self.coordination_key_label
        )
        self.coordination_form.addRow(self.tr("Empreinte de cet appareil :"), self.device_key_label)
        self.joined_box = QWidget(card)
        joined_layout = QVBoxLayout(self.joined_box)
        joined_layout.setContentsMargins(0, 0, 0, 0)
        joined_layout.addLayout(self.coordination_form)
        row = QHBoxLayout()
        self.enrolment_button = QPushButton(self.tr("Fichier d'enrô&lement…"), card)
        self.enrolment_button.setToolTip(
            self.tr("À remettre au coordinateur, qui lira avec vous l'empreinte de l'appareil.")
        )
        row.addWidget(self.enrolment_button)
        row.addStretch(1)
        joined_layout.addLayout(row)
        self.enrolment_note = muted_label("", card)
        self.enrolment_note.hide()
        joined_layout.addWidget(self.enrolment_note)
        card.body.addWidget(self.joined_box)

        # Not joined yet: the invitation file and its one-time code, given by the coordinator.
        self.join_box = QWidget(card)
        join_layout = QVBoxLayout(self.join_box)
        join_layout.setContentsMargins(0, 0, 0, 0)
        join_layout.addWidget(
            muted_label(
                self.tr(
                    "Ce carnet n'est rattaché à aucune coordination. Ouvrez l'invitation reçue "
                    "de votre coordinateur, avec son code à usage unique."
                ),
                card,
            )
        )
        join_form = QFormLayout()
        row = QHBoxLayout()
        self.invitation_edit = QLineEdit(card)
        self.invitation_button = QPushButton(self.tr("Choisir…"), card)
        row.addWidget(self.invitation_edit, 1)
        row.addWidget(self.invitation_button)
        join_form.addRow(labelled(self.invitation_edit, self.tr("In&vitation")), row)
        self.code_edit = QLineEdit(card)
        self.code_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        join_form.addRow(labelled(self.code_edit, self.tr("&Code")), self.code_edit)
        join_layout.addLayout(join_form)
        row = QHBoxLayout()
        self.join_button = primary_button(self.tr("&Rejoindre"), card)
        row.addWidget(self.join_button)
        self.join_progress = QProgressBar(card)
        self.join_progress.setRange(0, 0)
        self.join_progress.setTextVisible(False)
        self.join_progress.hide()
        row.addWidget(self.join_progress, 1)
        join_layout.addLayout(row)
        self.join_error = QLabel(card)
        self.join_error.setObjectName("fieldError")
        self.join_error.setWordWrap(True)
        self.join_error.hide()
        join_layout.addWidget(self.join_error)
        card.body.addWidget(self.join_box)
        card.body.addStretch(1)

        self.enrolment_button.clicked.connect(self.choose_enrolment_file)
        self.invitation_button.clicked.connect(self.choose_invitation)
        self.join_button.clicked.connect(self.join)
        return card

    def _build_outbox(self) -> Card:
        card = Card(self.tr("Boîte d'envoi"), self)
        row = QHBoxLayout()
        self.sync_button = primary_button(self.tr("&Synchroniser maintenant"), card)
        row.addWidget(self.sync_button)
        self.progress = QProgressBar(card)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(220)
        self.progress.hide()
        row.addWidget(self.progress)
        self.progress_label = muted_label("", card)
        self.progress_label.setWordWrap(False)
        row.addWidget(self.progress_label, 1)
        card.body.addLayout(row)

        self.result_ok = QLabel(card)
        self.result_ok.setWordWrap(True)
        self.result_ok.setStyleSheet(f"color: {style.SUCCESS};")
        self.result_ok.hide()
        card.body.addWidget(self.result_ok)
        self.result_error = Banner("", kind="error", parent=card)
        self.result_error.hide()
        card.body.addWidget(self.result_error)
        self.outbox_note = muted_label("", card)
        card.body.addWidget(self.outbox_note)

        self.model = OutboxModel(self)
        self.table = item_table(self.model, self.tr("Lots de la boîte d'envoi"), card)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(OutboxModel.REASON, QHeaderView.ResizeMode.Stretch)
        # Reasons wrap: row heights follow the width the reason column actually gets.
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        card.body.addWidget(self.table, 1)
        self.empty_label = muted_label(
            self.tr(
                "Aucun lot pour l'instant. Vos enregistrements seront scellés en lots au "
                "prochain envoi."
            ),
            card,
        )
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card.body.addWidget(self.empty_label, 1)

        self.sync_button.clicked.connect(self.sync_now)
        return card

    # -- refresh ---------------------------------------------------------------------------------

    def refresh(self, *, reload_form: bool = False) -> None:
        """Read the outbox, the destination and the coordination again (local queries).

        The destination form keeps what the user is typing, unless `reload_form`."""
        self.dirty = False
        status = self.service.status()
        self.badge.refresh()
        self._show_coordination(status)
        if reload_form or not self._form_is_dirty():
            self._load_form(status.get("destination"))
        rows = self.service.outbox()
        self.model.set_rows(rows)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(rows))
        self.empty_label.setVisible(not rows)
        self.outbox_note.setText(self._outbox_note(status))
        self.outbox_note.setVisible(bool(self.outbox_note.text()))
        self._update_buttons()

    def _outbox_note(self, status: dict[str, Any]) -> str:
        parts = []
        unsealed = int(status.get("unsealed_events") or 0)
        if unsealed:
            parts.append(
                self.tr(
                    "%1 modification(s) pas encore scellée(s) : elles partiront au prochain envoi."
                ).replace("%1", str(unsealed))
            )
        retry = self.service.next_retry_time()
        if retry is not None and self.scheduler is not None and self.scheduler.is_active():
            parts.append(self.tr("Nouvel essai automatique vers %1.").replace("%1", _hour(retry)))
        return " ".join(parts)

    def _show_coordination(self, status: dict[str, Any]) -> None:
        joined = self._is_joined = bool(status.get("joined"))
        self.joined_box.setVisible(joined)
        self.join_box.setVisible(not joined)
        if joined:
            coordination = status.get("coordination") or {}
            self.territory_label.setText(str(coordination.get("territory") or "—"))
            self.coordination_key_label.setText(str(coordination.get("hpke_fingerprint") or "—"))
            self.device_key_label.setText(self.service.device_fingerprint())

    def _update_buttons(self) -> None:
        joined = self._is_joined  # as of the last refresh: no query per keystroke
        self.sync_button.setEnabled(joined and not self._syncing)
        self.sync_button.setToolTip(
            "" if joined else self.tr("Rejoignez d'abord une coordination (à droite).")
        )
        self.test_button.setEnabled(not self._testing)
        self.save_button.setEnabled(self._form_is_dirty())
        self.join_button.setEnabled(not self._joining)

    # -- destination form ------------------------------------------------------------------------

    def _load_form(self, info: dict[str, Any] | None) -> None:
        kind = WEBDAV if info and info.get("kind") == "webdav" else FOLDER
        self.folder_edit.setText(str(info["location"]) if info and kind == FOLDER else "")
        self.url_edit.setText(str(info["location"]) if info and kind == WEBDAV else "")
        self.user_edit.setText(str(info.get("username") or "") if info else "")
        self.password_edit.clear()
        stored = bool(info and info.get("has_password"))
        # The password never comes back to the screen: an empty field keeps the stored one.
        self.password_edit.setPlaceholderText(
            self.tr("enregistré — laisser vide pour le garder") if stored else ""
        )
        (self.webdav_radio if kind == WEBDAV else self.folder_radio).setChecked(True)
        self._show_kind(kind)
        self._saved_form = self._form_values()

    def _form_values(self) -> tuple[int, str, str, str]:
        kind = self.kind_group.checkedId()
        if kind == WEBDAV:
            return (
                kind,
                self.url_edit.text().strip(),
                self.user_edit.text().strip(),
                (self.password_edit.text()),
            )
        return FOLDER, self.folder_edit.text().strip(), "", ""

    def _form_is_dirty(self) -> bool:
        return self._form_values() != self._saved_form

    def _kind_toggled(self, button_id: int, checked: bool) -> None:
        if checked:
            self._show_kind(button_id)
            self._form_edited()

    def _show_kind(self, kind: int) -> None:
        # A stack is as tall as its tallest page: let the hidden page take no room.
        for index in range(self.kind_stack.count()):
            page = self.kind_stack.widget(index)
            if page is None:
                continue
            policy = QSizePolicy.Policy.Preferred if index == kind else QSizePolicy.Policy.Ignored
            page.setSizePolicy(QSizePolicy.Policy.Preferred, policy)
        self.kind_stack.setCurrentIndex(kind)
        self.kind_stack.adjustSize()

    def _form_edited(self, *_args: object) -> None:
        self.destination_note.hide()
        self._update_buttons()

    def form_destination(self) -> DropSettings:
        """What the form describes; raises DropError (French) for something unusable."""
        kind, location, username, password = self._form_values()
        if kind == FOLDER:
            return DropSettings.parse(location)
        if not location.lower().startswith(("http://", "https://")):
            raise DropError(self.tr("Adresse WebDAV invalide : https://serveur/chemin/ attendu."))
        drop = DropSettings.webdav(location, username=username or None, password=password or None)
        if not password:
            stored = self.service.drop()
            if (
                stored is not None
                and stored.kind == "webdav"
                and stored.location == drop.location
                and stored.username == drop.username
            ):
                drop = stored
        return drop

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier de dépôt"), self.folder_edit.text() or str(Path.home())
        )
        if path:
            self.folder_edit.setText(path)
            self._form_edited()

    def save_destination(self) -> bool:
        try:
            drop = self.form_destination()
            self.service.set_drop(drop)
        except (DropError, SyncError) as exc:
            self._note(str(exc), ok=False)
            return False
        self._load_form(self.service.drop_info())
        self._note(
            self.tr("✓ Destination enregistrée : %1").replace("%1", drop.describe()), ok=True
        )
        self._update_buttons()
        self.badge.refresh()
        self.drop_saved.emit()
        return True

    def test_connection(self) -> bool:
        """Ask the destination in the form (saved or not) whether it answers, off the UI thread."""
        if self._testing:
            return False
        try:
            drop = self.form_destination()
        except DropError as exc:
            self._note(str(exc), ok=False)
            return False
        self._testing = True
        self._update_buttons()
        self._note(self.tr("Connexion à %1…").replace("%1", drop.describe()), ok=None)
        service = self.service

        def work(_progress: Progress) -> tuple[bool, str]:
            return service.test_connection(drop)

        run_task(work, context=self, on_done=self._tested, on_error=self._test_failed)
        return True

    def _tested(self, result: object) -> None:
        self._testing = False
        ok, message = result if isinstance(result, tuple) else (False, str(result))
        self._note(("✓ " if ok else "") + str(message), ok=bool(ok))
        self._update_buttons()

    def _test_failed(self, error: BaseException) -> None:
        self._testing = False
        self._note(str(error), ok=False)
        self._update_buttons()

    def _note(self, text: str, *, ok: bool | None) -> None:
        colour = {True: style.SUCCESS, False: style.DANGER, None: style.MUTED}[ok]
        self.destination_note.setStyleSheet(f"color: {colour};")
        self.destination_note.setText(text if ok is not False else "⚠ " + text)
        self.destination_note.show()

    # -- coordination ----------------------------------------------------------------------------

    def choose_invitation(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Invitation de la coordination"),
            str(Path.home()),
            self.tr("Invitations Relais (*.relais-invitation);;Tous les fichiers (*)"),
        )
        if path:
            self.invitation_edit.setText(path)

    def join(self) -> bool:
        """Open the invitation with its code (a slow key derivation: off the UI thread)."""
        path, code = self.invitation_edit.text().strip(), self.code_edit.text().strip()
        if not path:
            self._join_error(self.tr("Choisissez le fichier d'invitation."))
            return False
        if self._joining:
            return False
        self._joining = True
        self.join_error.hide()
        self.join_progress.show()
        self._update_buttons()
        service = self.service

        def work(_progress: Progress) -> dict[str, Any]:
            return service.join_coordination(Path(path), code)

        run_task(work, context=self, on_done=self._joined, on_error=self._join_failed)
        return True

    def _joined(self, _info: object) -> None:
        self._joining = False
        self.join_progress.hide()
        self.code_edit.clear()
        self.refresh(reload_form=True)  # the invitation may bring a destination
        self.joined.emit()

    def _join_failed(self, error: BaseException) -> None:
        self._joining = False
        self.join_progress.hide()
        self._join_error(str(error))
        self._update_buttons()

    def _join_error(self, text: str) -> None:
        self.join_error.setText("⚠ " + text)
        self.join_error.show()

    def choose_enrolment_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Fichier d'enrôlement"),
            str(Path.home() / "relais-enrolement.json"),
            self.tr("Fichiers JSON (*.json)"),
        )
        if path:
            self.write_enrolment(Path(path))

    def write_enrolment(self, path: Path) -> bool:
        try:
            info = self.service.enrolment(path)
        except SyncError as exc:
            self.enrolment_note.setText("⚠ " + str(exc))
            self.enrolment_note.show()
            return False
        self.enrolment_note.setText(
            self.tr(
                "Fichier enregistré : %1. Remettez-le au coordinateur et lisez-lui l'empreinte "
                "%2 : il doit voir la même."
            )
            .replace("%1", path.name)
            .replace("%2", str(info["fingerprint"]))
        )
        self.enrolment_note.show()
        return True

    # -- delivery --------------------------------------------------------------------------------

    def sync_now(self) -> bool:
        """Seal and deliver every pending batch, off the UI thread; False if already running."""
        if self._syncing:
            return False
        self._syncing = True
        self._update_buttons()
        self.result_ok.hide()
        self.result_error.hide()
        self.progress.setRange(0, 0)  # sealing first: length unknown yet
        self.progress.show()
        self.progress_label.setText(self.tr("Préparation des lots…"))
        # tasks.py carries (done, total) only: the worker leaves the latest message here.
        latest = {"text": ""}
        service = self.service

        def work(progress: Progress) -> SyncReport:
            def relay(done: int, total: int, message: str) -> None:
                latest["text"] = message
                progress(done, total)

            return service.sync(progress=relay)

        def progressed(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            if latest["text"]:
                self.progress_label.setText(latest["text"])

        run_task(
            work,
            context=self,
            on_done=self._synced,
            on_error=self._sync_failed,
            on_progress=progressed,
        )
        return True

    def _synced(self, report: object) -> None:
        assert isinstance(report, SyncReport)
        self._end_sync()
        self.last_report = report
        if report.ok:
            self.result_ok.setText("✓ " + report.message)
            self.result_ok.show()
        else:
            self.result_error.set_text(report.message)
            self.result_error.show()
        self.refresh()
        self.synced.emit(report)

    def _sync_failed(self, error: BaseException) -> None:
        self._end_sync()
        self.result_error.set_text(str(error))
        self.result_error.show()
        self.refresh()

    def _end_sync(self) -> None:
        self._syncing = False
        self.progress.hide()
        self.progress_label.clear()

    def _background_started(self) -> None:
        if not self._syncing:
            self.progress_label.setText(self.tr("Vérification automatique…"))

    def _background_done(self, _result: object) -> None:
        if not self._syncing:
            self.progress_label.clear()
            self.refresh()
