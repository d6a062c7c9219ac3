"""Paramètres: language (applied at once), auto-lock delay, passphrase, import, profile facts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import __version__
from fieldapp.domain.vocab import STRUCTURE_TYPES
from fieldapp.services import privacy, profile
from fieldapp.services.profile import Home
from fieldapp.ui.kit.failures import show_failure
from fieldapp.ui.kit.i18n import LANGUAGES, current_language, label
from fieldapp.ui.kit.session import Session
from fieldapp.ui.kit.tables import local_time
from fieldapp.ui.kit.tasks import run_task
from fieldapp.ui.kit.widgets import (
    Card,
    FieldError,
    labelled,
    muted_label,
    task_dialog_footer,
    title_label,
)
from fieldapp.ui.onboarding.passphrase import PassphraseFields

AUTOLOCK_RANGE = (1, 120)


class ChangePassphraseDialog(QDialog):
    def __init__(self, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.setWindowTitle(self.tr("Changer la phrase de passe"))
        self.setMinimumWidth(540)
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(self.tr("Changer la phrase de passe"), self, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "La clé de secours notée à la création reste valable. Les données ne sont "
                    "pas ré-chiffrées : seule la clé qui les protège l'est."
                ),
                self,
            )
        )
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.current = QLineEdit(self)
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(labelled(self.current, self.tr("Phrase &actuelle")), self.current)
        self.current_error = FieldError(self)
        form.addRow("", self.current_error)
        layout.addLayout(form)
        self.fields = PassphraseFields(self, label=self.tr("&Nouvelle phrase de passe"))
        layout.addWidget(self.fields)
        self.error, self.progress, self.cancel_button, self.save_button = task_dialog_footer(
            self, layout, self.tr("Changer")
        )
        self.save_button.setDefault(True)  # Enter changes, never « Annuler » (the first button)
        self.save_button.clicked.connect(self.save)
        self.fields.valid_changed.connect(lambda _v: self._update())
        self.current.textChanged.connect(lambda _t: self._update())

    def _update(self) -> None:
        self.save_button.setEnabled(
            self.fields.is_valid() and bool(self.current.text()) and self.progress.isHidden()
        )

    def save(self) -> None:
        home, old, new = self.home, self.current.text(), self.fields.passphrase()
        self.current_error.clear_message()
        self.error.hide()
        self.progress.show()
        self._update()

        def work(_progress: Any) -> None:
            profile.change_passphrase(home, old, new)

        run_task(work, context=self, on_done=lambda _r: self.accept(), on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.progress.hide()
        self._update()
        if isinstance(error, profile.WrongPassphrase):
            self.current_error.show_message(self.tr("Phrase de passe actuelle incorrecte."))
            self.current.selectAll()
            self.current.setFocus()
        else:
            show_failure(error, self._error)

    def _error(self, text: str) -> None:
        self.error.set_text(text)
        self.error.show()


AUDIT_SHOWN = 100
# Marked for lupdate in the AuditLog context; translated where shown.
_DETAIL_WORDS = {
    "count": QT_TRANSLATE_NOOP("AuditLog", "tentatives"),
    "rows": QT_TRANSLATE_NOOP("AuditLog", "lignes"),
    "imported": QT_TRANSLATE_NOOP("AuditLog", "importées"),
    "refused": QT_TRANSLATE_NOOP("AuditLog", "refusées"),
    "version": QT_TRANSLATE_NOOP("AuditLog", "version"),
    "format": QT_TRANSLATE_NOOP("AuditLog", "format"),
    "contacts": QT_TRANSLATE_NOOP("AuditLog", "contacts"),
    "handovers": QT_TRANSLATE_NOOP("AuditLog", "relais"),
}
# The labels of fieldapp.storage.audit.ACTIONS, for the English interface.
_ACTION_LABELS = {
    "unlock": QT_TRANSLATE_NOOP("AuditLog", "Ouverture du carnet"),
    "unlock_failed": QT_TRANSLATE_NOOP("AuditLog", "Phrases de passe erronées avant ouverture"),
    "export": QT_TRANSLATE_NOOP("AuditLog", "Export d'indicateurs"),
    "import": QT_TRANSLATE_NOOP("AuditLog", "Import de contacts (tableur)"),
    "pack_import": QT_TRANSLATE_NOOP("AuditLog", "Installation d'un pack de référence"),
    "erase": QT_TRANSLATE_NOOP("AuditLog", "Effacement d'une personne"),
    "purge": QT_TRANSLATE_NOOP("AuditLog", "Purge (durée de conservation)"),
}


def _audit_tr(text: object) -> str:
    return QCoreApplication.translate("AuditLog", str(text))


def audit_label(entry: dict[str, Any]) -> str:
    known = _ACTION_LABELS.get(str(entry["action"]))
    return _audit_tr(known) if known is not None else str(entry["label"])


def audit_detail(detail: dict[str, object]) -> str:
    """ "rows: 12, imported: 10" → "12 lignes, 10 importées" (words in the interface's language)."""
    parts = []
    for key, value in detail.items():
        word = _audit_tr(_DETAIL_WORDS[key]) if key in _DETAIL_WORDS else key
        parts.append(f"{word} {value}" if key in ("version", "format") else f"{value} {word}")
    return ", ".join(parts)


class SettingsPage(QScrollArea):
    language_requested = Signal(str)
    autolock_changed = Signal(int)
    lock_requested = Signal()
    import_requested = Signal()
    erase_requested = Signal()
    sync_requested = Signal()

    def __init__(self, session: Session, home: Home, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.home = home
        self.dirty = True
        self.setWidgetResizable(True)
        inner = QWidget()
        inner.setObjectName("page")
        self.setWidget(inner)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(14)
        layout.addWidget(title_label(self.tr("Paramètres"), inner))
        grid = QGridLayout()
        grid.setSpacing(14)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        settings = home.read_settings()

        card = Card(self.tr("Affichage"), inner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.language = QComboBox(card)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        form.addRow(labelled(self.language, self.tr("&Langue / Language")), self.language)
        card.body.addLayout(form)
        card.body.addWidget(
            muted_label(self.tr("Le changement de langue s'applique immédiatement."), card)
        )
        grid.addWidget(card, 0, 0)

        card = Card(self.tr("Sécurité"), inner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.autolock = QSpinBox(card)
        self.autolock.setRange(*AUTOLOCK_RANGE)
        self.autolock.setSuffix(self.tr(" min"))
        self.autolock.setValue(int(settings.get("autolock_minutes", 5)))
        form.addRow(
            labelled(self.autolock, self.tr("&Verrouillage après inactivité")), self.autolock
        )
        card.body.addLayout(form)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Le carnet se verrouille aussi quand la session de l'ordinateur est "
                    "verrouillée, et à la demande avec Ctrl+L."
                ),
                card,
            )
        )
        row = QHBoxLayout()
        self.lock_button = QPushButton(self.tr("Verrouiller maintenant"), card)
        self.passphrase_button = QPushButton(self.tr("Changer la phrase de passe…"), card)
        row.addWidget(self.lock_button)
        row.addWidget(self.passphrase_button)
        row.addStretch(1)
        card.body.addLayout(row)
        self.passphrase_status = muted_label("", card)
        self.passphrase_status.hide()
        card.body.addWidget(self.passphrase_status)
        grid.addWidget(card, 0, 1)

        card = Card(self.tr("Données"), inner)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Importer des contacts depuis un tableur enregistré en CSV (bailleurs, "
                    "permanences) : un rapport indique chaque ligne refusée et pourquoi."
                ),
                card,
            )
        )
        row = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Importer un tableur…"), card)
        row.addWidget(self.import_button)
        self.erase_button = QPushButton(self.tr("Effacer une personne…"), card)
        self.erase_button.setToolTip(
            self.tr("Droit d'effacement : toutes les rencontres d'un pseudonyme")
        )
        row.addWidget(self.erase_button)
        row.addStretch(1)
        card.body.addLayout(row)
        months = privacy.retention_months(session.service)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Durée de conservation : %1 mois (fixée par la coordination). Les "
                    "rencontres plus anciennes sont effacées, après un avis dans Aujourd'hui."
                ).replace("%1", str(months)),
                card,
            )
        )
        grid.addWidget(card, 1, 0)

        card = Card(self.tr("Coordination"), inner)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Le carnet rejoint sa coordination (invitation et code) et envoie ses lots "
                    "chiffrés depuis la page Synchronisation."
                ),
                card,
            )
        )
        row = QHBoxLayout()
        self.invitation_button = QPushButton(self.tr("Ouvrir la synchronisation"), card)
        self.invitation_button.clicked.connect(self.sync_requested.emit)
        row.addWidget(self.invitation_button)
        row.addStretch(1)
        card.body.addLayout(row)
        grid.addWidget(card, 1, 1)

        card = Card(self.tr("Profil"), inner)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        structure = session.structure
        kind = str(structure.get("type", ""))
        for caption, value in (
            (self.tr("Structure :"), str(structure.get("name", ""))),
            (self.tr("Type :"), label(STRUCTURE_TYPES, kind)),
            (self.tr("Dossier :"), str(home.root)),
            (self.tr("Version de Relais :"), __version__),
        ):
            text = QLabel(value, card)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(caption, text)
        card.body.addLayout(form)
        grid.addWidget(card, 2, 0, 1, 2)

        card = Card(self.tr("Journal d'audit"), inner)
        card.body.addWidget(
            muted_label(
                self.tr(
                    "Ce que ce carnet a fait, et quand : ouvertures, imports, exports, "
                    "effacements. Des nombres seulement, jamais le contenu des fiches."
                ),
                card,
            )
        )
        self.audit_table = QTableWidget(0, 3, card)
        self.audit_table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Action"), self.tr("Détail")]
        )
        self.audit_table.verticalHeader().hide()
        self.audit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.audit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.audit_table.horizontalHeader().setStretchLastSection(True)
        self.audit_table.setMinimumHeight(220)
        card.body.addWidget(self.audit_table)
        grid.addWidget(card, 3, 0, 1, 2)
        layout.addStretch(1)

        self.language.activated.connect(
            lambda _i: self.language_requested.emit(str(self.language.currentData()))
        )
        self.autolock.valueChanged.connect(self._autolock_changed)
        self.lock_button.clicked.connect(self.lock_requested.emit)
        self.import_button.clicked.connect(self.import_requested.emit)
        self.erase_button.clicked.connect(self.erase_requested.emit)
        self.passphrase_button.clicked.connect(self.change_passphrase)

    def refresh(self) -> None:
        self.dirty = False
        entries = self.session.service.audit_entries(AUDIT_SHOWN)
        self.audit_table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            cells = (local_time(entry["at"]), audit_label(entry), audit_detail(entry["detail"]))
            for column, text in enumerate(cells):
                self.audit_table.setItem(row, column, QTableWidgetItem(text))
        self.audit_table.resizeColumnsToContents()

    def _autolock_changed(self, minutes: int) -> None:
        self.home.write_settings({"autolock_minutes": minutes})
        self.autolock_changed.emit(minutes)

    def change_passphrase(self) -> ChangePassphraseDialog:
        dialog = ChangePassphraseDialog(self.home, self)
        dialog.accepted.connect(self._passphrase_changed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _passphrase_changed(self) -> None:
        self.passphrase_status.setText(self.tr("✓ Nouvelle phrase de passe enregistrée."))
        self.passphrase_status.show()
