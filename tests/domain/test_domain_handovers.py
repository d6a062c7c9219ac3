"""Handovers: lifecycle transitions, consent, status changes, follow-up and expiry."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.domain.handovers import (
    ALLOWED_TRANSITIONS,
    EXPIRY_DAYS_DEFAULT,
    INITIAL_STATUS,
    Handover,
    StatusChange,
    allowed_next,
    amend_handover,
    check_transition,
    is_expired,
    is_overdue,
    is_terminal,
    parse_handover,
    parse_status_change,
)
from fieldapp.domain.vocab import HANDOVER_STATUSES
from tests.helpers.text import fr

TODAY = dt.date(2024, 11, 25)
NOW = dt.datetime(2024, 11, 25, 10, 0, tzinfo=dt.UTC)
TERMINAL = ["entre_dispositif", "refus_personne", "refus_partenaire", "perdu_de_vue", "expire"]
CONTACT_ID = "01936a2e-5c00-7abc-8def-0123456789ab"


def handover_data(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "contact_id": CONTACT_ID,
        "partner": "Structure partenaire A",
        "mode": "accompagnement-physique",
        "consent": True,
    }
    data.update(overrides)
    return data


def fields_of(caught: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in caught.value.problems:
        found.setdefault(problem.field, []).append(problem.message)
    return found


# --- lifecycle -------------------------------------------------------------------------------


def test_transition_table_matches_the_design() -> None:
    assert INITIAL_STATUS == "propose"
    assert ALLOWED_TRANSITIONS["propose"] == {
        "rdv_fixe",
        "refus_personne",
        "refus_partenaire",
        "perdu_de_vue",
        "expire",
    }
    assert ALLOWED_TRANSITIONS["rdv_fixe"] == {
        "rdv_honore",
        "absent",
        "refus_personne",
        "refus_partenaire",
        "perdu_de_vue",
        "expire",
    }
    assert ALLOWED_TRANSITIONS["absent"] == {"rdv_fixe", "refus_personne", "perdu_de_vue", "expire"}
    assert ALLOWED_TRANSITIONS["rdv_honore"] == {
        "entre_dispositif",
        "refus_partenaire",
        "refus_personne",
        "perdu_de_vue",
        "expire",
    }
    for status in TERMINAL:
        assert ALLOWED_TRANSITIONS[status] == frozenset()
    # With the employers' track (issue 18), every status belongs to one track or both.
    from fieldapp.domain.employers import EMPLOYER_TRANSITIONS

    assert set(ALLOWED_TRANSITIONS) | set(EMPLOYER_TRANSITIONS) == set(HANDOVER_STATUSES.codes())


def test_transition_table_is_read_only() -> None:
    with pytest.raises(TypeError):
        ALLOWED_TRANSITIONS["expire"] = frozenset({"propose"})  # type: ignore[index]


def test_happy_path_is_allowed() -> None:
    path = ["propose", "rdv_fixe", "absent", "rdv_fixe", "rdv_honore", "entre_dispositif"]
    check_transition(None, path[0])
    for current, requested in itertools.pairwise(path):
        check_transition(current, requested)


def test_entre_dispositif_from_propose_lists_allowed_states() -> None:
    with pytest.raises(TransitionError) as caught:
        check_transition("propose", "entre_dispositif")
    error = caught.value
    assert error.current == "propose"
    assert error.requested == "entre_dispositif"
    assert error.allowed == (
        "rdv_fixe",
        "refus_personne",
        "refus_partenaire",
        "perdu_de_vue",
        "expire",
    )
    assert str(error) == fr(
        "Passage de « Proposé (propose) » à « Entré dans le dispositif (entre_dispositif) » "
        "impossible. États suivants possibles : Rendez-vous fixé (rdv_fixe), "
        "Refus de la personne (refus_personne), Refus du partenaire (refus_partenaire), "
        "Perdu de vue (perdu_de_vue), Expiré (expire)"
    )


def test_without_a_handover_only_propose_is_allowed() -> None:
    check_transition(None, "propose")
    with pytest.raises(TransitionError) as caught:
        check_transition(None, "entre_dispositif")
    assert caught.value.allowed == ("propose",)
    assert caught.value.current is None
    assert "propose" in str(caught.value)


@pytest.mark.parametrize("terminal", TERMINAL)
@pytest.mark.parametrize("requested", HANDOVER_STATUSES.codes())
def test_terminal_states_refuse_everything(terminal: str, requested: str) -> None:
    with pytest.raises(TransitionError, match="le relais est clos") as caught:
        check_transition(terminal, requested)
    assert caught.value.allowed == ()


@pytest.mark.parametrize("current", ["propose", "rdv_fixe", "absent", "rdv_honore"])
def test_no_state_can_repeat_itself_or_return_to_propose(current: str) -> None:
    for requested in {current, "propose"}:
        with pytest.raises(TransitionError):
            check_transition(current, requested)


def test_unknown_states() -> None:
    with pytest.raises(TransitionError, match="inconnu"):
        check_transition("en_cours", "rdv_fixe")
    with pytest.raises(TransitionError) as caught:
        check_transition("propose", "en_cours")
    assert "rdv_fixe" in str(caught.value)
    with pytest.raises(ValidationError, match=fr(r"État \(status\) : état inconnu")):
        allowed_next("en_cours")


def test_allowed_next_is_in_vocabulary_order() -> None:
    assert allowed_next(None) == ("propose",)
    assert allowed_next("absent") == ("rdv_fixe", "refus_personne", "perdu_de_vue", "expire")
    assert allowed_next("rdv_honore") == (
        "entre_dispositif",
        "refus_personne",
        "refus_partenaire",
        "perdu_de_vue",
        "expire",
    )
    assert allowed_next("expire") == ()


@settings(database=None)
@given(st.lists(st.sampled_from(HANDOVER_STATUSES.codes()), max_size=12))
def test_check_transition_agrees_with_allowed_next(requests: list[str]) -> None:
    current: str | None = None
    for requested in requests:
        if requested in allowed_next(current):
            check_transition(current, requested)
            current = requested
        else:
            with pytest.raises(TransitionError):
                check_transition(current, requested)


# --- handover record -------------------------------------------------------------------------


def test_minimal_handover() -> None:
    handover = parse_handover(handover_data(), today=TODAY)
    assert handover == Handover(
        contact_id=CONTACT_ID,
        partner="Structure partenaire A",
        partner_structure_id=None,
        partner_service_id=None,
        mode="accompagnement-physique",
        consent=True,
        follow_up=None,
    )
    assert handover.to_payload() == handover_data()


def test_full_handover_round_trips() -> None:
    data = handover_data(
        partner_structure_id="dora--structure-1",
        partner_service_id="dora--service-1",
        mode="rdv-tripartite",
        follow_up="2024-12-02",
    )
    handover = parse_handover(data, today=TODAY)
    assert handover.follow_up == dt.date(2024, 12, 2)
    assert handover.to_payload() == data
    assert parse_handover(handover.to_payload(), today=TODAY) == handover


@pytest.mark.parametrize("consent", [False, None])
def test_consent_is_required(consent: bool | None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_handover(handover_data(consent=consent), today=TODAY)
    assert fields_of(caught) == {"consent": ["le consentement de la personne est obligatoire"]}


def test_consent_must_be_a_boolean() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_handover(handover_data(consent="oui"), today=TODAY)
    assert list(fields_of(caught)) == ["consent"]
    assert "true ou false" in fields_of(caught)["consent"][0]


def test_partner_length() -> None:
    assert parse_handover(handover_data(partner="p" * 200), today=TODAY).partner == "p" * 200
    for bad in ["", "   ", "p" * 201]:
        with pytest.raises(ValidationError) as caught:
            parse_handover(handover_data(partner=bad), today=TODAY)
        assert list(fields_of(caught)) == ["partner"]


def test_all_handover_problems_together_and_unknown_keys() -> None:
    data = handover_data(mode="courrier", consent=False, follow_up="demain", couleur="x", nom="X")
    del data["contact_id"]
    with pytest.raises(ValidationError) as caught:
        parse_handover(data, today=TODAY)
    found = fields_of(caught)
    assert set(found) == {"couleur", "nom", "contact_id", "mode", "consent", "follow_up"}
    assert "données nominatives" in found["nom"][0]
    assert found["mode"][0].startswith(fr("valeur inconnue « courrier » ; valeurs possibles : "))


def test_contact_id_without_spaces() -> None:
    with pytest.raises(ValidationError, match="champ contact_id"):
        parse_handover(handover_data(contact_id="a b"), today=TODAY)


def test_follow_up_window() -> None:
    assert parse_handover(handover_data(follow_up="2024-11-01"), today=TODAY).follow_up
    with pytest.raises(
        ValidationError, match=fr(r"Date de suivi \(follow_up\) : date de suivi trop lointaine")
    ):
        parse_handover(handover_data(follow_up="2026-01-01"), today=TODAY)
    with pytest.raises(
        ValidationError, match=fr(r"Date de suivi \(follow_up\) : date de suivi trop ancienne")
    ):
        parse_handover(handover_data(follow_up="2010-01-01"), today=TODAY)


def test_amend_handover() -> None:
    handover = parse_handover(handover_data(follow_up="2024-12-02"), today=TODAY)
    amended = amend_handover(handover, {"follow_up": None, "mode": "appel-a-trois"}, today=TODAY)
    assert amended.follow_up is None
    assert amended.mode == "appel-a-trois"
    with pytest.raises(ValidationError, match="champ contact_id"):
        amend_handover(handover, {"contact_id": "autre"}, today=TODAY)
    with pytest.raises(ValidationError, match="consentement"):
        amend_handover(handover, {"consent": False}, today=TODAY)


# --- status changes --------------------------------------------------------------------------


def test_status_change_is_normalised_to_utc_and_round_trips() -> None:
    change = parse_status_change({"status": "rdv_fixe", "at": "2024-11-25T11:00:00+01:00"})
    assert change == StatusChange("rdv_fixe", NOW, None)
    assert change.at.utcoffset() == dt.timedelta(0)
    assert change.to_payload() == {"status": "rdv_fixe", "at": "2024-11-25T10:00:00Z"}
    assert parse_status_change(change.to_payload()) == change


def test_status_change_keeps_sub_second_precision() -> None:
    at = dt.datetime(2024, 11, 25, 10, 0, 0, 123456, tzinfo=dt.UTC)
    change = parse_status_change({"status": "absent", "at": at})
    assert parse_status_change(change.to_payload()) == change


def test_refus_partenaire_needs_a_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_status_change({"status": "refus_partenaire", "at": "2024-11-25T10:00:00Z"})
    assert list(fields_of(caught)) == ["reason"]
    assert "motif obligatoire" in fields_of(caught)["reason"][0]
    # The state by its label, never its code (the window shows this message as is).
    assert fr("« Refus du partenaire »") in fields_of(caught)["reason"][0]
    assert "refus_partenaire" not in fields_of(caught)["reason"][0]
    change = parse_status_change(
        {"status": "refus_partenaire", "at": "2024-11-25T10:00:00Z", "reason": " complet "}
    )
    assert change.reason == "complet"
    assert change.to_payload()["reason"] == "complet"


def test_reason_is_optional_elsewhere_and_limited() -> None:
    change = parse_status_change(
        {"status": "refus_personne", "at": "2024-11-25T10:00:00Z", "reason": "r" * 500}
    )
    assert change.reason == "r" * 500
    with pytest.raises(ValidationError, match=fr(r"Motif \(reason\) : trop long")):
        parse_status_change(
            {"status": "refus_personne", "at": "2024-11-25T10:00:00Z", "reason": "r" * 501}
        )


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"status": "fini", "at": "2024-11-25T10:00:00Z"}, "status"),
        ({"at": "2024-11-25T10:00:00Z"}, "status"),
        ({"status": "absent"}, "at"),
        ({"status": "absent", "at": "2024-11-25T10:00:00"}, "at"),
        ({"status": "absent", "at": "hier"}, "at"),
        ({"status": "absent", "at": 1732528800}, "at"),
        ({"status": "absent", "at": dt.datetime(2024, 11, 25, 10)}, "at"),
        ({"status": "absent", "at": "2024-11-25T10:00:00Z", "quand": 1}, "quand"),
    ],
)
def test_bad_status_changes_name_the_field(data: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_status_change(data)
    assert list(fields_of(caught)) == [field]


def test_naive_time_message_mentions_time_zone() -> None:
    with pytest.raises(ValidationError, match="fuseau horaire manquant"):
        parse_status_change({"status": "absent", "at": "2024-11-25T10:00:00"})


# --- follow-up and expiry --------------------------------------------------------------------


def test_is_terminal() -> None:
    assert [s for s in HANDOVER_STATUSES.codes() if is_terminal(s)] == [
        "entre_dispositif",
        "refus_personne",
        "refus_partenaire",
        "perdu_de_vue",
        "expire",
        "embauche",
        "sans_suite",
    ]


def test_is_overdue() -> None:
    yesterday = TODAY - dt.timedelta(days=1)
    assert is_overdue(yesterday, "rdv_fixe", TODAY)
    assert not is_overdue(TODAY, "rdv_fixe", TODAY)
    assert not is_overdue(None, "rdv_fixe", TODAY)
    for status in TERMINAL:
        assert not is_overdue(yesterday, status, TODAY)


def test_a_quiet_open_handover_is_to_chase_after_the_delay() -> None:
    from fieldapp.domain.handovers import RELANCE_DAYS_DEFAULT, days_quiet, to_chase

    assert RELANCE_DAYS_DEFAULT == 10
    last = "2024-11-15T23:30:00Z"
    assert days_quiet(last, TODAY) == 10
    assert to_chase(last, "rdv_fixe", TODAY)
    assert not to_chase(last, "rdv_fixe", TODAY, 11)
    assert not to_chase(last, "entre_dispositif", TODAY)
    with pytest.raises(ValueError):
        to_chase(last, "propose", TODAY, 0)


def test_is_expired() -> None:
    assert EXPIRY_DAYS_DEFAULT == 30  # the pack's default expiration_jours (issue 16)
    last = NOW - dt.timedelta(days=EXPIRY_DAYS_DEFAULT)
    assert is_expired(last, "propose", NOW, EXPIRY_DAYS_DEFAULT)
    assert not is_expired(last + dt.timedelta(seconds=1), "propose", NOW, EXPIRY_DAYS_DEFAULT)
    assert is_expired(NOW - dt.timedelta(days=8), "absent", NOW, 7)
    assert not is_expired(last, "entre_dispositif", NOW, EXPIRY_DAYS_DEFAULT)
    assert not is_expired(last, "expire", NOW, EXPIRY_DAYS_DEFAULT)


def test_is_expired_refuses_naive_times_and_bad_delay() -> None:
    naive = dt.datetime(2024, 1, 1)
    with pytest.raises(ValueError, match="fuseau"):
        is_expired(naive, "propose", NOW, 90)
    with pytest.raises(ValueError, match="au moins un jour"):
        is_expired(NOW, "propose", NOW, 0)
