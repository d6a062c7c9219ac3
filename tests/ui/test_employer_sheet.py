"""The Annuaire's sheet of an employer (issue 18): « Employeur », the métiers with their ROME
labels, « Accepte les immersions (PMSMP) », « Places ce mois-ci : 2 sur 3 »; ranked for a
contact, an employer with no place left comes last, saying why."""

from __future__ import annotations

import os
from pathlib import Path

from pytestqt.qtbot import QtBot

from fieldapp.services.packs import demo_pack
from fieldapp.ui.directory.view import rank_view

EMPLOYER = "demo-relais--ei-ateliers-port"
CONTACT = {
    "date": "2026-11-20",
    "neighbourhood": "QN07699A",
    "age_band": "26-29",
    "situation": "sans-emploi-ni-formation",
    "needs": ["trouver-un-emploi"],
}


def test_the_employer_sheet_shows_its_trades_immersions_and_places(qtbot: QtBot) -> None:
    view = rank_view(demo_pack, CONTACT, places={EMPLOYER: (2, 3)})
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.keyClicks(view.search, "ateliers du port")
    text = view.card_text.toPlainText()
    assert "Employeur" in text
    assert "K2204 — Nettoyage de locaux" in text and "N1103" in text
    assert "Accepte les immersions (PMSMP)" in text
    assert "Places ce mois-ci" in text and "2 sur 3" in text
    shot = os.environ.get("RELAIS_SCREENSHOT_DIR")
    if shot:
        view.grab().save(str(Path(shot) / "annuaire-employeur.png"))


def test_a_full_employer_comes_last_for_the_contact(qtbot: QtBot) -> None:
    view = rank_view(demo_pack, CONTACT, places={EMPLOYER: (3, 3)})
    qtbot.addWidget(view)
    entries = view.results_entries()
    assert entries[-1].service["structure_id"] == EMPLOYER
    free = rank_view(demo_pack, CONTACT, places={EMPLOYER: (0, 3)})
    qtbot.addWidget(free)
    assert free.results_entries()[-1].service["structure_id"] != EMPLOYER
