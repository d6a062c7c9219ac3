"""Reports name neighbourhoods as the window does (issue 18): « Quartier des Tilleuls —
QN07699A » when the directory knows the code, the bare code otherwise."""

from __future__ import annotations

from fieldapp.services import reporting
from fieldapp.services.field import FieldService
from tests.helpers import sample_contact


def _labels(field: FieldService, table: str) -> list[str]:
    report = reporting.my_activity(field)
    return [str(row.cells[0].value) for row in report.table(table).rows]


def test_report_tables_name_the_neighbourhoods_of_the_pack(field: FieldService) -> None:
    field.record_contacts(
        [sample_contact(neighbourhood="QN07699A"), sample_contact(neighbourhood="QN99999Z")]
    )
    labels = _labels(field, "quartiers")
    assert "Quartier des Tilleuls (fictif) — QN07699A" in labels
    assert "QN99999Z" in labels  # not in the demo pack: shown as is
    names = reporting.directory_names(field)
    assert names is not None and names.neighbourhoods["QN07699A"].startswith("Quartier")


def test_needs_without_solution_by_month_and_neighbourhood_suppressed(
    field: FieldService,
) -> None:
    from fieldapp.reports.indicators import compute_indicators
    from fieldapp.reports.publish import build_report
    from fieldapp.services import unmet

    need = "creer-une-entreprise"
    november = field.record_contacts(
        [sample_contact(date="2026-11-20", neighbourhood="QN07699A", needs=[need])] * 6
    )
    october = field.record_contacts(
        [sample_contact(date="2026-10-20", neighbourhood="QN07699B", needs=[need])] * 2
    )
    for contact_id in [*november, *october]:
        unmet.mark_unmet(field, contact_id, [need])
    scope = reporting.make_scope()
    own = str(field.structure.get("type") or "")
    for k, october_cell in ((None, 2), (5, None)):
        indicators = compute_indicators(field.engine, scope, own_structure_type=own)
        report = build_report(indicators, k=k, names=reporting.directory_names(field))
        table = report.table("besoins_sans_solution")
        assert table.columns[1:3] == [
            "Quartier des Tilleuls (fictif) — QN07699A",
            "Cité des Peupliers (fictif) — QN07699B",
        ]
        by_month = {row.cells[0].month: row.cells for row in table.rows if not row.total}
        assert by_month["2026-11"][1].value == 6
        cell = by_month["2026-10"][2]
        if october_cell is None:
            # 2 < 5 is hidden, and so is every cell that would give it back by subtraction.
            assert cell.suppressed and cell.small
            assert by_month["2026-11"][1].suppressed and not by_month["2026-11"][1].small
        else:
            assert cell.value == 2 and not cell.suppressed


def test_report_heading_names_the_neighbourhood_filter(field: FieldService) -> None:
    from tests.helpers.text import fr

    field.record_contacts([sample_contact(neighbourhood="QN07699A")])
    report = reporting.my_activity(field, neighbourhood="QN07699A")
    assert report.heading()[2] == fr("Périmètre : Quartier des Tilleuls (fictif) — QN07699A")
    bare = reporting.my_activity(field, neighbourhood="QN99999Z")
    assert bare.heading()[2] == fr("Périmètre : quartier QN99999Z")
