"""Merging sealed batches into the consolidated store: complete, idempotent, never half-done."""

from __future__ import annotations

import base64
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from fieldapp.services.sync import SyncService
from fieldapp.storage.schema import contacts, events, handovers
from fieldapp.storage.store import ContactFilter
from fieldapp.sync.batch import read_manifest, seal_batch
from fieldapp.sync.merge import MergeReport
from tests.helpers import make_coordination, make_profile, sample_contact
from tests.helpers.coordination import Territory


def _count(service: object, table: object) -> int:
    engine = service.consolidated.engine  # type: ignore[attr-defined]
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)  # type: ignore[arg-type]


def test_two_devices_merge_completely_and_a_second_merge_adds_nothing(territory: Territory) -> None:
    a = territory.device("a")
    b = territory.device("b")
    ids_a = a.field.record_contacts([sample_contact() for _ in range(7)])
    b.field.record_contacts([sample_contact(neighbourhood="QN01402M") for _ in range(5)])
    handover = a.field.propose_handover(
        {
            "contact_id": ids_a[0],
            "partner": "Mission locale (fictive)",
            "mode": "appel-a-trois",
            "consent": True,
        }
    )
    a.field.change_handover_status(handover, "rdv_fixe")
    assert a.sync.sync().ok and b.sync.sync().ok
    with territory.open() as coord:
        report = coord.merge()
        assert report.batches_merged == 2 and report.batches_quarantined == []
        assert report.events_inserted == 7 + 5 + 2
        assert _count(coord, contacts) == 12
        with coord.consolidated.engine.connect() as conn:
            status = conn.execute(select(handovers.c.status)).scalar()
        assert status == "rdv_fixe"
        again = coord.merge()
        assert again.batches_merged == 0 and again.batches_already_merged == 2
        assert again.events_inserted == 0
        assert _count(coord, events) == 14
        (comp_a,) = [c for c in coord.completeness() if c["device_id"] == a.field.device_id]
        assert comp_a["ranges"] == [[1, 9]] and comp_a["gaps"] == []


def test_batches_in_any_order_give_the_device_s_own_state(territory: Territory) -> None:
    device = territory.device("a")
    device.sync.batch_events = 4  # many small batches
    contact_ids = device.field.record_contacts([sample_contact() for _ in range(6)])
    device.field.amend_contact(contact_ids[0], {"outcome": "relais-effectue"})
    device.field.void_contact(contact_ids[1], "doublon")
    h = device.field.propose_handover(
        {
            "contact_id": contact_ids[2],
            "partner": "SIAE (fictive)",
            "mode": "rdv-tripartite",
            "consent": True,
        }
    )
    for status in ("rdv_fixe", "rdv_honore", "entre_dispositif"):
        device.field.change_handover_status(h, status)
    device.sync.sync()
    names = sorted(p.name for p in territory.drop.glob("*.rbatch"))
    assert len(names) >= 3
    with territory.open() as coord:
        report = MergeReport()
        for name in reversed(names):  # newest first: amendments before creations
            coord.consolidated.merge_bytes(name, (territory.drop / name).read_bytes(), report)
        assert report.batches_merged == len(names)
        with coord.consolidated.engine.connect() as conn:
            merged = {r.id: r for r in conn.execute(select(contacts))}
            status = conn.execute(select(handovers.c.status)).scalar()
    mine = {r["id"]: r for r in device.field.contacts(ContactFilter(include_voided=True))}
    assert set(merged) == set(mine)
    assert merged[contact_ids[0]].outcome == "relais-effectue"
    assert merged[contact_ids[1]].voided is True
    assert status == "entre_dispositif"


def test_unknown_device_is_quarantined_then_merged_after_enrolment(territory: Territory) -> None:
    stranger = territory.device("x", enrol=False)
    stranger.field.record_contacts([sample_contact() for _ in range(3)])
    stranger.sync.sync()
    with territory.open() as coord:
        report = coord.merge()
        assert report.batches_merged == 0
        (q,) = report.batches_quarantined
        assert q["reason_code"] == "unknown_device" and "Appareil inconnu" in q["reason"]
        assert _count(coord, events) == 0
        enrolment = territory.tmp / "x.enrolment"
        stranger.sync.enrolment(enrolment)
        coord.enrol(coord.read_enrolment(enrolment))
        retried = coord.retry_quarantine()
        assert retried.batches_merged == 1 and retried.events_inserted == 3
        assert coord.quarantined() == []


def test_damaged_or_foreign_batches_are_quarantined_and_import_nothing(
    territory: Territory, tmp_path: Path
) -> None:
    device = territory.device("a")
    device.field.record_contacts([sample_contact() for _ in range(4)])
    device.sync.sync()
    (good,) = territory.drop.glob("*.rbatch")
    data = good.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) - 40] ^= 0x01
    good.unlink()
    (territory.drop / "relais-flip-1-4.rbatch").write_bytes(bytes(flipped))
    (territory.drop / "relais-cut-1-4.rbatch").write_bytes(data[: len(data) // 2])
    # A batch sealed for another coordinator.
    other = make_coordination(tmp_path / "autre", drop=str(tmp_path / "autre-depot"))
    (tmp_path / "autre-depot").mkdir()
    field2, _ = make_profile(tmp_path / "p2")
    sync2 = SyncService(field2)
    sync2.join_coordination(other.invitation, other.code)
    with territory.open() as coord:
        enrolment = tmp_path / "p2.enrolment"
        sync2.enrolment(enrolment)
        coord.enrol(coord.read_enrolment(enrolment))
    field2.record_contact(sample_contact())
    sync2.sync()
    (foreign,) = (tmp_path / "autre-depot").glob("*.rbatch")
    (territory.drop / foreign.name).write_bytes(foreign.read_bytes())
    with territory.open() as coord:
        report = coord.merge()
        reasons = {q["file"]: q["reason_code"] for q in report.batches_quarantined}
        assert report.batches_merged == 0
        assert reasons["relais-cut-1-4.rbatch"] == "malformed"
        assert reasons["relais-flip-1-4.rbatch"] in {"bad_hash", "bad_signature", "decrypt_failed"}
        assert reasons[foreign.name] == "wrong_recipient"
        assert all(q["reason"] for q in coord.quarantined())
        assert _count(coord, events) == 0 and _count(coord, contacts) == 0
        # The good copy arrives later: it merges, the damaged ones stay in quarantine.
        (territory.drop / good.name).write_bytes(data)
        later = coord.merge()
        assert later.batches_merged == 1 and later.events_inserted == 4
        assert len(coord.quarantined()) == 3


def test_revoked_and_suspended_devices(territory: Territory) -> None:
    device = territory.device("a")
    device.field.record_contacts([sample_contact()])
    device.sync.sync()
    with territory.open() as coord:
        coord.set_device_status(device.field.device_id, "suspended")
        (q,) = coord.merge().batches_quarantined
        assert q["reason_code"] == "suspended_device"
        coord.set_device_status(device.field.device_id, "trusted")
        assert coord.retry_quarantine().batches_merged == 1
        coord.set_device_status(device.field.device_id, "revoked")
    device.field.record_contacts([sample_contact()])
    device.sync.sync()
    with territory.open() as coord:
        (q,) = coord.merge().batches_quarantined
        assert q["reason_code"] == "revoked_device"
        assert _count(coord, contacts) == 1


def test_missing_batches_show_as_gaps(territory: Territory) -> None:
    device = territory.device("a")
    device.sync.batch_events = 5
    device.field.record_contacts([sample_contact() for _ in range(15)])
    device.sync.sync()
    middle = next(p for p in territory.drop.glob("*.rbatch") if "-6-10." in p.name)
    middle.unlink()
    with territory.open() as coord:
        coord.merge()
        (comp,) = coord.completeness()
        assert comp["ranges"] == [[1, 5], [11, 15]]
        assert comp["gaps_text"] == ["événements 6–10 manquants"]
        assert comp["last_batch"]


def test_same_batch_id_with_other_content_raises_an_alarm(territory: Territory) -> None:
    device = territory.device("a")
    device.field.record_contacts([sample_contact()])
    device.sync.sync()
    (original,) = territory.drop.glob("*.rbatch")
    with territory.open() as coord:
        assert coord.merge().batches_merged == 1
        # Re-seal the same events under the same batch id: same manifest id, new ciphertext.
        row = device.sync.outbox()[0]
        assert row["batch_id"]
    manifest = read_manifest(original.read_bytes())
    signing = Ed25519PrivateKey.from_private_bytes(
        base64.b64decode(device.field.store.get_setting("device_signing_key"))
    )
    evs = [e.to_dict() for e in device.field.store.events_from(1)]
    with territory.open() as coord:
        name, data = seal_batch(
            evs,
            device_id=manifest.device_id,
            structure_id=manifest.structure_id,
            signing_key=signing,
            recipient_public=coord.workspace.recipient_private.public_key(),  # type: ignore[union-attr]
            batch_id=manifest.batch_id,
        )
        (territory.drop / ("copy-" + name)).write_bytes(data)
        report = coord.merge()
        (q,) = report.batches_quarantined
        assert q["reason_code"] == "duplicate_batch_id"
        assert coord.consolidated.alarms()[0]["kind"] == "duplicate_batch_id"
