"""The projection fold: the same history gives the same rows, whatever order it arrives in."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.events import Event, EventType
from fieldapp.domain.projection import fold

DEVICE = "d" * 32


def _event(seq: int, type_: EventType, entity: str, payload: dict[str, object]) -> Event:
    return Event(
        id=f"00000000-0000-7000-8000-{seq:012d}",
        device_id=DEVICE,
        seq=seq,
        hlc=f"{1_700_000_000_000 + seq:016d}-00000",
        type=str(type_),
        entity_id=entity,
        payload=payload,
    )


CONTACT = {
    "date": "2026-11-20",
    "slot": "matin",
    "neighbourhood": "QN07601M",
    "place_type": "espace-public",
    "contact_mode": "premier-contact",
    "age_band": "18-25",
    "gender": "femme",
    "situation": "inconnue",
    "registrations": ["aucune"],
    "needs": ["mobilite", "sante"],
    "outcome": "rdv-propose",
}
HISTORY = [
    _event(1, EventType.CONTACT_RECORDED, "c1", CONTACT),
    _event(2, EventType.CONTACT_AMENDED, "c1", CONTACT | {"needs": ["sante"], "age_band": "26-29"}),
    _event(3, EventType.HANDOVER_PROPOSED, "h1", {
        "contact_id": "c1", "partner": "P", "mode": "appel-a-trois", "consent": True,
        "at": "2026-11-20T10:00:00Z",
    }),
    _event(4, EventType.HANDOVER_STATUS_CHANGED, "h1",
           {"status": "rdv_fixe", "at": "2026-11-21T10:00:00Z"}),
    _event(5, EventType.HANDOVER_AMENDED, "h1", {"follow_up": "2026-12-02"}),
    _event(6, EventType.CONTACT_RECORDED, "c2", CONTACT | {"outcome": "pas-interesse"}),
    _event(7, EventType.CONTACT_VOIDED, "c2", {"reason": "doublon"}),
    _event(8, "future.kind", "x1", {"anything": 1}),  # type: ignore[arg-type]
]  # fmt: skip


def test_fold_applies_each_kind_of_event() -> None:
    rows = fold(HISTORY)
    by_id = {c["id"]: c for c in rows.contacts}
    assert by_id["c1"]["age_band"] == "26-29" and by_id["c1"]["version"] == 2
    assert by_id["c2"]["voided"] is True and by_id["c2"]["void_reason"] == "doublon"
    assert [n["need"] for n in rows.contact_needs if n["contact_id"] == "c1"] == ["sante"]
    (handover,) = rows.handovers
    assert handover["status"] == "rdv_fixe" and handover["follow_up"] == "2026-12-02"
    assert [h["status"] for h in rows.handover_history] == ["propose", "rdv_fixe"]


@given(st.randoms(use_true_random=False))
def test_fold_does_not_depend_on_arrival_order(rng: random.Random) -> None:
    shuffled = HISTORY[:]
    rng.shuffle(shuffled)
    assert fold(shuffled) == fold(HISTORY)


def test_a_change_without_its_creation_yields_no_row_yet() -> None:
    rows = fold([HISTORY[1], HISTORY[3]])
    assert rows.contacts == [] and rows.handovers == [] and rows.handover_history == []
