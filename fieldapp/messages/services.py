"""Messages of this layer: code → (French, English). See `fieldapp/messages/__init__.py`."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # services/onboarding.py: the first run's steps (French as the assistant has always said it)
    "services.onboarding.structure_name": (
        "Indiquez le nom de la structure.",
        "Enter the organisation's name.",
    ),
    "services.onboarding.structure_type": (
        "Choisissez le type de structure.",
        "Choose the type of organisation.",
    ),
    "services.onboarding.structure_missing": (
        "Indiquez le nom de la structure. Choisissez le type de structure.",
        "Enter the organisation's name. Choose the type of organisation.",
    ),
    "services.onboarding.passphrase_mismatch": (
        "Les deux saisies ne correspondent pas.",
        "The two entries do not match.",
    ),
    "services.onboarding.check_wrong": (
        "Caractère n° {positions} incorrect : vérifiez votre copie (« Revoir la clé » pour "
        "l'afficher de nouveau).",
        'Character no. {positions} is wrong: check your copy ("See the key again" shows it once '
        "more).",
    ),
}
