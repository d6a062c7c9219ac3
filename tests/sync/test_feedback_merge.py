"""Directory feedback at the coordinator (issue 18): the merge projects it on both engines, the
coordinator marks it handled, and a published pack with a newer sheet marks it handled too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fieldapp.services import feedback
from fieldapp.services.packs import make_workspace_pack
from tests.helpers.coordination import Territory

DEMO_PACK = Path(__file__).parents[2] / "resources" / "demo-pack"
SERVICE = "demo-relais--svc-01"  # in the demo pack, dated 2026-10-01


def _merge_feedback(territory: Territory, db_url: str | None) -> str:
    if db_url:
        territory.open(db_url).service.close()  # the workspace now uses this database
    device = territory.device("a")
    feedback_id = feedback.report_feedback(
        device.field, service_id=SERVICE, reason="coordonnees", comment="nouvelle adresse"
    )
    feedback.report_feedback(device.field, structure_id="demo-relais--ft-exemple", reason="ferme")
    device.sync.sync()
    device.field.close()
    return feedback_id


def _check_round_trip(territory: Territory, feedback_id: str) -> None:
    with territory.open() as coord:
        assert coord.merge().events_inserted == 2
        rows = feedback.coordination_feedback(coord)
        assert [(r["structure_id"], r["service_id"], r["reason"]) for r in rows] == [
            ("demo-relais--ft-exemple", None, "ferme"),
            ("demo-relais--ml-val-fictif", SERVICE, "coordonnees"),
        ]
        assert all(r["handled"] is False for r in rows)
        feedback.mark_handled(coord, feedback_id)
        feedback.mark_handled(coord, feedback_id)  # twice: the first time stays
        assert coord.merge().batches_already_merged == 1
        handled = {r["id"]: r["handled_by"] for r in feedback.coordination_feedback(coord)}
        assert handled[feedback_id] == "coordination"
        assert list(handled.values()).count(None) == 1


def test_feedback_merges_into_the_sqlite_store(territory: Territory) -> None:
    _check_round_trip(territory, _merge_feedback(territory, None))


@pytest.mark.postgres
def test_feedback_merges_into_postgresql(territory: Territory, postgres_url: str) -> None:
    feedback_id = _merge_feedback(territory, postgres_url)
    _check_round_trip(territory, feedback_id)
    with territory.open() as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"


def test_a_pack_with_a_newer_sheet_marks_the_feedback_handled(
    territory: Territory, tmp_path: Path
) -> None:
    _merge_feedback(territory, None)
    services = []
    for line in (DEMO_PACK / "services.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == SERVICE:
            row["date_maj"] = "2026-11-20"  # the producer corrected the sheet since
        services.append(json.dumps(row, ensure_ascii=False))
    fixed = tmp_path / "services.jsonl"
    fixed.write_text("\n".join(services), encoding="utf-8")
    with territory.open() as coord:
        coord.merge()
        make_workspace_pack(
            coord.workspace,
            DEMO_PACK / "structures.json",
            fixed,
            DEMO_PACK / "qpv.csv",
            tmp_path / "v1.relais-pack",
        )
        by_service = {r["service_id"]: r for r in feedback.coordination_feedback(coord)}
    assert by_service[SERVICE]["handled"] is True
    assert by_service[SERVICE]["handled_by"] == "pack"
    assert by_service[SERVICE]["service_name"]
    assert by_service[None]["handled"] is False  # the structure's sheet kept its date
