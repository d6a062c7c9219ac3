"""Synchronisation: where batches go, the outbox, "Synchroniser maintenant", badge and timer.

- `SyncView(service, scheduler=None)`: the page. Destination (a folder, or a WebDAV address with
  its account; saved in the encrypted profile through `SyncService.set_drop`), "Tester la
  connexion", the coordination this device joined (or a form to join one), the outbox as a
  table, and "Synchroniser maintenant" with a progress bar. Its `synced` signal carries each
  `SyncReport`.
- `SyncBadge` (badge.py), `SyncScheduler` (scheduler.py), `OutboxModel` (model.py) and the
  destination card (destination.py, the page's base class) live beside it.

Every call that may touch the network (sync, connection test, joining) runs through
`fieldapp.ui.kit.tasks.run_task`, so the window never freezes. Reading the outbox and the settings
is a local query on the encrypted store and stays on the UI thread. Before the session closes (lock,
quit), call `SyncScheduler.stop()` and `SyncBadge.stop()`.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import Text
from fieldapp.messages.plural import plural
from fieldapp.services.sync import SyncError, SyncReport, SyncService
from fieldapp.ui.kit import style
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.tables import item_table
from fieldapp.ui.kit.tasks import Progress, run_task
from fieldapp.ui.kit.widgets import Banner, Card, labelled, muted_label, primary_button, title_label
from fieldapp.ui.sync.badge import SyncBadge
from fieldapp.ui.sync.destination import DestinationForm
from fieldapp.ui.sync.model import OutboxModel
from fieldapp.ui.sync.scheduler import SyncScheduler

__all__ = ["SyncView"]


def _hour(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


class SyncView(DestinationForm):
    """The *Synchronisation* page (see the module docstring)."""

    synced = Signal(object)  # SyncReport of a run started here
    joined = Signal()  # the profile joined a coordination from this page

    def __init__(
        self,
        service: SyncService,
        scheduler: SyncScheduler | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(service, parent)
        self.setObjectName("page")
        self.scheduler = scheduler
        self.dirty = True  # the workspace refreshes a dirty page when it is shown
        self._syncing = False
        self._joining = False
        self._is_joined = False
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
                plural(
                    unsealed,
                    self.tr("%n modification pas encore scellée : elle partira au prochain envoi."),
                    self.tr(
                        "%n modifications pas encore scellées : elles partiront au prochain envoi."
                    ),
                )
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
        show_failure(error, self._join_error)
        self._update_buttons()

    def _join_error(self, text: str) -> None:
        self.join_error.setText("⚠ " + text)
        self.join_error.show()

    def _enrolment_error(self, text: str) -> None:
        self.enrolment_note.setText("⚠ " + text)
        self.enrolment_note.show()

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
            show_failure(exc, self._enrolment_error)
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
            lines = ["✓ " + report.message]
            if report.confirmations:
                received = Text("services.returns.received", n=report.confirmations)
                lines.append("✓ " + received.message())
            if report.returns_problem is not None:
                # Not a failure of the run: no device key yet (enrol again), or no answer.
                lines.append("⚠ " + report.returns_problem.message())
            self.result_ok.setText("\n".join(lines))
            self.result_ok.show()
        else:
            self.result_error.set_text(report.message)
            self.result_error.show()
        self.refresh()
        self.synced.emit(report)

    def _sync_failed(self, error: BaseException) -> None:
        self._end_sync()
        show_failure(error, self._sync_error)
        self.refresh()

    def _sync_error(self, text: str) -> None:
        self.result_error.set_text(text)
        self.result_error.show()

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
