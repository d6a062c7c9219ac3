"""Erasing a person and the retention purge in the field store (the merge side: tests/sync)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp import cli
from fieldapp.services import privacy
from fieldapp.services.field import FieldService
from fieldapp.storage.erasure import ERASED_TYPE
from fieldapp.storage.schema import events
from tests.helpers import PASSPHRASE, make_profile, sample_contact
from tests.helpers.text import fr

PERSON, OTHER = "K7QF-2M9X", "A1B2-C3D4"
MARKER = "Note synthetique ZQ8W a effacer"


def handover(service: FieldService, contact_id: str) -> str:
    data = {"contact_id": contact_id, "partner": "Mission locale fictive", "consent": True}
    return service.propose_handover(data | {"mode": "accompagnement-physique"})


def event_rows(service: FieldService) -> list[dict[str, object]]:
    with service.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(events).order_by(events.c.seq))]


@pytest.fixture
def service(tmp_path: Path) -> FieldService:
    service, _ = make_profile(tmp_path / "p")
    return service


def test_erasing_a_person_leaves_stubs_and_a_tombstone(
    service: FieldService, tmp_path: Path
) -> None:
    try:
        first, second = service.record_contacts(
            [sample_contact(pseudonym=PERSON, note=MARKER), sample_contact(pseudonym=PERSON)]
        )
        (kept,) = service.record_contacts([sample_contact(pseudonym=OTHER)])
        handover(service, first)
        handover(service, kept)
        assert privacy.person_records(service, "k7qf 2m9x") == privacy.Removed(2, 1)

        removed = privacy.erase_person(service, "k7qf 2m9x")  # as a person may read it out

        assert removed == privacy.Removed(2, 1)
        assert [c["id"] for c in service.contacts()] == [kept]
        assert [h["contact_id"] for h in service.handovers()] == [kept]
        rows = event_rows(service)
        assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))  # no gap for the sync
        stubs = [r for r in rows if r["entity_id"] in (first, second)]
        assert stubs and all(r["type"] == ERASED_TYPE and r["payload"] == "{}" for r in stubs)
        tombstone = rows[-1]
        assert tombstone["type"] == "person.erased"
        assert json.loads(str(tombstone["payload"])) == {"pseudonym": PERSON}
        assert service.audit_entries()[0]["detail"] == {"contacts": 2, "handovers": 1}
    finally:
        service.close()
    # The note is gone from every file of the profile, not only from the tables.
    for file in (tmp_path / "p").rglob("*"):
        if file.is_file():
            assert MARKER.encode() not in file.read_bytes(), file.name


def test_a_malformed_code_is_refused_and_an_unknown_one_still_sends_its_tombstone(
    service: FieldService,
) -> None:
    try:
        with pytest.raises(ValueError, match="Pseudonyme invalide"):
            privacy.erase_person(service, "K7QF")
        assert privacy.erase_person(service, OTHER) == privacy.Removed(0, 0)
        assert event_rows(service)[-1]["entity_id"] == f"person:{OTHER}"
    finally:
        service.close()


def test_retention_purges_old_records_after_a_notice(service: FieldService) -> None:
    today = date(2026, 11, 26)
    try:
        old, soon, recent = service.record_contacts(
            [
                sample_contact(date="2024-11-20"),  # 24 months and 6 days: past
                sample_contact(date="2024-12-10"),  # past within the next 30 days
                sample_contact(date="2025-06-01"),
            ],
            today=today,
        )
        handover(service, old)
        status = privacy.retention_status(service, today)
        assert status.months == 24 and status.limit == date(2024, 11, 26)
        assert (status.due_contacts, status.soon_contacts) == (1, 1)

        assert privacy.apply_retention(service, today) == privacy.Removed(1, 1)
        assert sorted(c["id"] for c in service.contacts()) == sorted([soon, recent])
        purge = event_rows(service)[-1]
        assert purge["type"] == "records.purged"
        assert json.loads(str(purge["payload"])) == {"before": "2024-11-26"}
        assert privacy.apply_retention(service, today) == privacy.Removed(0, 0)  # no new event
        assert event_rows(service)[-1]["id"] == purge["id"]
        later = today + timedelta(days=20)
        assert privacy.apply_retention(service, later) == privacy.Removed(1, 0)
    finally:
        service.close()


def test_retention_limit_clamps_the_day_of_month() -> None:
    assert privacy.retention_limit(24, date(2026, 2, 28)) == date(2024, 2, 28)
    assert privacy.retention_limit(1, date(2026, 3, 31)) == date(2026, 2, 28)
    assert privacy.retention_limit(12, date(2024, 2, 29)) == date(2023, 2, 28)


def test_person_erase_command(
    service: FieldService,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    service.record_contacts([sample_contact(pseudonym=PERSON)])
    service.close()
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", PASSPHRASE)
    home = str(tmp_path / "p")
    assert cli.main(["person", "erase", "--home", home, "--pseudonym", PERSON]) == 0
    assert fr("Effacé de ce carnet : 1 contact, 0 relais.") in capsys.readouterr().out
    assert cli.main(["person", "erase", "--home", home, "--pseudonym", "pas-un-code"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Pseudonyme invalide" in err and "pas-un-code" not in err
