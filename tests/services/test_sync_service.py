"""SyncService behaviour that the window relies on: background retries, crash recovery, status."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from benchmarks.davserver import PASSWORD, USER, DavServer, Fault
from fieldapp.services import sync as sync_service
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from tests.helpers import Coordination
from tests.helpers.sync import Clock, make_sync, open_all, record, store_events


def test_no_destination_is_a_clear_error_after_sealing(
    joined: SyncService, field: FieldService
) -> None:
    record(field, 1)
    with pytest.raises(sync_service.NoDestination, match="Aucune destination"):
        joined.sync()
    assert [r["state"] for r in joined.outbox()] == ["sealed"]  # sealed all the same
    assert joined.test_connection() == (False, str(sync_service.NoDestination()))
    assert not joined.due_for_retry()


def test_background_run_waits_for_the_backoff(
    joined: SyncService, field: FieldService, dav: DavServer, clock: Clock
) -> None:
    joined.set_drop(dav.url, username=USER, password=PASSWORD)
    record(field, 1)
    dav.faults.arm(Fault("status", method="PUT", status=500))
    assert not joined.sync(only_due=True).ok
    next_retry = joined.next_retry_time()
    assert next_retry is not None and next_retry > clock.now
    assert not joined.due_for_retry()
    requests = len(dav.faults.log)
    report = joined.sync(only_due=True)  # the timer fires again too early: nothing is sent
    assert report.ok and report.delivered == [] and len(dav.faults.log) == requests
    assert joined.status_summary() == "1 lot en attente"
    clock.now = next_retry
    assert joined.due_for_retry()
    assert joined.sync(only_due=True).ok
    assert joined.status_summary() == "Synchronisé à l'instant"
    # New events make it due again, without waiting.
    record(field, 1)
    assert joined.due_for_retry()


def test_crash_during_delivery_is_recovered_and_delivered_once(
    joined: SyncService,
    field: FieldService,
    coordination: Coordination,
    dav: DavServer,
    clock: Clock,
) -> None:
    joined.set_drop(dav.url, username=USER, password=PASSWORD)
    record(field, 3)
    joined.seal_pending()
    (row,) = joined.outbox()
    # The file reached the server, then the app died before recording the delivery.
    joined.outbox_store.mark_delivering(row["batch_id"])
    data = joined.outbox_store.content(row["batch_id"])
    (dav.root / row["file_name"]).write_bytes(data)
    restarted = make_sync(field, clock)
    assert restarted.due_for_retry()
    report = restarted.sync(only_due=True)
    assert report.recovered == 1 and report.already_present == [row["file_name"]]
    (after,) = restarted.outbox()
    assert after["state"] == "delivered" and after["attempts"] == 2
    assert list(dav.batches()) == [row["file_name"]]
    assert open_all(dav.batches(), coordination.open(), field) == store_events(field)


def test_to_overrides_the_destination_for_one_run(
    joined: SyncService, field: FieldService, dav: DavServer, tmp_path: Path
) -> None:
    joined.set_drop(dav.url, username=USER, password=PASSWORD)
    usb = tmp_path / "usb"
    usb.mkdir()
    record(field, 2)
    report = joined.sync(to=str(usb))
    assert report.ok and report.destination == f"dossier {usb}"
    assert [p.name for p in usb.iterdir()] == report.delivered
    assert dav.files() == {}
    assert joined.drop_info() == {
        "kind": "webdav",
        "location": dav.url,
        "username": USER,
        "has_password": True,
    }
    # `--to` the usual server: the stored credentials are used.
    record(field, 1)
    assert joined.sync(to=dav.url).ok
    assert len(dav.batches()) == 1


def test_status_and_summary_wording(
    joined: SyncService, field: FieldService, tmp_path: Path, clock: Clock
) -> None:
    drop = tmp_path / "depot"
    drop.mkdir()
    joined.set_drop(str(drop))
    assert joined.status_summary() == "Rien à envoyer"
    record(field, 1)
    assert joined.status_summary() == "1 modification à envoyer"
    joined.batch_events = 1
    record(field, 2)
    joined.seal_pending()
    assert joined.status_summary() == "3 lots en attente"
    joined.sync()
    for delta, text in [
        (timedelta(seconds=30), "Synchronisé à l'instant"),
        (timedelta(minutes=5), "Synchronisé il y a 5 min"),
        (timedelta(hours=3), "Synchronisé il y a 3 h"),
        (timedelta(days=1, hours=1), "Synchronisé il y a 1 jour"),
        (timedelta(days=4), "Synchronisé il y a 4 jours"),
    ]:
        assert joined.status_summary(clock.now + delta) == text
    status = joined.status()
    assert status["pending"] == 0 and status["delivered"] == 3 and status["joined"]
    assert status["coordination"]["territory"] == "Métropole Rouen Normandie"
    assert status["last_run"]["ok"] is True
