"""Messages of issue 18, item 3 (employers and immersions): code → (French, English).
See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # domain/employers.py: the Relais extension of a structure
    "domain.employer.bool_expected": ("true ou false attendu", "true or false expected"),
    "domain.employer.needs_employer": (
        "champ {field} réservé aux employeurs (« employeur » : true)",
        'field {field} is for employers only ("employeur": true)',
    ),
    "domain.employer.metiers_list": (
        'liste de codes ROME attendue (par exemple ["K2204"])',
        'list of ROME codes expected (for example ["K2204"])',
    ),
    "domain.employer.metiers_too_many": (
        "{max} métiers au plus",
        "{max} trades at most",
    ),
    "domain.employer.rome_invalid": (
        "code ROME invalide « {value} » : une lettre de A à N puis quatre chiffres (K2204)",
        'invalid ROME code "{value}": a letter from A to N then four digits (K2204)',
    ),
    "domain.employer.capacity_int": (
        "nombre entier de places par mois attendu",
        "whole number of places per month expected",
    ),
    "domain.employer.capacity_range": (
        "capacité mensuelle {value} refusée : entre 0 et {max} places par mois",
        "monthly capacity {value} refused: between 0 and {max} places per month",
    ),
    # domain/handovers.py: employer modes
    "domain.employer.mode_needs_structure": (
        "la modalité {mode} s'adresse à un employeur de l'annuaire : indiquez sa structure",
        "mode {mode} is for an employer of the directory: give its structure",
    ),
    # services/employers.py
    "services.employer.unknown_structure": (
        "structure inconnue dans l'annuaire installé : {id}",
        "structure not in the installed directory: {id}",
    ),
    "services.employer.not_an_employer": (
        "la modalité {mode} est réservée aux employeurs : {name} n'en est pas un dans l'annuaire",
        "mode {mode} is for employers only: {name} is not one in the directory",
    ),
    "services.employer.employer_mode_required": (
        "{name} est un employeur : choisissez la modalité immersion-pmsmp, job-dating ou "
        "candidature-accompagnee",
        "{name} is an employer: choose the mode immersion-pmsmp, job-dating or "
        "candidature-accompagnee",
    ),
    # domain/eligibility.py: the employer's places this month
    "domain.eligibility.employer_full": (
        "plus de place ce mois-ci ({used} sur {capacity}) {mark}",
        "no place left this month ({used} of {capacity}) {mark}",
    ),
    "domain.eligibility.employer_places": (
        "places ce mois-ci : {used} sur {capacity} {mark}",
        "places this month: {used} of {capacity} {mark}",
    ),
    # reports/employer_tables.py
    "reports.employer.title": (
        "Immersions et embauches, par mois et quartier",
        "Work placements and hirings, by month and neighbourhood",
    ),
    "reports.sheet.immersions_embauches": ("Immersions et embauches", "Placements and hirings"),
    "reports.employer.immersions": ("Immersions réalisées", "Work placements done"),
    "reports.employer.hirings": ("Embauches", "Hirings"),
    "reports.employer.note": (
        "Relais vers un employeur de l'annuaire dont l'historique a atteint « Immersion "
        "réalisée » ou « Embauché », comptés une fois chacun, au mois et au quartier du contact "
        "d'où ils viennent (comme les autres tableaux de relais).",
        "Handovers to an employer of the directory whose history reached “Work placement done” "
        "or “Hired”, each counted once, in the month and neighbourhood of the contact they came "
        "from (as the other handover tables).",
    ),
}
