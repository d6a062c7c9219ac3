"""Error types of the domain: one-line French messages that name the field."""

from __future__ import annotations

import pickle

import pytest

from fieldapp.domain.errors import Problem, TransitionError, ValidationError
from tests.helpers.text import fr


def test_problem_is_frozen_and_prints_its_field() -> None:
    problem = Problem("age_band", "valeur inconnue")
    assert str(problem) == fr("Tranche d'âge (age_band) : valeur inconnue")
    assert str(Problem("siret", "invalide")) == fr("champ siret : invalide")  # not a form's field
    with pytest.raises(AttributeError):
        problem.field = "x"  # type: ignore[misc]


def test_validation_error_joins_all_problems_on_one_line() -> None:
    error = ValidationError([Problem("age_band", "valeur inconnue"), Problem("date", "manquante")])
    assert isinstance(error, ValueError)
    assert error.problems == [Problem("age_band", "valeur inconnue"), Problem("date", "manquante")]
    assert str(error) == fr("Tranche d'âge (age_band) : valeur inconnue; Date (date) : manquante")
    assert "\n" not in str(error)


def test_validation_error_survives_pickling() -> None:
    error = ValidationError([Problem("slot", "champ obligatoire manquant")])
    copy = pickle.loads(pickle.dumps(error))
    assert copy.problems == error.problems
    assert str(copy) == str(error)


def test_transition_error_lists_allowed_states() -> None:
    error = TransitionError("propose", "entre_dispositif", ("rdv_fixe", "refus_personne"))
    assert isinstance(error, ValueError)
    assert (error.current, error.requested, error.allowed) == (
        "propose",
        "entre_dispositif",
        ("rdv_fixe", "refus_personne"),
    )
    assert str(error) == fr(  # labels first, the codes in parentheses for scripts
        "Passage de « Proposé (propose) » à « Entré dans le dispositif (entre_dispositif) » "
        "impossible. États suivants possibles : Rendez-vous fixé (rdv_fixe), "
        "Refus de la personne (refus_personne)"
    )
    import pickle

    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_transition_error_for_terminal_state_says_closed() -> None:
    error = TransitionError("expire", "rdv_fixe", ())
    assert "clos" in str(error)
    assert fr("« Expiré (expire) »") in str(error)


def test_transition_error_without_handover_names_first_state() -> None:
    error = TransitionError(None, "rdv_fixe", ("propose",))
    assert "aucun relais" in str(error)
    assert str(error).endswith("Proposé (propose)")


def test_transition_error_survives_pickling() -> None:
    error = TransitionError("zz", "propose", (), message="État actuel inconnu")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.current, copy.requested, copy.allowed) == ("zz", "propose", ())
    assert str(copy) == "État actuel inconnu"
