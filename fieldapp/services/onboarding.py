"""The first run's steps as a Qt-free state machine, after Electrum's `AbstractWizard`.

A *navmap* names each step and says what follows it (`next`: a step, or a function of the
data), what must hold before leaving it (`accept`: raises `StepRefused` to stay), whether it
ends the run (`last`) and whether Back is offered (`back`). A stack of (step, data) lets Back
restore what was typed. The window's assistant (fieldapp/ui/onboarding/first_run.py) only
shows pages and fills `OnboardingData`; every decision is here, so it is tested without Qt.

    welcome → structure → [invitation, if one was given] → passphrase → (profile created)
            → recovery → check → done
    welcome → demo

The only I/O is the profile service's (`create`), and opening the invitation to fail early on a
wrong code, as `fieldapp init --invitation` does.
"""

from __future__ import annotations

import copy
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TypedDict

from fieldapp.domain.vocab import STRUCTURE_TYPES
from fieldapp.errors import InputError
from fieldapp.services import profile, sync
from fieldapp.services.field import FieldService
from fieldapp.storage.home import Home
from fieldapp.storage.keyfile import DEFAULT_KDF, KdfParams
from fieldapp.storage.private_files import write_private
from fieldapp.sync.invitation import Invitation

CHECK_COUNT = 4  # characters of the recovery key typed back to prove it was written down


class Step(StrEnum):
    WELCOME = "welcome"
    STRUCTURE = "structure"
    INVITATION = "invitation"
    PASSPHRASE = "passphrase"  # noqa: S105 (a step's name, not a secret)
    RECOVERY = "recovery"
    CHECK = "check"
    DONE = "done"
    DEMO = "demo"


@dataclass
class OnboardingData:
    """What the person chose and typed; `recovery_key` and `check_positions` once created."""

    structure_name: str = ""
    structure_type: str = ""
    invitation_file: Path | None = None  # given: the invitation step asks for its code
    invitation_code: str = ""
    passphrase: str = ""
    confirmation: str = ""
    recovery_key: str = ""
    check_positions: list[int] = field(default_factory=list)
    check_typed: list[str] = field(default_factory=list)
    invitation: Invitation | None = None  # opened by the invitation step


class StepRefused(InputError):
    """The step cannot be left yet; `fields` names the data fields at fault."""

    def __init__(self, code: str, /, *fields: str, **params: object) -> None:
        super().__init__(code, **params)
        self.fields = fields


class Nav(TypedDict, total=False):
    next: Step | Callable[[OnboardingData], Step]
    accept: Callable[[OnboardingData], None]
    last: bool
    back: bool


def key_characters(recovery_key: str) -> str:
    """The characters the check counts: no dashes or spaces, any case."""
    return recovery_key.replace("-", "").replace(" ", "").upper()


def _accept_structure(data: OnboardingData) -> None:
    data.structure_name = data.structure_name.strip()
    missing_name = not data.structure_name
    missing_type = data.structure_type not in STRUCTURE_TYPES
    if missing_name and missing_type:
        raise StepRefused(
            "services.onboarding.structure_missing", "structure_name", "structure_type"
        )
    if missing_name:
        raise StepRefused("services.onboarding.structure_name", "structure_name")
    if missing_type:
        raise StepRefused("services.onboarding.structure_type", "structure_type")


def _accept_invitation(data: OnboardingData) -> None:
    assert data.invitation_file is not None  # the step is only reached with a file
    data.invitation = sync.check_invitation(data.invitation_file, data.invitation_code.strip())


def _accept_passphrase(data: OnboardingData) -> None:
    profile.check_new_passphrase(data.passphrase)
    if data.passphrase != data.confirmation:
        raise StepRefused("services.onboarding.passphrase_mismatch", "confirmation")


def _accept_check(data: OnboardingData) -> None:
    chars = key_characters(data.recovery_key)
    typed = [*data.check_typed, *[""] * len(data.check_positions)]
    wrong = [
        position
        for position, text in zip(data.check_positions, typed, strict=False)
        if text.strip().upper() != chars[position - 1]
    ]
    if wrong:
        raise StepRefused(
            "services.onboarding.check_wrong",
            *(f"check_typed.{p}" for p in wrong),
            positions=", ".join(str(p) for p in wrong),
        )


NAVMAP: dict[Step, Nav] = {
    Step.WELCOME: {"next": Step.STRUCTURE},
    Step.STRUCTURE: {
        "accept": _accept_structure,
        "next": lambda d: Step.PASSPHRASE if d.invitation_file is None else Step.INVITATION,
        "back": True,
    },
    Step.INVITATION: {"accept": _accept_invitation, "next": Step.PASSPHRASE, "back": True},
    # Leaving the passphrase step needs the profile: see `Onboarding.created`.
    Step.PASSPHRASE: {"accept": _accept_passphrase, "next": Step.RECOVERY, "back": True},
    Step.RECOVERY: {"next": Step.CHECK},  # shown once: no way back to the passphrase
    Step.CHECK: {"accept": _accept_check, "next": Step.DONE, "back": True},
    Step.DONE: {"last": True},
    Step.DEMO: {"last": True, "back": True},
}


class Onboarding:
    """The current step, its data, and the stack of steps left behind."""

    def __init__(self, data: OnboardingData | None = None) -> None:
        self.step = Step.WELCOME
        self.data = data or OnboardingData()
        self._stack: list[tuple[Step, OnboardingData]] = []

    def accept(self) -> None:
        """Check the current step (raises StepRefused, or the profile rule's own error)."""
        accept = NAVMAP[self.step].get("accept")
        if accept is not None:
            accept(self.data)

    def resolve_next(self) -> Step:
        """Leave the current step if its data is acceptable; an exception keeps it current."""
        if self.step is Step.PASSPHRASE:
            raise RuntimeError("the passphrase step is left by creating the profile (created)")
        self.accept()
        self._push(self._following())
        return self.step

    def start_demo(self) -> Step:
        self._push(Step.DEMO)
        return self.step

    def can_go_back(self) -> bool:
        return bool(self._stack) and offers_back(self.step)

    def resolve_prev(self) -> Step:
        """Back to the previous step, with its data as it was when it was left."""
        if not self.can_go_back():
            raise RuntimeError(f"no way back from {self.step}")
        self.step, self.data = self._stack.pop()
        return self.step

    def is_last(self) -> bool:
        return NAVMAP[self.step].get("last", False)

    def can_continue(self) -> bool:
        return can_continue(self.step, self.data)

    def created(self, recovery_key: str) -> Step:
        """The profile exists (`create`): forget the passphrase everywhere, draw the check."""
        if self.step is not Step.PASSPHRASE:
            raise RuntimeError(f"a profile is created from the passphrase step, not {self.step}")
        self.data.recovery_key = recovery_key
        rng = secrets.SystemRandom()
        count = len(key_characters(recovery_key))
        self.data.check_positions = sorted(rng.sample(range(1, count + 1), CHECK_COUNT))
        self.data.check_typed = []
        for _step, kept in [*self._stack, (self.step, self.data)]:
            kept.passphrase = kept.confirmation = ""
        self._push(self._following())
        return self.step

    def _following(self) -> Step:
        target = NAVMAP[self.step].get("next")
        if target is None:
            raise RuntimeError(f"{self.step} is the last step")
        return target if isinstance(target, Step) else target(self.data)

    def _push(self, target: Step) -> None:
        self._stack.append((self.step, copy.deepcopy(self.data)))
        self.step = target


def offers_back(step: Step) -> bool:
    return NAVMAP[step].get("back", False)


def can_continue(step: Step, data: OnboardingData) -> bool:
    """Whether Next is offered: the passphrase usable and confirmed, every check field typed."""
    if step is Step.PASSPHRASE:
        try:
            _accept_passphrase(data)
        except (StepRefused, profile.WeakPassphrase):
            return False
    if step is Step.CHECK:
        return len(data.check_typed) == len(data.check_positions) and all(
            text.strip() for text in data.check_typed
        )
    return step not in (Step.WELCOME, Step.DEMO)


def create(
    home: Home, data: OnboardingData, *, kdf: KdfParams = DEFAULT_KDF
) -> tuple[FieldService, str]:
    """Create the profile from the data (and join the invitation's coordination, if any).

    Runs in a worker thread in the window: it reads `data` and changes nothing in it.
    """
    _accept_passphrase(data)
    service, recovery_key = profile.create_profile(
        home,
        data.passphrase,
        structure=data.structure_name,
        structure_type=data.structure_type,
        kdf=kdf,
        allow_weak=kdf.is_weak,
    )
    if data.invitation is not None:
        try:
            sync.join_after_init(service, data.invitation)
        except BaseException:
            service.close()
            raise
    return service, recovery_key


def save_recovery_sheet(path: Path, pdf: bytes) -> None:
    """Write the recovery sheet's PDF user-only (0600): it holds the key that opens the
    notebook. Raises OSError when the file cannot be written."""
    write_private(Path(path), pdf)
