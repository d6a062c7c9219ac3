"""The first-run assistant's seven pages as widgets (welcome, structure, passphrase, recovery key,
check, done, demonstration); `FirstRunWizard` (first_run.py) wires them to the steps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.vocab import STRUCTURE_TYPES
from fieldapp.services.onboarding import CHECK_COUNT
from fieldapp.ui.kit.i18n import LANGUAGES, current_language, label
from fieldapp.ui.kit.resources import pixmap
from fieldapp.ui.kit.widgets import (
    Banner,
    FieldError,
    labelled,
    muted_label,
    primary_button,
    title_label,
)
from fieldapp.ui.onboarding.passphrase import PassphraseFields

__all__ = ["CHECK_COUNT", "FirstRunPages"]


class FirstRunPages(QWidget):
    """The pages' widgets, built once; the attributes they set are the wizard's controls."""

    def _welcome_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Bienvenue dans Relais"), page, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Relais est votre carnet de terrain : il note les rencontres et les relais "
                    "accompagnés, sans aucun nom, dans un stockage chiffré sur cet ordinateur. "
                    "Il fonctionne sans connexion."
                ),
                page,
            )
        )
        layout.addSpacing(12)
        self.create_button = primary_button(self.tr("Créer mon profil"), page)
        self.create_button.setMinimumHeight(40)
        self.demo_button = QPushButton(self.tr("Découvrir avec des données de démonstration"), page)
        self.demo_button.setMinimumHeight(40)
        layout.addWidget(self.create_button)
        layout.addWidget(self.demo_button)
        layout.addWidget(
            muted_label(
                self.tr(
                    "La démonstration s'ouvre dans un dossier à part, avec des données fictives : "
                    "votre vrai profil reste à créer."
                ),
                page,
            )
        )
        layout.addSpacing(12)
        lang_row = QHBoxLayout()
        self.language_combo = QComboBox(page)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        lang_row.addWidget(labelled(self.language_combo, self.tr("&Langue / Language")))
        lang_row.addWidget(self.language_combo)
        lang_row.addStretch(1)
        layout.addLayout(lang_row)
        return page

    def _structure_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Votre structure"), page, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Son nom et son type accompagnent vos données quand elles partent vers la "
                    "coordination ; aucune donnée sur vous n'est demandée."
                ),
                page,
            )
        )
        form = QFormLayout()
        self.structure_name = QLineEdit(page)
        self.structure_name.setMaxLength(120)
        self.structure_name.setPlaceholderText(self.tr("par exemple : Club de prévention du Val"))
        self.structure_type = QComboBox(page)
        self.structure_type.setPlaceholderText(self.tr("— choisir —"))
        for term in STRUCTURE_TYPES:
            self.structure_type.addItem(label(STRUCTURE_TYPES, term.code), term.code)
        self.structure_type.setCurrentIndex(-1)
        self.structure_error = FieldError(page)
        form.addRow(labelled(self.structure_name, self.tr("&Nom")), self.structure_name)
        form.addRow(labelled(self.structure_type, self.tr("&Type")), self.structure_type)
        form.addRow("", self.structure_error)
        layout.addLayout(form)
        layout.addStretch(1)
        return page

    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Votre phrase de passe"), page, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Elle ouvre le carnet chiffré à chaque démarrage. Personne ne peut la "
                    "retrouver pour vous : l'étape suivante vous donne une clé de secours."
                ),
                page,
            )
        )
        self.passphrase = PassphraseFields(page)
        layout.addWidget(self.passphrase)
        self.passphrase_error = FieldError(page)
        layout.addWidget(self.passphrase_error)
        layout.addStretch(1)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Votre clé de secours"), page, sub=True))
        layout.addWidget(
            Banner(
                self.tr(
                    "Notez-la maintenant, à la main ou sur papier imprimé : Relais ne "
                    "l'affichera plus jamais. Sans elle, une phrase de passe oubliée rend le "
                    "carnet illisible, pour toujours."
                ),
                parent=page,
            )
        )
        self.key_label = QLabel(page)
        mono = QFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        mono.setPointSize(17)
        mono.setBold(True)
        self.key_label.setFont(mono)
        self.key_label.setWordWrap(True)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAccessibleName(self.tr("Clé de secours"))
        self.key_label.setContentsMargins(0, 14, 0, 14)
        layout.addWidget(self.key_label)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(self.tr("Imprimer…"), page)
        self.pdf_button = QPushButton(self.tr("Enregistrer en PDF…"), page)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.sheet_status = muted_label("", page)
        layout.addWidget(self.sheet_status)
        layout.addStretch(1)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Vérification"), page, sub=True))
        self.check_intro = muted_label("", page)
        layout.addWidget(self.check_intro)
        row = QHBoxLayout()
        self.check_fields: list[QLineEdit] = []
        self.check_labels: list[QLabel] = []
        for _ in range(CHECK_COUNT):
            box = QVBoxLayout()
            field = QLineEdit(page)
            field.setMaxLength(1)
            field.setFixedWidth(56)
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            big = field.font()
            big.setPointSize(16)
            field.setFont(big)
            caption = QLabel(page)
            caption.setBuddy(field)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(caption)
            box.addWidget(field, 0, Qt.AlignmentFlag.AlignHCenter)
            row.addLayout(box)
            self.check_fields.append(field)
            self.check_labels.append(caption)
        row.addStretch(1)
        layout.addLayout(row)
        self.check_error = FieldError(page)
        layout.addWidget(self.check_error)
        layout.addStretch(1)
        return page

    def _done_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        head = QHBoxLayout()
        ok = QLabel(page)
        ok.setPixmap(pixmap("ok", 28))
        head.addWidget(ok)
        head.addWidget(title_label(self.tr("Votre carnet est prêt"), page, sub=True), 1)
        layout.addLayout(head)
        layout.addWidget(
            muted_label(
                self.tr(
                    "Raccourcis utiles : Ctrl+N pour un nouveau contact, depuis n'importe quel "
                    "écran ; Ctrl+L pour verrouiller. Le carnet se verrouille aussi seul après "
                    "quelques minutes sans activité."
                ),
                page,
            )
        )
        layout.addWidget(
            muted_label(
                self.tr(
                    "Invitation de coordination (facultatif) : quand votre coordination vous en "
                    "envoie une, ouvrez-la dans la page Synchronisation avec son code. Vous "
                    "pouvez travailler sans."
                ),
                page,
            )
        )
        layout.addStretch(1)
        return page

    def _demo_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(title_label(self.tr("Préparation de la démonstration"), page, sub=True))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Relais crée un carnet de démonstration avec des rencontres et des relais "
                    "fictifs, sur douze mois et plusieurs quartiers imaginaires."
                ),
                page,
            )
        )
        self.demo_progress = QProgressBar(page)
        self.demo_progress.setRange(0, 0)
        layout.addWidget(self.demo_progress)
        self.demo_error = FieldError(page)
        layout.addWidget(self.demo_error)
        layout.addStretch(1)
        return page
