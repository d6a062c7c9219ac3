"""The Coordination view on a real workspace, real devices and a folder drop."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from fieldapp.services.coordination import CoordinationService
from fieldapp.services.sync import SyncService
from fieldapp.sync.merge import MergeReport
from fieldapp.ui.coordination.models import CompletenessModel, DevicesModel, QuarantineModel
from fieldapp.ui.coordination.view import CoordinationView
from tests.helpers import COORD_PASSPHRASE, make_profile, sample_contact
from tests.helpers.coordination import Device, Territory
from tests.helpers.text import fr


@pytest.fixture
def devices() -> Iterator[list[Device]]:
    opened: list[Device] = []
    yield opened
    for device in opened:
        device.field.close()


@pytest.fixture
def coord(territory: Territory) -> Iterator[CoordinationService]:
    service = CoordinationService.open(territory.coordination.root, COORD_PASSPHRASE)
    yield service
    service.close()


def add_device(
    territory: Territory, devices: list[Device], name: str, *, enrol: bool, batch: int = 5000
) -> Device:
    if batch == 5000:
        device = territory.device(name, enrol=enrol)
    else:  # smaller batches: several files, so a lost one leaves a gap
        field, _ = make_profile(territory.tmp / name)
        sync = SyncService(field, batch_events=batch)
        sync.join_coordination(territory.coordination.invitation, territory.coordination.code)
        device = Device(field, sync)
        assert not enrol
    devices.append(device)
    return device


def send(device: Device, count: int) -> None:
    device.field.record_contacts([sample_contact(note=None) for _ in range(count)])
    assert device.sync.sync().ok


def make_view(qtbot: QtBot, coord: CoordinationService) -> CoordinationView:
    view = CoordinationView(coord)
    qtbot.addWidget(view)
    view.resize(1070, 900)
    view.show()
    return view


def cells(model: DevicesModel | QuarantineModel | CompletenessModel) -> list[list[str]]:
    return [
        [str(model.data(model.index(r, c))) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def run(qtbot: QtBot, view: CoordinationView, button: QPushButton) -> MergeReport:
    with qtbot.waitSignal(view.merged, timeout=15_000) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert view.busy and not view.merge_button.isEnabled()
    assert not view.busy and view.merge_button.isEnabled()
    report = signal.args[0]
    assert isinstance(report, MergeReport)
    return report


def test_unknown_device_quarantined_then_merged_after_enrolment(
    qtbot: QtBot,
    territory: Territory,
    devices: list[Device],
    coord: CoordinationService,
) -> None:
    known = add_device(territory, devices, "prevention", enrol=True)
    stranger = add_device(territory, devices, "bailleur", enrol=False)
    send(known, 4)
    send(stranger, 3)
    view = make_view(qtbot, coord)
    assert view.source_edit.text() == str(territory.drop)  # the workspace's own drop
    assert view.quarantine_empty.isVisible() and not view.quarantine_table.isVisible()

    report = run(qtbot, view, view.merge_button)

    assert (report.batches_merged, len(report.batches_quarantined)) == (1, 1)
    assert view.summary_label.text() == fr(
        "⚠ 1 lot fusionné, 0 déjà fusionné, 1 en quarantaine ; 4 événements ajoutés, "
        "0 déjà présent."
    )
    assert (view.progress.value(), view.progress.maximum()) == (2, 2)
    assert not view.progress_box.isVisible()
    stranger_id = stranger.field.device_id
    [quarantined] = cells(view.quarantine_model)
    assert quarantined[QuarantineModel.FILE] == "n° 1–3"
    file_tip = view.quarantine_model.index(0, QuarantineModel.FILE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert file_tip == f"relais-{stranger_id}-1-3.rbatch"
    assert quarantined[QuarantineModel.REASON] == fr(
        f"Appareil inconnu ({stranger_id}) : enrôlez-le, puis relancez la quarantaine."
    )
    assert view.quarantine_card.title.text() == "Quarantaine (1)"
    assert view.quarantine_table.isVisible() and view.retry_button.isEnabled()
    waiting = cells(view.devices_model)[-1]
    assert waiting[DevicesModel.STRUCTURE] == "(appareil inconnu)"
    assert waiting[DevicesModel.STATUS] == "en attente d'enrôlement"

    # The enrolment file: its fingerprint, the spoken check, and "no" trusts nothing.
    enrolment = territory.tmp / "bailleur.json"
    stranger.sync.enrolment(enrolment)
    dialog = view.open_enrolment(enrolment)
    assert dialog is not None and dialog.isVisible()
    assert dialog.fingerprint_label.text() == stranger.sync.device_fingerprint()
    assert fr("L'empreinte lue par l'appareil est-elle identique ?") in dialog.question.text()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert stranger_id not in {d["device_id"] for d in coord.devices()}
    dialog = view.open_enrolment(enrolment)
    assert dialog is not None
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    row = cells(view.devices_model)[view.devices_model.rows.index(view.selected_device())]
    assert row[DevicesModel.FINGERPRINT] == stranger.sync.device_fingerprint()
    assert row[DevicesModel.STATUS] == "de confiance"
    assert fr("1 lot de cet appareil attend en quarantaine :") in view.devices_note.text()

    report = run(qtbot, view, view.retry_button)

    assert (report.batches_merged, report.events_inserted) == (1, 3)
    assert view.quarantine_model.rowCount() == 0
    assert view.quarantine_empty.isVisible() and not view.retry_button.isEnabled()
    assert view.summary_label.text().startswith("✓ 1 lot fusionné, ")
    completeness = {r[CompletenessModel.EVENTS]: r for r in cells(view.completeness_model)}
    assert set(completeness) == {"4", "3"}
    assert all(r[CompletenessModel.GAPS] == "aucun" for r in completeness.values())
    assert completeness["3"][CompletenessModel.RANGES] == "1–3"


def test_gaps_are_shown_per_device(
    qtbot: QtBot,
    territory: Territory,
    devices: list[Device],
    coord: CoordinationService,
) -> None:
    device = add_device(territory, devices, "terrain", enrol=False, batch=3)
    send(device, 9)
    enrolment = territory.tmp / "terrain.json"
    device.sync.enrolment(enrolment)
    coord.enrol(coord.read_enrolment(enrolment))
    (territory.drop / f"relais-{device.field.device_id}-4-6.rbatch").unlink()  # lost on the way
    view = make_view(qtbot, coord)

    report = run(qtbot, view, view.merge_button)

    assert report.batches_merged == 2
    [row] = cells(view.completeness_model)
    assert row[CompletenessModel.STRUCTURE] == "Équipe de prévention test"
    assert row[CompletenessModel.EVENTS] == "6"
    assert row[CompletenessModel.RANGES] == "1–3, 7–9"
    assert row[CompletenessModel.GAPS] == "⚠ événements 4–6 manquants"
    assert row[CompletenessModel.LAST_BATCH] != "—"

    # Merging again changes nothing.
    report = run(qtbot, view, view.merge_button)
    assert (report.batches_merged, report.batches_already_merged) == (0, 2)


def test_suspend_restore_and_revoke_with_confirmation(
    qtbot: QtBot,
    territory: Territory,
    devices: list[Device],
    coord: CoordinationService,
) -> None:
    device = add_device(territory, devices, "prevention", enrol=True)
    device_id = device.field.device_id
    view = make_view(qtbot, coord)
    assert view.devices_card.title.text() == "Appareils (1)"
    assert not view.suspend_button.isEnabled()  # nothing selected
    assert view.select_device(device_id)
    [row] = cells(view.devices_model)
    assert row[DevicesModel.STRUCTURE] == "Équipe de prévention test"
    assert row[DevicesModel.FINGERPRINT] == device.sync.device_fingerprint()
    assert (view.suspend_button.isEnabled(), view.restore_button.isEnabled()) == (True, False)

    qtbot.mouseClick(view.suspend_button, Qt.MouseButton.LeftButton)
    assert cells(view.devices_model)[0][DevicesModel.STATUS] == "suspendu"
    assert view.restore_button.isEnabled() and not view.suspend_button.isEnabled()
    # A suspended device's batches wait in quarantine, with the reason.
    send(device, 2)
    run(qtbot, view, view.merge_button)
    [quarantined] = cells(view.quarantine_model)
    assert quarantined[QuarantineModel.REASON] == fr(
        "Appareil suspendu (Équipe de prévention test) : rétablissez-le pour fusionner ses lots."
    )

    qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)
    assert cells(view.devices_model)[0][DevicesModel.STATUS] == "de confiance"
    assert view.devices_note.text() == fr("✓ Équipe de prévention test : appareil rétabli.")
    report = run(qtbot, view, view.retry_button)
    assert report.batches_merged == 1 and view.quarantine_model.rowCount() == 0

    # Revoking asks first; "Annuler" changes nothing.
    box = view.revoke_selected()
    assert box is not None and box.isVisible()
    assert device.sync.device_fingerprint() in box.text()
    cancel = box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert coord.devices()[0]["status"] == "trusted"
    view.select_device(device_id)
    box = view.revoke_selected()
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert coord.devices()[0]["status"] == "revoked"
    assert cells(view.devices_model)[0][DevicesModel.STATUS] == "révoqué"
    assert not (view.suspend_button.isEnabled() or view.restore_button.isEnabled())
    assert not view.revoke_button.isEnabled()


def test_merge_source_problems_are_one_french_line(
    qtbot: QtBot, territory: Territory, coord: CoordinationService
) -> None:
    view = make_view(qtbot, coord)
    view.source_edit.clear()
    assert not view.merge()
    assert view.merge_error.isVisible()
    assert view.merge_error.text.text() == (
        "Indiquez le dossier ou l'adresse WebDAV du dépôt à lire."
    )
    view.source_edit.setText(str(territory.tmp / "absent"))
    assert view.merge()
    qtbot.waitUntil(lambda: not view.busy, timeout=5_000)
    assert view.merge_error.isVisible()
    assert str(territory.tmp / "absent") in view.merge_error.text.text()
    assert view.merge_button.isEnabled()


def test_publish_returns_from_the_window(
    qtbot: QtBot, territory: Territory, devices: list[Device], coord: CoordinationService
) -> None:
    device = add_device(territory, devices, "educ", enrol=True)
    view = make_view(qtbot, coord)
    # A device enrolled before return files existed: named, and asked to enrol again.
    with coord.consolidated.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE devices SET encryption_public = NULL")
    qtbot.mouseClick(view.returns_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy and view.summary_label.isVisible(), timeout=15_000)
    text = view.summary_label.text()
    assert text.startswith("⚠ 0 fichier de retour publié")
    assert device.field.device_id in text and "fieldapp enrolment" in text
    # Enrolled again with its key: its file is published.
    enrolment = territory.tmp / "educ-again.enrolment"
    device.sync.enrolment(enrolment)
    coord.enrol(coord.read_enrolment(enrolment))
    qtbot.mouseClick(view.returns_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not view.busy and view.summary_label.text().startswith("✓ 1 fichier"),
        timeout=15_000,
    )
    assert (territory.drop / f"relais-retour-{device.field.device_id}.rreturn").exists()
    assert view.merge_button.isEnabled() and view.returns_button.isEnabled()
