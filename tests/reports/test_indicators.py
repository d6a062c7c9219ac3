"""Every indicator against the hand-built territory of support.py, on SQLCipher and PostgreSQL.

The expected numbers are literals counted by hand from the table in support.py's docstring.
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import Engine

from fieldapp.reports.indicators import Indicators, Scope, Stages, compute_indicators
from fieldapp.reports.publish import build_report, quartiles
from tests.helpers.reports import BAILLEUR, HORS, N1, N2, PERIOD, PREV

SCOPE = Scope(*PERIOD)


@pytest.fixture(params=[2, 1], ids=["parallel", "one-connection"])
def ind(store: Engine, request: pytest.FixtureRequest) -> Indicators:
    return compute_indicators(store, SCOPE, workers=request.param)


def test_contacts_by_month_and_mode(ind: Indicators) -> None:
    assert ind.months == ["2026-01", "2026-02", "2026-03"]
    # c8 is voided, c9 is dated before the period: 8 contacts.
    assert sum(ind.contacts.values()) == 8
    by = ind.by("month", "mode")
    assert by[("2026-01", "premier-contact")] == 2  # c1, c3
    assert by[("2026-01", "recontact")] == 1  # c2
    assert by[("2026-02", "premier-contact")] == 3  # c4, c5, c7
    assert by[("2026-02", "recontact")] == 1  # c6
    assert by[("2026-03", "premier-contact")] == 0
    assert by[("2026-03", "recontact")] == 1  # c10


def test_distinct_people_and_contacts_without_pseudonym(ind: Indicators) -> None:
    assert ind.people_total == 3  # P1, P2, P3
    assert ind.people_by_month == {"2026-01": 1, "2026-02": 2, "2026-03": 1}
    assert ind.people_by_neighbourhood == {N1: 2, N2: 2, HORS: 0}
    anonymous = ind.by("month", pseudonymous=False)
    assert dict(anonymous) == {("2026-01",): 1, ("2026-02",): 1}  # c3, c7


def test_registrations_and_invisibles(ind: Indicators) -> None:
    r = ind.registrations
    # People: P1, P2, P3, c3, c7. P1 said "aucune" then "mission-locale": not invisible.
    assert (r.people, r.pseudonymous, r.known, r.invisible) == (5, 3, 4, 2)
    assert r.by_organisation == {
        "france-travail": 1,
        "mission-locale": 1,
        "rsa": 1,
        "cap-emploi": 0,
        "siae": 0,
        "autre": 0,
    }
    n1, n2, hors = (ind.registrations_by_neighbourhood[n] for n in (N1, N2, HORS))
    assert (n1.people, n1.known, n1.invisible) == (2, 2, 0)  # P1 {aucune, ML}, P2 {FT, RSA}
    assert (n2.people, n2.known, n2.invisible) == (3, 2, 2)  # c3, P3 invisible; P2 unknown
    assert (hors.people, hors.known, hors.invisible) == (1, 0, 0)  # c7 "inconnue"


def test_needs(ind: Indicators) -> None:
    assert dict(ind.needs) == {
        "mobilite": 3,  # c1, c2, c7 (not c8, voided; not c9, before the period)
        "se-former": 1,
        "trouver-un-emploi": 2,
        "sante": 1,
        "logement-hebergement": 1,
    }


def test_age_bands_and_gender(ind: Indicators) -> None:
    assert dict(ind.by("age", "gender")) == {
        ("18-25", "femme"): 2,
        ("26-29", "homme"): 1,
        ("30-44", "homme"): 1,
        ("18-25", "autre"): 2,
        ("16-17", "femme"): 1,
        ("55-plus", "femme"): 1,
    }


def test_neighbourhood_by_structure_type(ind: Indicators) -> None:
    assert dict(ind.by("neighbourhood", "structure_type")) == {
        (N1, PREV): 2,
        (N1, BAILLEUR): 1,
        (N2, BAILLEUR): 2,
        (N2, PREV): 2,
        (HORS, PREV): 1,
    }


def test_funnel_counts_every_stage_ever_reached(ind: Indicators) -> None:
    # h6 hangs on the voided contact c8: it is out. h2 went through "absent" and back.
    assert ind.stages_total() == Stages(6, 4, 4, 2, 1, 1)
    by_month = ind.stages_by("month")
    assert by_month["2026-01"] == Stages(2, 2, 2, 1, 0, 0)
    assert by_month["2026-02"] == Stages(3, 1, 1, 0, 1, 1)
    assert by_month["2026-03"] == Stages(1, 1, 1, 1, 0, 0)


def test_handovers_by_partner_and_service(ind: Indicators) -> None:
    per: dict[tuple[str, str], Stages] = {}
    for (_, _, _, partner, service), stages in ind.handovers.items():
        per.setdefault((partner, service), Stages()).add(stages)
    assert per == {
        ("ml-1", "svc-accueil"): Stages(2, 1, 1, 1, 1, 0),
        ("Chantier fictif", ""): Stages(3, 3, 3, 1, 0, 0),
        ("of-9", ""): Stages(1, 0, 0, 0, 0, 1),
    }
    assert ind.partner_labels == {
        "ml-1": "Mission locale (exemple)",
        "Chantier fictif": "Chantier fictif",
        "of-9": "Organisme fictif",
    }


def test_days_to_first_attended_appointment(ind: Indicators) -> None:
    assert sorted(ind.delays) == [
        ("2026-01", BAILLEUR, 14),  # h2
        ("2026-01", PREV, 7),  # h1
        ("2026-02", PREV, 3),  # h4
        ("2026-03", BAILLEUR, 21),  # h7
    ]
    # [3, 7, 14, 21]: median (7 + 14) / 2; Q1 = 3 + 0.75 × 4; Q3 = 14 + 0.25 × 7.
    assert quartiles([3, 7, 14, 21]) == (6.0, 10.5, 15.75)


def test_published_without_suppression_rates_and_quartiles(store: Engine) -> None:
    report = build_report(compute_indicators(store, SCOPE), k=None)
    funnel = report.table("relais_mois")
    assert funnel.cell("Total", "Taux RDV fixé").value == pytest.approx(4 / 6)
    assert funnel.cell("Total", "Taux d'entrée après RDV").value == pytest.approx(0.5)
    assert funnel.cell("Total", "Taux d'entrée global").value == pytest.approx(2 / 6)
    delays = report.table("delais")
    assert [delays.cell("Total", c).value for c in ("1er quartile", "Médiane", "3e quartile")] == [
        6.0,
        10.5,
        15.75,
    ]
    assert report.table("synthese").cell("Part des invisibles", "Valeur").value == 0.5
    partners = report.table("relais_partenaires")
    assert partners.cell("Chantier fictif", "Proposés").value == 3
    assert partners.cell("Mission locale (exemple)", "Perdus de vue ou expirés").value == 1


@pytest.mark.parametrize(
    ("scope", "contacts", "proposed"),
    [
        (Scope(date(2026, 2, 1), date(2026, 2, 28)), 4, 3),  # c4–c7; h3, h4, h5
        (Scope(*PERIOD, neighbourhood=N2), 4, 4),  # c3, c5, c6, c10; h2, h4, h5, h7
        (Scope(*PERIOD, structure_type=BAILLEUR), 3, 3),  # c3, c4, c10 (D2)
        (Scope(*PERIOD, structure_id="s-c"), 2, 2),  # c5, c6 (D3)
        (Scope(), 9, 6),  # no period: c9 counts too
    ],
    ids=["february", "neighbourhood", "structure-type", "structure", "all-time"],
)
def test_filters(store: Engine, scope: Scope, contacts: int, proposed: int) -> None:
    ind = compute_indicators(store, scope)
    assert sum(ind.contacts.values()) == contacts
    assert ind.stages_total().propose == proposed


def test_empty_period_gives_zeros_not_errors(store: Engine) -> None:
    ind = compute_indicators(store, Scope(date(2030, 1, 1), date(2030, 1, 31)))
    assert sum(ind.contacts.values()) == 0
    assert ind.people_total == 0 and ind.delays == []
    report = build_report(ind)
    assert report.table("contacts_mois").cell("Total", "Total").value == 0
