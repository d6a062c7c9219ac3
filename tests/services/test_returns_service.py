"""Return files end to end through the services: `publish_returns` at the coordinator, the
device's `sync` picking its file up, from a folder drop and from a real WebDAV server."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection

from benchmarks.davserver import PASSWORD, USER, DavServer
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.privacy import erase_person
from fieldapp.services.returns import publish_returns
from fieldapp.storage.confirmations import all_confirmations
from fieldapp.sync.invitation import read_enrolment, write_enrolment
from fieldapp.sync.returns import Confirmation, file_name
from fieldapp.sync.transports import DropSettings
from tests.helpers import COORD_PASSPHRASE, make_coordination, sample_contact
from tests.helpers.coordination import Device, Territory

PSEUDONYM = "ABCD-2345"


def _educ(territory: Territory) -> tuple[Device, str]:
    """The educator's device and one handover of its own, as confirmations name them."""
    device = territory.device("educ")
    contact_id = device.field.record_contact(sample_contact(pseudonym=PSEUDONYM))
    handover_id = device.field.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale de Rouen",
         "mode": "rdv-tripartite", "consent": True}
    )  # fmt: skip
    return device, handover_id


def _source(by_device: dict[str, list[Confirmation]]) -> Callable[[Connection, str], list[Any]]:
    def source(_conn: Connection, device_id: str) -> list[Confirmation]:
        return by_device.get(device_id, [])

    return source


def _confirmed(handover_id: str, status: str = "entre_dispositif") -> Confirmation:
    return Confirmation(handover_id, status, "ml-rouen", "Mission locale de Rouen", "2026-03-12")


def _publish(territory: Territory, by_device: dict[str, list[Confirmation]]) -> dict[str, Any]:
    with territory.open() as coord:
        return publish_returns(coord, source=_source(by_device)).to_dict()


def test_each_device_gets_its_own_confirmations(territory: Territory) -> None:
    (a, hid), b = _educ(territory), territory.device("ml")
    report = _publish(territory, {a.field.device_id: [_confirmed(hid)]})
    assert sorted(p["device_id"] for p in report["published"]) == sorted(
        [a.field.device_id, b.field.device_id]
    )
    assert report["reenrol"] == []
    result = a.sync.sync()
    assert result.ok and result.confirmations == 1
    stored = all_confirmations(a.field.engine)
    assert stored[hid]["status"] == "entre_dispositif"
    assert stored[hid]["structure_name"] == "Mission locale de Rouen"
    assert stored[hid]["date"] == "2026-03-12"
    assert b.sync.sync().confirmations == 0
    assert all_confirmations(b.field.engine) == {}
    # Reading the same file again changes nothing and is no error.
    again = a.sync.sync()
    assert again.ok and again.confirmations is None


def test_a_file_for_a_put_under_b_s_name_is_refused_by_b(territory: Territory) -> None:
    (a, hid), b = _educ(territory), territory.device("ml")
    _publish(territory, {a.field.device_id: [_confirmed(hid)]})
    assert b.sync.sync().ok
    shutil.copy(
        territory.drop / file_name(a.field.device_id), territory.drop / file_name(b.field.device_id)
    )
    result = b.sync.sync()
    assert not result.ok and result.returns_reason == "wrong_device"
    assert "destiné à un autre appareil" in result.message
    assert all_confirmations(b.field.engine) == {}


def test_an_older_file_put_back_is_refused_and_changes_nothing(territory: Territory) -> None:
    a, hid = _educ(territory)
    _publish(territory, {a.field.device_id: [_confirmed(hid, "accueilli")]})
    old = (territory.drop / file_name(a.field.device_id)).read_bytes()
    _publish(territory, {a.field.device_id: [_confirmed(hid, "entre_dispositif")]})
    assert a.sync.sync().confirmations == 1
    (territory.drop / file_name(a.field.device_id)).write_bytes(old)
    result = a.sync.sync()
    assert not result.ok and result.returns_reason == "replayed"
    assert "plus ancien (n° 1) que le dernier reçu (n° 2)" in result.message
    assert result.to_dict()["returns"]["reason"] == "replayed"
    assert all_confirmations(a.field.engine)[hid]["status"] == "entre_dispositif"


def test_a_file_signed_by_another_coordinator_is_refused(
    territory: Territory, tmp_path: Path
) -> None:
    a, hid = _educ(territory)
    # Another coordinator that knows the device's public key (from its enrolment file).
    other = make_coordination(tmp_path / "autre", drop=str(territory.drop))
    with territory.open() as coord:
        device_row = coord.consolidated.device(a.field.device_id)
    enrolment = read_enrolment(territory.tmp / "educ.enrolment")
    impostor = CoordinationService.open(other.root, COORD_PASSPHRASE)
    try:
        impostor.enrol(enrolment)
        publish_returns(impostor, source=_source({a.field.device_id: [_confirmed(hid)]}))
    finally:
        impostor.close()
    assert device_row["encryption_public"]
    result = a.sync.sync()
    assert not result.ok and result.returns_reason == "bad_signature"
    assert "pas signé par votre coordination" in result.message
    assert all_confirmations(a.field.engine) == {}


def test_a_device_enrolled_without_the_key_is_asked_to_enrol_again(
    territory: Territory,
) -> None:
    old = territory.device("ancien", enrol=False)
    # An enrolment file as versions before issue 16 wrote it: no encryption key.
    path = territory.tmp / "ancien.enrolment"
    old.sync.enrolment(path)
    enrolment = read_enrolment(path)
    signing = old.sync._signing_key()
    write_enrolment(path, replace(enrolment, encryption_public=None), signing)
    assert "encryption_public" not in json.loads(path.read_text())
    with territory.open() as coord:
        coord.enrol(coord.read_enrolment(path))
        report = publish_returns(coord, source=_source({}))
    assert report.published == []
    [line] = [str(t) for t in report.lines()][:1]
    assert old.field.device_id in line and "refaire son fichier d'enrôlement" in line
    # Enrolling again with the key brings the device its returns.
    old.sync.enrolment(path)
    with territory.open() as coord:
        coord.enrol(coord.read_enrolment(path))
        report = publish_returns(coord, source=_source({}))
    assert [p["device_id"] for p in report.published] == [old.field.device_id]


def test_a_profile_without_a_key_is_told_to_enrol_again(territory: Territory) -> None:
    device = territory.device("ancien", enrol=False)
    device.field.store.set_setting("device_encryption_key", None)
    result = device.sync.sync()
    assert result.ok and result.returns_reason == "reenrol"
    assert "fieldapp enrolment" in result.to_dict()["returns"]["message"]


def test_return_files_through_a_real_webdav_server(tmp_path: Path, dav: DavServer) -> None:
    drop = DropSettings.webdav(dav.url, username=USER, password=PASSWORD)
    territory = Territory(make_coordination(tmp_path / "coord", drop=drop), tmp_path, tmp_path)
    a, hid = _educ(territory)
    _publish(territory, {a.field.device_id: [_confirmed(hid, "accueilli")]})
    assert file_name(a.field.device_id) in dav.files()
    assert a.sync.sync().confirmations == 1
    # Published again: the server's file is replaced, and the device takes the newer one.
    _publish(territory, {a.field.device_id: [_confirmed(hid, "entre_dispositif")]})
    assert not [n for n in dav.files() if n.endswith(".upload")]
    assert a.sync.sync().confirmations == 1
    assert all_confirmations(a.field.engine)[hid]["status"] == "entre_dispositif"


def test_the_sequence_is_kept_by_the_coordinator(territory: Territory) -> None:
    a, _ = _educ(territory)
    for _ in range(3):
        _publish(territory, {})
    with territory.open() as coord:
        assert coord.consolidated.device(a.field.device_id)["returns_seq"] == 3
    header = json.loads((territory.drop / file_name(a.field.device_id)).read_bytes())["header"]
    assert header["seq"] == 3


@pytest.mark.parametrize("status", ["accueilli", "reoriente", "refus_structure", "sans_suite"])
def test_every_status_travels(territory: Territory, status: str) -> None:
    a, hid = _educ(territory)
    _publish(territory, {a.field.device_id: [_confirmed(hid, status)]})
    a.sync.sync()
    assert all_confirmations(a.field.engine)[hid]["status"] == status


def test_a_confirmation_for_a_handover_erased_here_is_not_kept(territory: Territory) -> None:
    a, hid = _educ(territory)
    _publish(territory, {a.field.device_id: [_confirmed(hid)]})
    assert a.sync.sync().confirmations == 1
    # The person asks to be erased: the handover goes, and what was confirmed about it too.
    erase_person(a.field, PSEUDONYM)
    assert all_confirmations(a.field.engine) == {}
    # A later return file that still names it (the coordinator has not merged the erasure yet)
    # does not bring it back.
    _publish(territory, {a.field.device_id: [_confirmed(hid)]})
    assert a.sync.sync().confirmations == 1
    assert all_confirmations(a.field.engine) == {}
