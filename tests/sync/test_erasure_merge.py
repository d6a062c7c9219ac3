"""Erasure and retention reach the consolidated store through a merge (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, insert, select

from fieldapp.services import privacy
from fieldapp.storage import migrate
from fieldapp.storage.coord_schema import erasures, purges
from fieldapp.storage.coord_store import DB_FILE, open_consolidated
from fieldapp.storage.engine import open_engine
from fieldapp.storage.erasure import ERASED_TYPE
from fieldapp.storage.schema import contacts, events, handovers
from tests.helpers import sample_contact
from tests.helpers.coordination import Device, Territory

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


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(territory: Territory, request: pytest.FixtureRequest) -> str | None:
    """The consolidated store: the workspace's SQLCipher file, or a PostgreSQL database that
    the workspace remembers (so that enrolments go there too)."""
    if request.param == "sqlite":
        return None
    url = str(request.getfixturevalue("postgres_url"))
    territory.open(url).service.close()
    return url


def test_an_erasure_reaches_every_device_s_records_now_and_later(
    territory: Territory, db_url: str | None, request: pytest.FixtureRequest
) -> None:
    a, b = request.getfixturevalue("devices")
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


def test_late_amendments_of_an_erased_record_leave_no_content(
    territory: Territory, db_url: str | None, request: pytest.FixtureRequest
) -> None:
    """Team B never hears of the erasure and keeps editing its contact of the person."""
    a, b = request.getfixturevalue("devices")
    (contact,) = b.field.record_contacts([sample_contact(pseudonym=PERSON, note=None)])
    assert b.sync.sync().ok
    merge(territory, db_url)
    privacy.erase_person(a.field, PERSON)
    assert a.sync.sync().ok
    merge(territory, db_url)

    late_note = "Note synthetique LATE9 ajoutee apres l'effacement"
    b.field.amend_contact(contact, sample_contact(pseudonym=PERSON, note=late_note))
    b.field.void_contact(contact, "Motif synthetique LATEVOID")
    assert b.sync.sync().ok
    merge(territory, db_url)
    with territory.open(db_url) as coord, coord.consolidated.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.type, events.c.payload).where(events.c.entity_id == contact)
        ).all()
    assert rows and all(kind == ERASED_TYPE and payload == "{}" for kind, payload in rows)
    assert store_state(territory, db_url)["contacts"] == 0


def test_a_purge_also_applies_to_a_batch_merged_after_it(
    territory: Territory, devices: tuple[Device, Device]
) -> None:
    """Batches can arrive out of order (name order, a quarantine retry): the limit stays."""
    a, _ = devices
    a.field.record_contacts([sample_contact(date="2025-10-01")], today=date(2026, 11, 26))
    assert a.sync.sync().ok
    (first,) = territory.drop.glob("*.rbatch")
    held = territory.tmp / first.name
    first.rename(held)  # delivered, but reaches the coordinator only later

    # A year on, the device purges that contact and says so in its next batch.
    assert privacy.apply_retention(a.field, date(2027, 11, 26)) == privacy.Removed(1, 0)
    assert a.sync.sync().ok
    merge(territory, None)
    assert store_state(territory, None)["contacts"] == 0

    held.rename(first)
    merge(territory, None)
    assert store_state(territory, None)["contacts"] == 0  # purged on arrival


def test_a_store_from_before_c004_keeps_applying_its_merged_tombstones(tmp_path: Path) -> None:
    """The upgrade fills `erasures` and `purges` from the tombstones already in the log."""
    key = os.urandom(32)
    engine = open_engine(tmp_path / DB_FILE, key, pool_size=1)
    migrate.upgrade(
        engine, tmp_path / DB_FILE, tmp_path / "backups", target="c003",
        migrations=migrate.COORD_MIGRATIONS,
    )  # fmt: skip
    tombstones = [
        ("person.erased", f"person:{PERSON}", {"pseudonym": PERSON}),
        ("records.purged", "purge:2024-11-26", {"before": "2024-11-26"}),
        ("records.purged", "purge:2025-01-10", {"before": "2025-01-10"}),
    ]
    with engine.begin() as conn:
        for seq, (kind, entity, payload) in enumerate(tombstones, start=1):
            conn.execute(
                insert(events).values(
                    id=f"0190e0c0-0000-7000-8000-00000000000{seq}", device_id="appareil-a",
                    seq=seq, hlc=f"{seq:016d}-0000", type=kind, entity_id=entity,
                    payload=json.dumps(payload), schema=1,
                )
            )  # fmt: skip
    engine.dispose()
    upgraded = open_consolidated(tmp_path, key)
    try:
        with upgraded.connect() as conn:
            assert conn.execute(select(erasures.c.pseudonym)).scalars().all() == [PERSON]
            assert conn.execute(select(purges.c.device_id, purges.c.before)).all() == [
                ("appareil-a", "2025-01-10")
            ]
    finally:
        upgraded.dispose()
