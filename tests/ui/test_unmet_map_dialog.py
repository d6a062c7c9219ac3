"""« Carte des manques » in the Annuaire (issue 18), real widgets: the header's button only when
the pack carries a carte, the dialog's table, the line in the contact's frame.

`RELAIS_SCREENSHOT_DIR=docs/screenshots pytest tests/ui/test_unmet_map_dialog.py` also writes
docs/screenshots/annuaire-manques.png (the dialog over the Annuaire, synthetic data)."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor, QPainter
from pytestqt.qtbot import QtBot

from fieldapp.services import packs
from fieldapp.sync.pack import Pack
from fieldapp.sync.pack import demo_pack as make_pack
from fieldapp.ui.directory.view import DirectoryView
from fieldapp.ui.kit import i18n
from tests.helpers.text import fr

PERIOD = {"du": "2025-12", "au": "2026-11", "seuil": 5}
CARTES: dict[str, dict[str, Any]] = {
    "QN07699A": {**PERIOD, "besoins": {"mobilite": 7, "logement-hebergement": None, "sante": 9}},
    "QN07699B": {**PERIOD, "besoins": {"mobilite": None, "trouver-un-emploi": None}},
    "QN07699F": {**PERIOD, "besoins": {"sante": 12}},
}
CONTACT = {
    "date": "2026-11-20",
    "neighbourhood": "QN07699A",
    "age_band": "18-25",
    "gender": "femme",
    "situation": "sans-emploi-ni-formation",
    "registrations": ["aucune"],
    "needs": ["logement-hebergement", "mobilite", "trouver-un-emploi"],
}


def pack_with_cartes() -> Pack:
    base = packs.demo_pack()
    territories = copy.deepcopy(list(base.territories))
    for territory in territories:
        if territory["code"] in CARTES:
            territory["manques"] = CARTES[territory["code"]]
    return make_pack(
        territories=territories, structures=base.structures, services=base.services, date=base.date
    )


def _view(qtbot: QtBot, pack: Pack) -> DirectoryView:
    current = {"pack": pack}
    view = DirectoryView(lambda: current["pack"])
    view.current = current  # type: ignore[attr-defined]  # the test swaps the pack
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    return view


def test_the_button_shows_only_with_a_carte(qtbot: QtBot) -> None:
    view = _view(qtbot, packs.demo_pack())
    assert not view.unmet_map_button.isVisible()
    view.current["pack"] = pack_with_cartes()  # type: ignore[attr-defined]
    view.refresh()  # e.g. after « Installer un pack… »
    assert view.unmet_map_button.isVisible()
    assert view.unmet_map_button.text() == "Carte des manques"
    view.current["pack"] = packs.demo_pack()  # type: ignore[attr-defined]
    view.refresh()
    assert not view.unmet_map_button.isVisible()


def test_the_dialog_shows_the_counts_by_neighbourhood_and_need(qtbot: QtBot) -> None:
    view = _view(qtbot, pack_with_cartes())
    view.unmet_map_button.click()
    dialog = view.unmet_map_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.caption.text() == fr(
        "Besoins restés sans solution, de décembre 2025 à novembre 2026. Moins de 5 : chiffre "
        "masqué (secret statistique)."
    )
    table = dialog.table
    rows = [table.verticalHeaderItem(i).text() for i in range(table.rowCount())]
    assert rows == [
        "Cité des Peupliers (fictif) — QN07699B",
        "Plateau des Érables (fictif) — QN07699F",
        "Quartier des Tilleuls (fictif) — QN07699A",
    ]
    columns = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    # The needs present, in the contact form's order.
    assert columns == ["Logement et hébergement", "Mobilité", "Santé", "Trouver un emploi"]
    at = {name: j for j, name in enumerate(columns)}
    texts = dialog.texts()
    tilleuls = texts[2]
    assert tilleuls[at["Mobilité"]] == "7"
    assert tilleuls[at["Logement et hébergement"]] == "moins de 5"
    assert tilleuls[at["Santé"]] == "9"
    assert tilleuls[at["Trouver un emploi"]] == ""  # none « sans solution » there
    assert [texts[0][at[n]] for n in ("Mobilité", "Trouver un emploi", "Santé")] == [
        "moins de 5",
        "moins de 5",
        "",
    ]
    assert texts[1][at["Santé"]] == "12"
    assert not table.editTriggers()  # read-only
    shot = os.environ.get("RELAIS_SCREENSHOT_DIR")
    if shot:
        dialog.adjustSize()
        qtbot.wait(50)
        picture = view.grab()
        over = dialog.grab()
        painter = QPainter(picture)
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 60))
        x, y = (picture.width() - over.width()) // 2, (picture.height() - over.height()) // 2
        painter.drawPixmap(x, y, over)
        painter.end()
        picture.save(str(Path(shot) / "annuaire-manques.png"))
    dialog.close()


def test_the_contact_frame_names_the_known_gaps_of_its_neighbourhood(qtbot: QtBot) -> None:
    view = _view(qtbot, pack_with_cartes())
    view.show_for_contact(CONTACT)
    text = view.contact_label.text()
    # Only the contact's needs (santé is not one of them), in the form's order.
    assert text.splitlines()[-1] == fr(
        "Manque connu dans ce quartier (12 mois) : logement et hébergement (moins de 5), "
        "mobilité (7)"
    )
    # A neighbourhood whose carte lists none of the contact's needs, or that has no carte.
    for neighbourhood in ("QN07699F", "QN01499C"):
        view.show_for_contact({**CONTACT, "neighbourhood": neighbourhood})
        assert "Manque connu" not in view.contact_label.text()
    view.show_for_contact(None)
    assert not view.contact_frame.isVisible()


def test_without_a_carte_the_contact_frame_says_nothing_of_it(qtbot: QtBot) -> None:
    view = _view(qtbot, packs.demo_pack())
    view.show_for_contact(CONTACT)
    assert "Manque connu" not in view.contact_label.text()


def test_in_english(qtbot: QtBot) -> None:
    i18n.apply_language("en")  # the autouse fixture puts French back
    view = _view(qtbot, pack_with_cartes())
    assert view.unmet_map_button.text() == "Unmet-needs map"
    dialog = view.open_unmet_map()
    assert dialog.caption.text() == (
        "Needs left without a solution, from December 2025 to November 2026. Fewer than 5: "
        "figure hidden (statistical confidentiality)."
    )
    assert dialog.texts()[2][0] == "fewer than 5"
    view.show_for_contact(CONTACT)
    assert (
        view.contact_label.text()
        .splitlines()[-1]
        .startswith("Known gap in this neighbourhood (12 months): ")
    )
    dialog.close()
