"""Directory feedback's payload (issue 18) and the age of a sheet, as the domain rules them."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.events import Event
from fieldapp.domain.feedback import parse_feedback
from fieldapp.domain.freshness import freshness, months_between
from fieldapp.domain.payloads import PayloadRefused, check_event

TODAY = dt.date(2026, 12, 3)


def _event(payload: dict[str, object]) -> Event:
    return Event(
        id="01900000-0000-7000-8000-000000000001",
        device_id="dev-1",
        seq=1,
        hlc="0000001733000000000-0000",
        type="directory.feedback",
        entity_id="01900000-0000-7000-8000-000000000002",
        payload=payload,
    )


def test_a_feedback_names_the_sheet_and_a_reason() -> None:
    feedback = parse_feedback(
        {"structure_id": "s1", "service_id": "v1", "reason": "horaires", "date": "2026-12-03"},
        today=TODAY,
    )
    assert feedback.to_payload() == {
        "structure_id": "s1",
        "service_id": "v1",
        "reason": "horaires",
        "date": "2026-12-03",
    }


def test_unknown_reason_future_date_and_long_comment_are_refused() -> None:
    with pytest.raises(ValidationError) as refused:
        parse_feedback(
            {
                "structure_id": "s1",
                "reason": "demenage",
                "date": "2026-12-25",
                "comment": "x" * 301,
            },
            today=TODAY,
        )
    fields = {p.field for p in refused.value.problems}
    assert fields == {"reason", "date", "comment"}
    with pytest.raises(ValidationError) as refused:
        parse_feedback({"reason": "ferme", "date": "2026-12-01", "nom": "X"}, today=TODAY)
    assert {p.field for p in refused.value.problems} == {"structure_id", "nom"}


def test_the_coordinator_refuses_a_comment_with_personal_data() -> None:
    good = {"structure_id": "s1", "reason": "autre", "date": "2026-12-01"}
    check_event(_event(good | {"comment": "accueil fermé le vendredi"}), today=TODAY)
    with pytest.raises(PayloadRefused) as refused:
        check_event(_event(good | {"comment": "appeler le 06 12 34 56 78"}), today=TODAY)
    assert refused.value.field == "comment"
    with pytest.raises(PayloadRefused):
        check_event(_event(good | {"reason": "inconnu"}), today=TODAY)


@pytest.mark.parametrize(
    ("date_maj", "text", "stale"),
    [
        ("2026-12-03", "mis à jour aujourd'hui", False),
        ("2026-11-20", "mis à jour il y a moins d'un mois", False),
        ("2026-09-01", "mis à jour il y a 3 mois", False),
        ("2026-06-04", "mis à jour il y a 5 mois", False),
        ("2026-06-03", "mis à jour il y a 6 mois", True),
        ("2025-12-01", "mis à jour il y a 1 an", True),
        ("2024-10-01", "mis à jour il y a 2 ans et 2 mois", True),
    ],
)
def test_age_of_a_sheet_flagged_after_six_months(date_maj: str, text: str, stale: bool) -> None:
    found = freshness(date_maj, TODAY)
    assert found is not None
    assert (found.text().message("fr"), found.stale) == (text, stale)


def test_age_in_english_and_without_a_date() -> None:
    found = freshness("2025-10-01", TODAY)
    assert found is not None and found.text().message("en") == "updated 1 year and 2 months ago"
    assert freshness(None, TODAY) is None and freshness("pas une date", TODAY) is None
    assert months_between(dt.date(2026, 1, 31), dt.date(2026, 2, 28)) == 0


def test_a_neighbourhood_is_shown_with_its_name_and_read_back_as_its_code() -> None:
    from fieldapp.domain.display import neighbourhood_code, neighbourhood_label

    names = {"QN07699A": "Quartier des Tilleuls"}
    assert neighbourhood_label("QN07699A", names) == "Quartier des Tilleuls — QN07699A"
    assert neighbourhood_label("QN99999Z", names) == "QN99999Z"  # not in the pack: bare
    assert neighbourhood_label("hors-qpv", names) == "Hors QPV"
    assert neighbourhood_code("Quartier des Tilleuls — QN07699A") == "QN07699A"
    assert neighbourhood_code(" QN07601M ") == "QN07601M"
    assert neighbourhood_code("Hors QPV") == "hors-qpv"
