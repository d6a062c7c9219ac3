"""The outbox state machine on a real encrypted store (fieldapp.sync.outbox)."""

from __future__ import annotations

import random
import threading
from datetime import timedelta

import pytest

from fieldapp.services import sync as sync_service
from fieldapp.services.field import FieldService
from fieldapp.sync.batch import read_manifest
from fieldapp.sync.outbox import INTERRUPTED_REASON, RetryPolicy
from tests.helpers import Coordination
from tests.helpers.sync import Clock, make_sync, record


def test_seal_contiguous_batches_of_at_most_n(
    field: FieldService, coordination: Coordination, clock: Clock
) -> None:
    service = make_sync(field, clock, batch_events=4)
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 10)
    assert service.seal_pending() == 3
    entries = sorted(service.outbox_store.entries(), key=lambda e: e.first_seq)
    assert [(e.first_seq, e.last_seq, e.event_count) for e in entries] == [
        (1, 4, 4),
        (5, 8, 4),
        (9, 10, 2),
    ]
    for entry in entries:
        data = service.outbox_store.content(entry.batch_id)
        manifest = read_manifest(data)
        assert manifest.batch_id == entry.batch_id and manifest.file_name == entry.file_name
        assert entry.size == len(data) and entry.state == "sealed" and entry.attempts == 0
    # Nothing new: nothing sealed; new events go to a new batch starting after the last one.
    assert service.seal_pending() == 0
    record(field, 1)
    assert service.seal_pending() == 1
    assert max(e.last_seq for e in service.outbox_store.entries()) == 11
    assert service.outbox_store.unsealed_count() == 0


def test_seal_requires_a_coordination(field: FieldService) -> None:
    record(field, 1)
    with pytest.raises(sync_service.NotJoined, match="aucune coordination"):
        make_sync(field).seal_pending()
    assert make_sync(field).status_summary() == "Non rattaché à une coordination"


def test_concurrent_sealing_never_seals_a_range_twice(
    field: FieldService, coordination: Coordination
) -> None:
    service = make_sync(field, batch_events=3)
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 20)
    errors: list[BaseException] = []

    def seal() -> None:
        try:
            make_sync(field, batch_events=3).seal_pending()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=seal) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    ranges = sorted((e.first_seq, e.last_seq) for e in service.outbox_store.entries())
    covered = [seq for first, last in ranges for seq in range(first, last + 1)]
    assert covered == list(range(1, 21))


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    policy = RetryPolicy(base=timedelta(minutes=1), factor=2, cap=timedelta(hours=1), jitter=0.5)
    rng = random.Random(4)  # deterministic jitter for the test
    for attempts, nominal in [(1, 60), (2, 120), (3, 240), (6, 1920), (7, 3600), (50, 3600)]:
        for _ in range(20):
            delay = policy.delay(attempts, rng).total_seconds()
            assert nominal * 0.5 <= delay <= nominal
    spread = {round(policy.delay(3, rng).total_seconds()) for _ in range(20)}
    assert len(spread) > 5  # jitter really spreads the retries


def test_failed_then_retry_schedule_and_due(
    field: FieldService, coordination: Coordination, clock: Clock
) -> None:
    service = make_sync(field, clock, rng=random.Random(1))
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 2)
    service.seal_pending()
    box = service.outbox_store
    (entry,) = box.entries()
    box.mark_delivering(entry.batch_id)
    box.mark_failed([entry.batch_id], "server", "Erreur du serveur (500) : nouvel essai plus tard.")
    failed = box.get(entry.batch_id)
    assert failed.state == "failed" and failed.attempts == 1
    assert failed.reason is not None and failed.reason.startswith("Erreur du serveur")
    assert failed.next_attempt is not None
    assert (
        clock.now + timedelta(seconds=30)
        <= failed.next_attempt
        <= clock.now + timedelta(seconds=60)
    )
    assert service.next_retry_time() == failed.next_attempt
    assert box.to_deliver(only_due=True) == []
    assert [e.batch_id for e in box.to_deliver(only_due=False)] == [entry.batch_id]
    clock.advance(seconds=61)
    assert [e.batch_id for e in box.to_deliver(only_due=True)] == [entry.batch_id]
    # A second failure doubles the nominal delay.
    box.mark_delivering(entry.batch_id)
    box.mark_failed([entry.batch_id], "server", "Erreur du serveur (500) : nouvel essai plus tard.")
    again = box.get(entry.batch_id)
    assert again.attempts == 2
    assert again.next_attempt is not None
    assert timedelta(seconds=60) <= again.next_attempt - clock.now <= timedelta(seconds=120)


def test_interrupted_delivery_is_recovered_as_failed_and_due(
    field: FieldService, coordination: Coordination, clock: Clock
) -> None:
    service = make_sync(field, clock)
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 1)
    service.seal_pending()
    box = service.outbox_store
    (entry,) = box.entries()
    box.mark_delivering(entry.batch_id)  # ...and the process dies here
    assert box.get(entry.batch_id).state == "delivering"
    assert make_sync(field, clock).outbox_store.recover_interrupted() == 1
    recovered = box.get(entry.batch_id)
    assert recovered.state == "failed" and recovered.reason == INTERRUPTED_REASON
    assert recovered.next_attempt == clock.now and recovered.attempts == 1
    assert box.to_deliver(only_due=True)[0].batch_id == entry.batch_id


def test_delivered_batches_are_kept_for_the_retention_then_removed(
    field: FieldService, coordination: Coordination, clock: Clock
) -> None:
    service = make_sync(field, clock, batch_events=2)
    service.join_coordination(coordination.invitation, coordination.code)
    service.set_retention_days(7)
    record(field, 4)
    service.seal_pending()
    box = service.outbox_store
    first, second = sorted(box.entries(), key=lambda e: e.first_seq)
    box.mark_delivering(first.batch_id)
    box.mark_delivered(first.batch_id, "dossier test")
    clock.advance(days=6)
    assert service.purge() == 0
    clock.advance(days=2)
    assert service.purge() == 1
    assert [e.batch_id for e in box.entries()] == [second.batch_id]  # undelivered stays
    # The purge does not make the device re-seal what it already delivered.
    assert box.sealed_through() == 4
    record(field, 1)
    assert service.seal_pending() == 1
    assert {(e.first_seq, e.last_seq) for e in box.entries()} == {(3, 4), (5, 5)}
    with pytest.raises(sync_service.SyncError, match="entre 0 et 3650"):
        service.set_retention_days(-1)
