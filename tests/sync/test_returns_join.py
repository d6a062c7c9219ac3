"""`confirmations_for`: the coordinator pairs a device's handovers with the receptions recorded
by receiving structures, by the code relais's HMAC, and keeps the last status of each.
Both sides arrive the real way: device → batch → merge.
"""

from __future__ import annotations

import base64
import json
from datetime import date

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.services.field import FieldService
from fieldapp.services.receptions import ReceptionService
from fieldapp.services.returns import publish_returns
from fieldapp.sync.batch import hpke_open
from fieldapp.sync.returns import (
    Confirmation,
    ReturnHeader,
    confirmations_for,
    file_name,
    open_return,
)
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory

PSEUDONYM = "ABCD-2345"
NOTE = "Marqueur de note : rappeler jeudi."


def _propose(field: FieldService) -> str:
    contact_id = field.record_contact(sample_contact(pseudonym=PSEUDONYM, note=NOTE))
    return field.propose_handover(
        {
            "contact_id": contact_id,
            "partner": "Mission locale fictive",
            "mode": "rdv-tripartite",
            "consent": True,
        }
    )


@pytest.mark.parametrize("db", [None, pytest.param("postgres", marks=pytest.mark.postgres)])
def test_the_last_status_recorded_for_each_of_the_device_s_handovers(
    territory: Territory, db: str | None, request: pytest.FixtureRequest
) -> None:
    db_url = request.getfixturevalue("postgres_url") if db else None
    if db_url:
        territory.open(db_url).service.close()  # the workspace now uses this database
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
        assert coord.consolidated.engine.dialect.name == ("postgresql" if db else "sqlite")
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


def test_no_code_pseudonym_or_note_in_the_return_file(territory: Territory) -> None:
    educ, ml = territory.device("educ"), territory.device("ml")
    handover_id = _propose(educ.field)
    code = educ.field.handover_code(handover_id)
    assert code is not None
    ReceptionService(ml.field).record(code, "accueilli")
    for device in (educ, ml):
        device.sync.sync()
    with territory.open() as coord:
        coord.merge()
        publish_returns(coord)
    data = (territory.drop / file_name(educ.field.device_id)).read_bytes()
    key = X25519PrivateKey.from_private_bytes(
        base64.b64decode(educ.field.store.get_setting("device_encryption_key"))
    )
    header, [confirmation] = open_return(
        data,
        device_id=educ.field.device_id,
        device_private=key,
        coordinator_public=base64.b64decode(
            educ.field.store.get_setting("coordination")["signing_public"]
        ),
        last_seq=0,
    )
    assert confirmation.handover_id == handover_id and confirmation.status == "accueilli"
    document = json.loads(data)
    body = hpke_open(
        base64.b64decode(document["ciphertext"]),
        key,
        info=ReturnHeader(
            **{k: v for k, v in document["header"].items() if k not in ("format", "version")}
        ).hpke_info(),
        suite=header.suite,
    )
    assert body is not None
    for marker in (code, code.replace("-", ""), PSEUDONYM, "Marqueur de note"):
        assert marker.encode() not in data and marker.encode() not in body
