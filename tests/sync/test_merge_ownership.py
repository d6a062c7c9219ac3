"""Issue 14: a device's valid signature buys it nothing over another device's records.

Every forged batch is sealed with the project's own code under an enrolled test device's key
(tests/sync/hostile.py). After each refusal the consolidated store's data is unchanged to the
byte (`store_digest`), and the record the forger aimed at reads as its owner left it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select

from fieldapp.services.coordination import CoordinationService
from fieldapp.storage.coord_schema import batches
from fieldapp.storage.schema import contacts
from fieldapp.sync.batch import seal_batch
from fieldapp.sync.merge import MergeReport
from tests.helpers import sample_contact
from tests.helpers.coordination import Device, Territory
from tests.sync.hostile import (
    FAR_FUTURE_HLC,
    Sealer,
    forged,
    next_seq,
    own_events,
    store_digest,
)


def _merge_one(coord: CoordinationService, name: str, data: bytes) -> MergeReport:
    report = MergeReport()
    coord.consolidated.merge_bytes(name, data, report)
    return report


def _contact(coord: CoordinationService, contact_id: str) -> dict[str, Any]:
    with coord.consolidated.engine.connect() as conn:
        row = conn.execute(select(contacts).where(contacts.c.id == contact_id)).one()
    return dict(row._mapping)


def _owner_and_forger(territory: Territory) -> tuple[Device, str, Device, dict[str, Any]]:
    """Device a with one contact merged; device b with its own contact amended, merged too.

    Returns a, a's contact id, b and b's real `contact.amended` event (the forger's template).
    """
    a = territory.device("a")
    (contact_id,) = a.field.record_contacts([sample_contact(outcome="rdv-propose")])
    b = territory.device("b")
    (own,) = b.field.record_contacts([sample_contact()])
    b.field.amend_contact(own, {"outcome": "relais-effectue"})
    assert a.sync.sync().ok and b.sync.sync().ok
    with territory.open() as coord:
        assert coord.merge().batches_merged == 2
    amended = [e for e in own_events(b) if e["type"] == "contact.amended"][-1]
    return a, contact_id, b, amended


def test_an_amendment_of_another_device_s_contact_is_refused_whole(territory: Territory) -> None:
    a, contact_id, b, template = _owner_and_forger(territory)
    sealer = Sealer.of(territory, b)
    seq = next_seq(b)
    # One honest-looking event first, then the forged one: the whole batch goes.
    (own,) = b.field.record_contacts([sample_contact()])
    honest = own_events(b)[-1]
    attack = forged(
        template,
        device_id=b.field.device_id,
        seq=seq + 1,
        entity_id=contact_id,
        hlc=FAR_FUTURE_HLC,
        payload={**template["payload"], "outcome": "relais-effectue"},
    )
    data = sealer.seal_events([honest, attack])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        report = _merge_one(coord, "forged.rbatch", data)
        (q,) = report.batches_quarantined
        assert q["reason_code"] == "foreign_record"
        assert "autre appareil" in q["reason"] and f"n° {seq + 1}" in q["reason"]
        assert store_digest(coord.consolidated.engine) == before
        assert _contact(coord, contact_id)["outcome"] == "rdv-propose"
        assert _contact(coord, contact_id)["device_id"] == a.field.device_id
        assert coord.quarantined()[0]["reason_code"] == "foreign_record"
    assert own


def test_a_contact_created_again_by_another_device_is_refused(territory: Territory) -> None:
    _, contact_id, b, _ = _owner_and_forger(territory)
    (mine,) = b.field.record_contacts([sample_contact(outcome="relais-effectue")])
    recorded = own_events(b)[-1]
    attack = {**recorded, "entity_id": contact_id}
    data = Sealer.of(territory, b).seal_events([attack])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        (q,) = _merge_one(coord, "recreate.rbatch", data).batches_quarantined
        assert q["reason_code"] == "foreign_record"
        assert store_digest(coord.consolidated.engine) == before
        assert _contact(coord, contact_id)["outcome"] == "rdv-propose"
    assert mine


def test_a_forged_amendment_arriving_before_the_creation_is_held_then_refused(
    territory: Territory,
) -> None:
    b = territory.device("b")
    (own,) = b.field.record_contacts([sample_contact()])
    b.field.amend_contact(own, {"outcome": "relais-effectue"})
    template = own_events(b)[-1]
    a = territory.device("a")
    (contact_id,) = a.field.record_contacts([sample_contact(outcome="rdv-propose")])
    assert a.sync.sync().ok  # a's batch waits in the drop, not merged yet
    attack = forged(
        template, device_id=b.field.device_id, seq=1, entity_id=contact_id, hlc=FAR_FUTURE_HLC
    )
    data = Sealer.of(territory, b).seal_events([attack])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        (q,) = _merge_one(coord, "early.rbatch", data).batches_quarantined
        assert q["reason_code"] == "held" and "en attente" in q["reason"]
        assert store_digest(coord.consolidated.engine) == before  # held: stored aside only
        # The creation arrives: it merges, and the held batch is judged then, and refused.
        report = coord.merge()
        assert report.batches_merged == 1
        assert [(q["file"], q["reason_code"]) for q in report.batches_quarantined] == [
            ("early.rbatch", "foreign_record")
        ]
        assert _contact(coord, contact_id)["outcome"] == "rdv-propose"
        assert [q["reason_code"] for q in coord.quarantined()] == ["foreign_record"]


def test_a_device_s_own_amendment_before_its_creation_is_held_then_applied(
    territory: Territory,
) -> None:
    a = territory.device("a")
    a.sync.batch_events = 1
    (contact_id,) = a.field.record_contacts([sample_contact(outcome="rdv-propose")])
    a.field.amend_contact(contact_id, {"outcome": "relais-effectue"})
    assert a.sync.sync().ok
    first, second = sorted(territory.drop.glob("*.rbatch"), key=lambda p: "-2-" in p.name)
    with territory.open() as coord:
        held = _merge_one(coord, second.name, second.read_bytes())
        assert [q["reason_code"] for q in held.batches_quarantined] == ["held"]
        assert held.batches_merged == 0
        later = _merge_one(coord, first.name, first.read_bytes())
        assert later.batches_merged == 2 and later.batches_quarantined == []
        assert later.events_inserted == 2
        assert coord.quarantined() == []
        assert _contact(coord, contact_id)["outcome"] == "relais-effectue"
        (comp,) = coord.completeness()
        assert comp["ranges"] == [[1, 2]] and comp["gaps"] == []


def test_an_event_id_sent_again_with_other_content_is_a_conflict_with_an_alarm(
    territory: Territory,
) -> None:
    a, contact_id, b, template = _owner_and_forger(territory)
    # b re-sends its own stored amendment under the same id, other content, at a new seq.
    replay = {**template, "seq": next_seq(b), "payload": {**template["payload"], "note": "x"}}
    # and a's creation id, reused by b for an event of its own.
    a_created = own_events(a)[0]
    reuse = {**template, "id": a_created["id"], "seq": next_seq(b)}
    sealer = Sealer.of(territory, b)
    with territory.open() as coord:
        engine = coord.consolidated.engine
        before = store_digest(engine)
        completeness = coord.completeness()
        for name, data in (
            ("replay.rbatch", sealer.seal_events([replay])),
            ("reuse.rbatch", sealer.seal_events([reuse])),
        ):
            (q,) = _merge_one(coord, name, data).batches_quarantined
            assert q["reason_code"] == "conflict", name
            assert "autre contenu" in q["reason"]
        assert store_digest(engine) == before
        # Completeness counts only stored events: b's new seq is not "received".
        assert coord.completeness() == completeness
        kinds = [alarm["kind"] for alarm in coord.consolidated.alarms()]
        assert kinds == ["conflict", "conflict"]
        assert a_created["id"] in coord.consolidated.alarms()[1]["message"]
        assert _contact(coord, contact_id)["device_id"] == a.field.device_id


def test_another_event_at_a_stored_seq_is_a_conflict(territory: Territory) -> None:
    _, _, b, template = _owner_and_forger(territory)
    other = forged(template, device_id=b.field.device_id, seq=template["seq"])
    data = Sealer.of(territory, b).seal_events([other])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        (q,) = _merge_one(coord, "seq.rbatch", data).batches_quarantined
        assert q["reason_code"] == "conflict"
        assert store_digest(coord.consolidated.engine) == before
        assert [alarm["kind"] for alarm in coord.consolidated.alarms()] == ["conflict"]


def test_an_empty_payload_has_its_own_code(territory: Territory) -> None:
    b = territory.device("b")
    b.field.record_contacts([sample_contact()])
    (recorded,) = own_events(b)
    data = Sealer.of(territory, b).seal_events([{**recorded, "payload": {}}])
    with territory.open() as coord:
        before = store_digest(coord.consolidated.engine)
        (q,) = _merge_one(coord, "empty.rbatch", data).batches_quarantined
        assert q["reason_code"] == "empty_payload" and "n° 1" in q["reason"]
        assert store_digest(coord.consolidated.engine) == before


def test_revocation_goes_by_the_last_seq_accepted_not_by_the_manifest_date(
    territory: Territory,
) -> None:
    a = territory.device("a")
    a.sync.batch_events = 2
    a.field.record_contacts([sample_contact() for _ in range(4)])
    assert a.sync.sync().ok
    files = {p.name: p.read_bytes() for p in territory.drop.glob("*.rbatch")}
    early = next(n for n in files if "-1-2." in n)
    later = next(n for n in files if "-3-4." in n)
    sealer = Sealer.of(territory, a)
    a.field.record_contacts([sample_contact()])
    (fifth,) = [e for e in own_events(a) if e["seq"] == 5]
    _, backdated = _seal_backdated(sealer, [fifth])
    with territory.open() as coord:
        assert _merge_one(coord, later, files[later]).batches_merged == 1
        coord.set_device_status(a.field.device_id, "revoked")
        assert coord.consolidated.device(a.field.device_id)["last_accepted_seq"] == 4
        # Sealed "in 2020", after the revocation: above seq 4, refused.
        before = store_digest(coord.consolidated.engine)
        (q,) = _merge_one(coord, "backdated.rbatch", backdated).batches_quarantined
        assert q["reason_code"] == "revoked_device" and "n° 4" in q["reason"]
        assert store_digest(coord.consolidated.engine) == before
        # Sealed before the revocation, delivered late, at or below seq 4: accepted.
        assert _merge_one(coord, early, files[early]).batches_merged == 1
        (comp,) = coord.completeness()
        assert comp["ranges"] == [[1, 4]] and comp["status"] == "revoked"


def test_a_batch_the_coordinator_saw_before_the_revocation_is_still_accepted(
    territory: Territory,
) -> None:
    a = territory.device("a")
    a.field.record_contacts([sample_contact()])
    assert a.sync.sync().ok
    with territory.open() as coord:
        coord.set_device_status(a.field.device_id, "suspended")
        (q,) = coord.merge().batches_quarantined
        assert q["reason_code"] == "suspended_device"
        (kept,) = coord.quarantined()
        # Revoked a minute later (first_seen is strictly before the revocation).
        later = datetime.now(UTC) + timedelta(minutes=1)
        coord.consolidated.set_status(a.field.device_id, "revoked", now=later)
        assert coord.consolidated.device(a.field.device_id)["last_accepted_seq"] == 0
        retried = coord.retry_quarantine()
        assert retried.batches_merged == 1 and retried.batches_quarantined == []
        with coord.consolidated.engine.connect() as conn:
            (first_seen, merged_at) = conn.execute(
                select(batches.c.first_seen, batches.c.merged_at)
            ).one()
        # The ledger keeps when the coordinator first saw the file, not when it merged it.
        assert first_seen == kept["first_seen"] <= merged_at
        assert coord.quarantined() == []


def _seal_backdated(sealer: Sealer, evs: list[dict[str, Any]]) -> tuple[str, bytes]:
    return seal_batch(
        evs,
        device_id=sealer.device_id,
        structure_id=sealer.structure_id,
        signing_key=sealer.signing_key,
        recipient_public=sealer.recipient.public_key(),
        created=datetime(2020, 1, 1, tzinfo=UTC),
    )
