"""The one top-level window: first run, unlock screen, or the unlocked workspace.

Locking (inactivity, Ctrl+L, session lock) closes the dialogs, clears the models, deletes the
workspace and closes the service (the SQLCipher engine and its connections), then shows the
unlock screen. An unsaved new contact is kept in memory only and offered again after unlocking,
so locking never loses typing.
"""

from __future__ import annotations

import gc
import logging
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from fieldapp.services import privacy
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.profile import DEFAULT_KDF, Home, KdfParams
from fieldapp.ui.app.autolock import IdleWatcher, SessionLockWatcher
from fieldapp.ui.app.workspace import Workspace
from fieldapp.ui.coordination.window import CoordinationWindow, OpenWorkspaceDialog
from fieldapp.ui.kit import i18n, tasks
from fieldapp.ui.kit.geometry import fit_to_screen
from fieldapp.ui.kit.resources import icon
from fieldapp.ui.kit.session import Session
from fieldapp.ui.onboarding.first_run import DEMO_STRUCTURE, FirstRunWizard, demo_home_for
from fieldapp.ui.onboarding.unlock import UnlockScreen
from fieldapp.ui.sync.badge import SyncBadge
from fieldapp.ui.sync.scheduler import SyncScheduler

DEFAULT_SIZE = (1280, 800)
NOTICE_MS = 8_000  # how long a confirmation stays in the status bar
log = logging.getLogger(__name__)


class RelaisWindow(QMainWindow):
    unlocked = Signal()
    locked = Signal()

    def __init__(
        self,
        home: Home,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        demo_home: Home | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.home = home
        self.kdf = kdf
        self.demo_home = demo_home or demo_home_for(home)
        self.session: Session | None = None
        self.workspace: Workspace | None = None
        self.unlock_screen: UnlockScreen | None = None
        self.wizard: FirstRunWizard | None = None
        self.draft: dict[str, Any] | None = None
        self.sync_badge: SyncBadge | None = None
        self.scheduler: SyncScheduler | None = None
        self.coordination_windows: list[CoordinationWindow] = []
        self.open_dialog: OpenWorkspaceDialog | None = None
        # Home the open session came from (the demo lives in its own folder).
        self.session_home = home
        self.setWindowIcon(icon("relais"))
        self.setMinimumSize(960, 640)
        fit_to_screen(self, *DEFAULT_SIZE)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)

        minutes = int(home.read_settings().get("autolock_minutes", 5))
        self.idle = IdleWatcher(max(minutes, 1) * 60_000, self)
        self.idle.idle.connect(self._idle_lock)
        self.session_watch = SessionLockWatcher(self, self)
        self.session_watch.session_locked.connect(self._session_lock)
        new = QShortcut(QKeySequence.StandardKey.New, self, self.new_contact)
        new.setContext(Qt.ShortcutContext.ApplicationShortcut)
        # Ctrl+L is caught for the whole application, not as a shortcut: Qt mutes window
        # shortcuts while a modal dialog (the contact form) is open, and locking must not be.
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._build_menu()
        self._retitle()

    def _build_menu(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.open_coordination_action = QAction(icon("sync"), "", self)
        self.open_coordination_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.open_coordination_action.triggered.connect(self.open_coordination)
        self.file_menu.addAction(self.open_coordination_action)
        self.file_menu.addSeparator()
        # Ctrl+L itself is caught by eventFilter (it must work over modal dialogs too).
        self.lock_action = QAction("", self)
        self.lock_action.triggered.connect(self._lock_from_menu)
        self.file_menu.addAction(self.lock_action)
        self.quit_action = QAction("", self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)
        self._retranslate_menu()

    def _retranslate_menu(self) -> None:
        """The menu's words, again after a language switch (the menu bar is never rebuilt)."""
        self.file_menu.setTitle(self.tr("&Fichier"))
        self.open_coordination_action.setText(self.tr("Ouvrir un espace de &coordination…"))
        self.lock_action.setText(self.tr("&Verrouiller\tCtrl+L"))
        self.quit_action.setText(self.tr("&Quitter"))

    # -- states --------------------------------------------------------------------------------

    def start(self) -> None:
        if self.home.exists():
            self.show_unlock()
        else:
            self.show_first_run()

    def _swap(self, widget: QWidget) -> None:
        old = self.stack.currentWidget()
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        if old is not None and old is not widget:
            self.stack.removeWidget(old)
            old.deleteLater()

    def show_first_run(self) -> FirstRunWizard:
        wizard = FirstRunWizard(self.home, kdf=self.kdf, demo_home=self.demo_home)
        wizard.profile_ready.connect(self._profile_ready)
        wizard.language_chosen.connect(self.set_language)
        self.wizard = wizard
        self.unlock_screen = None
        self._swap(wizard)
        return wizard

    def show_demo(self) -> FirstRunWizard:
        """Open (creating it if needed) the demonstration notebook beside the real one."""
        wizard = self.show_first_run()
        wizard.start_demo()
        return wizard

    def show_unlock(self, reason: str = "") -> UnlockScreen:
        screen = UnlockScreen(self.home, reason=reason)
        screen.unlocked.connect(self._unlocked)
        self.unlock_screen = screen
        self.wizard = None
        self._swap(screen)
        screen.passphrase.setFocus()
        return screen

    def _profile_ready(self, service: object, demo: bool) -> None:
        assert isinstance(service, FieldService)
        if demo:
            # From now on this window locks to, and unlocks, the demo notebook.
            self.session_home = self.demo_home
        self.open_session(service, demo=demo)

    # Signals of the window's own pages and dialogs go to bound methods, never to lambdas that
    # capture `self`: a page deleted later (deleteLater) frees its connections in its destructor,
    # and a lambda holding the last reference to this window would destroy the window, and the
    # page with it a second time, from inside that destructor (the native abort of the Qt tests,
    # docs/reliability.md). A bound method is not a reference PySide keeps.
    def _lock_from_menu(self) -> None:
        self.lock()

    def _unlocked(self, service: object) -> None:
        screen = self.sender()
        notices = list(screen.notices) if isinstance(screen, UnlockScreen) else []
        self.open_session(service)
        if notices:  # e.g. the key file restored from its backup copy
            self.statusBar().showMessage(" ".join(n.message() for n in notices), 20_000)

    def open_session(self, service: object, *, demo: bool | None = None) -> Workspace:
        assert isinstance(service, FieldService)
        if demo is None:
            demo = service.structure.get("name") == DEMO_STRUCTURE
        # Records past the retention period leave at unlock (announced beforehand in Aujourd'hui).
        try:
            privacy.apply_retention(service)
        except Exception as exc:  # the notebook still opens; the next unlock tries again
            log.warning("Purge de conservation impossible : %s", exc.__class__.__name__)
        self.session = Session(service, demo=demo)
        self._start_sync(self.session)
        workspace = self._new_workspace()
        self.wizard = None
        self.unlock_screen = None
        self._swap(workspace)
        workspace.nav.setFocus()
        self._retitle()
        self.idle.start()
        self.unlocked.emit()
        if self.draft is not None:
            draft, self.draft = self.draft, None
            workspace.new_contact(draft)
        return workspace

    def _new_workspace(self) -> Workspace:
        assert self.session is not None
        workspace = Workspace(self.session, self.session_home, scheduler=self.scheduler)
        workspace.lock_requested.connect(self.lock)
        workspace.language_requested.connect(self.set_language)
        workspace.autolock_changed.connect(self.set_autolock_minutes)
        workspace.synced.connect(self._sync_changed)
        workspace.notice.connect(self.show_notice)
        self.workspace = workspace
        return workspace

    # -- background sync -----------------------------------------------------------------------

    def _start_sync(self, session: Session) -> None:
        """The status-bar badge and the timer that delivers batches whenever a link is up."""
        badge = SyncBadge(session.sync, self)
        badge.clicked.connect(self.show_sync_page)
        # A save adds a change to send: the badge says so at once, as Aujourd'hui's card does.
        session.changed.connect(badge.refresh)
        self.statusBar().addPermanentWidget(badge)
        scheduler = SyncScheduler(session.sync, parent=self)
        scheduler.synced.connect(self._background_synced)
        scheduler.failed.connect(self._sync_changed)
        scheduler.start()
        self.sync_badge, self.scheduler = badge, scheduler

    def _sync_changed(self, *_args: object) -> None:
        if self.sync_badge is not None and self.session is not None:
            self.sync_badge.refresh()
        if self.workspace is not None:
            self.workspace.sync_changed()

    def _background_synced(self, report: object) -> None:
        if report is not None:  # None: the timer found nothing due, nothing to redraw
            self._sync_changed()

    def show_notice(self, text: str) -> None:
        """A short confirmation in the status bar (« ✓ Contact enregistré »)."""
        self.statusBar().showMessage(text, NOTICE_MS)

    def show_sync_page(self) -> None:
        if self.workspace is not None:
            self.workspace.show_page("synchronisation")

    def _end_session(self, session: Session) -> None:
        """Stop the badge and the timer, then close the store — after a run still in flight."""
        badge, scheduler = self.sync_badge, self.scheduler
        self.sync_badge = self.scheduler = None
        if badge is not None:
            badge.stop()
            self.statusBar().removeWidget(badge)
            badge.deleteLater()
        if scheduler is not None:
            scheduler.stop()
            scheduler.synced.disconnect(self._background_synced)
            scheduler.failed.disconnect(self._sync_changed)

        # Locking must not wait for background work (a slow server, an import): the window
        # locks now, and the store closes once no task uses it any more.
        def finish() -> None:
            session.close()
            if scheduler is not None:
                scheduler.deleteLater()

        tasks.when_idle(finish)

    def bring_forward(self) -> None:
        """Another launch on this profile: show this window instead of opening a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def new_contact(self) -> None:
        """Ctrl+N from any screen of the unlocked notebook."""
        if self.workspace is not None:
            self.workspace.new_contact()

    def is_unlocked(self) -> bool:
        return self.session is not None

    # -- coordination ----------------------------------------------------------------------------

    def open_coordination(self) -> OpenWorkspaceDialog:
        """Ask for a workspace and its passphrase; it opens in a window beside the notebook."""
        if self.open_dialog is not None:
            self.open_dialog.raise_()
            return self.open_dialog
        dialog = OpenWorkspaceDialog(self.home, self)
        dialog.opened.connect(self._coordination_opened)
        dialog.finished.connect(self._open_dialog_closed)
        self.open_dialog = dialog
        dialog.open()
        dialog.activateWindow()  # the keyboard goes to the dialog, not the notebook behind
        return dialog

    def _open_dialog_closed(self, _result: int) -> None:
        dialog = self.sender()
        if not isinstance(dialog, OpenWorkspaceDialog):
            return
        if self.open_dialog is dialog:
            self.open_dialog = None
        dialog.deleteLater()

    def _coordination_opened(self, service: object) -> CoordinationWindow:
        assert isinstance(service, CoordinationService)
        window = CoordinationWindow(service)
        window.closed.connect(self._coordination_closed)
        self.coordination_windows.append(window)
        window.show()
        window.raise_()
        window.activateWindow()
        self.idle.start()  # the decrypted consolidated store locks on inactivity too
        return window

    def _coordination_closed(self) -> None:
        window = self.sender()
        if window in self.coordination_windows:
            self.coordination_windows.remove(window)
        if self.session is None and not self.coordination_windows:
            self.idle.stop()

    def _close_coordination(self, *, wait: bool = False) -> bool:
        windows = list(self.coordination_windows)
        for window in windows:
            window.shutdown(wait=wait)
        if self.open_dialog is not None:
            self.open_dialog.reject()
        return bool(windows)

    # -- locking -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 -- Qt override
        if (
            event.type() == QEvent.Type.KeyPress
            and (self.session is not None or self.coordination_windows)
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_L
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
        ):
            self.lock()
            return True
        return False

    def _idle_lock(self) -> None:
        minutes = max(1, round(self.idle.timeout_ms / 60_000))
        self.lock(self.tr("Verrouillé après %1 min sans activité.").replace("%1", str(minutes)))

    def _session_lock(self) -> None:
        self.lock(self.tr("Verrouillé avec la session de l'ordinateur."))

    def lock(self, reason: str = "") -> None:
        closed_coordination = self._close_coordination()
        if self.session is None:
            self.idle.stop()
            if closed_coordination and self.unlock_screen is not None and reason:
                self.unlock_screen.reason_label.setText(reason)
                self.unlock_screen.reason_label.show()
            return
        self.idle.stop()
        if self.workspace is not None:
            self.draft = self.workspace.teardown() or self.draft
        self._end_session(self.session)
        self.session = None
        self.workspace = None
        # The unlock screen belongs to the notebook that was open (demo or real).
        screen = UnlockScreen(self.session_home, reason=reason)
        screen.unlocked.connect(self._unlocked)
        self.unlock_screen = screen
        self._swap(screen)
        screen.passphrase.setFocus()
        self._retitle()
        gc.collect()  # drop the decrypted rows now, not at some later collection
        self.locked.emit()

    def set_autolock_minutes(self, minutes: int) -> None:
        self.idle.set_timeout_ms(max(minutes, 1) * 60_000)

    def set_autolock_ms(self, milliseconds: int) -> None:
        """Shorter than a minute: for tests and demonstrations only."""
        self.idle.set_timeout_ms(milliseconds)

    # -- language ------------------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Applied live: translators swapped, then the current screen rebuilt in `lang`."""
        if lang not in i18n.LANGUAGES:
            return
        self.home.prepare()
        self.home.write_settings({"language": lang})
        i18n.apply_language(lang)
        if self.workspace is not None and self.session is not None:
            page = self.workspace.current_page()
            draft = self.workspace.teardown()
            workspace = self._new_workspace()
            self._swap(workspace)
            workspace.show_page(page)
            if draft is not None:
                workspace.new_contact(draft)
            if self.sync_badge is not None:
                self.sync_badge.refresh()  # its words come from the service, in French
        elif self.wizard is not None and self.wizard.page() == 0:
            self.show_first_run()
        elif self.unlock_screen is not None:
            self.show_unlock()
        self._retranslate_menu()
        self._retitle()

    def _retitle(self) -> None:
        if self.session is not None:
            name = str(self.session.structure.get("name", ""))
            self.setWindowTitle(f"Relais — {name}")
        else:
            self.setWindowTitle("Relais")

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 -- Qt override
        if self.workspace is not None:
            form = self.workspace.form
            if form is not None and form.is_dirty() and not form.confirm_discard():
                event.ignore()
                return
            self.workspace.teardown()
        self._close_coordination(wait=True)
        if self.session is not None:
            self._end_session(self.session)
            self.session = None
        # Quitting: let background work finish (a delivery is bounded by the HTTP timeouts)
        # rather than tear a store from under it, then close what locking left to close.
        tasks.wait_all()
        tasks.flush_idle()
        if self.wizard is not None:
            self.wizard.discard()
        self.idle.uninstall()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        event.accept()
