"""The unlocked notebook: navigation bar, the eight screens, and the actions they share.

Keyboard: Ctrl+1…8 show the screens; when a dialog closes the focus goes back where it was, or
to the screen's list (`focus_home`), never to « Verrouiller ». After a save, `notice` carries
the confirmation the window shows in its status bar. A contact saved as « Relais effectué »
without a handover opens the handover dialog at once, so the two never disagree unnoticed.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import say
from fieldapp.messages.plural import plural
from fieldapp.services import directory, packs, privacy
from fieldapp.services.field import UnknownRecord
from fieldapp.services.profile import Home
from fieldapp.ui.directory.feedback_dialog import FeedbackDialog
from fieldapp.ui.directory.guide_dialog import GuideDialog
from fieldapp.ui.directory.view import DirectoryView
from fieldapp.ui.kit.i18n import short_date
from fieldapp.ui.kit.resources import icon, pixmap
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.widgets import Banner
from fieldapp.ui.notebook.activity_page import ActivityPage
from fieldapp.ui.notebook.contact_detail import VoidDialog
from fieldapp.ui.notebook.contact_form import ContactForm
from fieldapp.ui.notebook.contacts_page import ContactChooser, ContactsPage
from fieldapp.ui.notebook.erase_dialog import EraseDialog
from fieldapp.ui.notebook.handover_dialog import HandoverDialog
from fieldapp.ui.notebook.handovers import HandoversPage
from fieldapp.ui.notebook.import_dialog import ImportDialog
from fieldapp.ui.notebook.presence_form import ActionForm, OutingForm
from fieldapp.ui.notebook.received_page import ReceivedPage
from fieldapp.ui.notebook.settings_page import SettingsPage
from fieldapp.ui.notebook.today_page import TodayPage
from fieldapp.ui.sync.scheduler import SyncScheduler
from fieldapp.ui.sync.view import SyncView

# View names double as `fieldapp screenshot --view` names.
PAGES = (
    "aujourdhui",
    "contacts",
    "relais",
    "relais-recus",
    "activite",
    "annuaire",
    "synchronisation",
    "parametres",
)
_ICONS = {
    "aujourdhui": "today",
    "contacts": "contacts",
    "relais": "handover",
    "relais-recus": "ok",
    "activite": "activity",
    "annuaire": "directory",
    "synchronisation": "sync",
    "parametres": "settings",
}


class Workspace(QWidget):
    lock_requested = Signal()
    language_requested = Signal(str)
    autolock_changed = Signal(int)
    synced = Signal(object)  # a delivery run or a join from the Synchronisation page
    notice = Signal(str)  # a short confirmation for the status bar (« ✓ Contact enregistré »)

    def __init__(
        self,
        session: Session,
        home: Home,
        parent: QWidget | None = None,
        *,
        scheduler: SyncScheduler | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.home = home
        self.scheduler = scheduler  # the window's background sync, shown on its page
        self.pages: dict[str, QWidget] = {}
        self.form: ContactForm | None = None
        self.dialogs: list[QDialog] = []
        self.last_message: QMessageBox | None = None
        self._return_focus: dict[int, QWidget] = {}  # id(dialog) -> where the keyboard was
        self._handover_due: list[str] = []  # contacts saved as « Relais effectué », no handover

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        top = QFrame(self)
        top.setObjectName("topBar")
        bar = QHBoxLayout(top)
        bar.setContentsMargins(16, 8, 16, 8)
        logo = QLabel(top)
        logo.setPixmap(pixmap("relais", 28))
        bar.addWidget(logo)
        name = QLabel("Relais", top)
        name.setObjectName("subtitle")
        bar.addWidget(name)
        structure = QLabel("· " + str(session.structure.get("name", "")), top)
        structure.setObjectName("muted")
        bar.addWidget(structure)
        bar.addStretch(1)
        self.lock_button = QPushButton(icon("lock"), self.tr("Verrouiller"), top)
        self.lock_button.setToolTip(self.tr("Verrouiller le carnet (Ctrl+L)"))
        bar.addWidget(self.lock_button)
        outer.addWidget(top)
        self.demo_banner: Banner | None = None
        if session.demo:
            self.demo_banner = Banner(
                self.tr(
                    "Démonstration : toutes les données affichées sont fictives (quartiers, "
                    "partenaires, rencontres). Votre vrai carnet se crée au premier lancement, "
                    "avec « Créer mon profil »."
                ),
                parent=self,
            )
            wrap = QHBoxLayout()
            wrap.setContentsMargins(16, 8, 16, 0)
            wrap.addWidget(self.demo_banner)
            outer.addLayout(wrap)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        nav_frame = QFrame(self)
        nav_frame.setObjectName("navBar")
        nav_layout = QVBoxLayout(nav_frame)
        nav_layout.setContentsMargins(6, 12, 6, 12)
        self.nav = QListWidget(nav_frame)
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(20, 20))
        titles = {
            "aujourdhui": self.tr("Aujourd'hui"),
            "contacts": self.tr("Contacts"),
            "relais": self.tr("Relais"),
            "relais-recus": self.tr("Relais reçus"),
            "activite": self.tr("Mon activité"),
            "annuaire": self.tr("Annuaire"),
            "synchronisation": self.tr("Synchronisation"),
            "parametres": self.tr("Paramètres"),
        }
        for n, key in enumerate(PAGES, start=1):
            item = QListWidgetItem(icon(_ICONS[key]), titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{titles[key]} (Ctrl+{n})")
            self.nav.addItem(item)
        self.nav.setFixedWidth(210)
        nav_layout.addWidget(self.nav, 1)
        hint = QLabel(self.tr("Ctrl+N : nouveau contact\nCtrl+L : verrouiller"), nav_frame)
        hint.setObjectName("hint")
        hint.setContentsMargins(10, 0, 0, 0)
        nav_layout.addWidget(hint)
        body.addWidget(nav_frame)
        self.stack = QStackedWidget(self)
        body.addWidget(self.stack, 1)
        outer.addLayout(body, 1)

        self.nav.currentRowChanged.connect(lambda row: self.show_page(PAGES[row]))
        self.lock_button.clicked.connect(self.lock_requested.emit)
        session.changed.connect(self._data_changed)
        for n, key in enumerate(PAGES, start=1):
            QShortcut(QKeySequence(f"Ctrl+{n}"), self, lambda k=key: self.show_page(k))
        # Issue 17: a street round (« Présence ») and a joint action, from any screen.
        QShortcut(QKeySequence("Ctrl+T"), self, self.new_outing)
        QShortcut(QKeySequence("Ctrl+G"), self, self.new_action)
        self.show_page("aujourdhui")

    # -- pages ---------------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The screen for `key`, built on first use (keeps unlock-to-window fast)."""
        if key not in self.pages:
            page = self._build(key)
            self.pages[key] = page
            self.stack.addWidget(page)
        return self.pages[key]

    def _build(self, key: str) -> QWidget:
        session = self.session
        if key == "aujourdhui":
            today = TodayPage(session)
            today.new_requested.connect(self.new_contact)
            today.outing_requested.connect(self.new_outing)
            today.action_requested.connect(self.new_action)
            today.contact_from.connect(self.contact_from)
            today.handover_opened.connect(self.open_handover)
            today.show_contacts.connect(lambda: self.show_page("contacts"))
            today.show_handovers.connect(lambda: self.show_page("relais"))
            today.show_sync.connect(lambda: self.show_page("synchronisation"))
            return today
        if key == "contacts":
            contacts = ContactsPage(session)
            contacts.new_requested.connect(self.new_contact)
            contacts.import_requested.connect(self.import_spreadsheet)
            contacts.edit_requested.connect(self.edit_contact)
            contacts.void_requested.connect(self.void_contact)
            contacts.erase_requested.connect(self.erase_person)
            contacts.handover_requested.connect(self.propose_handover)
            contacts.handover_opened.connect(self.open_handover)
            return contacts
        if key == "relais":
            return HandoversPage(session)
        if key == "relais-recus":
            return ReceivedPage(session)
        if key == "activite":
            return ActivityPage(session)
        if key == "annuaire":
            annuaire = DirectoryView(
                lambda: directory.current_pack(self.session.service),
                self._handover_from_directory,
            )
            annuaire.install_requested.connect(lambda: self.install_pack(annuaire))
            annuaire.enable_feedback()
            annuaire.guide_requested.connect(lambda: self.print_guide(annuaire))
            annuaire.feedback_requested.connect(
                lambda sheet, structure: self.report_directory_feedback(annuaire, sheet, structure)
            )
            return annuaire
        if key == "synchronisation":
            view = SyncView(self.session.sync, self.scheduler)
            view.synced.connect(self.synced.emit)
            view.joined.connect(lambda: self.synced.emit(None))
            return view
        settings = SettingsPage(session, self.home)
        settings.language_requested.connect(self.language_requested.emit)
        settings.autolock_changed.connect(self.autolock_changed.emit)
        settings.lock_requested.connect(self.lock_requested.emit)
        settings.import_requested.connect(self.import_spreadsheet)
        settings.erase_requested.connect(lambda: self.erase_person(None))
        settings.sync_requested.connect(lambda: self.show_page("synchronisation"))
        return settings

    def current_page(self) -> str:
        return PAGES[max(self.nav.currentRow(), 0)]

    def show_page(self, key: str) -> QWidget:
        page = self.page(key)
        row = PAGES.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self.stack.setCurrentWidget(page)
        if key == "annuaire" and isinstance(page, DirectoryView):
            from fieldapp.services import employers

            # Issue 18: the employers' places this month, as this device's handovers use them.
            page.employer_places = employers.ranking_places(self.session.service)
        if getattr(page, "dirty", False):
            page.refresh()  # type: ignore[attr-defined]
        return page

    def _data_changed(self, _what: str) -> None:
        # Every screen may show what changed; the visible one reloads now, others on display.
        current = self.stack.currentWidget()
        for page in self.pages.values():
            if hasattr(page, "dirty"):
                page.dirty = True
        if current is not None and getattr(current, "dirty", False):
            current.refresh()  # type: ignore[attr-defined]

    def sync_changed(self) -> None:
        """A delivery ran: Aujourd'hui shows the outbox, so it reloads (now if visible)."""
        today = self.pages.get("aujourdhui")
        if isinstance(today, TodayPage):
            today.dirty = True
            if self.stack.currentWidget() is today:
                today.refresh()

    # -- actions -------------------------------------------------------------------------------

    def _open(self, dialog: QDialog) -> QDialog:
        """Window-modal and non-blocking, so locking can close it at any time."""
        focus = QApplication.focusWidget()
        if focus is not None and self.isAncestorOf(focus):
            self._return_focus[id(dialog)] = focus
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r, d=dialog: self._closed(d))
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
        if dialog is self.form:
            self.form = None
        was = self._return_focus.pop(id(dialog), None)
        dialog.deleteLater()
        # Give the keyboard back to the notebook (Ctrl+1…8 keep working without a click).
        self.window().activateWindow()
        self.restore_focus(was)
        if self._handover_due and self.form is None and not self.dialogs:
            QTimer.singleShot(0, self._propose_due_handover)

    def restore_focus(self, was: QWidget | None = None) -> QWidget | None:
        """The keyboard back where it was before a dialog, or on the screen's list or form;
        never on « Verrouiller » (the next Space would lock the notebook mid-task)."""
        if self.dialogs:
            return None
        usable = (
            was is not None
            and shiboken6.isValid(was)
            and was.isVisible()
            and was.isEnabled()
            and was is not self.lock_button
            and self.isAncestorOf(was)
        )
        if usable:
            assert was is not None
            was.setFocus(Qt.FocusReason.OtherFocusReason)
            return was
        page = self.stack.currentWidget()
        home = getattr(page, "focus_home", None)
        if callable(home):
            home()
        elif page is not None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)
            if not page.hasFocus():
                page.focusNextChild()
        # The window's own focus widget: the window may not be active again yet.
        focus = self.window().focusWidget()
        if focus is self.lock_button or focus is None or not self.isAncestorOf(focus):
            self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
        return self.window().focusWidget()

    def new_contact(self, draft: dict[str, Any] | None = None) -> ContactForm:
        if self.form is not None:
            self.form.raise_()
            self.form.activateWindow()
            return self.form
        form = ContactForm(self.session, parent=self)
        if draft:
            form.restore_draft(draft)
        self.form = form
        form.saved.connect(self._contact_saved)
        self._open(form)
        form.date_edit.setFocus()
        return form

    def new_outing(self) -> OutingForm | ActionForm | None:
        return self._presence_form(OutingForm)

    def new_action(self) -> OutingForm | ActionForm | None:
        return self._presence_form(ActionForm)

    def _presence_form(
        self, kind: type[OutingForm] | type[ActionForm]
    ) -> OutingForm | ActionForm | None:
        if self.dialogs:  # one dialog at a time, as for contacts
            self.dialogs[-1].raise_()
            return None
        form = kind(self.session, parent=self)
        form.contact_requested.connect(self.contact_from)
        self._open(form)
        form.date_edit.setFocus()
        return form

    def contact_from(self, start: dict[str, Any]) -> ContactForm:
        """« Nouveau contact » started from a round or an action: its date, place and link."""
        form = self.new_contact()
        form.start_from(start)
        form.place_type.setFocus()
        return form

    def edit_contact(self, contact_id: str) -> ContactForm | None:
        if self.form is not None:
            self.form.raise_()
            return self.form
        try:
            contact = self.session.service.contact(contact_id)
        except UnknownRecord:
            return None
        if contact["voided"]:
            return None
        form = ContactForm(self.session, contact=contact, parent=self)
        self.form = form
        form.saved.connect(self._contact_saved)
        self._open(form)
        return form

    def _contact_saved(self, contact_id: str) -> None:
        page = self.pages.get("contacts")
        if isinstance(page, ContactsPage) and page.isVisible():
            page.select(contact_id)
        service = self.session.service
        try:
            contact = service.contact(contact_id)
        except UnknownRecord:
            return
        self.notice.emit(say("ui.contact.saved", day=short_date(contact["date"])))
        wants_handover = contact.get("outcome") == "relais-effectue"
        due = wants_handover and contact_id not in self._handover_due
        if due and not service.handovers(contact_id=contact_id):
            self._handover_due.append(contact_id)

    def _propose_due_handover(self) -> None:
        """« Relais effectué » was chosen: the handover it speaks of, now (or say it is missing)."""
        due, self._handover_due = self._handover_due, []
        if not due or self.dialogs or not self.session.is_open:
            return  # another dialog came first: the contact's card still offers the handover
        contact_id = due[-1]
        service = self.session.service
        try:
            contact = service.contact(contact_id)
        except UnknownRecord:
            return
        if (
            contact["voided"]
            or contact.get("outcome") != "relais-effectue"
            or service.handovers(contact_id=contact_id)
        ):
            return
        dialog = self.propose_handover(contact_id)
        if isinstance(dialog, HandoverDialog):
            dialog.rejected.connect(lambda: self.notice.emit(say("ui.contact.handover_missing")))

    def void_contact(self, contact_id: str) -> QDialog:
        return self._open(VoidDialog(self.session, contact_id, self))

    def propose_handover(
        self, contact_id: str, *, partner: Mapping[str, Any] | None = None
    ) -> QDialog | None:
        try:
            contact = self.session.service.contact(contact_id)
        except UnknownRecord:
            return None
        dialog = HandoverDialog(self.session, contact, self, partner=partner)
        dialog.created.connect(lambda _hid: self.notice.emit(say("ui.handover.created")))
        return self._open(dialog)

    def _handover_from_directory(self, record: Mapping[str, Any]) -> None:
        self.choose_contact_for(record)

    def choose_contact_for(self, record: Mapping[str, Any]) -> ContactChooser:
        """« Créer un relais vers ce service »: choose the contact (the one selected in Contacts
        comes first), then the handover dialog opens with this service as partner."""
        page = self.pages.get("contacts")
        selected = page.detail.contact_id if isinstance(page, ContactsPage) else None
        partner = directory.handover_partner(directory.current_pack(self.session.service), record)
        chooser = ContactChooser(self.session, selected, self)
        chooser.chosen.connect(
            lambda contact_id: QTimer.singleShot(
                0, lambda: self.propose_handover(contact_id, partner=partner)
            )
        )
        self._open(chooser)
        chooser.table.setFocus()
        return chooser

    def open_handover(self, handover_id: str) -> None:
        page = self.show_page("relais")
        assert isinstance(page, HandoversPage)
        page.select(handover_id)

    def erase_person(self, pseudonym: str | None) -> QDialog:
        dialog = EraseDialog(self.session, pseudonym, self)
        dialog.erased.connect(self._erased)
        return self._open(dialog)

    def _erased(self, removed: object) -> None:
        """Say what went, as the command line does (the dialog has closed)."""
        assert isinstance(removed, privacy.Removed)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Personne effacée"),
            self.tr(
                "Effacé de ce carnet : %1, %2. La coordination l'effacera en fusionnant votre "
                "prochain envoi."
            )
            .replace("%1", plural(removed.contacts, self.tr("%n contact"), self.tr("%n contacts")))
            .replace(
                "%2",
                plural(
                    removed.handovers,
                    self.tr("%n relais", "singulier"),
                    self.tr("%n relais", "pluriel"),
                ),
            ),
            QMessageBox.StandardButton.Ok,
            self,
        )
        self.last_message = box
        self._open(box)

    def install_pack(self, view: DirectoryView, path: str | None = None) -> bool:
        """Verify and install a reference pack file; the directory shows it at once."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Installer un pack de référence"),
                str(Path.home()),
                self.tr("Pack Relais (*.relais-pack);;Tous les fichiers (*)"),
            )
        if not path:
            return False
        try:
            pack = packs.import_pack(self.session.service, Path(path))
        except packs.PackRefused as exc:
            reason = str(exc)  # a RelaisError: its message in the window's language
            if not exc.says_not_installed:
                reason = self.tr("Pack non installé : %1").replace("%1", reason)
            view.show_notice(reason, error=True)
            return False
        except OSError as exc:
            reason = exc.strerror or str(exc)
            view.show_notice(self.tr("Pack non installé : %1").replace("%1", reason), error=True)
            return False
        directory.current_pack(self.session.service, reload=True)
        view.refresh()
        view.show_notice(
            self.tr("✓ Pack n° %1 installé : l'annuaire est à jour.").replace(
                "%1", str(pack.version)
            )
        )
        return True

    def report_directory_feedback(
        self,
        view: DirectoryView,
        sheet: Mapping[str, Any],
        structure: Mapping[str, Any] | None,
    ) -> QDialog:
        """« Signaler une information à corriger » on the sheet shown in the Annuaire."""
        dialog = FeedbackDialog(self.session.service, sheet, structure, self)
        dialog.recorded.connect(
            lambda _id: view.show_notice(
                self.tr("✓ Signalement enregistré : il partira avec le prochain envoi.")
            )
        )
        return self._open(dialog)

    def print_guide(self, view: DirectoryView) -> QDialog:
        """« Imprimer le guide »: choose the neighbourhood, then where to save the PDF."""
        dialog = GuideDialog(self.session.service, self)
        dialog.written.connect(
            lambda path: view.show_notice(
                self.tr("✓ Guide enregistré : %1").replace("%1", str(path))
            )
        )
        return self._open(dialog)

    def import_spreadsheet(self) -> QDialog:
        return self._open(ImportDialog(self.session, self))

    # -- locking -------------------------------------------------------------------------------

    def teardown(self) -> dict[str, Any] | None:
        """Close every dialog and drop every loaded row; returns an unsaved new-contact draft."""
        draft = None
        if self.form is not None and self.form.contact is None and self.form.is_dirty():
            draft = self.form.draft()
        for dialog in list(self.dialogs):
            if isinstance(dialog, ContactForm):
                dialog.discard_silently()
            else:
                dialog.reject()
        self.dialogs.clear()
        self.form = None
        for page in self.pages.values():
            clear = getattr(page, "clear", None)
            if callable(clear) and isinstance(page, ContactsPage):
                clear()
        return draft
