"""Coordination: a coordinator's workspace — merge the drop, quarantine, devices, completeness.

`CoordinationView(service)` takes an open `CoordinationService` (the caller opens it, with the
workspace passphrase, off the UI thread, and closes it when the view goes away):

- "Fusionner" reads the inbox (by default the workspace's own drop) and merges every new batch,
  with a progress bar; the run's summary stays on screen;
- the quarantine lists each refused batch with its reason in plain French; "Réessayer" runs them
  again (after enrolling their device, for instance);
- devices: trusted, suspended, revoked, and those still unknown whose batches wait in quarantine,
  with their fingerprints; "Enrôler un appareil…" opens an enrolment file, shows its fingerprint
  and asks whether the device reads the same one before trusting it; suspend, restore, revoke
  (revoking asks for confirmation);
- completeness: per device, the sequence ranges received and the gaps.

Merging and retrying run through `fieldapp.ui.kit.tasks`; the other calls are short queries.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages.plural import plural
from fieldapp.services.coordination import (
    CoordinationError,
    CoordinationService,
    Enrolment,
    MergeReport,
)
from fieldapp.services.returns import ReturnsReport, publish_returns
from fieldapp.ui.coordination.enrol_dialog import EnrolDialog
from fieldapp.ui.coordination.models import (
    PENDING,
    CompletenessModel,
    DevicesModel,
    QuarantineModel,
    fit_rows,
    fitted_table,
    short_device,
)
from fieldapp.ui.kit import style
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.tasks import Progress, run_task
from fieldapp.ui.kit.widgets import Banner, Card, muted_label, primary_button, title_label

__all__ = ["CoordinationView"]

# --- The view -------------------------------------------------------------------------------


class CoordinationView(QScrollArea):
    """The *Coordination* view (see the module docstring)."""

    merged = Signal(object)  # MergeReport of a merge or a retry started here
    close_requested = Signal()

    def __init__(self, service: CoordinationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.dirty = True
        self._merging = False
        self.last_report: MergeReport | None = None
        self.dialogs: list[QDialog] = []
        self.setWidgetResizable(True)
        inner = QWidget()
        inner.setObjectName("page")
        self.setWidget(inner)
        self._build(inner)
        self.refresh()

    @property
    def busy(self) -> bool:
        return self._merging

    # -- layout ----------------------------------------------------------------------------------

    def _build(self, page: QWidget) -> None:
        outer = QVBoxLayout(page)
        outer.setContentsMargins(20, 16, 20, 16)
        outer.setSpacing(12)
        info = self.service.workspace.public_info()
        head = QHBoxLayout()
        head.addWidget(title_label(self.tr("Coordination"), page))
        territory = QLabel("· " + str(info.get("territory") or ""), page)
        territory.setObjectName("subtitle")
        head.addWidget(territory)
        head.addStretch(1)
        self.close_button = QPushButton(self.tr("Fermer l'espace"), page)
        self.close_button.clicked.connect(self.close_requested.emit)
        head.addWidget(self.close_button)
        outer.addLayout(head)
        outer.addWidget(
            muted_label(
                self.tr("Espace %1 · clé de la coordination %2")
                .replace("%1", str(info.get("workspace")))
                .replace("%2", str(info.get("hpke_fingerprint"))),
                page,
            )
        )
        outer.addWidget(self._build_merge(page, info))
        outer.addWidget(self._build_quarantine(page))
        outer.addWidget(self._build_devices(page))
        outer.addWidget(self._build_completeness(page))
        outer.addStretch(1)

    def _build_merge(self, page: QWidget, info: dict[str, Any]) -> Card:
        card = Card(self.tr("Fusion des lots"), page)
        row = QHBoxLayout()
        caption = QLabel(self.tr("&Dépôt"), card)
        self.source_edit = QLineEdit(card)
        caption.setBuddy(self.source_edit)
        self.source_edit.setAccessibleName(self.tr("Dépôt à lire"))
        drop = info.get("drop") or {}
        self.default_source = str(drop.get("location") or "")
        self.source_edit.setText(self.default_source)
        self.source_edit.setPlaceholderText(self.tr("Dossier ou adresse WebDAV du dépôt"))
        self.source_button = QPushButton(self.tr("Choisir…"), card)
        self.merge_button = primary_button(self.tr("&Fusionner"), card)
        row.addWidget(caption)
        row.addWidget(self.source_edit, 1)
        row.addWidget(self.source_button)
        row.addWidget(self.merge_button)
        # Issue 16: what receiving structures confirmed, back to each device (docs/returns.md).
        self.returns_button = QPushButton(self.tr("Publier les &retours"), card)
        self.returns_button.setToolTip(
            self.tr(
                "Dépose pour chaque appareil, dans ce dépôt, les accueils confirmés par les "
                "structures d'accueil : chiffrés pour lui seul et signés par la coordination."
            )
        )
        row.addWidget(self.returns_button)
        card.body.addLayout(row)
        progress_row = QHBoxLayout()
        self.progress = QProgressBar(card)
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(220)
        progress_row.addWidget(self.progress)
        self.progress_label = muted_label("", card)
        progress_row.addWidget(self.progress_label, 1)
        self.progress_box = QWidget(card)
        self.progress_box.setLayout(progress_row)
        progress_row.setContentsMargins(0, 0, 0, 0)
        self.progress_box.hide()
        card.body.addWidget(self.progress_box)
        self.summary_label = QLabel(card)
        self.summary_label.setWordWrap(True)
        self.summary_label.hide()
        card.body.addWidget(self.summary_label)
        self.merge_error = Banner("", kind="error", parent=card)
        self.merge_error.hide()
        card.body.addWidget(self.merge_error)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Chaque lot est vérifié (signature de l'appareil, destinataire, intégrité) "
                    "avant d'être importé en entier ; un lot refusé va en quarantaine, sans rien "
                    "importer. Fusionner deux fois le même lot ne change rien."
                ),
                card,
            )
        )
        self.source_button.clicked.connect(self.choose_source)
        self.merge_button.clicked.connect(self.merge)
        self.returns_button.clicked.connect(self.publish_returns)
        self.source_edit.returnPressed.connect(self.merge)
        return card

    def _build_quarantine(self, page: QWidget) -> Card:
        self.quarantine_card = Card(self.tr("Quarantaine"), page)
        card = self.quarantine_card
        self.quarantine_note = muted_label(
            self.tr(
                "Rien de ces lots n'a été importé. Corrigez la cause (par exemple, enrôlez "
                "l'appareil), puis réessayez."
            ),
            card,
        )
        card.body.addWidget(self.quarantine_note)
        self.quarantine_model = QuarantineModel(self)
        self.quarantine_table = fitted_table(
            self.quarantine_model,
            self.tr("Lots en quarantaine"),
            QuarantineModel.REASON,
            card,
            widths={QuarantineModel.FILE: 120},
        )
        card.body.addWidget(self.quarantine_table)
        self.quarantine_empty = QLabel("✓ " + self.tr("Aucun lot en quarantaine."), card)
        self.quarantine_empty.setStyleSheet(f"color: {style.SUCCESS};")
        card.body.addWidget(self.quarantine_empty)
        row = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("&Réessayer la quarantaine"), card)
        row.addWidget(self.retry_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.retry_button.clicked.connect(self.retry_quarantine)
        return card

    def _build_devices(self, page: QWidget) -> Card:
        self.devices_card = Card(self.tr("Appareils"), page)
        card = self.devices_card
        self.devices_model = DevicesModel(self)
        self.devices_table = fitted_table(
            self.devices_model, self.tr("Appareils"), DevicesModel.STRUCTURE, card
        )
        card.body.addWidget(self.devices_table)
        self.devices_empty = muted_label(
            self.tr(
                "Aucun appareil enrôlé. Chaque structure vous remet le fichier d'enrôlement de "
                "son appareil (Synchronisation → Fichier d'enrôlement)."
            ),
            card,
        )
        card.body.addWidget(self.devices_empty)
        row = QHBoxLayout()
        self.enrol_button = QPushButton(self.tr("&Enrôler un appareil…"), card)
        self.suspend_button = QPushButton(self.tr("&Suspendre"), card)
        self.restore_button = QPushButton(self.tr("Ré&tablir"), card)
        self.revoke_button = QPushButton(self.tr("Ré&voquer…"), card)
        for button in (
            self.enrol_button,
            self.suspend_button,
            self.restore_button,
            self.revoke_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.devices_note = QLabel(card)
        self.devices_note.setWordWrap(True)
        self.devices_note.hide()
        card.body.addWidget(self.devices_note)
        self.enrol_button.clicked.connect(self.choose_enrolment_file)
        self.suspend_button.clicked.connect(lambda: self.set_selected_status("suspended"))
        self.restore_button.clicked.connect(lambda: self.set_selected_status("trusted"))
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.devices_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        return card

    def _build_completeness(self, page: QWidget) -> Card:
        card = Card(self.tr("Complétude"), page)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Chaque appareil numérote ses événements sans trou : un manque signale un "
                    "lot pas encore reçu (ou égaré en route)."
                ),
                card,
            )
        )
        self.completeness_model = CompletenessModel(self)
        self.completeness_table = fitted_table(
            self.completeness_model,
            self.tr("Complétude par appareil"),
            CompletenessModel.GAPS,
            card,
        )
        card.body.addWidget(self.completeness_table)
        return card

    # -- refresh ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.dirty = False
        quarantined = self.service.quarantined()
        self.quarantine_model.set_rows(quarantined)
        self.quarantine_card.set_title(
            self.tr("Quarantaine (%1)").replace("%1", str(len(quarantined)))
            if quarantined
            else self.tr("Quarantaine")
        )
        self.quarantine_table.setVisible(bool(quarantined))
        self.quarantine_note.setVisible(bool(quarantined))
        self.quarantine_empty.setVisible(not quarantined)

        selected = self.selected_device()
        devices = self.service.devices()
        known = {d["device_id"] for d in devices}
        waiting: dict[str, int] = {}
        for row in quarantined:
            device_id = row.get("device_id")
            if row.get("reason_code") == "unknown_device" and device_id and device_id not in known:
                waiting[device_id] = waiting.get(device_id, 0) + 1
        pending = [
            {"device_id": d, "status": PENDING, "pending_batches": n, "status_at": None}
            for d, n in sorted(waiting.items())
        ]
        rows = devices + pending
        self.devices_model.set_rows(rows)
        self.devices_card.set_title(self.tr("Appareils (%1)").replace("%1", str(len(devices))))
        self.devices_table.setVisible(bool(rows))
        self.devices_empty.setVisible(not rows)
        if selected is not None:
            self.select_device(str(selected["device_id"]))

        self.completeness_model.set_rows(self.service.completeness())
        for table in (self.quarantine_table, self.devices_table, self.completeness_table):
            fit_rows(table)
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = not self._merging
        device = self.selected_device()
        status = device.get("status") if device else None
        self.merge_button.setEnabled(idle)
        self.returns_button.setEnabled(idle)
        self.retry_button.setEnabled(idle and self.quarantine_model.rowCount() > 0)
        self.enrol_button.setEnabled(idle)
        self.suspend_button.setEnabled(idle and status == "trusted")
        self.restore_button.setEnabled(idle and status == "suspended")
        self.revoke_button.setEnabled(idle and status in ("trusted", "suspended"))

    # -- devices ---------------------------------------------------------------------------------

    def selected_device(self) -> dict[str, Any] | None:
        rows = self.devices_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.devices_model.rows[rows[0].row()]

    def select_device(self, device_id: str) -> bool:
        for n, row in enumerate(self.devices_model.rows):
            if row.get("device_id") == device_id:
                self.devices_table.selectRow(n)
                return True
        return False

    def _devices_message(self, text: str, *, ok: bool) -> None:
        colour = style.SUCCESS if ok else style.DANGER
        self.devices_note.setStyleSheet(f"color: {colour};")
        self.devices_note.setText(("✓ " if ok else "⚠ ") + text)
        self.devices_note.show()

    def _devices_refusal(self, text: str) -> None:
        self._devices_message(text, ok=False)

    def choose_enrolment_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Fichier d'enrôlement"),
            str(Path.home()),
            self.tr("Fichiers d'enrôlement (*.json *.enrolment);;Tous les fichiers (*)"),
        )
        if path:
            self.open_enrolment(Path(path))

    def open_enrolment(self, path: Path) -> EnrolDialog | None:
        """Read the file, show its fingerprint and ask for the spoken check (non-blocking)."""
        try:
            enrolment = self.service.read_enrolment(path)
        except CoordinationError as exc:
            show_failure(exc, self._devices_refusal)
            return None
        dialog = EnrolDialog(enrolment, self)
        self.dialogs.append(dialog)
        dialog.accepted.connect(lambda: self.enrol(enrolment))
        dialog.finished.connect(lambda _r: self._dialog_closed(dialog))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        dialog.deleteLater()

    def enrol(self, enrolment: Enrolment) -> bool:
        try:
            device = self.service.enrol(enrolment)
        except CoordinationError as exc:
            show_failure(exc, self._devices_refusal)
            return False
        waiting = sum(
            1 for q in self.service.quarantined() if q.get("device_id") == enrolment.device_id
        )
        text = (
            self.tr("Appareil enrôlé : %1 (empreinte %2).")
            .replace("%1", str(device.get("structure_name") or enrolment.device_id))
            .replace("%2", enrolment.fingerprint)
        )
        if waiting:
            text += " " + plural(
                waiting,
                self.tr(
                    "%n lot de cet appareil attend en quarantaine : « Réessayer la quarantaine » "
                    "le fusionnera."
                ),
                self.tr(
                    "%n lots de cet appareil attendent en quarantaine : « Réessayer la "
                    "quarantaine » les fusionnera."
                ),
            )
        self.refresh()
        self.select_device(enrolment.device_id)
        self._devices_message(text, ok=True)
        return True

    def set_selected_status(self, status: str) -> bool:
        device = self.selected_device()
        if device is None or device.get("status") == PENDING:
            return False
        try:
            self.service.set_device_status(str(device["device_id"]), status)
        except CoordinationError as exc:
            show_failure(exc, self._devices_refusal)
            return False
        name = str(device.get("structure_name") or short_device(device.get("device_id")))
        messages = {
            "suspended": self.tr("%1 : appareil suspendu, ses lots attendront en quarantaine."),
            "trusted": self.tr("%1 : appareil rétabli."),
            "revoked": self.tr(
                "%1 : appareil révoqué ; ses lots signés après ce moment seront refusés."
            ),
        }
        self.refresh()
        self._devices_message(messages[status].replace("%1", name), ok=True)
        return True

    def revoke_selected(self) -> QMessageBox | None:
        """Ask first (window-modal, non-blocking): a revoked device cannot be restored."""
        device = self.selected_device()
        if device is None or device.get("status") not in ("trusted", "suspended"):
            return None
        name = str(device.get("structure_name") or short_device(device.get("device_id")))
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Révoquer l'appareil ?"),
            self.tr(
                "Révoquer l'appareil de « %1 » (empreinte %2) ? Ses lots signés après la "
                "révocation iront en quarantaine, et il ne pourra pas être rétabli : il faudra "
                "enrôler un nouvel appareil."
            )
            .replace("%1", name)
            .replace("%2", str(device.get("fingerprint"))),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        yes = QMessageBox.StandardButton.Yes
        box.button(yes).setText(self.tr("Révoquer"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        device_id = str(device["device_id"])

        def answered(button: QAbstractButton) -> None:
            if box.standardButton(button) == yes and self.select_device(device_id):
                self.set_selected_status("revoked")

        box.buttonClicked.connect(answered)
        self.dialogs.append(box)
        box.finished.connect(lambda _r: self._dialog_closed(box))
        box.open()
        return box

    # -- merge -----------------------------------------------------------------------------------

    def choose_source(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Dossier du dépôt"), self.source_edit.text() or str(Path.home())
        )
        if path:
            self.source_edit.setText(path)

    def merge(self) -> bool:
        """Merge every new batch of the inbox, off the UI thread; False if not started."""
        if self._merging:
            return False
        text = self.source_edit.text().strip()
        if not text:
            self.merge_error.set_text(
                self.tr("Indiquez le dossier ou l'adresse WebDAV du dépôt à lire.")
            )
            self.merge_error.show()
            return False
        service = self.service

        def work(progress: Callable[[int, int, str], None]) -> MergeReport:
            return service.merge(text, progress=progress)

        return self._run(work, self.tr("Lecture du dépôt…"))

    def publish_returns(self) -> bool:
        """`coord returns` from the window, off the UI thread; False if not started."""
        if self._merging:
            return False
        text = self.source_edit.text().strip() or None
        service = self.service
        self._merging = True
        self._update_buttons()
        self.merge_error.hide()
        self.summary_label.hide()
        self.progress.setRange(0, 0)
        self.progress_label.setText(self.tr("Publication des retours…"))
        self.progress_box.show()

        def task(_progress: Progress) -> ReturnsReport:
            return publish_returns(service, text)

        run_task(task, context=self, on_done=self._published, on_error=self._merge_failed)
        return True

    def _published(self, report: object) -> None:
        assert isinstance(report, ReturnsReport)
        self._merging = False
        self.progress_box.hide()
        *notices, summary = [text.message() for text in report.lines()]
        mark, colour = ("⚠ ", style.WARNING) if notices else ("✓ ", style.SUCCESS)
        self.summary_label.setStyleSheet(f"color: {colour};")
        self.summary_label.setText("\n".join([mark + summary, *notices]))
        self.summary_label.show()
        self.refresh()

    def retry_quarantine(self) -> bool:
        if self._merging:
            return False
        service = self.service

        def work(progress: Callable[[int, int, str], None]) -> MergeReport:
            return service.retry_quarantine(progress=progress)

        return self._run(work, self.tr("Nouvel essai des lots en quarantaine…"))

    def _run(
        self, work: Callable[[Callable[[int, int, str], None]], MergeReport], first: str
    ) -> bool:
        self._merging = True
        self._update_buttons()
        self.merge_error.hide()
        self.summary_label.hide()
        self.progress.setRange(0, 0)
        self.progress_label.setText(first)
        self.progress_box.show()
        # tasks.py carries (done, total) only: the worker leaves the batch's name here.
        latest = {"name": ""}

        def task(progress: Progress) -> MergeReport:
            def relay(done: int, total: int, name: str) -> None:
                latest["name"] = name
                progress(done, total)

            return work(relay)

        def progressed(done: int, total: int) -> None:
            self.progress.setRange(0, max(total, 1))
            self.progress.setValue(done)
            if done < total and latest["name"]:
                self.progress_label.setText(
                    self.tr("Lot %1 sur %2 : %3")
                    .replace("%1", str(done + 1))
                    .replace("%2", str(total))
                    .replace("%3", latest["name"])
                )

        run_task(
            task,
            context=self,
            on_done=self._merged,
            on_error=self._merge_failed,
            on_progress=progressed,
        )
        return True

    def _merged(self, report: object) -> None:
        assert isinstance(report, MergeReport)
        self._merging = False
        self.progress_box.hide()
        self.last_report = report
        quarantined = len(report.batches_quarantined)
        mark, colour = ("⚠ ", style.WARNING) if quarantined else ("✓ ", style.SUCCESS)
        self.summary_label.setStyleSheet(f"color: {colour};")
        self.summary_label.setText(mark + report.summary() + ".")
        self.summary_label.show()
        self.refresh()
        self.merged.emit(report)

    def _merge_failed(self, error: BaseException) -> None:
        self._merging = False
        self.progress_box.hide()
        show_failure(error, self._merge_error)
        self.refresh()

    def _merge_error(self, text: str) -> None:
        self.merge_error.set_text(text)
        self.merge_error.show()
