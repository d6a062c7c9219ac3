"""Contacts: validation in French naming the field, defaults, round trip, no personal data."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.contacts import Contact, amend_contact, parse_contact
from fieldapp.domain.errors import ValidationError
from fieldapp.domain.text import BIDI_CONTROLS
from fieldapp.domain.vocab import (
    AGE_BANDS,
    CONTACT_MODES,
    GENDERS,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    REGISTRATIONS,
    SITUATIONS,
    SLOTS,
)
from tests.helpers.text import fr

TODAY = dt.date(2024, 11, 25)


def minimal(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2024-11-20",
        "slot": "apres-midi",
        "neighbourhood": "QN07601M",
        "place_type": "pied-immeuble",
        "outcome": "information-donnee",
    }
    data.update(overrides)
    return data


def full() -> dict[str, Any]:
    return minimal(
        commune="76540",
        contact_mode="recontact",
        age_band="18-25",
        gender="femme",
        situation="sans-emploi-ni-formation",
        registrations=["france-travail", "rsa"],
        needs=["mobilite", "trouver-un-emploi"],
        pseudonym="K7QF-2M9X",
        note="Intéressée par une formation courte.",
    )


def problems_of(data: Any, **kwargs: Any) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        parse_contact(data, today=TODAY, **kwargs)
    found: dict[str, list[str]] = {}
    for problem in caught.value.problems:
        found.setdefault(problem.field, []).append(problem.message)
    return found


def test_minimal_contact_gets_documented_defaults() -> None:
    contact = parse_contact(minimal(), today=TODAY)
    assert contact == Contact(
        date=dt.date(2024, 11, 20),
        slot="apres-midi",
        neighbourhood="QN07601M",
        commune=None,
        place_type="pied-immeuble",
        contact_mode="premier-contact",
        age_band="inconnu",
        gender="non-renseigne",
        situation="inconnue",
        registrations=("inconnue",),
        needs=(),
        outcome="information-donnee",
        pseudonym=None,
        note=None,
    )


def test_null_optional_values_mean_default() -> None:
    data = minimal(age_band=None, registrations=None, needs=None, note=None, commune=None)
    assert parse_contact(data, today=TODAY) == parse_contact(minimal(), today=TODAY)


def test_full_contact_round_trips_through_payload() -> None:
    contact = parse_contact(full(), today=TODAY)
    payload = contact.to_payload()
    assert payload["date"] == "2024-11-20"
    assert payload["registrations"] == ["france-travail", "rsa"]
    assert payload["needs"] == ["mobilite", "trouver-un-emploi"]
    assert parse_contact(payload, today=TODAY) == contact


def test_payload_omits_none_fields() -> None:
    payload = parse_contact(minimal(), today=TODAY).to_payload()
    assert "commune" not in payload
    assert "pseudonym" not in payload
    assert "note" not in payload
    assert payload["needs"] == []


def test_contact_is_immutable() -> None:
    contact = parse_contact(minimal(), today=TODAY)
    with pytest.raises(AttributeError):
        contact.slot = "soir"  # type: ignore[misc]


@pytest.mark.parametrize("field", ["date", "slot", "neighbourhood", "place_type", "outcome"])
def test_required_fields(field: str) -> None:
    data = minimal()
    del data[field]
    assert problems_of(data) == {field: ["champ obligatoire manquant"]}


@pytest.mark.parametrize(
    ("field", "vocabulary"),
    [
        ("slot", SLOTS),
        ("place_type", PLACE_TYPES),
        ("contact_mode", CONTACT_MODES),
        ("age_band", AGE_BANDS),
        ("gender", GENDERS),
        ("situation", SITUATIONS),
        ("outcome", OUTCOMES),
    ],
)
def test_unknown_code_lists_allowed_codes(field: str, vocabulary: Any) -> None:
    messages = problems_of(minimal(**{field: "zzz"}))[field]
    assert messages == [
        fr(f"valeur inconnue « zzz » ; valeurs possibles : {', '.join(vocabulary.codes())}")
    ]


def test_age_band_message_matches_the_contract() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_contact(minimal(age_band="18-24"), today=TODAY)
    assert str(caught.value).startswith(
        fr(
            "Tranche d'âge (age_band) : valeur inconnue « 18-24 » ; valeurs possibles : 16-17, "
            "18-25, 26-29"
        )
    )


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("slot", 3),
        ("outcome", ["information-donnee"]),
        ("neighbourhood", 7601),
        ("registrations", "rsa"),
        ("needs", {"sante": True}),
        ("note", 12),
        ("pseudonym", 1234),
        ("commune", 76540),
        ("date", 20241120),
    ],
)
def test_wrong_types_are_named(field: str, value: Any) -> None:
    messages = problems_of(minimal(**{"commune": "76540", field: value}))[field]
    assert len(messages) == 1
    assert "type incorrect" in messages[0]


def test_all_problems_are_reported_together() -> None:
    data = minimal(slot="nuit", age_band="18-24", needs=["sante", "sante"], extra=True)
    del data["outcome"]
    found = problems_of(data)
    assert set(found) == {"slot", "age_band", "needs", "outcome", "extra"}


def test_unknown_key_is_named() -> None:
    found = problems_of(minimal(colour="bleu"))
    assert list(found) == ["colour"]
    assert found["colour"][0].startswith(fr("champ inconnu ; champs possibles : date, slot"))


@pytest.mark.parametrize(
    "key",
    [
        "nom",
        "prenom",
        "Prénom",
        "name",
        "first_name",
        "telephone",
        "phone",
        "adresse",
        "address",
        "date_naissance",
        "birth_date",
        "email",
        "nom-de-famille",
    ],
)
def test_personal_data_fields_are_refused_with_a_specific_message(key: str) -> None:
    found = problems_of(minimal(**{key: "X"}))
    assert list(found) == [key]
    assert "Relais n'enregistre pas de données nominatives" in found[key][0]


def test_personal_data_message_does_not_echo_the_value() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_contact(minimal(telephone="VALEUR-TEMOIN"), today=TODAY)
    assert "VALEUR-TEMOIN" not in str(caught.value)


def test_not_a_mapping() -> None:
    assert "contact" in problems_of(["2024-11-20"])


@pytest.mark.parametrize(
    "value", ["20-11-2024", "2024-11-31", "20241120", "2024-W47-3", "2024-11-20T10:00", ""]
)
def test_date_must_be_iso(value: str) -> None:
    messages = problems_of(minimal(date=value))["date"]
    assert len(messages) == 1
    assert "AAAA-MM-JJ" in messages[0] or "obligatoire" in messages[0]


def test_date_object_is_accepted_but_not_datetime() -> None:
    assert parse_contact(minimal(date=dt.date(2024, 11, 20)), today=TODAY).date == dt.date(
        2024, 11, 20
    )
    assert "date" in problems_of(minimal(date=dt.datetime(2024, 11, 20, 10, 0)))


def test_date_in_the_future_is_refused() -> None:
    assert parse_contact(minimal(date="2024-11-25"), today=TODAY).date == TODAY
    messages = problems_of(minimal(date="2024-11-26"))["date"]
    assert messages == [fr("date dans le futur (aujourd'hui : 2024-11-25)")]


def test_date_more_than_ten_years_back_is_refused() -> None:
    assert parse_contact(minimal(date="2014-11-25"), today=TODAY).date == dt.date(2014, 11, 25)
    messages = problems_of(minimal(date="2014-11-24"))["date"]
    assert messages == ["date trop ancienne (plus de 10 ans)"]


def test_ten_years_back_from_a_leap_day() -> None:
    contact = parse_contact(minimal(date="2014-02-28"), today=dt.date(2024, 2, 29))
    assert contact.date == dt.date(2014, 2, 28)


@pytest.mark.parametrize("code", ["QN07601M", "QP014005", "QN01412M", "QN0760123"])
def test_qpv_codes_are_accepted(code: str) -> None:
    assert parse_contact(minimal(neighbourhood=code), today=TODAY).neighbourhood == code


def test_qpv_code_is_normalised_to_capitals() -> None:
    assert parse_contact(minimal(neighbourhood=" qn07601m "), today=TODAY).neighbourhood == (
        "QN07601M"
    )


@pytest.mark.parametrize("code", ["QX07601M", "Q07601M", "QN076", "QN07601M123", "quartier"])
def test_bad_neighbourhood_codes_are_refused(code: str) -> None:
    messages = problems_of(minimal(neighbourhood=code))["neighbourhood"]
    assert "code de quartier invalide" in messages[0]


def test_known_neighbourhoods_restrict_codes() -> None:
    known = {"QN07601M"}
    assert parse_contact(minimal(), today=TODAY, known_neighbourhoods=known)
    messages = problems_of(minimal(neighbourhood="QN01412M"), known_neighbourhoods=known)
    assert messages == {"neighbourhood": [fr("quartier « QN01412M » absent du pack de référence")]}
    # "hors-qpv" is never in the pack but always allowed.
    contact = parse_contact(
        minimal(neighbourhood="hors-qpv", commune="14118"), today=TODAY, known_neighbourhoods=known
    )
    assert contact.neighbourhood == "hors-qpv"


def test_hors_qpv_requires_a_commune() -> None:
    messages = problems_of(minimal(neighbourhood="hors-qpv"))
    assert list(messages) == ["commune"]
    assert "obligatoire" in messages["commune"][0]


@pytest.mark.parametrize("commune", ["76540", "2A004", "2B033", "14118"])
def test_insee_codes_are_accepted(commune: str) -> None:
    contact = parse_contact(minimal(neighbourhood="hors-qpv", commune=commune), today=TODAY)
    assert contact.commune == commune


@pytest.mark.parametrize("commune", ["7654", "765400", "2C004", "ABCDE", "76 540"])
def test_bad_insee_codes_are_refused(commune: str) -> None:
    messages = problems_of(minimal(commune=commune))["commune"]
    assert "code INSEE invalide" in messages[0]


def test_commune_is_optional_inside_a_qpv() -> None:
    assert parse_contact(minimal(commune="76540"), today=TODAY).commune == "76540"


def test_registrations_are_kept_in_vocabulary_order() -> None:
    contact = parse_contact(minimal(registrations=["siae", "france-travail"]), today=TODAY)
    assert contact.registrations == ("france-travail", "siae")


@pytest.mark.parametrize("exclusive", ["aucune", "inconnue"])
def test_exclusive_registrations_cannot_be_combined(exclusive: str) -> None:
    assert parse_contact(minimal(registrations=[exclusive]), today=TODAY).registrations == (
        exclusive,
    )
    messages = problems_of(minimal(registrations=[exclusive, "rsa"]))["registrations"]
    assert messages == [fr(f"« {exclusive} » ne peut pas être combinée avec un autre choix")]


def test_registrations_must_not_be_empty() -> None:
    messages = problems_of(minimal(registrations=[]))["registrations"]
    assert "au moins un choix" in messages[0]


def test_duplicates_and_unknown_codes_in_lists() -> None:
    found = problems_of(minimal(registrations=["rsa", "rsa"], needs=["sante", "voyage"]))
    assert found["registrations"] == [fr("valeur en double « rsa »")]
    assert found["needs"][0].startswith(fr("valeur inconnue « voyage » ; valeurs possibles : "))


def test_needs_use_data_inclusion_categories() -> None:
    contact = parse_contact(minimal(needs=list(reversed(NEEDS.codes()))), today=TODAY)
    assert contact.needs == NEEDS.codes()


@pytest.mark.parametrize("value", ["K7QF-2M9X", "0000-ZZZZ", "k7qf-2m9x"])
def test_pseudonym_format(value: str) -> None:
    assert parse_contact(minimal(pseudonym=value), today=TODAY).pseudonym == value.upper()


@pytest.mark.parametrize("value", ["K7QF2M9X", "K7QF-2M9", "KIQF-2M9X", "K7QF-2M9U", "ABCD-EFGL"])
def test_bad_pseudonyms_are_refused(value: str) -> None:
    messages = problems_of(minimal(pseudonym=value))["pseudonym"]
    assert "XXXX-XXXX" in messages[0]


def test_note_is_stripped_and_empty_means_none() -> None:
    assert parse_contact(minimal(note="  à revoir  "), today=TODAY).note == "à revoir"
    assert parse_contact(minimal(note="   "), today=TODAY).note is None


def test_note_length_limit() -> None:
    assert parse_contact(minimal(note="x" * 2000), today=TODAY).note == "x" * 2000
    messages = problems_of(minimal(note="x" * 2001))["note"]
    assert messages == ["trop long (2001 caractères, 2000 au plus)"]


def test_today_defaults_to_the_real_date() -> None:
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="futur"):
        parse_contact(minimal(date=tomorrow.isoformat()))


def test_amend_changes_one_field_and_revalidates() -> None:
    contact = parse_contact(full(), today=TODAY)
    amended = amend_contact(contact, {"outcome": "rdv-propose"}, today=TODAY)
    assert amended.outcome == "rdv-propose"
    assert amended.needs == contact.needs
    with pytest.raises(ValidationError, match=r"Tranche d'âge \(age_band\)"):
        amend_contact(contact, {"age_band": "18-24"}, today=TODAY)
    with pytest.raises(ValidationError, match="données nominatives"):
        amend_contact(contact, {"nom": "X"}, today=TODAY)


def test_amend_with_null_clears_optional_fields() -> None:
    contact = parse_contact(full(), today=TODAY)
    amended = amend_contact(contact, {"note": None, "pseudonym": None}, today=TODAY)
    assert amended.note is None
    assert amended.pseudonym is None
    with pytest.raises(ValidationError, match=fr(r"Créneau \(slot\) : champ obligatoire manquant")):
        amend_contact(contact, {"slot": None}, today=TODAY)


def test_amend_checks_the_pack_only_for_a_new_neighbourhood() -> None:
    contact = parse_contact(minimal(), today=TODAY)
    pack = {"QN01412M"}
    # The old code left the pack; fixing another field must still work.
    assert amend_contact(contact, {"slot": "soir"}, today=TODAY, known_neighbourhoods=pack)
    with pytest.raises(ValidationError, match="absent du pack"):
        amend_contact(
            contact, {"neighbourhood": "QN07602M"}, today=TODAY, known_neighbourhoods=pack
        )


def _codes(vocabulary: Any, *, min_size: int = 0) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(vocabulary.codes()), unique=True, min_size=min_size)


registrations = st.one_of(
    st.just(["aucune"]),
    st.just(["inconnue"]),
    st.lists(
        st.sampled_from([c for c in REGISTRATIONS.codes() if c not in ("aucune", "inconnue")]),
        unique=True,
        min_size=1,
    ),
)
crockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


@settings(database=None, max_examples=150)
@given(
    date=st.dates(min_value=dt.date(2014, 11, 25), max_value=TODAY),
    slot=st.sampled_from(SLOTS.codes()),
    neighbourhood=st.sampled_from(["QN07601M", "QP014005", "hors-qpv"]),
    commune=st.one_of(st.none(), st.sampled_from(["76540", "2A004"])),
    place_type=st.sampled_from(PLACE_TYPES.codes()),
    age_band=st.sampled_from(AGE_BANDS.codes()),
    gender=st.sampled_from(GENDERS.codes()),
    registrations=registrations,
    needs=_codes(NEEDS),
    outcome=st.sampled_from(OUTCOMES.codes()),
    pseudonym=st.one_of(
        st.none(), st.text(crockford, min_size=8, max_size=8).map(lambda s: f"{s[:4]}-{s[4:]}")
    ),
    # Any text the one text rule accepts (domain/text.py): no control but \n and \t, no lone
    # surrogate, no bidi override.
    note=st.one_of(
        st.none(),
        st.text(
            st.characters(
                blacklist_categories=("Cs", "Cc"), blacklist_characters=sorted(BIDI_CONTROLS)
            )
            | st.sampled_from("\n\t"),
            max_size=300,
        ),
    ),
)
def test_any_valid_contact_round_trips(**fields: Any) -> None:
    if fields["neighbourhood"] == "hors-qpv" and fields["commune"] is None:
        fields["commune"] = "14118"
    data = {key: value for key, value in fields.items() if value is not None}
    data["date"] = fields["date"].isoformat()
    contact = parse_contact(data, today=TODAY)
    assert parse_contact(contact.to_payload(), today=TODAY) == contact
    assert contact.to_payload() == parse_contact(contact.to_payload(), today=TODAY).to_payload()
