"""What leaves Relais in a spreadsheet: no formula from data, numbers Excel can sum, sheet names
never cut, months as dates, filters on every table, and the production time in local time."""

from __future__ import annotations

import csv
import io
import os
import re
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import Engine

from fieldapp.domain.events import Event, EventType
from fieldapp.messages import render
from fieldapp.reports.indicators import Scope, compute_indicators
from fieldapp.reports.publish import DirectoryNames, Report, build_report
from fieldapp.reports.tables import inert
from fieldapp.services import reporting
from fieldapp.storage.coord_store import open_consolidated
from fieldapp.storage.projection import append_events
from tests.helpers.reports import D1, PERIOD, load_territory

HYPERLINK = '=HYPERLINK("x","y")'
C1 = "00000001-0000-7000-8000-633100000000"  # c1 of the hand-built territory (_uuid("c1", 1))
FORMULA_START = re.compile(r"^[=+\-@\t\r]")
# Hostile text in every place a label can come from: a need code, a neighbourhood code and a
# typed partner, none of which the report's vocabularies know (they are shown as received).
HOSTILE_PARTNERS = ("+1+2", "-3+4", "@SUM(1,1)", "\tTAB", "\rCR")
BELL = "Partenaire\x07fictif"  # a control character XML cannot hold


def _hostile_events() -> list[Event]:
    out: list[Event] = []
    for n in range(1, 3):
        contact = f"{n:08x}-0000-7000-8000-0000000ba5e{n}"
        out.append(
            Event(
                f"{n:08x}-0000-7000-8000-00000000e0e{n}",
                D1,
                100 + n,
                f"{1_767_225_700_000 + n:015d}-00000",
                str(EventType.CONTACT_RECORDED),
                contact,
                {
                    "date": "2026-02-20",
                    "slot": "matin",
                    "neighbourhood": "+QN-HOSTILE" if n == 1 else "QN07699A",
                    "place_type": "espace-public",
                    "contact_mode": "premier-contact",
                    "age_band": "18-25",
                    "gender": "femme",
                    "situation": "sans-emploi-ni-formation",
                    "registrations": ["aucune"],
                    "needs": [HYPERLINK],
                    "outcome": "information-donnee",
                },
            )
        )
    for n, partner in enumerate((*HOSTILE_PARTNERS, BELL), start=1):
        out.append(
            Event(
                f"{n:08x}-0000-7000-8000-00000000f0f{n}",
                D1,
                110 + n,
                f"{1_767_225_800_000 + n:015d}-00000",
                str(EventType.HANDOVER_PROPOSED),
                f"{n:08x}-0000-7000-8000-0000000a0a0{n}",
                {
                    "contact_id": "00000001-0000-7000-8000-0000000ba5e1",
                    "partner": partner,
                    "partner_structure_id": None,
                    "partner_service_id": None,
                    "mode": "rdv-tripartite",
                    "consent": True,
                    "at": "2026-02-20T10:00:00+00:00",
                },
            )
        )
    return out


@pytest.fixture
def hostile(tmp_path: Path) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path, os.urandom(32))
    load_territory(engine)
    # Straight into the store, as if a validator upstream had let them through: the writers
    # are the last line and must hold on their own.
    with engine.begin() as conn:
        append_events(conn, _hostile_events())
    yield engine
    engine.dispose()


@pytest.fixture
def plain(tmp_path: Path) -> Iterator[Engine]:
    engine = open_consolidated(tmp_path, os.urandom(32))
    load_territory(engine)
    yield engine
    engine.dispose()


def _report(engine: Engine, k: int | None) -> Report:
    return build_report(compute_indicators(engine, Scope(*PERIOD)), k=k)


def test_inert_follows_owasp() -> None:
    for text in (HYPERLINK, "+1", "-1", "@A1", "\tx", "\rx"):
        assert inert(text) == "'" + text
    for text in ("Mission locale", "< 5", "s", "—", "12,5 %", ""):
        assert inert(text) == text


def test_a_formula_label_reaches_the_csv_as_inert_text(hostile: Engine) -> None:
    text = reporting.render(_report(hostile, 2), "csv").decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text), delimiter=";") for c in row]
    assert "'" + HYPERLINK in cells  # the need, as received, with the neutralising prefix
    assert "'+QN-HOSTILE" in cells
    for partner in HOSTILE_PARTNERS:
        assert "'" + partner in cells, partner
    assert [c for c in cells if FORMULA_START.match(c)] == []


@pytest.mark.parametrize("k", [2, None])
def test_a_formula_label_reaches_the_xlsx_as_a_string_never_a_formula(
    hostile: Engine, tmp_path: Path, k: int | None
) -> None:
    out = reporting.export(_report(hostile, k), "xlsx", tmp_path / "hostile.xlsx")
    wb = load_workbook(out)
    found = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert not FORMULA_START.match(cell.value), (ws.title, cell.coordinate)
                    found[cell.value] = cell
    assert "Partenaire\ufffdfictif" in found  # written, not a crash
    needs = found["'" + HYPERLINK]
    assert needs.data_type == "s" and needs.parent.title == "Besoins exprimés"
    for partner in HOSTILE_PARTNERS:
        # XML reads a CR back as LF; the neutralising quote stays in front either way.
        assert found[("'" + partner).replace("\r", "\n")].data_type == "s"
    # And in the file itself: no formula element in any sheet.
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)


def test_every_count_cell_is_a_number_or_empty_and_hidden_ones_say_why(
    plain: Engine, tmp_path: Path
) -> None:
    report = _report(plain, 5)
    wb = load_workbook(reporting.export(report, "xlsx", tmp_path / "k5.xlsx"))
    by_title = {t.title: t for t in report.tables}
    hidden = 0
    for ws in wb.worksheets[2:]:
        table = by_title[ws["A1"].value]
        for i, row in enumerate(table.rows, start=3):
            for j, cell in enumerate(row.cells, start=1):
                xl = ws.cell(row=i, column=j)
                if cell.kind == "label":
                    continue
                # A number, or empty: never the text "< 5" or "s" that breaks Excel's sums.
                assert xl.value is None or isinstance(xl.value, int | float), (ws.title, xl)
                assert xl.data_type == "n", (ws.title, xl.coordinate)
                if cell.suppressed:
                    hidden += 1
                    assert xl.value is None
                    assert xl.fill.fgColor.rgb.endswith("D9DDE3")
                    assert xl.comment is not None
                    assert xl.comment.text == ("< 5" if cell.small else "s")
                elif cell.value is None:
                    assert xl.value is None and xl.comment is not None
                    assert xl.comment.text == "—"
                else:
                    assert xl.value == cell.value
    assert hidden > 10
    # The legend sheet explains the three marks.
    legend = "\n".join(str(c.value) for row in wb["Légende"].iter_rows() for c in row if c.value)
    assert "< 5 : effectif non nul inférieur à 5" in legend
    assert "s : secret statistique" in legend and "— : non calculable" in legend


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_no_sheet_name_is_cut_mid_word(plain: Engine, tmp_path: Path, lang: str) -> None:
    from fieldapp import messages

    messages.set_language(lang)
    try:
        report = _report(plain, 5)
        wb = load_workbook(reporting.export(report, "xlsx", tmp_path / f"{lang}.xlsx"))
    finally:
        messages.set_language("fr")
    names = wb.sheetnames[2:]
    assert len(names) == len(report.tables)
    for name, table in zip(names, report.tables, strict=True):
        assert len(name) <= 31
        assert wb[name]["A1"].value == table.title  # the full title stays on the sheet
        # Every word of the sheet name is a whole word of the table's title.
        title_words = set(_words(table.title))
        assert set(_words(name)) <= title_words, (name, table.title)
    if lang == "fr":
        assert "Relais par partenaire" in names and "Âge et genre" in names


def test_months_are_dates_and_every_table_has_a_filter(plain: Engine, tmp_path: Path) -> None:
    wb = load_workbook(reporting.export(_report(plain, 2), "xlsx", tmp_path / "k2.xlsx"))
    months = wb["Contacts par mois"]
    assert [months.cell(row=r, column=1).value for r in (3, 4, 5)] == [
        datetime(2026, 1, 1),
        datetime(2026, 2, 1),
        datetime(2026, 3, 1),
    ]
    assert months["A3"].number_format == "mmmm yyyy" and months["A3"].is_date
    assert months["A6"].value == "Total"
    assert months.auto_filter.ref == "A2:D5"  # the header and the months, not the total
    detail = wb["Mois, quartier et type"]
    assert detail["A3"].is_date and isinstance(detail["B3"].value, str)
    for ws in wb.worksheets[2:]:
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A2:"), ws.title


@pytest.fixture
def paris() -> Iterator[None]:
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.usefixtures("paris")
def test_the_production_time_is_local_with_its_zone(plain: Engine) -> None:
    report = _report(plain, 5)
    report.generated = datetime(2026, 1, 15, 12, 5, tzinfo=UTC)
    assert report.heading()[3] == "Produit le 15/01/2026 à 13:05 (CET, UTC+01:00)"
    report.generated = datetime(2026, 7, 15, 23, 30, tzinfo=UTC)  # the next day in Paris
    assert report.heading()[3] == "Produit le 16/07/2026 à 01:30 (CEST, UTC+02:00)"
    text = reporting.render(report, "csv").decode("utf-8-sig")
    assert "01:30 (CEST, UTC+02:00)" in text and "(UTC)" not in text


def test_partners_are_named_from_the_directory_one_line_per_partner_or_service(
    plain: Engine,
) -> None:
    ind = compute_indicators(plain, Scope(*PERIOD))
    names = DirectoryNames(
        {"ml-1": "Mission locale du Val (fictive)", "of-9": "Organisme de formation (fictif)"},
        {"svc-accueil": "Premier accueil (fictif)"},
    )
    table = build_report(ind, k=None, names=names).table("relais_partenaires")
    lines = [(str(r.cells[0].value), str(r.cells[1].value)) for r in table.rows]
    assert lines == [
        ("Chantier fictif", "—"),
        ("Mission locale du Val (fictive)", "Premier accueil (fictif)"),
        ("Organisme de formation (fictif)", "—"),
        ("Total", ""),
    ]
    # Without a directory, the text written with each handover; never an id.
    bare = build_report(ind, k=None).table("relais_partenaires")
    texts = {str(c.value) for r in bare.rows for c in r.cells if c.kind == "label"}
    assert "Mission locale (exemple)" in texts and "svc-accueil" not in texts
    assert render("reports.label.service_unnamed") in texts


def _directory_handover(n: int, structure: str | None, service: str | None, text: str) -> Event:
    return Event(
        f"{n:08x}-0000-7000-8000-00000000d1d{n % 10}",
        D1,
        200 + n,
        f"{1_767_225_900_000 + n:015d}-00000",
        str(EventType.HANDOVER_PROPOSED),
        f"{n:08x}-0000-7000-8000-00000000b0b{n % 10}",
        {
            "contact_id": C1,
            "partner": text,
            "partner_structure_id": structure,
            "partner_service_id": service,
            "mode": "rdv-tripartite",
            "consent": True,
            "at": "2026-01-10T10:00:00+00:00",
        },
    )


def test_a_partner_typed_and_chosen_in_the_directory_is_one_partner(
    tmp_path: Path,
) -> None:
    engine = open_consolidated(tmp_path, os.urandom(32))
    try:
        load_territory(engine)
        events = [
            _directory_handover(1, "ml-1", "svc-cej", "Mission locale (exemple) — CEJ (fictif)"),
            _directory_handover(2, "ml-1", "svc-cej", "Mission locale (exemple) — CEJ (fictif)"),
            _directory_handover(3, None, None, "Mission locale (exemple)"),
        ]
        events = [
            Event(e.id, e.device_id, e.seq, e.hlc, e.type, e.entity_id, {**e.payload,
                  "contact_id": C1})
            for e in events
        ]  # fmt: skip
        with engine.begin() as conn:
            append_events(conn, events)
        ind = compute_indicators(engine, Scope(*PERIOD))
        table = build_report(ind, k=None).table("relais_partenaires")
    finally:
        engine.dispose()
    ml = [r for r in table.rows if r.cells[0].value == "Mission locale (exemple)"]
    # One line for the partner (its total, bold), one per service, one for "not given"; the
    # territory's svc-accueil has no name anywhere, and its id is not one.
    assert [(r.cells[1].value, r.cells[2].value, r.total) for r in ml] == [
        ("Tous services", 5, True),
        ("CEJ (fictif)", 2, False),
        ("Service sans nom connu", 2, False),
        ("Service non précisé", 1, False),
    ]
    assert table.rows[-1].cells[2].value == 3 + 5 + 1  # chantier, mission locale, organisme


def test_hidden_services_cannot_be_recovered_from_the_partner_line(tmp_path: Path) -> None:
    """The partner's total is a line of the suppression: one hidden service is not alone."""
    engine = open_consolidated(tmp_path, os.urandom(32))
    try:
        load_territory(engine)
        events = [
            Event(e.id, e.device_id, e.seq, e.hlc, e.type, e.entity_id, {**e.payload,
                  "contact_id": C1})
            for e in [_directory_handover(n, "ml-1", "svc-cej", "Mission locale (exemple) — CEJ")
                      for n in range(1, 7)]
        ]  # fmt: skip
        with engine.begin() as conn:
            append_events(conn, events)
        table = build_report(compute_indicators(engine, Scope(*PERIOD)), k=5).table(
            "relais_partenaires"
        )
    finally:
        engine.dispose()
    ml = [r for r in table.rows if r.cells[0].value == "Mission locale (exemple)"]
    proposed = [r.cells[2] for r in ml]
    assert [c.value for c in proposed] == [8, 6, 2]  # total, CEJ, the unnamed svc-accueil
    assert proposed[2].suppressed and proposed[2].small
    assert proposed[1].suppressed  # else 8 - 6 gives the hidden 2 away
