"""Delivery to a real WebDAV server (wsgidav on 127.0.0.1) and every fault of issue 4.

Each fault test asserts the outbox state and the files on the server after the fault, then
lifts the fault, runs again, and checks that every batch ends up on the server exactly once,
under its one name, and opens to exactly the events of the device.
"""

from __future__ import annotations

import hashlib
import socket
import time
from pathlib import Path

import pytest

from benchmarks.davserver import PASSWORD, USER, DavServer, Fault
from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncService
from fieldapp.sync.transports import DeliveryError, DropSettings, WebDavTransport
from tests.helpers import Coordination
from tests.helpers.sync import Clock, make_sync, open_all, record, store_events


def _use(service: SyncService, dav: DavServer, password: str = PASSWORD) -> None:
    service.set_drop(dav.url, username=USER, password=password)


def _states(service: SyncService) -> list[tuple[str, str | None, int]]:
    rows = sorted(service.outbox(), key=lambda r: r["first_seq"])
    return [(r["state"], r["reason_code"], r["attempts"]) for r in rows]


def _assert_all_delivered_once(
    service: SyncService, dav: DavServer, coordination: Coordination, field: FieldService
) -> None:
    rows = service.outbox()
    assert {r["state"] for r in rows} == {"delivered"}
    files = dav.batches()
    assert sorted(files) == sorted(r["file_name"] for r in rows)
    assert open_all(files, coordination.open(), field) == store_events(field)
    assert not [n for n in dav.files() if n.endswith(".upload")]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_round_trip_and_status(
    joined: SyncService,
    field: FieldService,
    coordination: Coordination,
    dav: DavServer,
    clock: Clock,
) -> None:
    _use(joined, dav)
    ok, message = joined.test_connection()
    assert ok and "Connexion réussie" in message
    record(field, 5, note="Marqueur-QZW-4242 dans une note")
    assert joined.status_summary() == "5 modifications à envoyer"
    assert joined.due_for_retry()
    seen: list[tuple[int, int, str]] = []
    report = joined.sync(progress=lambda done, total, msg: seen.append((done, total, msg)))
    assert report.ok and report.sealed == 1 and len(report.delivered) == 1
    assert seen[0][0] == 0 and seen[-1][:2] == (1, 1) and "remis" in seen[-1][2]
    _assert_all_delivered_once(joined, dav, coordination, field)
    assert all(b"Marqueur-QZW-4242" not in data for data in dav.batches().values())
    assert joined.status_summary() == "Synchronisé à l'instant"
    clock.advance(minutes=2)
    assert joined.status_summary() == "Synchronisé il y a 2 min"
    assert not joined.due_for_retry()
    # The password is in the encrypted store only, and never in what the GUI/CLI shows.
    assert PASSWORD not in str(joined.status()) and PASSWORD not in str(joined.outbox())
    assert PASSWORD not in str(report.to_dict())


def test_server_down(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav)
    record(field, 3)
    dead = f"http://127.0.0.1:{_free_port()}/"
    report = joined.sync(to=dead)
    assert not report.ok and "injoignable" in report.failed[0][1]
    assert _states(joined) == [("failed", "unreachable", 1)]
    assert dav.files() == {}
    assert joined.status_summary() == "1 lot en attente"
    assert joined.next_retry_time() is not None
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_wrong_password_is_refused_by_the_real_server(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav, password="pas-le-bon")
    record(field, 2)
    ok, message = joined.test_connection()
    assert not ok and "(401)" in message
    report = joined.sync()
    assert not report.ok and "Identifiant ou mot de passe refusé" in report.failed[0][1]
    assert _states(joined) == [("failed", "auth", 1)]
    assert dav.files() == {}
    _use(joined, dav)
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [
        (401, "auth", "mot de passe refusé"),
        (403, "forbidden", "Accès refusé"),
        (500, "server", "Erreur du serveur (500)"),
        (507, "storage_full", "Espace de stockage plein"),
    ],
)
def test_http_errors_during_upload(
    joined: SyncService,
    field: FieldService,
    coordination: Coordination,
    dav: DavServer,
    status: int,
    code: str,
    words: str,
) -> None:
    joined.batch_events = 2
    _use(joined, dav)
    record(field, 5)  # three batches: the first one fails, the run stops there
    dav.faults.arm(Fault("status", method="PUT", status=status))
    report = joined.sync()
    assert not report.ok and len(report.failed) == 3
    assert words in report.failed[0][1]
    assert _states(joined) == [("failed", code, 1)] * 3
    assert [m for m, _ in dav.faults.log].count("PUT") == 1  # the others were not hammered
    assert dav.files() == {}
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_http_error_on_the_move(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav)
    record(field, 2)
    dav.faults.arm(Fault("status", method="MOVE", status=503))
    report = joined.sync()
    assert not report.ok and "(503)" in report.failed[0][1]
    assert _states(joined) == [("failed", "server", 1)]
    assert dav.batches() == {}  # only the temporary upload is there
    assert [n for n in dav.files() if n.endswith(".upload")]
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_timeout_during_upload(
    field: FieldService, coordination: Coordination, dav: DavServer, clock: Clock
) -> None:
    service = make_sync(field, clock, timeout=0.4)
    service.join_coordination(coordination.invitation, coordination.code)
    _use(service, dav)
    record(field, 2)
    dav.faults.arm(Fault("slow", method="PUT", delay=1.2))
    report = service.sync()
    assert not report.ok and "ne répond pas" in report.failed[0][1]
    assert _states(service) == [("failed", "timeout", 1)]
    assert dav.batches() == {}
    time.sleep(1.0)  # the late upload lands as a temporary file, which the retry overwrites
    assert service.sync().ok
    _assert_all_delivered_once(service, dav, coordination, field)


def test_timeout_after_the_move_is_not_delivered_twice(
    field: FieldService, coordination: Coordination, dav: DavServer, clock: Clock
) -> None:
    # The server moves the file into place but its answer comes too late: the device cannot
    # know. The next attempt finds the same bytes under the final name and counts it delivered.
    service = make_sync(field, clock, timeout=0.4)
    service.join_coordination(coordination.invitation, coordination.code)
    _use(service, dav)
    record(field, 2)
    dav.faults.arm(Fault("slow", method="MOVE", delay=1.0))
    report = service.sync()
    assert not report.ok and _states(service) == [("failed", "timeout", 1)]
    time.sleep(0.8)  # let the slow MOVE finish on the server
    assert len(dav.batches()) == 1
    again = service.sync()
    assert again.ok and again.already_present == again.delivered
    _assert_all_delivered_once(service, dav, coordination, field)


def test_connection_reset_in_the_middle_of_the_upload(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav)
    record(field, 20)
    dav.faults.arm(Fault("reset", method="PUT", partial=300))
    report = joined.sync()
    assert not report.ok and "Connexion interrompue" in report.failed[0][1]
    assert _states(joined) == [("failed", "interrupted", 1)]
    assert dav.batches() == {}
    (partial,) = dav.files().values()  # the server kept a partial temporary file
    assert len(partial) == 300
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_file_removed_right_after_upload(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav)
    record(field, 2)
    dav.faults.arm(Fault("remove_after", method="MOVE"))
    report = joined.sync()
    assert not report.ok and "disparu du serveur" in report.failed[0][1]
    assert _states(joined) == [("failed", "vanished", 1)]
    assert dav.files() == {}
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_connection_check_failure_marks_pending_batches(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    _use(joined, dav)
    record(field, 1)
    dav.faults.arm(Fault("status", method="PROPFIND", status=500))
    report = joined.sync()
    assert report.connection_ok is False and not report.ok
    assert _states(joined) == [("failed", "server", 1)]
    assert [m for m, _ in dav.faults.log] == ["PROPFIND"]
    assert joined.sync().ok
    _assert_all_delivered_once(joined, dav, coordination, field)


def test_same_name_other_content_is_an_alarm_and_others_still_go(
    joined: SyncService, field: FieldService, coordination: Coordination, dav: DavServer
) -> None:
    joined.batch_events = 2
    _use(joined, dav)
    record(field, 4)
    joined.seal_pending()
    first = min(joined.outbox(), key=lambda r: r["first_seq"])["file_name"]
    (dav.root / first).write_bytes(b"a different file")
    report = joined.sync()
    assert [name for name, _ in report.failed] == [first]
    assert "ALERTE" in report.failed[0][1]
    assert _states(joined) == [("failed", "conflict", 1), ("delivered", None, 1)]
    assert dav.files()[first] == b"a different file"  # never replaced
    assert len(dav.batches()) == 2 and not [n for n in dav.files() if n.endswith(".upload")]


def test_transport_put_is_idempotent(dav: DavServer) -> None:
    data = b"RLBATCH-test-bytes" * 100
    digest = hashlib.sha256(data).hexdigest()
    with WebDavTransport(dav.url, USER, PASSWORD, timeout=2) as transport:
        first = transport.put("relais-x-1-1.rbatch", data, digest)
        second = transport.put("relais-x-1-1.rbatch", data, digest)
    assert not first.already_present and second.already_present
    assert dav.files() == {"relais-x-1-1.rbatch": data}


def test_check_reports_a_file_url_and_a_missing_collection(dav: DavServer) -> None:
    (dav.root / "fichier.txt").write_text("x")
    with WebDavTransport(dav.url + "fichier.txt", USER, PASSWORD, timeout=2) as transport:
        result = transport.check()
    assert not result.ok and "n'est pas un dossier" in result.message
    with WebDavTransport(dav.url + "absent/", USER, PASSWORD, timeout=2) as transport:
        result = transport.check()
    assert not result.ok and "introuvable" in result.message
    drop = DropSettings.webdav(dav.url + "absent", username=USER, password=PASSWORD)
    assert drop.location.endswith("/absent/")


def test_untrusted_certificate_is_refused(tmp_path: Path) -> None:
    server = DavServer(tmp_path / "tls-root", tls_dir=tmp_path / "tls")
    try:
        assert server.url.startswith("https://")
        with WebDavTransport(server.url, USER, PASSWORD, timeout=2) as transport:
            result = transport.check()
            assert not result.ok and result.reason == "tls"
            assert "Certificat du serveur refusé" in result.message
            with pytest.raises(DeliveryError) as err:
                transport.put("relais-x-1-1.rbatch", b"x", hashlib.sha256(b"x").hexdigest())
        assert err.value.reason == "tls"
        assert server.files() == {}
    finally:
        server.stop()
