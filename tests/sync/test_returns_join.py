"""`confirmations_for`: the coordinator pairs a device's handovers with the receptions recorded
by receiving structures, by the code relais's HMAC, and keeps the last status of each.
Both sides arrive the real way: device → batch → merge.
"""

from __future__ import annotations

from datetime import date

from fieldapp.services.field import FieldService
from fieldapp.services.receptions import ReceptionService
from fieldapp.sync.returns import Confirmation, confirmations_for
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory


def _propose(field: FieldService) -> str:
    contact_id = field.record_contact(sample_contact())
    return field.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale fictive",
            "mode": "rdv-tripartite",
            "consent": True,
        }
    )


def test_the_last_status_recorded_for_each_of_the_device_s_handovers(
    territory: Territory,
) -> None:
    educ, ml, other = territory.device("educ"), territory.device("ml"), territory.device("autre")
    confirmed, untouched = _propose(educ.field), _propose(educ.field)
    foreign = _propose(other.field)
    code = educ.field.handover_code(confirmed)
    foreign_code = other.field.handover_code(foreign)
    assert code is not None and foreign_code is not None
    inbox = ReceptionService(ml.field)
    today = date(2026, 3, 20)
    inbox.record(code, "accueilli", day=date(2026, 3, 10), today=today)
    inbox.record(code, "entre_dispositif", day=date(2026, 3, 12), today=today)
    inbox.record(foreign_code, "accueilli", day=date(2026, 3, 11), today=today)
    for device in (educ, other, ml):
        assert device.sync.sync().ok
    with territory.open() as coord:
        coord.merge()
        with coord.consolidated.engine.connect() as conn:
            mine = confirmations_for(conn, educ.field.device_id)
            theirs = confirmations_for(conn, other.field.device_id)
            nobody = confirmations_for(conn, ml.field.device_id)
    structure = ml.field.structure
    assert mine == [
        Confirmation(
            confirmed,
            "entre_dispositif",
            str(structure["id"]),
            str(structure["name"]),
            "2026-03-12",
        )
    ]
    assert untouched not in {c.handover_id for c in mine}
    assert [c.handover_id for c in theirs] == [foreign] and nobody == []
