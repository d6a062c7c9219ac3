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
