"""`confirmations_for`: the coordinator pairs a device's handovers with the receptions recorded
by receiving structures, by the code relais's HMAC, and keeps the last status of each.

The handovers arrive the real way (device → batch → merge). The receptions are written into the
consolidated store's `receptions` table as its projection writes them (one row per
`reception.recorded` event), since the receiving side's command is another branch's work; the
end-to-end CLI test goes through both devices.
"""

from __future__ import annotations

from sqlalchemy import insert

from fieldapp.domain.relay_code import code_hmac
from fieldapp.services.field import FieldService
from fieldapp.storage.schema import receptions
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
    key = educ.field.territory_key()
    assert key is not None
    code = educ.field.handover_code(confirmed)
    foreign_code = other.field.handover_code(foreign)
    assert code is not None and foreign_code is not None
    for device in (educ, other):
        assert device.sync.sync().ok
    with territory.open() as coord:
        coord.merge()
        with coord.consolidated.engine.begin() as conn:
            conn.execute(
                insert(receptions),
                [
                    {
                        "id": f"r{i}",
                        "device_id": ml.field.device_id,
                        "code_hmac": code_hmac(key, c),
                        "status": status,
                        "date": day,
                        "reason": None,
                        "created_hlc": f"0000000000{i}",
                    }
                    for i, (c, status, day) in enumerate(
                        [
                            (code, "entre_dispositif", "2026-03-12"),
                            (code, "accueilli", "2026-03-10"),
                            (foreign_code, "accueilli", "2026-03-11"),
                        ]
                    )
                ],
            )
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
