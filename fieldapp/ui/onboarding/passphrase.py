"""Choosing a passphrase: a strength meter and a confirmation field.

The meter is advice, not a rule; the only rule is the core's minimum length
(`profile.check_new_passphrase`). The estimate is deliberately simple and conservative: length,
variety of characters, number of words, and a short list of passwords everybody tries first.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QProgressBar, QWidget

from fieldapp.services.profile import MIN_PASSPHRASE_LENGTH
from fieldapp.ui.kit.widgets import FieldError, labelled

_COMMON = (
    "motdepasse",
    "password",
    "azerty",
    "qwerty",
    "123456",
    "relais",
    "soleil",
    "bonjour",
    "doudou",
    "loulou",
    "marseille",
    "normandie",
)


def strength(passphrase: str) -> int:
    """0 too short, 1 weak, 2 fair, 3 strong, 4 very strong."""
    text = passphrase.strip()
    if len(text) < MIN_PASSPHRASE_LENGTH:
        return 0
    pool = 0
    if any(c.islower() for c in text):
        pool += 26
    if any(c.isupper() for c in text):
        pool += 26
    if any(c.isdigit() for c in text):
        pool += 10
    if any(not c.isalnum() and c.isascii() for c in text):
        pool += 20
    if any(not c.isascii() for c in text):
        pool += 40
    # Repeated characters ("aaaaaaaaaaaa") add length but little surprise.
    variety = len(set(text.lower())) / len(text)
    bits = len(text) * math.log2(max(pool, 2)) * min(1.0, variety * 1.6)
    words = [w for w in text.replace("-", " ").replace("_", " ").split() if len(w) >= 3]
    bits = max(bits, 12.0 * len(words)) if len(words) >= 3 else bits
    if any(word in text.lower() for word in _COMMON):
        bits = min(bits, 35.0)
    if bits < 45:
        return 1
    if bits < 60:
        return 2
    if bits < 80:
        return 3
    return 4


class PassphraseFields(QWidget):
    """New passphrase + confirmation + meter; `valid_changed` says whether both are usable."""

    valid_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, label: str = "") -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(6)
        self.first = QLineEdit(self)
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(self.tr("Afficher"), self)
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Robustesse de la phrase de passe"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("hint")
        self.hint = QLabel(
            self.tr(
                "Au moins %1 caractères. Le plus simple : quatre mots sans lien entre eux, "
                "par exemple « cerise tournevis nuage 47 »."
            ).replace("%1", str(MIN_PASSPHRASE_LENGTH)),
            self,
        )
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.error = FieldError(self)
        grid.addWidget(labelled(self.first, label or self.tr("&Phrase de passe")), 0, 0)
        grid.addWidget(self.first, 0, 1)
        grid.addWidget(self.show_box, 0, 2)
        grid.addWidget(self.meter, 1, 1)
        grid.addWidget(self.verdict, 1, 2)
        grid.addWidget(self.hint, 2, 1, 1, 2)
        grid.addWidget(labelled(self.confirm, self.tr("&Confirmation")), 3, 0)
        grid.addWidget(self.confirm, 3, 1)
        grid.addWidget(self.error, 4, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        self.first.textChanged.connect(self._update)
        self.confirm.textChanged.connect(self._update)
        self.show_box.toggled.connect(self._toggle_echo)
        self._valid = False
        self._update()

    def passphrase(self) -> str:
        return self.first.text()

    def is_valid(self) -> bool:
        return self._valid

    def clear(self) -> None:
        self.first.clear()
        self.confirm.clear()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first.setEchoMode(mode)
        self.confirm.setEchoMode(mode)

    def _update(self) -> None:
        text = self.first.text()
        score = strength(text)
        self.meter.setValue(score)
        verdicts = [
            self.tr("Trop courte"),
            self.tr("Faible"),
            self.tr("Correcte"),
            self.tr("Solide"),
            self.tr("Très solide"),
        ]
        self.verdict.setText(verdicts[score] if text else "")
        self.meter.setAccessibleDescription(verdicts[score])
        long_enough = len(text.strip()) >= MIN_PASSPHRASE_LENGTH
        matches = text == self.confirm.text()
        if self.confirm.text() and not matches:
            self.error.show_message(self.tr("Les deux saisies ne correspondent pas."))
        else:
            self.error.clear_message()
        valid = long_enough and matches
        if valid != self._valid:
            self._valid = valid
            self.valid_changed.emit(valid)
