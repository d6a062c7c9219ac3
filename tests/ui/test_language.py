"""Switching the interface to English in Paramètres: applied at once, kept for next time."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.storage.home import Home
from fieldapp.ui.app.window import RelaisWindow
from fieldapp.ui.kit import i18n
from fieldapp.ui.notebook.contacts_page import ContactsPage
from fieldapp.ui.notebook.settings_page import SettingsPage
from tests.helpers import sample_contact
from tests.helpers.ui import make_window, visible_texts, workspace_of


def _nav_texts(window: RelaisWindow) -> list[str]:
    nav = workspace_of(window).nav
    return [nav.item(i).text() for i in range(nav.count())]  # type: ignore[union-attr]


def test_switching_to_english_relabels_the_window_at_once(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    unlocked.session.service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    assert _nav_texts(unlocked)[0] == "Aujourd'hui"
    settings = workspace_of(unlocked).show_page("parametres")
    assert isinstance(settings, SettingsPage)
    combo = settings.language
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())  # what choosing it with mouse or keyboard does

    assert i18n.current_language() == "en"
    assert _nav_texts(unlocked) == [
        "Today", "Contacts", "Handovers", "Received handovers", "My activity", "Directory",
        "Synchronisation", "Settings",
    ]  # fmt: skip
    workspace = workspace_of(unlocked)
    assert workspace.current_page() == "parametres"  # stays where the user was
    assert "Display" in visible_texts(workspace.stack.currentWidget())
    contacts = workspace.show_page("contacts")
    assert isinstance(contacts, ContactsPage)
    table = visible_texts(contacts.table)
    assert "Appointment offered" in table and "Outside a building" in table  # vocabularies too
    assert contacts.model.headerData(3, Qt.Orientation.Horizontal) == "Outcome"
    assert unlocked.home.read_settings()["language"] == "en"

    # Next start: the unlock screen is already in English.
    unlocked.lock()
    assert unlocked.unlock_screen is not None
    assert "Notebook locked" in visible_texts(unlocked.unlock_screen)


def test_the_saved_language_applies_before_unlocking(
    qtbot: QtBot, profile_home: tuple[Home, str]
) -> None:
    home, _key = profile_home
    home.write_settings({"language": "en"})
    i18n.apply_language(str(home.read_settings()["language"]))
    window = make_window(qtbot, home)
    window.start()
    assert window.unlock_screen is not None
    texts = visible_texts(window.unlock_screen)
    assert "Unlock" in texts and "Forgot your passphrase?" in texts


def test_the_audit_log_reads_in_english_too() -> None:
    from fieldapp.ui.kit import i18n
    from fieldapp.ui.notebook.settings_page import audit_detail, audit_label

    entry = {"action": "import", "label": "Import de contacts (tableur)"}
    detail = {"rows": 12, "imported": 10, "refused": 2}
    try:
        assert audit_label(entry) == "Import de contacts (tableur)"
        assert audit_detail(detail) == "12 lignes, 10 importées, 2 refusées"
        i18n.apply_language("en")
        assert audit_label(entry) == "Contacts imported (spreadsheet)"
        assert audit_detail(detail) == "12 rows, 10 imported, 2 refused"
    finally:
        i18n.apply_language("fr")


def _french_only_sources() -> set[str]:
    """The `tr()` sources whose English differs, accelerators and placeholders removed."""
    import xml.etree.ElementTree as ET

    from fieldapp.ui.kit.resources import resource_dir

    root = ET.parse(resource_dir() / "translations" / "relais_en.ts").getroot()
    sources: set[str] = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        if "%" in source or source == (message.findtext("translation") or ""):
            continue  # texts with arguments are checked as their pieces; identical ones are fine
        sources.add(source.replace("&", ""))
    return sources


def test_the_english_window_shows_no_french_source_text(
    qtbot: QtBot, unlocked: RelaisWindow
) -> None:
    assert unlocked.session is not None
    unlocked.session.service.record_contact(sample_contact(date=date.today().isoformat()))
    unlocked.session.notify("contacts")
    unlocked.set_language("en")  # what Paramètres does
    workspace = workspace_of(unlocked)
    french = _french_only_sources()
    for page in ("aujourdhui", "contacts", "relais", "annuaire", "synchronisation", "parametres"):
        widget = workspace.show_page(page)
        lines = {line.replace("&", "").strip() for line in visible_texts(widget).splitlines()}
        assert not lines & french, page
