"""The report in the English interface: titles, headings and labels in English, French intact."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fieldapp import messages
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.services import reporting
from fieldapp.storage.coord_store import open_consolidated
from tests.helpers.reports import PERIOD, load_territory


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path, os.urandom(32))
    load_territory(engine)
    yield engine
    engine.dispose()


def test_english_report_has_english_titles_headings_and_labels(engine: Engine) -> None:
    indicators = compute_indicators(engine, Scope(*PERIOD))
    french = build_report(indicators, k=5)
    messages.set_language("en")
    try:
        english = build_report(indicators, k=5)
        csv_text = reporting.render(english, "csv").decode("utf-8-sig")
        period = english.period_text()
    finally:
        messages.set_language("fr")
    assert french.table("synthese").title == "Chiffres clés"
    key_figures = english.table("synthese")
    assert key_figures.title == "Key figures"
    assert key_figures.columns == ["Indicator", "Value"]
    assert english.table("delais").columns[-1] == "3rd quartile"
    assert english.title == "Relais — alliance indicators"
    assert period.startswith("from ") and french.period_text().startswith("du ")
    assert "Period: from " in csv_text and "\r\nMethod\r\n" in csv_text
    assert english.table("contacts_mois").row_labels()[0] == "January 2026"
    for word in ("Période", "Périmètre", "Méthode", "Chiffres clés", "Mois", "masqué"):
        assert word not in csv_text, word
