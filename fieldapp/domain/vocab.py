"""Controlled vocabularies with stable codes and French/English labels.

Codes are what gets stored and shipped in batches: they never change once released, so old
events stay readable. Labels are for display only and may be reworded freely.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from data_inclusion.schema.v1 import Categorie

from fieldapp.errors import InputError

LANGUAGES = ("fr", "en")


class VocabError(InputError, ValueError):
    """A vocabulary defined or asked for wrongly (a duplicate code, an unknown language)."""


class UnknownTerm(InputError, KeyError):
    """A code that is not part of a vocabulary (a KeyError, as a mapping's lookup)."""


@dataclass(frozen=True)
class Term:
    code: str
    fr: str
    en: str


class Vocabulary:
    """An ordered set of terms; the order is the one forms and reports show."""

    def __init__(self, name: str, terms: Iterable[Term]) -> None:
        self.name = name
        self._terms: tuple[Term, ...] = tuple(terms)
        self._by_code: dict[str, Term] = {}
        self._position: dict[str, int] = {}
        for position, term in enumerate(self._terms):
            if term.code in self._by_code:
                raise VocabError("domain.vocab.duplicate_code", vocabulary=name, code=term.code)
            self._by_code[term.code] = term
            self._position[term.code] = position

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def __iter__(self) -> Iterator[Term]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)

    def __repr__(self) -> str:
        return f"Vocabulary({self.name!r}, {len(self._terms)} termes)"

    def codes(self) -> tuple[str, ...]:
        return tuple(term.code for term in self._terms)

    def term(self, code: str) -> Term:
        """The term for `code`; KeyError when the code is not part of this vocabulary."""
        try:
            return self._by_code[code]
        except KeyError:
            raise UnknownTerm(
                "domain.vocab.unknown_code", vocabulary=self.name, code=code
            ) from None

    def label(self, code: str, lang: str = "fr") -> str:
        term = self.term(code)
        if lang == "fr":
            return term.fr
        if lang == "en":
            return term.en
        raise VocabError("domain.vocab.unknown_language", lang=lang, languages=", ".join(LANGUAGES))

    def index(self, code: str) -> int:
        """Position of `code`, used to keep multi-choice answers in a canonical order."""
        self.term(code)  # same KeyError as term() for an unknown code
        return self._position[code]


def _vocab(name: str, *rows: tuple[str, str, str]) -> Vocabulary:
    return Vocabulary(name, (Term(code, fr, en) for code, fr, en in rows))


SLOTS = _vocab(
    "slot",
    ("matin", "Matin", "Morning"),
    ("midi", "Midi", "Midday"),
    ("apres-midi", "Après-midi", "Afternoon"),
    ("soir", "Soir", "Evening"),
)

PLACE_TYPES = _vocab(
    "place_type",
    ("espace-public", "Espace public", "Public space"),
    ("pied-immeuble", "Pied d'immeuble", "Outside a building"),
    ("evenement-quartier", "Événement de quartier", "Neighbourhood event"),
    ("porte-a-porte", "Porte-à-porte", "Door to door"),
    ("local-partenaire", "Local partenaire", "Partner's premises"),
    ("etablissement-scolaire", "Établissement scolaire", "School"),
    ("telephone-numerique", "Téléphone ou numérique", "Phone or online"),
    ("autre", "Autre", "Other"),
)

CONTACT_MODES = _vocab(
    "contact_mode",
    ("premier-contact", "Premier contact", "First contact"),
    ("recontact", "Recontact", "Repeat contact"),
)

AGE_BANDS = _vocab(
    "age_band",
    ("16-17", "16–17 ans", "16–17"),
    ("18-25", "18–25 ans", "18–25"),
    ("26-29", "26–29 ans", "26–29"),
    ("30-44", "30–44 ans", "30–44"),
    ("45-54", "45–54 ans", "45–54"),
    ("55-plus", "55 ans et plus", "55 and over"),
    ("inconnu", "Inconnu", "Unknown"),
)

GENDERS = _vocab(
    "gender",
    ("femme", "Femme", "Woman"),
    ("homme", "Homme", "Man"),
    ("autre", "Autre", "Other"),
    ("non-renseigne", "Non renseigné", "Not stated"),
)

SITUATIONS = _vocab(
    "situation",
    ("sans-emploi-ni-formation", "Sans emploi ni formation", "Not in employment or training"),
    ("en-emploi", "En emploi", "In employment"),
    ("en-formation", "En formation ou scolarité", "In training or education"),
    ("inconnue", "Inconnue", "Unknown"),
)

REGISTRATIONS = _vocab(
    "registrations",
    ("aucune", "Aucune", "None"),
    ("france-travail", "France Travail", "France Travail (public employment service)"),
    ("mission-locale", "Mission locale", "Mission locale (youth employment service)"),
    ("rsa", "RSA", "RSA (minimum income)"),
    ("cap-emploi", "Cap emploi", "Cap emploi (disability employment service)"),
    ("siae", "SIAE", "SIAE (work integration enterprise)"),
    ("autre", "Autre", "Other"),
    ("inconnue", "Inconnue", "Unknown"),
)

# English labels for the data·inclusion categories; the French label comes from the package.
_NEEDS_EN: Mapping[str, str] = {
    "choisir-un-metier": "Choosing a career",
    "creer-une-entreprise": "Starting a business",
    "difficultes-administratives-ou-juridiques": "Administrative or legal difficulties",
    "difficultes-financieres": "Financial difficulties",
    "equipement-et-alimentation": "Equipment and food",
    "famille": "Family",
    "lecture-ecriture-calcul": "Reading, writing and numeracy",
    "logement-hebergement": "Housing and accommodation",
    "mobilite": "Mobility",
    "numerique": "Digital skills",
    "preparer-sa-candidature": "Preparing a job application",
    "remobilisation": "Re-engagement",
    "sante": "Health",
    "se-former": "Training",
    "souvrir-a-linternational": "Going abroad",
    "trouver-un-emploi": "Finding a job",
}


def _needs() -> Vocabulary:
    terms = []
    for categorie in Categorie:
        code = str(categorie.value)
        fr = str(categorie.label)
        # A category added by a newer schema package still gets a usable label.
        terms.append(Term(code, fr, _NEEDS_EN.get(code, fr)))
    return Vocabulary("needs", terms)


NEEDS = _needs()

OUTCOMES = _vocab(
    "outcome",
    ("information-donnee", "Information donnée", "Information given"),
    ("rdv-propose", "Rendez-vous proposé", "Appointment offered"),
    ("relais-effectue", "Relais effectué", "Handover made"),
    ("a-recontacter", "À recontacter", "To contact again"),
    ("pas-interesse", "Pas intéressé", "Not interested"),
)

HANDOVER_MODES = _vocab(
    "mode",
    ("accompagnement-physique", "Accompagnement physique", "Accompanied in person"),
    ("rdv-tripartite", "Rendez-vous tripartite", "Three-way meeting"),
    ("appel-a-trois", "Appel à trois", "Three-way call"),
    ("mise-en-relation", "Mise en relation avec accord", "Referral with consent"),
    # Issue 18: towards an employer of the directory (domain/employers.py).
    ("immersion-pmsmp", "Immersion (PMSMP)", "Work placement (PMSMP)"),
    ("job-dating", "Job dating", "Job dating"),
    ("candidature-accompagnee", "Candidature accompagnée", "Supported application"),
)

# Underscored codes, as in DESIGN.md, matching Dora / Les Emplois orientation states.
HANDOVER_STATUSES = _vocab(
    "status",
    ("propose", "Proposé", "Proposed"),
    ("rdv_fixe", "Rendez-vous fixé", "Appointment set"),
    ("rdv_honore", "Rendez-vous honoré", "Appointment attended"),
    ("entre_dispositif", "Entré dans le dispositif", "Entered the programme"),
    ("refus_personne", "Refus de la personne", "Declined by the person"),
    ("refus_partenaire", "Refus du partenaire", "Declined by the partner"),
    ("absent", "Absent au rendez-vous", "Missed the appointment"),
    ("perdu_de_vue", "Perdu de vue", "Lost touch"),
    ("expire", "Expiré", "Expired"),
    # Issue 18: the track of a handover to an employer (domain/employers.py).
    ("immersion_realisee", "Immersion réalisée", "Work placement done"),
    ("entretien", "Entretien d'embauche", "Job interview"),
    ("embauche", "Embauché", "Hired"),
    ("sans_suite", "Sans suite", "No follow-up"),
)

# What a receiving structure records about a code relais (domain/receptions.py, issue 16).
RECEPTION_STATUSES = _vocab(
    "reception_status",
    ("accueilli", "Accueilli", "Received"),
    ("entre_dispositif", "Entré dans le dispositif", "Entered the programme"),
    ("reoriente", "Réorienté", "Referred elsewhere"),
    ("refus_structure", "Refus de la structure", "Declined by the structure"),
    ("sans_suite", "Sans suite", "No follow-up"),
)

# Why a receiving structure declined (`refus_structure`): codes, never free text.
RECEPTION_REFUSAL_REASONS = _vocab(
    "reception_reason",
    ("hors-criteres", "Ne remplit pas les critères d'accès", "Does not meet the entry criteria"),
    ("hors-territoire", "Hors du territoire de la structure", "Outside the structure's area"),
    ("complet", "Plus de place disponible", "No place available"),
    ("autre-dispositif", "Un autre dispositif convient mieux", "Another programme fits better"),
    ("deja-suivi", "Déjà suivi par une autre structure", "Already followed by another structure"),
    ("autre", "Autre motif", "Other reason"),
)

STRUCTURE_TYPES = _vocab(
    "structure_type",
    ("prevention-specialisee", "Prévention spécialisée", "Youth street work"),
    ("bailleur-social", "Bailleur social", "Social landlord"),
    ("association", "Association", "Non-profit association"),
    ("mission-locale", "Mission locale", "Mission locale (youth employment service)"),
    ("france-travail", "France Travail", "France Travail (public employment service)"),
    ("cap-emploi", "Cap emploi", "Cap emploi (disability employment service)"),
    ("siae", "SIAE", "SIAE (work integration enterprise)"),
    ("organisme-formation", "Organisme de formation", "Training provider"),
    ("service-social", "Service social", "Social services"),
    ("collectivite", "Collectivité", "Local authority"),
    ("autre", "Autre", "Other"),
)

# Issue 17: the ambiance of a street round (présence sociale) and the kinds of joint action.
AMBIANCES = _vocab(
    "ambiance",
    ("calme", "Calme", "Calm"),
    ("tendu", "Tendu", "Tense"),
    ("incident", "Incident", "Incident"),
)

ACTION_TYPES = _vocab(
    "action_type",
    ("forum-emploi", "Forum emploi", "Job fair"),
    ("job-dating", "Job dating", "Job dating"),
    ("permanence-partagee", "Permanence partagée", "Shared drop-in"),
    ("maraude-commune", "Maraude commune", "Joint street round"),
    ("atelier", "Atelier", "Workshop"),
    ("evenement-quartier", "Événement de quartier", "Neighbourhood event"),
    ("autre", "Autre", "Other"),
)

# Every vocabulary by name, for reference packs and for the UI's combo boxes.
VOCABULARIES: Mapping[str, Vocabulary] = MappingProxyType(
    {
        vocab.name: vocab
        for vocab in (
            SLOTS,
            PLACE_TYPES,
            CONTACT_MODES,
            AGE_BANDS,
            GENDERS,
            SITUATIONS,
            REGISTRATIONS,
            NEEDS,
            OUTCOMES,
            HANDOVER_MODES,
            HANDOVER_STATUSES,
            RECEPTION_STATUSES,
            RECEPTION_REFUSAL_REASONS,
            STRUCTURE_TYPES,
            AMBIANCES,
            ACTION_TYPES,
        )
    }
)
