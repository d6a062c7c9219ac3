"""The first run's state machine, walked without Qt, down to a real profile on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.services import onboarding, profile
from fieldapp.services.field import FieldService
from fieldapp.services.onboarding import Onboarding, Step, StepRefused
from fieldapp.services.sync import InvitationRefused, SyncService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from tests.helpers import make_coordination

PASSPHRASE = "cerise tournevis nuage 47"  # test-only


def _structure(wizard: Onboarding) -> None:
    assert wizard.resolve_next() is Step.STRUCTURE
    wizard.data.structure_name = "  Équipe de prévention test  "
    wizard.data.structure_type = "prevention-specialisee"


def _passphrase(wizard: Onboarding) -> None:
    assert wizard.step is Step.PASSPHRASE
    wizard.data.passphrase = wizard.data.confirmation = PASSPHRASE
    assert wizard.can_continue()


def _create(wizard: Onboarding, home: Home) -> FieldService:
    wizard.accept()
    service, key = onboarding.create(home, wizard.data, kdf=keyfile.FAST_TEST_KDF)
    assert wizard.created(key) is Step.RECOVERY
    return service


def _check(wizard: Onboarding) -> None:
    assert wizard.resolve_next() is Step.CHECK
    chars = onboarding.key_characters(wizard.data.recovery_key)
    wizard.data.check_typed = [chars[p - 1].lower() for p in wizard.data.check_positions]
    assert wizard.can_continue()
    assert wizard.resolve_next() is Step.DONE
    assert wizard.is_last() and not wizard.can_go_back()


def test_without_an_invitation_the_run_creates_a_real_profile(tmp_path: Path) -> None:
    home = Home(tmp_path / "profil")
    wizard = Onboarding()
    assert wizard.step is Step.WELCOME and not wizard.can_continue() and not wizard.can_go_back()
    _structure(wizard)
    assert wizard.resolve_next() is Step.PASSPHRASE  # no invitation: no invitation step
    assert wizard.data.structure_name == "Équipe de prévention test"
    _passphrase(wizard)
    with pytest.raises(RuntimeError):
        wizard.resolve_next()  # the profile comes first
    service = _create(wizard, home)
    try:
        assert home.exists() and service.count_contacts() == 0
        key = wizard.data.recovery_key
        assert len(onboarding.key_characters(key)) == 32
        assert len(keyfile.unlock_with_recovery(home.key_file, key)) == 32
        assert len(keyfile.unlock(home.key_file, PASSPHRASE)) == 32
        assert not SyncService(service).joined
    finally:
        service.close()
    # The passphrase is forgotten once the profile exists, in the stack too.
    assert wizard.data.passphrase == wizard.data.confirmation == ""
    assert all(kept.passphrase == "" for _step, kept in wizard._stack)
    assert not wizard.can_go_back()  # the recovery step is shown once
    assert len(set(wizard.data.check_positions)) == onboarding.CHECK_COUNT
    _check(wizard)


def test_with_an_invitation_the_code_is_checked_first_and_the_profile_joins(
    tmp_path: Path,
) -> None:
    coordination = make_coordination(tmp_path / "coordination")
    home = Home(tmp_path / "profil")
    wizard = Onboarding()
    wizard.data.invitation_file = coordination.invitation
    _structure(wizard)
    assert wizard.resolve_next() is Step.INVITATION
    wizard.data.invitation_code = "mauvais-code"
    with pytest.raises(InvitationRefused):
        wizard.resolve_next()
    assert wizard.step is Step.INVITATION and not home.exists()
    wizard.data.invitation_code = coordination.code
    assert wizard.resolve_next() is Step.PASSPHRASE
    _passphrase(wizard)
    service = _create(wizard, home)
    try:
        joined = SyncService(service).coordination()
        assert joined is not None and joined["territory"] == "Métropole Rouen Normandie"
    finally:
        service.close()
    _check(wizard)


def test_back_and_forth_keeps_what_was_typed() -> None:
    wizard = Onboarding()
    _structure(wizard)
    assert wizard.resolve_next() is Step.PASSPHRASE
    wizard.data.passphrase = "pas encore confirmée"
    assert wizard.resolve_prev() is Step.STRUCTURE
    assert wizard.data.structure_name == "Équipe de prévention test"
    assert wizard.data.structure_type == "prevention-specialisee"
    assert wizard.resolve_prev() is Step.WELCOME
    assert not wizard.can_go_back()
    with pytest.raises(RuntimeError):
        wizard.resolve_prev()
    assert wizard.start_demo() is Step.DEMO and wizard.is_last() and wizard.can_go_back()
    assert wizard.resolve_prev() is Step.WELCOME


def test_the_structure_step_names_what_is_missing() -> None:
    wizard = Onboarding()
    wizard.resolve_next()
    with pytest.raises(StepRefused) as refused:
        wizard.resolve_next()
    assert refused.value.fields == ("structure_name", "structure_type")
    assert str(refused.value) == "Indiquez le nom de la structure. Choisissez le type de structure."
    wizard.data.structure_name = "   "
    wizard.data.structure_type = "prevention-specialisee"
    with pytest.raises(StepRefused) as refused:
        wizard.resolve_next()
    assert refused.value.fields == ("structure_name",)
    assert refused.value.message("en") == "Enter the organisation's name."
    wizard.data.structure_name = "Équipe de prévention test"
    wizard.data.structure_type = "pas-un-type"  # only the domain's vocabulary
    with pytest.raises(StepRefused) as refused:
        wizard.resolve_next()
    assert refused.value.fields == ("structure_type",)
    assert wizard.step is Step.STRUCTURE


@pytest.mark.parametrize(
    ("passphrase", "confirmation", "refused"),
    [
        ("court", "court", profile.WeakPassphrase),
        ("          ", "          ", profile.WeakPassphrase),  # spaces do not count
        (PASSPHRASE, PASSPHRASE[:-1] + "8", StepRefused),
    ],
)
def test_a_weak_or_unconfirmed_passphrase_keeps_the_step(
    passphrase: str, confirmation: str, refused: type[Exception]
) -> None:
    wizard = Onboarding()
    _structure(wizard)
    wizard.resolve_next()
    wizard.data.passphrase, wizard.data.confirmation = passphrase, confirmation
    assert not wizard.can_continue()
    with pytest.raises(refused):
        wizard.accept()
    assert wizard.step is Step.PASSPHRASE


def test_a_wrong_retyped_key_keeps_the_check_step(tmp_path: Path) -> None:
    wizard = Onboarding()
    _structure(wizard)
    wizard.resolve_next()
    _passphrase(wizard)
    _create(wizard, Home(tmp_path / "profil")).close()
    assert wizard.resolve_next() is Step.CHECK
    assert not wizard.can_continue()  # nothing typed yet
    chars = onboarding.key_characters(wizard.data.recovery_key)
    positions = wizard.data.check_positions
    wrong = [("A" if chars[p - 1] != "A" else "B") for p in positions]
    wizard.data.check_typed = [chars[positions[0] - 1], *wrong[1:]]
    assert wizard.can_continue()
    with pytest.raises(StepRefused) as refused:
        wizard.resolve_next()
    numbers = ", ".join(str(p) for p in positions[1:])
    assert str(refused.value).startswith(f"Caractère n° {numbers} incorrect")
    assert wizard.step is Step.CHECK
    assert wizard.resolve_prev() is Step.RECOVERY  # « Revoir la clé »
    assert wizard.data.recovery_key and wizard.data.check_positions == positions
    assert wizard.resolve_next() is Step.CHECK
    wizard.data.check_typed = [chars[p - 1] for p in positions]
    assert wizard.resolve_next() is Step.DONE


def test_an_existing_profile_is_refused_at_creation(tmp_path: Path) -> None:
    home = Home(tmp_path / "profil")
    wizard = Onboarding()
    _structure(wizard)
    wizard.resolve_next()
    _passphrase(wizard)
    _create(wizard, home).close()
    with pytest.raises(profile.ProfileExists):
        onboarding.create(
            home,
            onboarding.OnboardingData(
                structure_name="x",
                structure_type="prevention-specialisee",
                passphrase=PASSPHRASE,
                confirmation=PASSPHRASE,
            ),
            kdf=keyfile.FAST_TEST_KDF,
        )
