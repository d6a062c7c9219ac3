"""Hostile batches from an enrolled device: each is set aside, and the merge goes on.

Every batch here is validly signed by an enrolled test device and sealed to the coordinator
(tests/sync/hostile.py); it sorts before an honest batch of another device in the drop, which
must be merged in the same run, while the consolidated store holds nothing else.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldapp.storage.coord_schema import batches, quarantine
from fieldapp.storage.schema import contacts, events
from fieldapp.sync import merge, merge_pipeline
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.sync.hostile import Sealer, deep

MARKER = "Note-témoin-fictive-7Q"  # must appear in no message and no log


def _poisons(territory: Territory) -> tuple[dict[str, bytes], dict[str, str], str]:
    """The hostile files by name, the reason code each must get, the honest device's id."""
    poisoner = territory.device("p")
    poisoner.field.record_contacts([sample_contact(note=MARKER)])
    (event,) = [e.to_dict() for e in poisoner.field.store.events_from(1)]
    sealer = Sealer.of(territory, poisoner)

    def with_note(value: Any) -> bytes:
        return sealer.seal_events([{**event, "payload": {**event["payload"], "note": value}}])

    files = {
        "a-object.rbatch": with_note({"texte": MARKER}),
        "a-list.rbatch": with_note([MARKER, 1]),
        "a-dict-need.rbatch": sealer.seal_events(
            [{**event, "payload": {**event["payload"], "needs": [{"n": MARKER}]}}]
        ),
        "a-huge-int.rbatch": with_note(10**30),
        "a-deep-100.rbatch": sealer.seal_plaintext(deep(event, 100)),
        "a-deep-100000.rbatch": sealer.seal_plaintext(deep(event, 100_000)),
    }
    expected = {
        # refused by the device's own parsers before any storage (docs/merge.md § Content)
        "a-object.rbatch": "invalid_payload",
        "a-list.rbatch": "invalid_payload",
        "a-dict-need.rbatch": "invalid_payload",
        "a-huge-int.rbatch": "malformed",
        "a-deep-100.rbatch": "malformed",
        "a-deep-100000.rbatch": "malformed",
    }
    for name, data in files.items():
        (territory.drop / name).write_bytes(data)
    honest = territory.device("h")
    honest.field.record_contacts([sample_contact() for _ in range(3)])
    assert honest.sync.sync().ok
    return files, expected, honest.field.device_id


def _count(engine: Any, table: Any) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)


@pytest.mark.parametrize("pipelined", [False, True], ids=["sequential", "worker"])
def test_each_poison_batch_is_quarantined_and_the_honest_one_after_it_merges(
    territory: Territory,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    pipelined: bool,
) -> None:
    files, expected, honest_id = _poisons(territory)
    monkeypatch.setattr(merge_pipeline, "PIPELINE_MIN_BATCHES", 1 if pipelined else 10**6)
    caplog.set_level(logging.DEBUG)
    with territory.open() as coord:
        report = coord.merge()
        got = {q["file"]: q["reason_code"] for q in report.batches_quarantined}
        assert got == expected
        assert report.batches_merged == 1 and report.events_inserted == 3
        engine = coord.consolidated.engine
        with engine.connect() as conn:
            assert set(conn.execute(select(events.c.device_id)).scalars()) == {honest_id}
            assert set(conn.execute(select(batches.c.device_id)).scalars()) == {honest_id}
            kept = {r.file_name: bytes(r.content) for r in conn.execute(select(quarantine))}
        assert _count(engine, contacts) == 3
        assert kept == files  # each set aside whole, with its bytes
        for q in coord.quarantined():
            assert q["reason"] and MARKER not in q["reason"]
        english = {q["reason_code"]: q["reason"] for q in report.batches_quarantined}
        refused = english["invalid_payload"]
        assert "n° 1" in refused  # the event's seq, and its field:
        assert "note" in refused or "besoins" in refused.lower()
        assert (
            "trop profondément"
            in report.batches_quarantined[list(got).index("a-deep-100.rbatch")]["reason"]
        )
    assert MARKER not in caplog.text
    assert "INSERT" not in caplog.text and "parameters" not in caplog.text


def test_a_quarantined_file_is_skipped_without_being_reopened(
    territory: Territory, monkeypatch: pytest.MonkeyPatch
) -> None:
    files, expected, _ = _poisons(territory)
    opened: list[int] = []
    original = merge.prepare

    def counting(*args: Any, **kw: Any) -> Any:
        opened.append(1)
        return original(*args, **kw)

    monkeypatch.setattr(merge, "prepare", counting)
    with territory.open() as coord:
        coord.merge()
        assert len(opened) == len(files) + 1  # the honest batch too
        with coord.consolidated.engine.connect() as conn:
            before = sorted(tuple(r) for r in conn.execute(select(quarantine)))
        opened.clear()
        again = coord.merge()
        assert opened == []  # nothing decrypted again
        assert again.batches_skipped_in_quarantine == len(files)
        assert {q["file"]: q["reason_code"] for q in again.batches_quarantined} == expected
        assert again.batches_already_merged == 1 and again.batches_merged == 0
        with coord.consolidated.engine.connect() as conn:
            assert sorted(tuple(r) for r in conn.execute(select(quarantine))) == before
        # The coordinator's explicit retry does reopen them (and they stay quarantined).
        retried = coord.retry_quarantine()
        assert len(opened) == len(files)
        assert {q["file"]: q["reason_code"] for q in retried.batches_quarantined} == expected


@pytest.mark.postgres
def test_poison_batches_on_postgresql(territory: Territory, postgres_url: str) -> None:
    territory.open(postgres_url).service.close()
    _, expected, honest_id = _poisons(territory)
    with territory.open() as coord:
        assert coord.consolidated.engine.dialect.name == "postgresql"
        report = coord.merge()
        assert {q["file"]: q["reason_code"] for q in report.batches_quarantined} == expected
        assert report.batches_merged == 1 and report.events_inserted == 3
        with coord.consolidated.engine.connect() as conn:
            assert set(conn.execute(select(events.c.device_id)).scalars()) == {honest_id}


def test_links_and_special_files_in_the_drop_are_never_read(territory: Territory) -> None:
    honest = territory.device("h")
    honest.field.record_contacts([sample_contact() for _ in range(2)])
    assert honest.sync.sync().ok
    (batch_file,) = territory.drop.glob("relais-*.rbatch")
    secret = territory.tmp / "fichier-local.txt"
    secret.write_text(MARKER, encoding="utf-8")
    (territory.drop / "a-link.rbatch").symlink_to(secret)
    (territory.drop / "a-link-to-batch.rbatch").symlink_to(batch_file)
    (territory.drop / "a-folder.rbatch").mkdir()
    os.mkfifo(territory.drop / "a-fifo.rbatch")  # reading it would block the merge forever
    with territory.open() as coord:
        report = coord.merge()
        assert report.batches_quarantined == [] and report.batches_merged == 1
        assert report.events_inserted == 2
        assert coord.quarantined() == []
