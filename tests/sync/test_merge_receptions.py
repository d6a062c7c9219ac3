"""Receptions at the coordinator's merge (issue 16): each is its owner's record, like a contact;
a reception with no code HMAC, or with a raw code in its place, is refused like any payload no
device would write."""

from __future__ import annotations

from sqlalchemy import select

from fieldapp.domain.relay_code import new_code
from fieldapp.services.receptions import ReceptionService
from fieldapp.storage.schema import receptions
from fieldapp.sync.merge import MergeReport
from tests.helpers.coordination import Territory
from tests.sync.hostile import Sealer, forged, next_seq, own_events, store_digest


def test_a_reception_recreated_or_forged_by_another_device_is_refused(
    territory: Territory,
) -> None:
    a = territory.device("ml", structure_type="mission-locale")
    b = territory.device("autre", structure_type="france-travail")
    try:
        ReceptionService(a.field).record(new_code(), "accueilli")
        ReceptionService(b.field).record(new_code(), "accueilli")
        assert a.sync.sync().ok and b.sync.sync().ok
        with territory.open() as coord:
            assert coord.merge().batches_merged == 2
        (theirs,) = [e for e in own_events(a) if e["type"] == "reception.recorded"]
        (mine,) = [e for e in own_events(b) if e["type"] == "reception.recorded"]
        sealer = Sealer.of(territory, b)
        recreate = forged(
            mine, device_id=b.field.device_id, seq=next_seq(b), entity_id=theirs["entity_id"]
        )
        raw = forged(
            mine,
            device_id=b.field.device_id,
            seq=next_seq(b),
            payload={**mine["payload"], "code_hmac": new_code()},
        )
        empty = forged(mine, device_id=b.field.device_id, seq=next_seq(b), payload={})
        with territory.open() as coord:
            engine = coord.consolidated.engine
            before = store_digest(engine)
            reasons = []
            for name, event in (("recreate", recreate), ("raw", raw), ("empty", empty)):
                report = MergeReport()
                coord.consolidated.merge_bytes(
                    f"{name}.rbatch", sealer.seal_events([event]), report
                )
                (q,) = report.batches_quarantined
                reasons.append(q["reason_code"])
            assert store_digest(engine) == before
            with engine.connect() as conn:
                owner = conn.execute(
                    select(receptions.c.device_id).where(receptions.c.id == theirs["entity_id"])
                ).scalar_one()
        assert owner == a.field.device_id
        assert reasons[0] == "foreign_record" and reasons[2] == "empty_payload"
        assert reasons[1] == "invalid_payload"  # the payload check: not a code HMAC
    finally:
        a.field.close()
        b.field.close()
