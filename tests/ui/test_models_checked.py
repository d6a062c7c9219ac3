"""Qt's model checks (QAbstractItemModelTester) on every item model of the window.

Each model is watched from empty, then filled the way its view fills it, from real services on
synthetic data: the checks run again on every reset. ContactsModel has its own checks, with lazy
pages, in test_contacts_model.py.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from fieldapp.services import directory
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.sync import SyncService
from fieldapp.ui.coordination.view import CoordinationView
from fieldapp.ui.directory.view import DirectoryView
from fieldapp.ui.sync.view import SyncView
from tests.helpers import COORD_PASSPHRASE, make_coordination, make_profile, sample_contact
from tests.helpers.coordination import Device, Territory


def _send(device: Device, count: int) -> None:
    device.field.record_contacts([sample_contact(note=None) for _ in range(count)])
    assert device.sync.sync().ok


def test_coordination_models(
    qtbot: QtBot, qtmodeltester: ModelTester, territory: Territory
) -> None:
    devices = [
        territory.device("prevention", enrol=True),
        territory.device("bailleur", enrol=False),  # unknown: its batch goes to quarantine
    ]
    coord = CoordinationService.open(territory.coordination.root, COORD_PASSPHRASE)
    try:
        view = CoordinationView(coord)
        qtbot.addWidget(view)
        models = (view.devices_model, view.quarantine_model, view.completeness_model)
        for model in models:
            qtmodeltester.check(model)
        for device, count in zip(devices, (4, 3), strict=True):
            _send(device, count)
        with qtbot.waitSignal(view.merged, timeout=15_000):
            view.merge_button.click()
        assert all(model.rowCount() >= 1 for model in models)
        for model in models:
            qtmodeltester.check(model)
    finally:
        for device in devices:
            device.field.close()
        coord.close()


def test_outbox_model(qtbot: QtBot, qtmodeltester: ModelTester, tmp_path: Path, drop: Path) -> None:
    coordination = make_coordination(tmp_path / "coordination", drop=str(drop))
    field, _ = make_profile(tmp_path / "profil")
    try:
        sync = SyncService(field, batch_events=5, timeout=2.0)
        sync.join_coordination(coordination.invitation, coordination.code)
        view = SyncView(sync)
        qtbot.addWidget(view)
        qtmodeltester.check(view.model)
        field.record_contacts([sample_contact(note=None) for _ in range(12)])
        assert sync.sync().ok  # three batches delivered
        field.record_contacts([sample_contact(note=None) for _ in range(3)])
        assert sync.seal_pending() == 1  # one sealed, not yet sent
        view.refresh()
        assert view.model.rowCount() == 4
        qtmodeltester.check(view.model)
    finally:
        field.close()


def test_directory_results_model(qtbot: QtBot, qtmodeltester: ModelTester) -> None:
    view = DirectoryView(directory.demo_pack, lambda _handover: None)
    qtbot.addWidget(view)
    qtmodeltester.check(view.model)
    qtbot.keyClicks(view.search, "permis")  # fewer rows, no hints
    assert view.model.rowCount() >= 1
    view.show_for_contact(sample_contact())  # ranked: every row with its hints
    assert view.model.hint(0) is not None
    qtmodeltester.check(view.model)
