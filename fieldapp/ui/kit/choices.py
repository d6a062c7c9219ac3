"""Combo boxes over a vocabulary: each term's label shown, its code kept as the item's data."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from fieldapp.domain.vocab import Vocabulary
from fieldapp.ui.kit.i18n import label

__all__ = ["chosen_code", "select_code", "vocab_combo"]


def vocab_combo(vocab: Vocabulary, *, placeholder: str = "") -> QComboBox:
    combo = QComboBox()
    for term in vocab:
        combo.addItem(label(vocab, term.code), term.code)
    if placeholder:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)
    return combo


def select_code(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(combo.findData(code) if code else -1)


def chosen_code(combo: QComboBox) -> str | None:
    data = combo.currentData()
    return str(data) if combo.currentIndex() >= 0 and data is not None else None
