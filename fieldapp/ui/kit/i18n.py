"""Interface language: Qt translators for widget text, domain vocabularies for coded values.

French is the source language of every `tr()` string; English comes from
`resources/translations/relais_en.qm` (built from `relais_en.ts`, see docs/translations.md).
Coded values (needs, outcomes…) take their label from `fieldapp.domain.vocab`, which carries
both languages, so the two never drift apart.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from fieldapp import messages
from fieldapp.domain.vocab import Vocabulary
from fieldapp.messages.typography import french
from fieldapp.ui.kit.resources import resource_dir, translation_file

LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}
# en_GB: day/month/year dates, like the French ones the users share with partners.
_LOCALES = {"fr": "fr_FR", "en": "en_GB"}

_state: dict[str, str] = {"lang": "fr"}
_installed: list[QTranslator] = []


class FrenchTypography(QTranslator):
    """The French window's translator: its `tr()` source strings, typeset (narrow no-break
    spaces before « ; : ! ? » and inside « »), by the same function as the core's messages."""

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return french(source)

    def isEmpty(self) -> bool:  # noqa: N802 -- Qt override
        return False


def current_language() -> str:
    return _state["lang"]


def locale() -> QLocale:
    return QLocale(_LOCALES[current_language()])


def apply_language(lang: str) -> bool:
    """Install the translators for `lang`; returns False when its .qm file is missing."""
    if lang not in LANGUAGES:
        lang = "fr"
    app = QCoreApplication.instance()
    _state["lang"] = lang
    messages.set_language(lang)  # the core's messages (errors, report labels) follow the window
    QLocale.setDefault(locale())
    if app is None:
        return True
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    found = True
    if lang == "fr":
        # Installed first, so asked last: Qt's own French catalogues below answer for their
        # strings, this one for every other (ours, in French source).
        typeset = FrenchTypography(app)
        app.installTranslator(typeset)
        _installed.append(typeset)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = QTranslator(app)
    # Qt's own strings (standard buttons, file dialogs) in the same language as ours.
    if qt_own.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    # Installed after Qt's catalogue, so it wins: the few file-dialog strings Qt 6's French lacks
    # (« Look in: », « Files of type: », the « Folder » type column).
    extra = QTranslator(app)
    if extra.load(str(resource_dir() / "translations" / f"qtbase_extra_{lang}.qm")):
        app.installTranslator(extra)
        _installed.append(extra)
    if lang != "fr":
        ours = QTranslator(app)
        found = ours.load(str(translation_file(lang)))
        if found:
            app.installTranslator(ours)
            _installed.append(ours)
    return found


def label(vocab: Vocabulary, code: str | None) -> str:
    """The display label of a code; an unknown code (newer vocabulary) is shown as is."""
    if not code:
        return ""
    try:
        return vocab.label(code, current_language())
    except KeyError:
        return code


def labels(vocab: Vocabulary, codes: list[str] | tuple[str, ...] | None) -> str:
    return ", ".join(label(vocab, c) for c in codes or ())


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def short_date(value: str | date | None) -> str:
    """25/11/2026 (both languages); empty for no date."""
    if not value:
        return ""
    day = date.fromisoformat(value) if isinstance(value, str) else value
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def long_date(day: date) -> str:
    """« mardi 25 novembre 2026 » / « Tuesday 25 November 2026 »."""
    return locale().toString(qdate(day), "dddd d MMMM yyyy")
