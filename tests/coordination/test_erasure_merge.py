"""Erasure and retention reach the consolidated store through a merge (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import Engine, func, select

from fieldapp.services import privacy
from fieldapp.storage.erasure import ERASED_TYPE
from fieldapp.storage.schema import contacts, events, handovers
from tests.coordination.conftest import Device, Territory
from tests.helpers import sample_contact

PERSON, OTHER = "K7QF-2M9X", "A1B2-C3D4"
MARKER = "Note synthetique WQ7Z pour effacement"


@pytest.fixture
def devices(territory: Territory) -> Iterator[tuple[Device, Device]]:
    a, b = territory.device("equipe-a"), territory.device("equipe-b")
    yield a, b
    a.field.close()
    b.field.close()


def handover(device: Device, contact_id: str) -> None:
    device.field.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive", "consent": True,
         "mode": "accompagnement-physique"}
    )  # fmt: skip


def merge(territory: Territory, db_url: str | None) -> None:
    with territory.open(db_url) as coord:
        report = coord.merge(str(territory.drop))
        assert not report.batches_quarantined, report.batches_quarantined


def store_state(territory: Territory, db_url: str | None) -> dict[str, object]:
    with territory.open(db_url) as coord:
        engine: Engine = coord.consolidated.engine
        with engine.connect() as conn:
            pseudonyms = conn.execute(select(contacts.c.pseudonym)).scalars().all()
            payloads = conn.execute(select(events.c.payload)).scalars().all()
            return {
                "contacts": conn.execute(select(func.count()).select_from(contacts)).scalar(),
                "handovers": conn.execute(select(func.count()).select_from(handovers)).scalar(),
                "pseudonyms": sorted(p or "" for p in pseudonyms),
                "marker": any(MARKER in p for p in payloads),
                "stubs": conn.execute(
                    select(func.count()).where(events.c.type == ERASED_TYPE)
                ).scalar(),
            }


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def test_an_erasure_reaches_every_device_s_records_now_and_later(
    territory: Territory, backend: str, request: pytest.FixtureRequest
) -> None:
    db_url = request.getfixturevalue("postgres_url") if backend == "postgres" else None
    if db_url:
        territory.open(db_url).service.close()  # remembered: enrolments go there too
    devices = request.getfixturevalue("devices")
    a, b = devices
    first, _ = a.field.record_contacts(
        [sample_contact(pseudonym=PERSON, note=MARKER), sample_contact(pseudonym=OTHER)]
    )
    handover(a, first)
    (met_by_b,) = b.field.record_contacts([sample_contact(pseudonym=PERSON, note=None)])
    assert a.sync.sync().ok and b.sync.sync().ok
    merge(territory, db_url)
    before = store_state(territory, db_url)
    assert before["pseudonyms"] == [OTHER, PERSON, PERSON] and before["handovers"] == 1

    # The person asks team A to erase them: A's notebook, then the coordination at the merge,
    # for both teams' records.
    assert privacy.erase_person(a.field, PERSON) == privacy.Removed(1, 1)
    assert a.sync.sync().ok
    merge(territory, db_url)
    after = store_state(territory, db_url)
    assert after["pseudonyms"] == [OTHER]
    assert after["handovers"] == 0 and after["marker"] is False
    assert after["stubs"] == 3  # A's contact and handover events, B's contact event

    # Team B, unaware, meets the person again and proposes a handover for its old contact:
    # both arrive after the erasure and are erased at the merge too.
    b.field.record_contacts([sample_contact(pseudonym=PERSON, note=None)])
    handover(b, met_by_b)  # B's own contact is still in B's notebook
    assert b.sync.sync().ok
    merge(territory, db_url)
    late = store_state(territory, db_url)
    assert late["pseudonyms"] == [OTHER] and late["handovers"] == 0


def test_a_retention_purge_reaches_the_coordinator(
    territory: Territory, devices: tuple[Device, Device]
) -> None:
    a, b = devices
    today = date(2026, 11, 26)
    a.field.record_contacts(
        [sample_contact(date="2024-10-01"), sample_contact(date="2025-10-01")], today=today
    )
    b.field.record_contacts([sample_contact(date="2024-10-01")], today=today)
    assert a.sync.sync().ok and b.sync.sync().ok
    merge(territory, None)
    assert store_state(territory, None)["contacts"] == 3

    assert privacy.apply_retention(a.field, today) == privacy.Removed(1, 0)
    assert a.sync.sync().ok
    merge(territory, None)
    # A's old contact is gone; B's, as old, stays until B's own purge says so.
    assert store_state(territory, None)["contacts"] == 2
