"""Street rounds and joint actions (issue 17): what the parsers accept, and the one-line
refusals a person sees (unknown code, negative count, over 24 h, a phone number in the note)."""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from pathlib import Path

import pytest

from fieldapp.domain.actions import parse_action
from fieldapp.domain.contacts import parse_contact
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.events import Event, EventType
from fieldapp.domain.handovers import parse_handover
from fieldapp.domain.payloads import PayloadRefused, check_event
from fieldapp.domain.presence import parse_outing
from tests.helpers.text import fr

TODAY = dt.date(2026, 11, 30)
OUTING = {
    "date": "2026-11-20",
    "slot": "soir",
    "neighbourhood": "QN01401M",
    "duration_minutes": 90,
    "seen": [
        {"gender": "homme", "age_band": "18-25", "count": 6},
        {"gender": "femme", "age_band": "18-25", "count": 2},
    ],
    "ambiance": "tendu",
    "mediations": 1,
    "note": "Rassemblement devant le city-stade",
}
ACTION = {
    "date": "2026-11-21",
    "neighbourhood": "QN01401M",
    "action_type": "forum-emploi",
    "partners": ["ml-caen", "ft-caen-nord"],
    "employers": {"count": 4, "ids": ["emp-1"]},
    "participants": [{"gender": "femme", "age_band": "26-29", "count": 12}],
}


def _problems(parse, data) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        parse(data, today=TODAY)
    return [str(p) for p in caught.value.problems]


def test_an_outing_keeps_its_counts_in_vocabulary_order() -> None:
    outing = parse_outing(OUTING, today=TODAY)
    assert outing.people_seen == 8
    assert outing.duration_minutes == 90
    assert outing.to_payload()["seen"] == [
        {"gender": "femme", "age_band": "18-25", "count": 2},
        {"gender": "homme", "age_band": "18-25", "count": 6},
    ]
    assert parse_outing(outing.to_payload(), today=TODAY) == outing


def test_an_outing_defaults_to_a_calm_round_without_mediation() -> None:
    minimal = {k: OUTING[k] for k in ("date", "slot", "neighbourhood", "duration_minutes")}
    outing = parse_outing(minimal, today=TODAY)
    assert (outing.ambiance, outing.mediations, outing.seen) == ("calme", 0, ())


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"ambiance": "bof"}, "ambiance", "valeur inconnue « bof »"),
        ({"mediations": -1}, "mediations", "nombre négatif"),
        ({"duration_minutes": 24 * 60 + 1}, "duration_minutes", "plus de 24 h"),
        ({"duration_minutes": 0}, "duration_minutes", "durée nulle"),
        (
            {"seen": [{"gender": "homme", "age_band": "18-25", "count": -3}]},
            "seen[1].count",
            "nombre négatif",
        ),
        (
            {"seen": [{"gender": "h", "age_band": "18-25", "count": 3}]},
            "seen[1].gender",
            "valeur inconnue",
        ),
        (
            {"seen": [{"gender": "homme", "age_band": "18-25", "count": 1}] * 2},
            "seen[2]",
            "deux fois",
        ),
        ({"telephone": "0612345678"}, "telephone", "donnée"),
    ],
)
def test_a_wrong_outing_is_refused_in_one_line_per_field(
    change: dict[str, object], field: str, words: str
) -> None:
    lines = _problems(parse_outing, OUTING | change)
    assert len(lines) == 1
    assert field in lines[0] and fr(words) in lines[0]
    assert "\n" not in lines[0]


def test_an_action_stores_partners_employers_and_participants() -> None:
    action = parse_action(ACTION, today=TODAY)
    assert action.partners == ("ml-caen", "ft-caen-nord")
    assert (action.employer_count, action.employer_ids) == (4, ("emp-1",))
    assert action.participant_total == 12
    assert parse_action(action.to_payload(), today=TODAY) == action
    # A count alone is the usual case: the directory rarely names the employers.
    counted = parse_action(ACTION | {"employers": 3}, today=TODAY)
    assert counted.to_payload()["employers"] == {"count": 3, "ids": []}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"action_type": "kermesse"}, "action_type", "valeur inconnue « kermesse »"),
        ({"employers": -2}, "employers", "nombre négatif"),
        ({"employers": {"count": 1, "ids": ["a", "b"]}}, "employers.ids", "plus d'identifiants"),
        (
            {"participants": [{"gender": "femme", "age_band": "26-29", "count": -12}]},
            "participants[1].count",
            "nombre négatif",
        ),
        ({"partners": ["Mission locale de Caen"]}, "partners", "identifiant"),
    ],
)
def test_a_wrong_action_is_refused_in_one_line(
    change: dict[str, object], field: str, words: str
) -> None:
    lines = _problems(parse_action, ACTION | change)
    assert len(lines) == 1
    assert field in lines[0] and fr(words) in lines[0]


def test_contacts_and_handovers_may_name_the_record_they_came_from() -> None:
    contact = parse_contact(
        {
            "date": "2026-11-20",
            "slot": "soir",
            "neighbourhood": "QN01401M",
            "place_type": "espace-public",
            "outcome": "information-donnee",
            "outing_id": "0193a1b2-0000-7000-8000-000000000001",
        },
        today=TODAY,
    )
    assert contact.to_payload()["outing_id"] == "0193a1b2-0000-7000-8000-000000000001"
    handover = parse_handover(
        {
            "contact_id": "c-1",
            "partner": "Mission locale",
            "mode": "mise-en-relation",
            "consent": True,
            "action_id": "a-1",
        },
        today=TODAY,
    )
    assert handover.to_payload()["action_id"] == "a-1"
    assert "action_id" in _problems(parse_contact, {"action_id": "deux mots"})[-1]


def _event(kind: EventType, payload: dict[str, object]) -> Event:
    return Event(str(uuid.uuid4()), "dev-1", 1, "0000001732000000000-0000", kind, "r-1", payload)


def test_the_coordinator_runs_the_same_parsers_and_note_guard() -> None:
    check_event(_event(EventType.OUTING_RECORDED, OUTING), today=TODAY)
    check_event(_event(EventType.ACTION_RECORDED, ACTION), today=TODAY)
    check_event(_event(EventType.OUTING_VOIDED, {"reason": "doublon"}), today=TODAY)
    with pytest.raises(PayloadRefused) as caught:
        check_event(_event(EventType.OUTING_RECORDED, OUTING | {"mediations": -1}), today=TODAY)
    assert caught.value.field == "mediations"
    phone = OUTING | {"note": "rappeler au 06 12 34 56 78"}
    with pytest.raises(PayloadRefused) as caught:
        check_event(_event(EventType.OUTING_RECORDED, phone), today=TODAY)
    assert caught.value.field == "note"
    with pytest.raises(PayloadRefused):
        check_event(_event(EventType.ACTION_AMENDED, ACTION | {"employers": -1}), today=TODAY)


def test_the_examples_of_docs_records_md_are_valid() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "records.md").read_text("utf-8")
    blocks = [json.loads(b) for b in re.findall(r"```json\n(.*?)```", text, re.S)]
    (outing,) = [b for b in blocks if "duration_minutes" in b]
    (action,) = [b for b in blocks if "action_type" in b]
    assert parse_outing(outing, today=TODAY).people_seen == 10
    assert parse_action(action, today=TODAY).participant_total == 19
