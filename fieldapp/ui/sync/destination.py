"""The *Destination* card of the sync page: a folder, or a WebDAV address with its account,
tested ("Tester la connexion") and saved in the encrypted profile through `SyncService.set_drop`.

`DestinationForm` is the page's base: `SyncView` adds the coordination, the outbox and the runs,
and says which buttons are enabled (`_update_buttons`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from fieldapp.errors import InputError, RelaisError
from fieldapp.services.sync import DropSettings, SyncService
from fieldapp.ui.kit import style
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.tasks import Progress, run_task
from fieldapp.ui.kit.widgets import Card, labelled
from fieldapp.ui.sync.badge import SyncBadge

__all__ = ["FOLDER", "WEBDAV", "DestinationForm"]

FOLDER, WEBDAV = 0, 1


class DestinationForm(QWidget):
    drop_saved = Signal()
    badge: SyncBadge  # the page's, refreshed when a destination is saved

    def __init__(self, service: SyncService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._testing = False
        self._saved_form: tuple[int, str, str, str] = (FOLDER, "", "", "")

    def _update_buttons(self) -> None:
        raise NotImplementedError

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
        """What the form describes; raises a RelaisError (DropError, InputError) if unusable."""
        kind, location, username, password = self._form_values()
        if kind == FOLDER:
            return DropSettings.parse(location)
        if not location.lower().startswith(("http://", "https://")):
            raise InputError("ui.sync.webdav_address")
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
        except RelaisError as exc:  # DropError included
            self._refused(exc)
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
        except RelaisError as exc:  # DropError included
            self._refused(exc)
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
        show_failure(error, self._refusal)
        self._update_buttons()

    def _refused(self, error: RelaisError) -> None:
        self._refusal(str(error))

    def _refusal(self, text: str) -> None:
        self._note(text, ok=False)

    def _note(self, text: str, *, ok: bool | None) -> None:
        colour = {True: style.SUCCESS, False: style.DANGER, None: style.MUTED}[ok]
        self.destination_note.setStyleSheet(f"color: {colour};")
        self.destination_note.setText(text if ok is not False else "⚠ " + text)
        self.destination_note.show()
