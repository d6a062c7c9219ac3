"""Vocabularies: stable codes (stored forever) with French and English labels."""

from __future__ import annotations

import pytest
from data_inclusion.schema.v1 import Categorie

from fieldapp.domain import vocab
from fieldapp.domain.vocab import Term, Vocabulary

EXPECTED_CODES = {
    "SLOTS": ("matin", "midi", "apres-midi", "soir"),
    "PLACE_TYPES": (
        "espace-public",
        "pied-immeuble",
        "evenement-quartier",
        "porte-a-porte",
        "local-partenaire",
        "etablissement-scolaire",
        "telephone-numerique",
        "autre",
    ),
    "CONTACT_MODES": ("premier-contact", "recontact"),
    "AGE_BANDS": ("16-17", "18-25", "26-29", "30-44", "45-54", "55-plus", "inconnu"),
    "GENDERS": ("femme", "homme", "autre", "non-renseigne"),
    "SITUATIONS": ("sans-emploi-ni-formation", "en-emploi", "en-formation", "inconnue"),
    "REGISTRATIONS": (
        "aucune",
        "france-travail",
        "mission-locale",
        "rsa",
        "cap-emploi",
        "siae",
        "autre",
        "inconnue",
    ),
    "OUTCOMES": (
        "information-donnee",
        "rdv-propose",
        "relais-effectue",
        "a-recontacter",
        "pas-interesse",
    ),
    "HANDOVER_MODES": (
        "accompagnement-physique",
        "rdv-tripartite",
        "appel-a-trois",
        "mise-en-relation",
        "immersion-pmsmp",
        "job-dating",
        "candidature-accompagnee",
    ),
    "HANDOVER_STATUSES": (
        "propose",
        "rdv_fixe",
        "rdv_honore",
        "entre_dispositif",
        "refus_personne",
        "refus_partenaire",
        "absent",
        "perdu_de_vue",
        "expire",
        "immersion_realisee",
        "entretien",
        "embauche",
        "sans_suite",
    ),
    "STRUCTURE_TYPES": (
        "prevention-specialisee",
        "bailleur-social",
        "association",
        "mission-locale",
        "france-travail",
        "cap-emploi",
        "siae",
        "organisme-formation",
        "service-social",
        "collectivite",
        "autre",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_CODES))
def test_codes_are_the_stable_contract(name: str) -> None:
    assert getattr(vocab, name).codes() == EXPECTED_CODES[name]


@pytest.mark.parametrize("name", [*sorted(EXPECTED_CODES), "NEEDS"])
def test_every_term_has_french_and_english_labels(name: str) -> None:
    vocabulary: Vocabulary = getattr(vocab, name)
    for term in vocabulary:
        assert term.fr.strip()
        assert term.en.strip()
        assert vocabulary.label(term.code) == term.fr
        assert vocabulary.label(term.code, "en") == term.en


def test_needs_follow_data_inclusion_categories() -> None:
    assert vocab.NEEDS.codes() == tuple(c.value for c in Categorie)
    assert len(vocab.NEEDS) == 16
    for categorie in Categorie:
        assert vocab.NEEDS.label(categorie.value) == categorie.label
    # English labels are written by us, not copied from the French.
    assert vocab.NEEDS.label("sante", "en") == "Health"
    assert all(term.en != term.fr for term in vocab.NEEDS if term.code != "famille")


def test_vocabulary_lookup() -> None:
    assert "matin" in vocab.SLOTS
    assert "nuit" not in vocab.SLOTS
    assert 3 not in vocab.SLOTS
    assert vocab.SLOTS.term("soir") == Term("soir", "Soir", "Evening")
    assert vocab.SLOTS.label("apres-midi") == "Après-midi"
    assert vocab.SLOTS.index("soir") == 3
    assert [t.code for t in vocab.SLOTS] == list(vocab.SLOTS.codes())


def test_unknown_code_and_language_are_refused() -> None:
    with pytest.raises(KeyError):
        vocab.SLOTS.label("nuit")
    with pytest.raises(KeyError):
        vocab.SLOTS.index("nuit")
    with pytest.raises(ValueError, match="langue"):
        vocab.SLOTS.label("matin", "de")


def test_duplicate_codes_are_refused() -> None:
    with pytest.raises(ValueError, match="double"):
        Vocabulary("x", [Term("a", "A", "A"), Term("a", "B", "B")])


def test_registry_lists_every_vocabulary_by_name() -> None:
    assert vocab.VOCABULARIES["status"] is vocab.HANDOVER_STATUSES
    assert vocab.VOCABULARIES["needs"] is vocab.NEEDS
    assert len(vocab.VOCABULARIES) == 16
    # Vocabulary names are the record field names they validate.
    assert vocab.VOCABULARIES["age_band"] is vocab.AGE_BANDS
