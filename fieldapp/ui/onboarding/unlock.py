"""Unlock screen (passphrase, growing delay after mistakes) and recovery by recovery key."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import Text
from fieldapp.services import profile
from fieldapp.services.field import FieldService
from fieldapp.services.profile import Home
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.resources import pixmap
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import (
    Banner,
    Card,
    FieldError,
    labelled,
    link_button,
    muted_label,
    primary_button,
    task_dialog_footer,
    title_label,
)
from fieldapp.ui.onboarding.passphrase import PassphraseFields

MAX_DELAY_S = profile.MAX_DELAY_S
retry_delay = profile.retry_delay  # the one schedule: services/profile.py


class UnlockScreen(QWidget):
    """The passphrase, the notebook it opens (structure, « Démonstration »), and the countdown
    of the growing delay after wrong passphrases (`profile.UnlockDelay`, kept across restarts:
    the screen shows the wait left and keeps « Déverrouiller » disabled meanwhile)."""

    unlocked = Signal(object)  # FieldService

    # Tests shorten the wait; the doubling is the same.
    base_delay_s = 1.0

    def __init__(
        self,
        home: Home,
        *,
        reason: str = "",
        parent: QWidget | None = None,
        delay: profile.UnlockDelay | None = None,
    ) -> None:
        super().__init__(parent)
        # What opening had to repair and should say (a key file restored from its backup).
        self.notices: list[Text] = []
        self.setObjectName("page")
        self.home = home
        self.delay = delay or profile.UnlockDelay(home, base=self.base_delay_s)
        # Wrong passphrases in a row as this screen last heard (the service keeps the count).
        self.failures = self.delay.failures()
        self._wait_left = 0.0
        self._busy = False
        self.recovery_dialog: RecoveryDialog | None = None
        self._countdown = QTimer(self)
        self._countdown.setInterval(100)
        self._countdown.timeout.connect(self._tick)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = Card(parent=self)
        card.setMinimumWidth(460)
        card.setMaximumWidth(520)
        row.addWidget(card, 2)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        head = QHBoxLayout()
        logo = QLabel(card)
        logo.setPixmap(pixmap("lock", 36))
        head.addWidget(logo)
        head.addWidget(title_label(self.tr("Carnet verrouillé"), card), 1)
        card.body.addLayout(head)
        # Which notebook: its structure, and a demo notebook said as such (no real data there).
        self.notebook_label = QLabel(card)
        self.notebook_label.setObjectName("notebookLabel")
        self.notebook_label.setWordWrap(True)
        self.demo_badge = Banner(
            self.tr("Démonstration : ce carnet ne contient que des données fictives."),
            kind="info",
            parent=card,
        )
        card.body.addWidget(self.notebook_label)
        card.body.addWidget(self.demo_badge)
        self.show_label()
        self.reason_label = muted_label(reason, card)
        self.reason_label.setVisible(bool(reason))
        card.body.addWidget(self.reason_label)
        card.body.addWidget(
            muted_label(self.tr("Tapez votre phrase de passe pour ouvrir le carnet."), card)
        )

        self.passphrase = QLineEdit(card)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(self.tr("Afficher"), card)
        line = QHBoxLayout()
        line.addWidget(labelled(self.passphrase, self.tr("&Phrase de passe")))
        line.addWidget(self.passphrase, 1)
        line.addWidget(self.show_box)
        card.body.addLayout(line)

        self.error = Banner("", kind="error", parent=card)
        self.error.hide()
        card.body.addWidget(self.error)
        self.wait_label = muted_label("", card)
        self.wait_label.hide()
        card.body.addWidget(self.wait_label)
        self.progress = QProgressBar(card)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.progress_label = muted_label(self.tr("Ouverture du carnet chiffré…"), card)
        self.progress_label.hide()
        card.body.addWidget(self.progress_label)
        card.body.addWidget(self.progress)

        buttons = QHBoxLayout()
        self.forgot_button = link_button(self.tr("Phrase de passe oubliée ?"), card)
        self.unlock_button = primary_button(self.tr("Déverrouiller"), card)
        self.unlock_button.setDefault(True)
        buttons.addWidget(self.forgot_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        card.body.addSpacing(6)
        card.body.addLayout(buttons)

        self.passphrase.returnPressed.connect(self.try_unlock)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.forgot_button.clicked.connect(self.open_recovery)
        self.show_box.toggled.connect(
            lambda on: self.passphrase.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password
            )
        )
        self.passphrase.setFocus()
        if self.delay.wait_left() > 0:  # wrong passphrases before a restart still count
            self._countdown.start()
            self._tick(elapsed=False)

    def show_label(self) -> None:
        label = profile.notebook_label(self.home)
        self.notebook_label.setVisible(label is not None)
        self.demo_badge.setVisible(label is not None and label.demo)
        if label is not None:
            text = self.tr("Carnet de : %1").replace("%1", label.structure)
            if label.demo:
                text = self.tr("Démonstration — %1").replace("%1", text)
            self.notebook_label.setText(text)

    def showEvent(self, event: Any) -> None:  # noqa: N802 -- Qt override
        super().showEvent(event)
        self.passphrase.setFocus()

    def set_reason(self, reason: str) -> None:
        self.reason_label.setText(reason)
        self.reason_label.setVisible(bool(reason))

    def waiting(self) -> bool:
        return self._wait_left > 0

    def try_unlock(self) -> None:
        if self._busy or self.waiting() or not self.passphrase.text():
            return
        self._busy = True
        self._refresh_controls()
        home, secret = self.home, self.passphrase.text()
        self.notices.clear()
        notices = self.notices  # filled by the worker, read on the GUI thread once it is done

        delay = self.delay

        def work(_progress: Any) -> FieldService:
            return profile.open_profile(home, secret, notify=notices.append, delay=delay)

        run_task(
            work,
            context=self,
            on_done=self._done,
            on_error=self._failed,
            cleanup=lambda service: service.close(),
        )

    def _done(self, service: object) -> None:
        self._busy = False
        self.failures = 0
        self._wait_left = 0.0
        self.passphrase.clear()
        self.error.hide()
        self._refresh_controls()
        self.unlocked.emit(service)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, profile.WrongPassphrase):
            # The service counted it and set the wait (profile.UnlockDelay).
            self.failures = self.delay.failures()
            self._wait_left = self.delay.wait_left()
            self._refused(
                self.tr(
                    "Phrase de passe incorrecte. Vérifiez les majuscules et la disposition du "
                    "clavier (AZERTY ou QWERTY)."
                )
            )
            self._countdown.start()
            self._tick(elapsed=False)
        else:
            # The core's messages already say what to do (restore a backup, update Relais…).
            show_failure(error, self._refused)
        self._refresh_controls()

    def _refused(self, text: str) -> None:
        self.error.set_text(text)
        self.error.show()
        self.passphrase.selectAll()

    def _tick(self, elapsed: bool = True) -> None:
        del elapsed  # the wait is read from the service's clock, not counted in ticks
        self._wait_left = self.delay.wait_left()
        if self._wait_left <= 0:
            self._countdown.stop()
            self.wait_label.hide()
        else:
            seconds = max(1, round(self._wait_left + 0.49))
            self.wait_label.setText(
                self.tr("Nouvel essai possible dans %1 s.").replace("%1", str(seconds))
            )
            self.wait_label.show()
        self._refresh_controls()

    def _refresh_controls(self) -> None:
        idle = not self._busy and not self.waiting()
        self.unlock_button.setEnabled(idle)
        self.passphrase.setReadOnly(self._busy)
        self.progress.setVisible(self._busy)
        self.progress_label.setVisible(self._busy)
        self.forgot_button.setEnabled(not self._busy)
        if idle and self.isVisible():
            self.passphrase.setFocus()

    def open_recovery(self) -> RecoveryDialog:
        # open(), not exec(): no nested event loop, so the window stays responsive.
        dialog = RecoveryDialog(self.home, self)
        dialog.accepted.connect(self._recovered)
        dialog.finished.connect(dialog.deleteLater)
        self.recovery_dialog = dialog
        dialog.open()
        return dialog

    def _recovered(self) -> None:
        self.delay.succeeded()
        self.failures = 0
        self._wait_left = 0
        self.error.hide()
        self.set_reason(self.tr("Nouvelle phrase de passe enregistrée : déverrouillez avec elle."))
        self._refresh_controls()


class RecoveryDialog(QDialog):
    """Choose a new passphrase with the recovery key (the data key is only rewrapped)."""

    def __init__(self, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.setWindowTitle(self.tr("Phrase de passe oubliée"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Retrouver l'accès avec la clé de secours"), self))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Tapez la clé de secours notée à la création du profil (les tirets et les "
                    "majuscules sont facultatifs), puis choisissez une nouvelle phrase de passe."
                ),
                self,
            )
        )
        form = QFormLayout()
        self.key = QLineEdit(self)
        self.key.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        form.addRow(labelled(self.key, self.tr("&Clé de secours")), self.key)
        self.key_error = FieldError(self)
        form.addRow("", self.key_error)
        layout.addLayout(form)
        self.passphrase = PassphraseFields(self, label=self.tr("&Nouvelle phrase de passe"))
        layout.addWidget(self.passphrase)
        self.error, self.progress, self.cancel_button, self.save_button = task_dialog_footer(
            self, layout, self.tr("Enregistrer la nouvelle phrase de passe")
        )
        self.save_button.setDefault(True)  # Enter saves, never « Annuler » (the first button)
        self.save_button.clicked.connect(self.save)
        self.passphrase.valid_changed.connect(lambda _v: self._update())
        self.key.textChanged.connect(lambda _t: self._update())

    def _update(self) -> None:
        self.save_button.setEnabled(
            self.passphrase.is_valid()
            and bool(self.key.text().strip())
            and self.progress.isHidden()
        )

    def save(self) -> None:
        home, key, new = self.home, self.key.text(), self.passphrase.passphrase()
        self.key_error.clear_message()
        self.error.hide()
        self.progress.show()
        self._update()

        def work(_progress: Any) -> None:
            profile.recover(home, key, new)

        run_task(work, context=self, on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self._update()
        if isinstance(error, profile.WrongRecoveryKey):
            self.key_error.show_message(
                self.tr("Clé de secours incorrecte : vérifiez chaque groupe de quatre caractères.")
            )
            self.key.selectAll()  # what was typed stays, selected: retyping replaces it
            self.key.setFocus()
        else:
            show_failure(error, self._error)

    def _error(self, text: str) -> None:
        self.error.set_text(text)
        self.error.show()
