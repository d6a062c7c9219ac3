"""`fieldapp selfcheck`: a headless end-to-end check of an installed copy or a bundle.

Every step uses the real code paths with their real settings, in a temporary folder that is removed
afterwards (the user's own profile is never opened):

1. SQLCipher is the driver's engine (`PRAGMA cipher_version`), not plain SQLite;
2. a profile is created with the default Argon2id cost (about half a second on a laptop);
3. a contact is recorded and the store closed; the database file on disk must not start with
   SQLite's clear-text header; the store is unlocked again with the passphrase and read back;
4. the device's events are sealed into a batch for a fresh recipient key, then verified and opened;
5. the demo reference pack (package data) loads;
6. optionally, a check given by the caller (the CLI passes fieldapp.ui.app.selfcheck_qt's when
   PySide6 is importable: this module stays Qt-free).

A failure is raised as `SelfCheckFailed`, whose str() is one line naming the step. Steps keep
their (French) names as identifiers; what is printed is in the current language.
"""

from __future__ import annotations

import base64
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.errors import DamagedError
from fieldapp.messages import Text, say
from fieldapp.services import packs, profile
from fieldapp.services.field import FieldService
from fieldapp.storage import keyfile
from fieldapp.storage.home import Home
from fieldapp.sync.batch import open_batch, seal_batch
from fieldapp.sync.merge_pipeline import Pipeline, Prepared

SQLITE_HEADER = b"SQLite format 3\x00"
STRUCTURE_NAME = "Autotest Relais"
STRUCTURE_TYPE = "autre"


# What each step is called on screen; a step not listed (the caller's extra) shows its name.
_LABELS: dict[str, Text] = {
    "sqlcipher": Text("services.selfcheck.step.sqlcipher"),
    "dossier": Text("services.selfcheck.step.folder"),
    "annuaire": Text("services.selfcheck.step.directory"),
    "profil": Text("services.selfcheck.step.profile"),
    "écriture": Text("services.selfcheck.step.write"),
    "lecture": Text("services.selfcheck.step.read"),
    "lot": Text("services.selfcheck.step.batch"),
    "fusion": Text("services.selfcheck.step.merge"),
}


def step_label(name: str) -> str:
    label = _LABELS.get(name)
    return label.message() if label is not None else name


class SelfCheckFailed(DamagedError):
    """One step failed: this copy of Relais is broken; str() is the line to print."""

    def __init__(self, step: str, detail: Text | str) -> None:
        super().__init__("services.selfcheck.failed", step=_LABELS.get(step, step), detail=detail)
        self.step = step
        self.detail = detail


@dataclass(frozen=True)
class Step:
    name: str
    detail: str
    seconds: float

    def line(self) -> str:
        return f"ok  {step_label(self.name):<11} {self.detail} ({self.seconds:.2f} s)"


Progress = Callable[[Step], None]


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


class _Runner:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.steps: list[Step] = []

    @contextmanager
    def step(self, name: str) -> Iterator[list[str]]:
        """Time one step; the body appends its detail to the yielded list. Any exception (a module
        missing from a bundle is an ImportError) becomes SelfCheckFailed."""
        detail: list[str] = []
        start = time.perf_counter()
        try:
            yield detail
        except SelfCheckFailed:
            raise
        except Exception as exc:
            raise SelfCheckFailed(name, _describe(exc)) from exc
        done = Step(name, "; ".join(detail), time.perf_counter() - start)
        self.steps.append(done)
        if self.progress is not None:
            self.progress(done)


def _expect(step: str, condition: bool, detail: Text) -> None:
    if not condition:
        raise SelfCheckFailed(step, detail)


def synthetic_contact(neighbourhood: str, today: date) -> dict[str, Any]:
    return {
        "date": today.isoformat(),
        "slot": "matin",
        "neighbourhood": neighbourhood,
        "place_type": "espace-public",
        "contact_mode": "premier-contact",
        "age_band": "18-25",
        "gender": "non-renseigne",
        "situation": "sans-emploi-ni-formation",
        "registrations": ["aucune"],
        "needs": ["trouver-un-emploi"],
        "outcome": "information-donnee",
        "note": "Autotest de l'installation.",
    }


def run(
    *,
    workdir: Path | None = None,
    progress: Progress | None = None,
    extra: Callable[[], str] | None = None,
    extra_name: str = "qt",
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
) -> list[Step]:
    """Run every step; returns them, or raises SelfCheckFailed at the first failure.

    `workdir`: where the temporary profile goes (default: the system's temporary folder).
    `extra`: a last check returning its detail line (the Qt check), run after the others.
    """
    runner = _Runner(progress)

    with runner.step("sqlcipher") as detail:
        conn = sqlcipher.connect(":memory:")
        try:
            row = conn.execute("PRAGMA cipher_version").fetchone()
        finally:
            conn.close()
        _expect("sqlcipher", bool(row and row[0]), Text("services.selfcheck.not_sqlcipher"))
        detail.append(f"SQLCipher {row[0]} (SQLite {sqlcipher.sqlite_version})")

    with runner.step("dossier") as detail:
        tmp = Path(tempfile.mkdtemp(prefix="relais-autotest-", dir=workdir))
        detail.append(str(tmp))
    try:
        _store_checks(runner, Home(tmp / "profil"), kdf)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    if extra is not None:
        with runner.step(extra_name) as detail:
            detail.append(extra())
    return runner.steps


def _store_checks(runner: _Runner, home: Home, kdf: keyfile.KdfParams) -> None:
    passphrase = secrets.token_urlsafe(24)
    today = date.today()

    with runner.step("annuaire") as detail:
        pack = packs.demo_pack()
        codes = sorted(pack.neighbourhood_codes)
        no_codes = Text("services.selfcheck.no_neighbourhood", path=packs.demo_dir())
        _expect("annuaire", bool(codes), no_codes)
        detail.append(
            Text(
                "services.selfcheck.demo_pack",
                neighbourhoods=len(codes),
                services=len(pack.services),
            ).message()
        )

    with runner.step("profil") as detail:
        created, _recovery = profile.create_profile(
            home, passphrase, structure=STRUCTURE_NAME, structure_type=STRUCTURE_TYPE, kdf=kdf
        )
        detail.append(
            Text(
                "services.selfcheck.profile_created",
                mib=kdf.memory_kib // 1024,
                iterations=kdf.iterations,
            ).message()
        )

    with runner.step("écriture") as detail:
        try:
            contact_id = created.record_contact(synthetic_contact(codes[0], today), today=today)
        finally:
            created.close()
        with home.db_file.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
        _expect("écriture", head != SQLITE_HEADER, Text("services.selfcheck.clear_database"))
        detail.append(say("services.selfcheck.written", contact=contact_id[:8]))

    opened: list[FieldService] = []
    try:
        with runner.step("lecture") as detail:
            opened.append(profile.open_profile(home, passphrase))
            service = opened[0]
            row = service.contact(contact_id)
            _expect(
                "lecture",
                row["neighbourhood"] == codes[0] and row["date"] == today.isoformat(),
                Text("services.selfcheck.read_mismatch"),
            )
            events = [e.to_dict() for e in service.store.events_from(0)]
            _expect("lecture", bool(events), Text("services.selfcheck.no_event"))
            detail.append(Text("services.selfcheck.unlocked", events=len(events)).message())

        with runner.step("lot") as detail:
            signing = Ed25519PrivateKey.from_private_bytes(
                base64.b64decode(service.store.get_setting("device_signing_key"))
            )
            recipient = X25519PrivateKey.generate()
            name, data = seal_batch(
                events,
                device_id=service.device_id,
                structure_id=str(service.structure["id"]),
                signing_key=signing,
                recipient_public=recipient.public_key(),
            )
            _manifest, unsealed = open_batch(
                data, recipient_private=recipient, device_public=signing.public_key()
            )
            _expect(
                "lot",
                [e["id"] for e in unsealed] == [e["id"] for e in events],
                Text("services.selfcheck.batch_mismatch"),
            )
            detail.append(Text("services.selfcheck.sealed", name=name, size=len(data)).message())

        with runner.step("fusion") as detail:
            # A large merge prepares batches in a spawned worker process: in a frozen bundle that
            # only works if the entry point calls multiprocessing.freeze_support().
            pipeline = Pipeline(recipient)
            try:
                future = pipeline.submit(data, signing.public_key().public_bytes_raw())
                outcome = pipeline.result(future) if future is not None else None
            finally:
                pipeline.close()
            _expect(
                "fusion",
                isinstance(outcome, Prepared) and outcome.event_ids == [e["id"] for e in events],
                Text("services.selfcheck.worker_failed"),
            )
            detail.append(say("services.selfcheck.worker_prepared"))
    finally:
        for service in opened:
            service.close()
