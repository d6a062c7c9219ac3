"""First start: create the profile (structure, passphrase, recovery key) or open the demo."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fieldapp.messages import say
from fieldapp.services import demo, onboarding, profile
from fieldapp.services.field import FieldService
from fieldapp.services.onboarding import Onboarding, Step, StepRefused, key_characters
from fieldapp.services.profile import DEFAULT_KDF, Home, KdfParams
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.resources import pixmap
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import Card, mark_invalid, muted_label, primary_button, title_label
from fieldapp.ui.onboarding import recovery_sheet
from fieldapp.ui.onboarding.first_run_pages import FirstRunPages

DEMO_STRUCTURE = "Équipe de démonstration"  # same name as `fieldapp demo` gives its profile
DEMO_CONTACTS = 300

# The stack's pages: the step each one shows (what follows what is services/onboarding.py's).
WELCOME, STRUCTURE, PASSPHRASE, RECOVERY, CHECK, DONE, DEMO = range(7)
_PAGES = (
    Step.WELCOME,
    Step.STRUCTURE,
    Step.PASSPHRASE,
    Step.RECOVERY,
    Step.CHECK,
    Step.DONE,
    Step.DEMO,
)


def demo_home_for(home: Home) -> Home:
    """The demo lives beside the real profile, never inside it."""
    return Home(home.root.with_name(home.root.name + "-demonstration"))


__all__ = ["FirstRunWizard", "demo_home_for", "key_characters"]


class FirstRunWizard(FirstRunPages):
    """Steps: welcome → structure → passphrase → (profile created) → recovery key → check."""

    profile_ready = Signal(object, bool)  # (FieldService, is demo)
    language_chosen = Signal(str)

    def __init__(
        self,
        home: Home,
        *,
        kdf: KdfParams = DEFAULT_KDF,
        demo_home: Home | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.home = home
        self.kdf = kdf
        self.demo_home = demo_home or demo_home_for(home)
        self.service: FieldService | None = None
        self.onboarding = Onboarding()  # which step, what is typed, what may follow

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 24, 24, 24)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = Card(parent=self)
        self.card.setMinimumWidth(620)
        self.card.setMaximumWidth(720)
        row.addWidget(self.card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        brand = QHBoxLayout()
        logo = QLabel(self.card)
        logo.setPixmap(pixmap("relais", 40))
        brand.addWidget(logo)
        brand.addWidget(title_label("Relais", self.card))
        brand.addStretch(1)
        self.step_label = muted_label("", self.card)
        brand.addWidget(self.step_label)
        self.card.body.addLayout(brand)

        self.stack = QStackedWidget(self.card)
        self.card.body.addWidget(self.stack)
        self.stack.addWidget(self._welcome_page())
        self.stack.addWidget(self._structure_page())
        self.stack.addWidget(self._passphrase_page())
        self.stack.addWidget(self._recovery_page())
        self.stack.addWidget(self._check_page())
        self.stack.addWidget(self._done_page())
        self.stack.addWidget(self._demo_page())

        self.busy = QProgressBar(self.card)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.busy_label = muted_label("", self.card)
        self.busy_label.hide()
        self.card.body.addWidget(self.busy_label)
        self.card.body.addWidget(self.busy)

        nav = QHBoxLayout()
        self.back_button = QPushButton(self.tr("Retour"), self.card)
        self.next_button = primary_button(self.tr("Continuer"), self.card)
        self.next_button.setDefault(True)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        self.card.body.addSpacing(8)
        self.card.body.addLayout(nav)
        self._wire()
        self._go(WELCOME)

    def _wire(self) -> None:
        """The pages' widgets (built by FirstRunPages) to the steps' behaviour."""
        self.create_button.clicked.connect(
            lambda: self._go(self._page(self.onboarding.resolve_next()))
        )
        self.demo_button.clicked.connect(self.start_demo)
        self.language_combo.activated.connect(
            lambda _i: self.language_chosen.emit(str(self.language_combo.currentData()))
        )
        self.passphrase.valid_changed.connect(lambda _v: self._update_buttons())
        self.passphrase.confirm.returnPressed.connect(self._next)
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(self._save_pdf)
        for field in self.check_fields:
            field.textEdited.connect(lambda _t, f=field: self._check_typed(f))
            # Entrée continues from the check boxes, as from every other step's last field.
            field.returnPressed.connect(self._check_entered)
        self.back_button.clicked.connect(self._back)
        self.next_button.clicked.connect(self._next)

    # -- navigation ----------------------------------------------------------------------------

    def page(self) -> int:
        return self.stack.currentIndex()

    @property
    def recovery_key(self) -> str:
        return self.onboarding.data.recovery_key

    @property
    def check_positions(self) -> list[int]:
        return self.onboarding.data.check_positions

    def _page(self, step: Step) -> int:
        return _PAGES.index(step)

    def _go(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        steps = {STRUCTURE: 1, PASSPHRASE: 2, RECOVERY: 3, CHECK: 4, DONE: 5}
        self.step_label.setText(
            self.tr("Étape %1 sur 5").replace("%1", str(steps[index])) if index in steps else ""
        )
        labels = {
            DONE: self.tr("Ouvrir mon carnet"),
            PASSPHRASE: self.tr("Créer le profil chiffré"),
        }
        self.next_button.setText(labels.get(index, self.tr("Continuer")))
        self.back_button.setText(self.tr("Revoir la clé") if index == CHECK else self.tr("Retour"))
        focus: dict[int, QWidget] = {
            WELCOME: self.create_button,
            STRUCTURE: self.structure_name,
            PASSPHRASE: self.passphrase.first,
            RECOVERY: self.next_button,
        }
        if index == CHECK:
            self._prepare_check()
            focus[CHECK] = self.check_fields[0]
        self._update_buttons()
        if index in focus:
            focus[index].setFocus()

    def _collect(self) -> onboarding.OnboardingData:
        """What the pages hold, into the state machine's record (the pages keep their text)."""
        data = self.onboarding.data
        data.structure_name = self.structure_name.text()
        kind = self.structure_type.currentData()
        data.structure_type = str(kind) if self.structure_type.currentIndex() >= 0 else ""
        data.passphrase = self.passphrase.passphrase()
        data.confirmation = self.passphrase.confirm.text()
        data.check_typed = [f.text() for f in self.check_fields]
        return data

    def _update_buttons(self) -> None:
        index = self.page()
        step = _PAGES[index]
        busy = self.busy.isVisible()
        # The demo offers Back only once it failed (see _start_demo).
        self.back_button.setVisible(onboarding.offers_back(step) and step is not Step.DEMO)
        self.next_button.setVisible(index not in (WELCOME, DEMO))
        enabled = not busy and onboarding.can_continue(step, self._collect())
        self.next_button.setEnabled(enabled)
        self.back_button.setEnabled(not busy)

    def _back(self) -> None:
        if self.onboarding.can_go_back():
            self._go(self._page(self.onboarding.resolve_prev()))

    def _next(self) -> None:
        if not self.next_button.isEnabled() or not self.next_button.isVisible():
            return
        self._collect()
        if self.onboarding.step is Step.PASSPHRASE:
            self._create()
        elif self.onboarding.is_last():
            if self.service is not None:
                service, self.service = self.service, None
                self.profile_ready.emit(service, False)
        else:
            leaving = self.onboarding.step
            try:
                step = self.onboarding.resolve_next()
            except StepRefused as refused:
                self._refused(leaving, refused)
            else:
                self._refused(leaving, None)
                self._go(self._page(step))

    def _refused(self, step: Step, refused: StepRefused | None) -> None:
        """Mark the fields the state machine named, and say why under them (None: all good)."""
        fields = refused.fields if refused is not None else ()
        error = {Step.STRUCTURE: self.structure_error, Step.CHECK: self.check_error}.get(step)
        if error is not None and refused is not None:
            error.show_message(refused.message())
        elif error is not None:
            error.clear_message()
        if step is Step.STRUCTURE:
            mark_invalid(self.structure_name, "structure_name" in fields)
            mark_invalid(self.structure_type, "structure_type" in fields)
            if refused is not None:
                wrong_name = "structure_name" in fields
                (self.structure_name if wrong_name else self.structure_type).setFocus()
        elif step is Step.CHECK:
            for field, position in zip(self.check_fields, self.check_positions, strict=True):
                mark_invalid(field, f"check_typed.{position}" in fields)

    def _set_busy(self, text: str) -> None:
        self.busy_label.setText(text)
        self.busy_label.setVisible(bool(text))
        self.busy.setVisible(bool(text))
        self._update_buttons()

    # -- creation ------------------------------------------------------------------------------

    def _create(self) -> None:
        home, kdf = self.home, self.kdf
        data = copy.deepcopy(self.onboarding.data)  # the worker's own copy
        self.passphrase_error.clear_message()
        self._set_busy(self.tr("Création du carnet chiffré… (quelques secondes)"))

        def work(_progress: Any) -> tuple[FieldService, str]:
            return onboarding.create(home, data, kdf=kdf)

        run_task(
            work,
            context=self,
            on_done=self._created,
            on_error=self._create_failed,
            cleanup=lambda result: result[0].close(),
        )

    def _created(self, result: object) -> None:
        assert isinstance(result, tuple)
        service, key = result
        self.service = service
        step = self.onboarding.created(str(key))
        self.key_label.setText(self.recovery_key)
        self.passphrase.clear()
        self._set_busy("")
        self._go(self._page(step))

    def _create_failed(self, error: BaseException) -> None:
        self._set_busy("")
        if isinstance(error, profile.InvalidStructure):
            self._go(self._page(self.onboarding.resolve_prev()))
            show_failure(error, self.structure_error.show_message)
        else:
            show_failure(error, self.passphrase_error.show_message)

    # -- recovery key --------------------------------------------------------------------------

    def _structure_display(self) -> str:
        return self.structure_name.text().strip()

    def _print(self) -> None:
        if recovery_sheet.print_sheet(self, self.recovery_key, self._structure_display()):
            self.sheet_status.setText(self.tr("Feuille envoyée à l'imprimante."))

    def _save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Enregistrer la clé de secours"),
            str(Path.home() / "relais-cle-de-secours.pdf"),
            self.tr("Document PDF (*.pdf)"),
        )
        if path:
            try:
                recovery_sheet.save_pdf(Path(path), self.recovery_key, self._structure_display())
            except OSError:
                # A protected, full or vanished folder: say so, the key is still on screen.
                self.sheet_status.setText(say("ui.first_run.pdf_failed", folder=Path(path).parent))
                return
            self.sheet_status.setText(
                self.tr(
                    "PDF enregistré : %1. Imprimez-le, puis rangez-le hors de l'ordinateur."
                ).replace("%1", path)
            )

    def _prepare_check(self) -> None:
        numbers = ", ".join(str(p) for p in self.check_positions[:-1])
        self.check_intro.setText(
            self.tr(
                "Pour vérifier que la clé est bien notée, tapez ses caractères n° %1 et %2 "
                "(sans compter les tirets)."
            )
            .replace("%1", numbers)
            .replace("%2", str(self.check_positions[-1]))
        )
        for field, caption, position in zip(
            self.check_fields, self.check_labels, self.check_positions, strict=True
        ):
            caption.setText(self.tr("n° %1").replace("%1", str(position)))
            field.setAccessibleName(self.tr("Caractère n° %1").replace("%1", str(position)))
            field.clear()
        self.check_error.clear_message()

    def _check_entered(self) -> None:
        """Entrée in a check box: continue when all are typed, else go to the first empty one."""
        empty = next((f for f in self.check_fields if not f.text()), None)
        if empty is not None:
            empty.setFocus()
            return
        self._next()

    def _check_typed(self, field: QLineEdit) -> None:
        field.setText(field.text().upper())
        if field.text():
            index = self.check_fields.index(field)
            if index + 1 < len(self.check_fields):
                self.check_fields[index + 1].setFocus()
        self._update_buttons()

    # -- demo ----------------------------------------------------------------------------------

    def start_demo(self) -> None:
        """Open the demonstration notebook, creating it on first use (the window's « Démo »)."""
        self._go(self._page(self.onboarding.start_demo()))
        demo_home, kdf = self.demo_home, self.kdf

        def work(progress: Any) -> FieldService:
            if demo_home.exists():
                return profile.open_profile(demo_home, demo.DEMO_PASSPHRASE)
            service, _key = profile.create_profile(
                demo_home,
                demo.DEMO_PASSPHRASE,
                structure=DEMO_STRUCTURE,
                structure_type="prevention-specialisee",
                kdf=kdf,
                allow_weak=kdf.is_weak,
                demo=True,
            )
            try:
                demo.fill_demo(service, DEMO_CONTACTS, progress=progress)
            except BaseException:
                service.close()
                raise
            return service

        def progress(done: int, total: int) -> None:
            self.demo_progress.setRange(0, total)
            self.demo_progress.setValue(done)

        def failed(error: BaseException) -> None:
            show_failure(error, self.demo_error.show_message)
            self.back_button.show()
            self.back_button.setEnabled(True)

        run_task(
            work,
            context=self,
            on_done=lambda service: self.profile_ready.emit(service, True),
            on_error=failed,
            on_progress=progress,
            cleanup=lambda service: service.close(),
        )

    def discard(self) -> None:
        """The window closes mid-way: release the store opened at creation, if any."""
        if self.service is not None:
            self.service.close()
            self.service = None
