"""Reception records: codes only, a path the device keeps, dates a structure could have typed."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.receptions import check_reception, parse_reception
from fieldapp.domain.vocab import RECEPTION_STATUSES
from tests.helpers.text import fr

TODAY = dt.date(2026, 12, 3)
H = "ab" * 32


def _parse(**changes: object) -> object:
    data: dict[str, object] = {"code_hmac": H, "status": "accueilli", "date": "2026-12-01"}
    data.update(changes)
    return parse_reception({k: v for k, v in data.items() if v is not None}, today=TODAY)


def test_a_reception_round_trips_to_its_payload() -> None:
    reception = parse_reception(
        {"code_hmac": H, "status": "refus_structure", "date": "2026-12-01", "reason": "complet"},
        today=TODAY,
    )
    assert reception.to_payload() == {
        "code_hmac": H, "status": "refus_structure", "date": "2026-12-01", "reason": "complet",
    }  # fmt: skip
    assert "reason" not in parse_reception(reception.to_payload() | {"status": "accueilli",
                                                                      "reason": None},
                                           today=TODAY).to_payload()  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"code_hmac": "R7K2-9QXM-4"}, "code_hmac"),  # never the raw code
        ({"code_hmac": None}, "code_hmac"),
        ({"status": "rdv_fixe"}, "status"),
        ({"date": "2026-12-04"}, "date"),  # tomorrow
        ({"date": "2015-01-01"}, "date"),
        ({"status": "refus_structure"}, "reason"),  # a refusal says why, with a code
        ({"status": "refus_structure", "reason": "il ne voulait pas"}, "reason"),
        ({"reason": "complet"}, "reason"),  # a reason only for a refusal
        ({"note": "texte libre"}, "note"),
    ],
)
def test_what_no_device_would_write_is_refused(changes: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        _parse(**changes)
    assert field in {p.field for p in raised.value.problems}


def test_the_path_starts_with_accueilli_or_a_closing_status_and_ends_there() -> None:
    check_reception([], "accueilli")
    check_reception([], "refus_structure")
    check_reception(["accueilli"], "entre_dispositif")
    for status in ("reoriente", "refus_structure", "sans_suite"):
        check_reception(["accueilli"], status)
    with pytest.raises(ValidationError) as raised:
        check_reception([], "entre_dispositif")
    assert fr("premier état possible pour ce code : accueilli") in str(raised.value)
    with pytest.raises(ValidationError):
        check_reception(["accueilli"], "accueilli")
    for closing in ("entre_dispositif", "reoriente", "refus_structure", "sans_suite"):
        with pytest.raises(ValidationError) as raised:
            check_reception(["accueilli", closing], "accueilli")
        assert "déjà clos" in str(raised.value)
    assert len(RECEPTION_STATUSES) == 5
