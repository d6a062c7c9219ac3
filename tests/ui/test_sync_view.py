"""The Synchronisation view, its badge and its timer, on real profiles and a real folder drop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fieldapp.services.field import FieldService
from fieldapp.services.sync import SyncReport, SyncService
from fieldapp.ui.sync.badge import SyncBadge
from fieldapp.ui.sync.model import OutboxModel
from fieldapp.ui.sync.scheduler import SyncScheduler
from fieldapp.ui.sync.view import SyncView
from tests.helpers import Coordination, make_coordination, make_profile, sample_contact
from tests.helpers.text import fr
from tests.helpers.ui import visible_texts


@pytest.fixture
def coordination(tmp_path: Path, drop: Path) -> Coordination:
    return make_coordination(tmp_path / "coordination", drop=str(drop))


@pytest.fixture
def field(tmp_path: Path) -> Iterator[FieldService]:
    service, _ = make_profile(tmp_path / "profil")
    yield service
    service.close()


@pytest.fixture
def sync(field: FieldService, coordination: Coordination) -> SyncService:
    """A device joined to the coordination (the invitation names the folder drop)."""
    service = SyncService(field, batch_events=5, timeout=2.0)
    service.join_coordination(coordination.invitation, coordination.code)
    return service


def make_view(
    qtbot: QtBot, service: SyncService, scheduler: SyncScheduler | None = None
) -> SyncView:
    view = SyncView(service, scheduler)
    qtbot.addWidget(view)
    view.resize(1070, 720)
    view.show()
    return view


def record(field: FieldService, count: int) -> None:
    field.record_contacts([sample_contact(note=None) for _ in range(count)])


def rows(view: SyncView) -> list[list[str]]:
    model = view.model
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def run_sync(qtbot: QtBot, view: SyncView) -> SyncReport:
    with qtbot.waitSignal(view.synced, timeout=10_000) as signal:
        qtbot.mouseClick(view.sync_button, Qt.MouseButton.LeftButton)
        assert not view.sync_button.isEnabled()  # one run at a time
    assert not view.busy and view.sync_button.isEnabled()
    report = signal.args[0]
    assert isinstance(report, SyncReport)
    return report


def test_sync_now_delivers_and_lists_the_outbox(
    qtbot: QtBot, sync: SyncService, field: FieldService, drop: Path
) -> None:
    view = make_view(qtbot, sync)
    assert view.folder_radio.isChecked() and view.folder_edit.text() == str(drop)
    assert view.empty_label.isVisible() and not view.table.isVisible()
    record(field, 7)
    view.refresh()
    assert view.badge.text() == "7 modifications à envoyer"
    assert fr("7 modifications pas encore scellées : elles partiront") in view.outbox_note.text()

    report = run_sync(qtbot, view)

    assert report.ok and len(report.delivered) == 2
    assert sorted(p.name for p in drop.glob("*.rbatch")) == sorted(report.delivered)
    table = rows(view)
    assert [r[: OutboxModel.STATE + 1] for r in table] == [
        ["n° 6–7", "2", "remis"],
        ["n° 1–5", "5", "remis"],
    ]
    assert all(r[OutboxModel.LAST_ATTEMPT] != "—" and r[OutboxModel.REASON] == "" for r in table)
    assert view.table.isVisible() and not view.empty_label.isVisible()
    assert view.result_ok.text() == f"✓ 2 lots remis vers dossier {drop}."
    assert not view.result_error.isVisible()
    # Progress was reported per batch, then the bar went away.
    assert (view.progress.value(), view.progress.maximum()) == (2, 2)
    assert not view.progress.isVisible()
    assert view.badge.text() == "✓ Synchronisé à l'instant"
    assert view.badge.tone == "ok"


def test_a_failed_batch_keeps_its_reason_then_goes_on_retry(
    qtbot: QtBot, sync: SyncService, field: FieldService, tmp_path: Path
) -> None:
    view = make_view(qtbot, sync)
    usb = tmp_path / "cle-usb"
    view.folder_edit.clear()
    qtbot.keyClicks(view.folder_edit, str(usb))
    assert view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert view.destination_note.text() == fr(f"✓ Destination enregistrée : dossier {usb}")
    assert sync.drop_info() == {
        "kind": "folder",
        "location": str(usb),
        "username": None,
        "has_password": False,
    }
    assert not view.save_button.isEnabled()
    record(field, 3)

    report = run_sync(qtbot, view)

    assert not report.ok
    [row] = rows(view)
    assert row[OutboxModel.STATE] == "échec, nouvel essai prévu"
    assert row[OutboxModel.REASON].startswith(
        fr(
            f"Dossier de dépôt introuvable : {usb} (clé USB débranchée ou partage réseau "
            "déconnecté ?). Nouvel essai vers "
        )
    )
    assert view.result_error.isVisible()
    assert view.result_error.text.text().startswith(
        fr("1 lot non remis : Dossier de dépôt introuvable")
    )
    assert view.badge.text() == "⚠ 1 lot en attente" and view.badge.tone == "failed"
    assert "Dernier envoi" in view.badge.toolTip()

    usb.mkdir()  # the key is plugged back in
    report = run_sync(qtbot, view)
    assert report.ok
    assert [r[OutboxModel.STATE] for r in rows(view)] == ["remis"]
    assert [p.name for p in usb.glob("*.rbatch")] == report.delivered
    assert not view.result_error.isVisible()
    assert view.badge.text() == "✓ Synchronisé à l'instant"


def test_connection_test_runs_on_the_form_without_saving_it(
    qtbot: QtBot, sync: SyncService, drop: Path, tmp_path: Path
) -> None:
    view = make_view(qtbot, sync)
    qtbot.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=5_000)
    assert view.destination_note.text() == fr(f"✓ Dossier de dépôt accessible : {drop}")

    view.folder_edit.clear()
    qtbot.keyClicks(view.folder_edit, str(tmp_path / "absent"))
    qtbot.mouseClick(view.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=5_000)
    assert view.destination_note.text().startswith("⚠ Dossier de dépôt introuvable")
    assert sync.drop_info()["location"] == str(drop)  # tested, not saved
    assert view.save_button.isEnabled()

    view.folder_edit.clear()
    assert not view.test_connection()  # nothing to test: a French line, no task
    assert view.destination_note.text() == fr(
        "⚠ Destination vide : indiquez un dossier ou une adresse WebDAV."
    )


def test_webdav_password_is_stored_never_shown_and_kept(qtbot: QtBot, sync: SyncService) -> None:
    view = make_view(qtbot, sync)
    qtbot.mouseClick(view.webdav_radio, Qt.MouseButton.LeftButton)
    assert view.kind_stack.currentIndex() == 1
    url = "https://nuage.exemple.invalid/remote.php/dav/files/equipe/depot/"
    qtbot.keyClicks(view.url_edit, url)
    qtbot.keyClicks(view.user_edit, "equipe-prevention")
    qtbot.keyClicks(view.password_edit, "mot-de-passe-synthetique")
    assert view.save_destination()
    assert sync.drop_info() == {
        "kind": "webdav",
        "location": url,
        "username": "equipe-prevention",
        "has_password": True,
    }
    # Back on screen: address and account, never the password.
    assert view.password_edit.text() == ""
    assert "enregistré" in view.password_edit.placeholderText()
    assert "mot-de-passe-synthetique" not in visible_texts(view)
    # An empty password field keeps the stored one for the same server and account.
    assert view.form_destination().password == "mot-de-passe-synthetique"
    assert view.save_destination()
    stored = sync.drop()
    assert stored is not None and stored.password == "mot-de-passe-synthetique"

    # A fresh view (after a lock, say) loads the same form.
    again = make_view(qtbot, sync)
    assert again.webdav_radio.isChecked() and again.url_edit.text() == url
    assert again.user_edit.text() == "equipe-prevention" and again.password_edit.text() == ""


def test_scheduler_delivers_in_the_background_and_respects_backoff(
    qtbot: QtBot, sync: SyncService, field: FieldService, drop: Path
) -> None:
    scheduler = SyncScheduler(sync, interval_ms=60_000)
    view = make_view(qtbot, sync, scheduler)
    status_bar_badge = SyncBadge(sync)
    qtbot.addWidget(status_bar_badge)
    scheduler.synced.connect(status_bar_badge.refresh)
    record(field, 4)

    with qtbot.waitSignal(scheduler.synced, timeout=10_000) as signal:
        scheduler.start(first_check_ms=0)  # the timer, not a click, starts the run
    report = signal.args[0]
    assert isinstance(report, SyncReport) and len(report.delivered) == 1
    assert [r[OutboxModel.STATE] for r in rows(view)] == ["remis"]
    assert status_bar_badge.text() == "✓ Synchronisé à l'instant"

    with qtbot.waitSignal(scheduler.synced, timeout=10_000) as signal:
        assert scheduler.tick()
    assert signal.args[0] is None  # nothing due: no run at all

    drop.rename(drop.with_name("debranche"))
    record(field, 2)
    with qtbot.waitSignal(scheduler.synced, timeout=10_000) as signal:
        scheduler.tick()
    assert signal.args[0].failed
    assert rows(view)[0][OutboxModel.STATE] == "échec, nouvel essai prévu"
    assert status_bar_badge.text() == "⚠ 1 lot en attente"
    assert "Nouvel essai automatique vers" in view.outbox_note.text()
    # The failed batch waits for its backoff: the next tick leaves it alone.
    with qtbot.waitSignal(scheduler.synced, timeout=10_000) as signal:
        scheduler.tick()
    assert signal.args[0] is None
    scheduler.stop()
    status_bar_badge.stop()
    assert not scheduler.is_active()


def test_joining_from_the_view_and_the_enrolment_file(
    qtbot: QtBot, field: FieldService, coordination: Coordination, drop: Path, tmp_path: Path
) -> None:
    sync = SyncService(field)
    view = make_view(qtbot, sync)
    assert view.badge.text() == "Non rattaché à une coordination"
    assert view.join_box.isVisible() and not view.joined_box.isVisible()
    assert not view.sync_button.isEnabled()

    view.invitation_edit.setText(str(coordination.invitation))
    qtbot.keyClicks(view.code_edit, "AAAAA-BBBBB-CCCCC-DDDDD")
    qtbot.mouseClick(view.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=10_000)
    assert view.join_error.isVisible() and view.join_error.text().startswith("⚠ ")
    assert not sync.joined

    view.code_edit.setText(coordination.code)
    with qtbot.waitSignal(view.joined, timeout=10_000):
        qtbot.mouseClick(view.join_button, Qt.MouseButton.LeftButton)
    assert sync.joined
    assert view.joined_box.isVisible() and not view.join_box.isVisible()
    assert view.territory_label.text() == "Métropole Rouen Normandie"
    assert view.folder_edit.text() == str(drop)  # the invitation named the drop
    assert view.device_key_label.text() == sync.device_fingerprint()
    assert view.sync_button.isEnabled()
    assert view.badge.text() == "Rien à envoyer"

    out = tmp_path / "enrolement.json"
    assert view.write_enrolment(out)
    assert out.exists()
    assert sync.device_fingerprint() in view.enrolment_note.text()


def test_the_badge_words_follow_the_service_and_the_language(sync: SyncService) -> None:
    from datetime import UTC, datetime, timedelta

    from fieldapp.sync.outbox import format_time
    from fieldapp.ui.kit import i18n
    from fieldapp.ui.sync.badge import status_text

    now = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
    base = {"joined": True, "pending": 0, "unsealed_events": 0, "last_success": None}
    cases = [
        ({"joined": False}, "Non rattaché à une coordination", "Not joined to a coordination"),
        ({"pending": 1}, "1 lot en attente", "1 batch waiting"),
        ({"pending": 3}, "3 lots en attente", "3 batches waiting"),
        ({"unsealed_events": 7}, "7 modifications à envoyer", "7 changes to send"),
        ({}, "Rien à envoyer", "Nothing to send"),
        ({"last_success": format_time(now - timedelta(minutes=2))},
         "Synchronisé il y a 2 min", "Synchronised 2 min ago"),
        ({"last_success": format_time(now - timedelta(days=3))},
         "Synchronisé il y a 3 jours", "Synchronised 3 days ago"),
    ]  # fmt: skip
    try:
        for change, french, english in cases:
            i18n.apply_language("fr")
            assert status_text(base | change, now) == french
            i18n.apply_language("en")
            assert status_text(base | change, now) == english
    finally:
        i18n.apply_language("fr")
    # The French words are the service's own (CLI and window say the same thing).
    assert status_text(sync.status(now), now) == sync.status_summary(now)


def test_a_profile_without_a_device_key_is_asked_to_enrol_again(
    qtbot: QtBot, sync: SyncService, field: FieldService
) -> None:
    # A profile that joined before return files existed: no encryption key.
    field.store.set_setting("device_encryption_key", None)
    view = make_view(qtbot, sync)
    record(field, 1)
    report = run_sync(qtbot, view)
    assert report.ok and report.returns_reason == "reenrol"
    text = view.result_ok.text()
    assert text.startswith("✓ ") and "⚠ " in text
    assert "refaites son fichier d'enrôlement" in text
