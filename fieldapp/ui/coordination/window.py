"""Opening a coordinator's workspace from the app, in a window of its own.

`OpenWorkspaceDialog` asks for the workspace folder and its passphrase and opens it off the UI
thread (Argon2id takes about half a second); `CoordinationWindow` then shows the dashboard and
the batches-and-devices view side by side in tabs. The field notebook stays as it was: the
coordination window is a separate top-level window, closed (and its store closed) when the user
closes it or when Relais locks.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import demo
from fieldapp.services.coordination import CoordinationService, NoWorkspace, WorkspaceProblem
from fieldapp.services.profile import Home, WrongPassphrase
from fieldapp.ui.coordination.dashboard import Dashboard
from fieldapp.ui.coordination.feedback_tab import FeedbackTab
from fieldapp.ui.coordination.view import CoordinationView
from fieldapp.ui.kit import tasks
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.geometry import fit_to_screen
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.widgets import labelled, muted_label, task_dialog_footer, title_label

LAST_WORKSPACE = "last_workspace"  # plain settings: a folder path, nothing about people


class OpenWorkspaceDialog(QDialog):
    """Folder + passphrase → an open CoordinationService (emitted by `opened`)."""

    opened = Signal(object)  # CoordinationService

    def __init__(self, home: Home | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.busy = False
        self.setWindowTitle(self.tr("Ouvrir un espace de coordination"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(self.tr("Ouvrir un espace de coordination"), self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "L'espace de coordination est le dossier créé lors de la mise en place de "
                    "la coordination (ou par la démonstration). Il contient les clés de la "
                    "coordination, chiffrées par sa phrase de passe."
                ),
                self,
            )
        )
        form = QFormLayout()
        row = QHBoxLayout()
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("Dossier de l'espace"))
        last = (home.read_settings().get(LAST_WORKSPACE) if home and home.exists() else None) or ""
        if not last and home is not None:
            # The demonstration made by `fieldapp demo` (scripts/start) has its space inside.
            last = str(demo.demo_workspace(home.root) or "")
        self.folder.setText(str(last))
        row.addWidget(self.folder, 1)
        self.browse = QPushButton(self.tr("Choisir…"), self)
        # Entrée in the folder field must never open the picker: it goes on to the passphrase.
        self.browse.setAutoDefault(False)
        self.browse.clicked.connect(self.choose_folder)
        self.folder.returnPressed.connect(self._folder_entered)
        row.addWidget(self.browse)
        form.addRow(labelled(self.folder, self.tr("&Dossier")), row)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(labelled(self.passphrase, self.tr("&Phrase de passe")), self.passphrase)
        layout.addLayout(form)
        self.error, self.progress, _cancel, self.open_button = task_dialog_footer(
            self, layout, self.tr("&Ouvrir")
        )
        self.open_button.clicked.connect(self.open_workspace)
        self.open_button.setDefault(True)
        self.folder.textChanged.connect(self._update)
        self.passphrase.textChanged.connect(self._update)
        self._update()
        (self.passphrase if last else self.folder).setFocus()

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, self.tr("Espace de coordination"), self.folder.text() or str(Path.home())
        )
        if path:
            self.folder.setText(path)
            self.passphrase.setFocus()

    def _folder_entered(self) -> None:
        if not self.open_button.isEnabled():  # enabled: the default button « Ouvrir » acts
            self.passphrase.setFocus()

    def _update(self) -> None:
        ready = bool(self.folder.text().strip() and self.passphrase.text()) and not self.busy
        self.open_button.setEnabled(ready)
        for widget in (self.folder, self.browse, self.passphrase):
            widget.setEnabled(not self.busy)

    def open_workspace(self) -> bool:
        """Open in the background; False when the form is incomplete or a try is running."""
        root = Path(self.folder.text().strip()).expanduser()
        passphrase = self.passphrase.text()
        if self.busy or not passphrase or not str(root):
            return False
        self.busy = True
        self.error.hide()
        self.progress.show()
        self._update()
        tasks.run_task(
            lambda _progress: CoordinationService.open(root, passphrase),
            context=self,
            on_done=lambda service: self._opened(root, service),
            on_error=self._failed,
            cleanup=lambda service: service.close(),  # the dialog went away meanwhile
        )
        return True

    def _opened(self, root: Path, service: CoordinationService) -> None:
        self.busy = False
        self.progress.hide()
        self.passphrase.clear()
        if self.home is not None and self.home.exists():
            self.home.write_settings({LAST_WORKSPACE: str(root)})
        self.opened.emit(service)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.progress.hide()
        self._update()
        if isinstance(error, WrongPassphrase):
            text = self.tr(
                "Phrase de passe incorrecte pour cet espace. C'est celle de la coordination, "
                "pas celle de votre carnet (sauf dans la démonstration)."
            )
        elif isinstance(error, WorkspaceProblem) and isinstance(error.problem, NoWorkspace):
            text = self.tr(
                "Ce dossier n'est pas un espace de coordination Relais : choisissez le dossier "
                "créé lors de la mise en place de la coordination."
            )
        else:  # the core's messages already say what to do; anything else is a bug
            show_failure(error, self._refused)
            return
        self._refused(text)

    def _refused(self, text: str) -> None:
        self.error.set_text(text)
        self.error.show()
        self.passphrase.selectAll()
        self.passphrase.setFocus()


class CoordinationWindow(QMainWindow):
    """The coordinator's window: *Tableau de bord* and *Lots et appareils* tabs."""

    closed = Signal()

    def __init__(self, service: CoordinationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service: CoordinationService | None = service
        info = service.workspace.public_info()
        self.setWindowTitle(
            self.tr("Relais — Coordination · %1").replace("%1", str(info.get("territory") or ""))
        )
        self.setWindowIcon(icon("relais"))
        fit_to_screen(self, 1280, 860)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.dashboard = Dashboard(service)
        self.view = CoordinationView(service)
        self.tabs.addTab(self.dashboard, self.tr("Tableau de bord"))
        self.tabs.addTab(self.view, self.tr("Lots et appareils"))
        self.feedback = FeedbackTab(service)
        self.tabs.addTab(self.feedback, self.tr("Signalements"))
        self.setCentralWidget(self.tabs)
        # New batches change every figure: the dashboard recomputes after each merge.
        # Bound methods, not lambdas holding this window (docs/reliability.md, the native abort).
        self.view.merged.connect(self._merged)
        self.view.close_requested.connect(self.close)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

    def _merged(self, _report: object) -> None:
        self.dashboard.reload()
        self.feedback.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        self.shutdown()
        event.accept()

    def shutdown(self, *, wait: bool = False) -> None:
        """Close the views now and the store once no background work uses it any more.

        Locking never waits for a long merge: its per-batch transactions keep the store
        consistent, and the store closes as soon as the run reports back. Quitting (`wait`)
        lets the run finish first, since the event loop that would close it is ending.
        """
        service, self.service = self.service, None
        if service is None:
            return
        for dialog in list(self.view.dialogs):
            dialog.reject()
        self.hide()
        if wait:
            tasks.wait_all()
            service.close()
        else:
            tasks.when_idle(service.close)
        self.closed.emit()
        self.deleteLater()
