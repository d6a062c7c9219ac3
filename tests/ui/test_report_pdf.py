"""The PDF report: it opens, renders, reads in French, and shows no count from 1 to k−1."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import build_report
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.ui.coordination.charts import _tick_step
from fieldapp.ui.coordination.report_pdf import render_pdf
from tests.helpers.reports import PERIOD, load_territory
from tests.helpers.text import fr

K = 5
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="pdftotext/pdftoppm absents : installez le paquet Debian poppler-utils",
)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pdf")
    engine = open_consolidated(root, os.urandom(32))
    try:
        load_territory(engine)
        report = build_report(compute_indicators(engine, Scope(*PERIOD)), k=K)
    finally:
        engine.dispose()
    out = root / "rapport.pdf"
    out.write_bytes(render_pdf(report))
    return out


def test_pdf_is_a_pdf(qtbot: QtBot, pdf: Path) -> None:
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-64:]


@needs_poppler
def test_pdf_text_is_french_and_holds_no_small_count(qtbot: QtBot, pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    expected = (
        "Relais — indicateurs",
        "Période : du 01/01/2026 au 31/03/2026",
        "Méthode",
        "Secret statistique",
        "Contacts par mois",
        "Parcours des relais",
        "< 5",
    )
    for words in expected:
        assert words in text, words
    # Page numbers are the only bare small numbers allowed ("page 2").
    body = re.sub(r"page \d+", "", text)
    tokens = re.split(r"[ \t\n\f\u00a0]+", body)
    small = [t for t in tokens if t.isdigit() and 0 < int(t) < K]
    assert small == [], small
    assert "8" in tokens  # the 8 contacts of the period are published


@needs_poppler
def test_first_page_renders_to_an_image(qtbot: QtBot, pdf: Path, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "p")],
        check=True,
        capture_output=True,
    )
    (png,) = tmp_path.glob("p*.png")
    image = QImage(str(png))
    assert image.width() > 400 and image.height() > 600
    # Not a blank page: the title and charts leave dark pixels.
    dark = sum(
        1
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50


@pytest.mark.parametrize(("top", "k"), [(3, 5), (12, 5), (999, 5), (7, 10), (123_456, 5)])
def test_axis_ticks_are_multiples_of_k(top: float, k: int) -> None:
    step = _tick_step(top, k)
    assert step % k == 0 and step > 0


@needs_poppler
def test_the_pdf_explains_small_counts_s_and_the_chart_mark(qtbot: QtBot, pdf: Path) -> None:
    """The charts' reading note is in the PDF word for word as under the dashboard's charts."""
    from fieldapp.messages import say
    from fieldapp.reports.tables import legend

    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    flat = " ".join(unicodedata.normalize("NFKC", text.stdout).split())  # "ﬀ" ligatures
    note = f"{legend(K)} {say('ui.chart.hidden_mark', k=K)}"  # charts.legend_text at k=5
    assert fr("« < 5 »") in note and fr("« s »") in note and fr("« * »") in note
    assert " ".join(note.split()) in flat
