"""The Annuaire view with real widgets: search as you type, filters, card, handover, ranking."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.services.packs import demo_pack
from fieldapp.sync.pack import demo_pack as make_pack
from fieldapp.ui.directory.card import format_phone
from fieldapp.ui.directory.view import DirectoryView, rank_view
from tests.helpers.text import fr

CONTACT = {
    "date": "2026-11-20",
    "neighbourhood": "QN07699A",
    "age_band": "18-25",
    "gender": "femme",
    "situation": "sans-emploi-ni-formation",
    "registrations": ["aucune"],
    "needs": ["mobilite"],
}


@pytest.fixture
def created() -> list[Mapping[str, Any]]:
    return []


@pytest.fixture
def view(qtbot: QtBot, created: list[Mapping[str, Any]]) -> DirectoryView:
    widget = DirectoryView(demo_pack, created.append)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    return widget


def names(view: DirectoryView) -> list[str]:
    return [e.name for e in view.results_entries()]


def test_search_as_you_type(view: DirectoryView, qtbot: QtBot) -> None:
    assert len(names(view)) == len(demo_pack().services)
    assert view.demo_banner.isVisible()
    qtbot.keyClicks(view.search, "perm")
    assert "Permanence d'accès aux soins" in names(view)
    qtbot.keyClicks(view.search, "is")
    assert names(view) == [
        "Aide au permis de conduire jeunes",
        "Permis B accompagné à tarif solidaire",
    ]
    qtbot.keyClicks(view.search, " solidaire")
    assert names(view) == ["Permis B accompagné à tarif solidaire"]
    assert view.count_label.text() == "1 service sur 27"
    view.search.clear()
    view.search.setText("ÉPICERIE")  # accents and case ignored (keyClicks types ASCII only)
    assert names(view) == ["Épicerie solidaire sur orientation"]


def test_filters(view: DirectoryView, qtbot: QtBot) -> None:
    view.need_filter.setCurrentIndex(view.need_filter.findData("mobilite"))
    assert set(names(view)) == {
        "Aide au permis de conduire jeunes",
        "Aide à la mobilité pour la reprise d'emploi",
        "Location de scooters pour aller travailler",
        "Permis B accompagné à tarif solidaire",
    }
    view.commune_filter.setCurrentIndex(view.commune_filter.findData("50999"))
    assert names(view) == []
    assert view.stack.currentWidget() is view.empty
    assert not view.create_button.isEnabled()
    view.reset_filters()
    view.type_filter.setCurrentIndex(view.type_filter.findData("formation"))
    view.public_filter.setCurrentIndex(view.public_filter.findData("seniors"))
    # Aimed at seniors first, then formations open to everyone.
    assert names(view) == ["Initiation au numérique", "Remise à niveau savoirs de base"]
    qtbot.keyClicks(view.search, "numerique")  # typed without accent
    assert names(view) == ["Initiation au numérique"]
    view.set_filters(text="", need="sante", commune="14999")
    assert names(view) == ["Permanence d'accès aux soins"]


def test_card_tells_how_to_reach_the_service(view: DirectoryView, qtbot: QtBot) -> None:
    qtbot.keyClicks(view.search, "epicerie")
    text = view.card_text.toPlainText()
    assert "Épicerie solidaire sur orientation" in text
    assert "Épicerie solidaire Le Panier (fictive)" in text
    assert "Téléphoner" in text  # modes_mobilisation
    assert "02 61 91 00 12" in text
    assert "4 rue du Marché, 27999 Saint-Exemple" in text
    assert "mar., jeu. 14:00–18:00 ; sam. 09:30–12:30" in text
    assert "Saint-Exemple" in text and "Payant" not in text


def test_create_a_handover_from_the_card(
    view: DirectoryView, qtbot: QtBot, created: list[Mapping[str, Any]]
) -> None:
    qtbot.keyClicks(view.search, "scooters")
    with qtbot.waitSignal(view.handoverRequested) as signal:
        qtbot.mouseClick(view.create_button, Qt.MouseButton.LeftButton)
    assert [s["nom"] for s in created] == ["Location de scooters pour aller travailler"]
    assert signal.args[0] is created[0]
    assert created[0]["structure_id"] == "demo-relais--auto-ecole-canal"
    # Keyboard only: Entrée in the search box goes to the list, Entrée there creates.
    view.search.setFocus()
    qtbot.keyClick(view.search, Qt.Key.Key_Return)
    assert view.results.hasFocus()
    qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert len(created) == 2 and created[1] is created[0]


def test_ranking_for_a_contact(view: DirectoryView, qtbot: QtBot) -> None:
    view.show_for_contact(CONTACT)
    assert view.contact_frame.isVisible()
    assert fr("besoins : mobilité") in view.contact_label.text()
    first = view.model.hint(0)
    assert first is not None
    assert first.service["nom"] == "Aide au permis de conduire jeunes"
    assert first.summary == "besoin mobilité ✓, jeunes 16-25 ✓, zone ✓, même commune ✓"
    assert view.current_service() is first.service
    assert "jeunes 16-25 ✓" in view.card_text.toPlainText()
    # Search and filters still apply, ranked.
    qtbot.keyClicks(view.search, "permis")
    assert names(view) == [
        "Aide au permis de conduire jeunes",
        "Permis B accompagné à tarif solidaire",
    ]
    qtbot.mouseClick(view.clear_contact_button, Qt.MouseButton.LeftButton)
    assert not view.contact_frame.isVisible()
    assert view.model.hint(0) is None


def test_rank_view_and_refresh_with_an_installed_pack(qtbot: QtBot) -> None:
    packs = [demo_pack()]
    other = make_pack(
        territories=[],
        structures=[{"id": "s", "nom": "Structure", "source": "t", "date_maj": "2026-01-01"}],
        services=[
            {
                "id": "v",
                "structure_id": "s",
                "nom": "Seul service",
                "description": "Un service.",
                "source": "t",
                "date_maj": "2026-01-01",
            }
        ],
        date="2026-11-20T00:00:00Z",
        coordination="Territoire d'essai",
    )
    view = rank_view(lambda: packs[-1], CONTACT)
    qtbot.addWidget(view)
    assert view.model.hint(0) is not None
    packs.append(other)
    view.refresh()
    assert names(view) == ["Seul service"]
    assert "Territoire d'essai" not in view.pack_label.text()  # still a demo-kind pack


def test_render_offscreen(view: DirectoryView, qtbot: QtBot) -> None:
    qtbot.keyClicks(view.search, "emploi")
    image = view.grab()
    assert image.width() >= 1000 and not image.isNull()


def test_format_phone() -> None:
    assert format_phone("+33261910001") == "02 61 91 00 01"
    assert format_phone("0261910001") == "02 61 91 00 01"
    assert format_phone("+4930123456") == "+4930123456"
