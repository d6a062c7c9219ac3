"""Creating, opening and re-keying a field profile: the one way the CLI and the UI get a store."""

from __future__ import annotations

import base64
import contextlib
import math
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.domain.ids import new_device_id
from fieldapp.domain.vocab import STRUCTURE_TYPES
from fieldapp.errors import DamagedError, RelaisError
from fieldapp.messages import Text
from fieldapp.services.field import FieldService
from fieldapp.storage import guard, keyfile, migrate
from fieldapp.storage.engine import DatabaseLocked, open_engine, write_transaction
from fieldapp.storage.home import Home as Home
from fieldapp.storage.home import default_home as default_home
from fieldapp.storage.keyfile import DEFAULT_KDF as DEFAULT_KDF
from fieldapp.storage.keyfile import KdfParams as KdfParams
from fieldapp.storage.keyfile import WrongPassphrase as WrongPassphrase
from fieldapp.storage.keyfile import WrongRecoveryKey as WrongRecoveryKey
from fieldapp.storage.store import write_setting

MIN_PASSPHRASE_LENGTH = 10


class ProfileError(RelaisError):
    """Base of the services' errors a person can act on (see fieldapp/errors.py)."""


class NoProfile(ProfileError):
    def __init__(self, home: Home) -> None:
        super().__init__("services.profile.none", root=home.root)


class ProfileExists(ProfileError):
    def __init__(self, home: Home) -> None:
        super().__init__("services.profile.exists", root=home.root)


class FolderInUse(ProfileExists):
    """The folder holds a store, a key file or a backup that a creation would destroy."""

    def __init__(self, home: Home, file: Path) -> None:
        code = "services.profile.folder_in_use"
        if file.name == home.key_backup.name:
            code = "services.profile.folder_has_key_backup"
        RelaisError.__init__(self, code, root=home.root, file=file.name)
        self.file = file


Notify = Callable[[Text], None]
"""Where a service reports something done on the person's behalf (the CLI: one stderr line)."""


class DamagedDatabase(ProfileError, DamagedError):
    def __init__(self, home: Home, detail: Text | None = None) -> None:
        where = {"db": home.db_file, "backups": home.backups}
        if detail is None:
            super().__init__("services.profile.damaged_database", **where)
        else:
            super().__init__("services.profile.damaged_database_detail", detail=detail, **where)


class WeakPassphrase(ProfileError):
    def __init__(self) -> None:
        super().__init__("services.profile.weak_passphrase", min_length=MIN_PASSPHRASE_LENGTH)


class InvalidStructure(ProfileError):
    pass


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase()


def create_profile(
    home: Home,
    passphrase: str,
    *,
    structure: str,
    structure_type: str,
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    allow_weak: bool = False,
    demo: bool = False,
) -> tuple[FieldService, str]:
    """Create the key file, the database and the device identity; returns (service, recovery key).

    `demo=True` marks a demonstration profile (fictional data): only such a profile shows the
    built-in demo directory while no reference pack is installed.

    Refuses a folder that holds a store, a key file or a backup (`check_new_home`). Everything is
    built in `.creation/` and moved in by `guard.install` (marker first, key file last, marker
    removed): a crash during creation leaves a folder that `create_profile` can start again in,
    because the leftovers are provably its own.
    """
    check_new_home(home)
    check_new_passphrase(passphrase)
    name = structure.strip()
    if not 1 <= len(name) <= 120:
        raise InvalidStructure("services.profile.structure_name")
    if structure_type not in STRUCTURE_TYPES:
        raise InvalidStructure(
            "services.profile.structure_type",
            value=structure_type,
            choices=", ".join(STRUCTURE_TYPES.codes()),
        )
    home.prepare()
    staging = home.root / ".creation"
    shutil.rmtree(staging, ignore_errors=True)  # only ever holds files no creation has moved in
    staging.mkdir()
    staged = Home(staging)
    data_key, recovery_key = keyfile.create_key_file(
        staged.key_file, passphrase, kdf=kdf, allow_weak=allow_weak
    )
    engine = open_engine(staged.db_file, _db_key(data_key))
    try:
        migrate.upgrade(engine, staged.db_file, staged.backups)
        signing = Ed25519PrivateKey.generate()
        with write_transaction(engine) as conn:
            write_setting(conn, "device_id", new_device_id())
            write_setting(
                conn,
                "device_signing_key",
                base64.b64encode(signing.private_bytes_raw()).decode(),
            )
            write_setting(
                conn,
                "structure",
                {"id": uuid.uuid4().hex, "name": name, "type": structure_type},
            )
            if demo:
                write_setting(conn, DEMO_KEY, True)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        engine.dispose()
    for path in _sidecars(staged.db_file):
        path.unlink(missing_ok=True)
    check_new_home(home)  # nothing appeared meanwhile
    guard.install(
        home.root,
        [
            (staged.db_file, home.db_file.name),
            (staged.key_backup, home.key_backup.name),
            (staged.key_file, home.key_file.name),
        ],
    )
    shutil.rmtree(staging, ignore_errors=True)
    service = open_with_key(home, data_key)
    _write_label(service)
    return service, recovery_key


# -- the notebook's label, shown before unlocking --------------------------------------------------

DEMO_KEY = "demo"  # in the encrypted settings: this profile holds demonstration data only


@dataclass(frozen=True)
class NotebookLabel:
    """Which notebook the unlock screen opens: its structure, and whether it is the demo."""

    structure: str
    demo: bool


def notebook_label(home: Home) -> NotebookLabel | None:
    """The label written at the last unlock (settings.json); None before the first one."""
    label = home.read_settings().get("label")
    if not isinstance(label, dict) or not isinstance(label.get("structure"), str):
        return None
    return NotebookLabel(structure=label["structure"], demo=label.get("demo") is True)


def _write_label(service: FieldService) -> None:
    label = {
        "structure": str(service.structure.get("name", "")),
        "demo": service.store.get_setting(DEMO_KEY) is True,
    }
    home = service.home
    if home.read_settings().get("label") == label:
        return
    with contextlib.suppress(OSError):  # a display hint: a full disk must not refuse the unlock
        home.write_settings({"label": label})


def check_new_home(home: Home) -> None:
    """ProfileExists when `home` holds a profile; FolderInUse (naming the file) when it holds
    any store, key file or backup, which a creation must never delete or overwrite.

    The leftovers of a creation that provably never finished are cleared (storage/guard.py).
    """
    if home.key_file.exists():
        raise ProfileExists(home)
    if not home.root.is_dir():
        return
    found = guard.occupied(home.root, home.protected, key_file=home.key_file.name)
    if found is not None:
        raise FolderInUse(home, found)


def restore_key_file(home: Home, notify: Notify | None = None) -> None:
    """Bring back a missing `relais.key` from `relais.key.bak`, saying so through `notify`."""
    if home.restore_key_file() and notify is not None:
        notify(
            Text(
                "services.profile.key_restored",
                name=home.key_file.name,
                backup_name=home.key_backup.name,
            )
        )


# -- the growing delay after wrong passphrases -----------------------------------------------------

MAX_DELAY_S = 30.0


def retry_delay(failures: int, base: float = 1.0) -> float:
    """Seconds before the next try after `failures` wrong passphrases in a row:
    0, 1, 2, 4, 8, 16, 30, 30… (`base` scales it; tests shorten it)."""
    if failures <= 0:
        return 0.0
    return float(min(base * 2 ** min(failures - 1, 64), MAX_DELAY_S * base))


@dataclass
class UnlockDelay:
    """Wrong passphrases in a row, kept across restarts in the key file's folder
    (`Home.attempts_file`): each one doubles the wait before the next try is checked, up to
    30 s; a good passphrase clears it. The CLI waits (`sleep`); the window counts down and
    keeps its button disabled until `wait_left()` is 0. `clock` and `sleep` are injectable so
    that tests do not wait for real.
    """

    home: Home
    base: float = 1.0
    clock: Callable[[], float] = field(default=time.time)
    sleep: Callable[[float], None] = field(default=time.sleep)

    def failures(self) -> int:
        return self.home.read_attempts()[0]

    def wait_left(self) -> float:
        """Seconds before a new try is checked (never more than the current step, whatever the
        clock did meanwhile)."""
        failures, not_before = self.home.read_attempts()
        left = not_before - self.clock()
        return max(0.0, min(left, retry_delay(failures, self.base)))

    def failed(self) -> float:
        """One more wrong passphrase; returns the wait before the next try."""
        failures = self.failures() + 1
        wait = retry_delay(failures, self.base)
        with contextlib.suppress(OSError):  # a read-only or full disk: still refused
            self.home.write_attempts(failures, self.clock() + wait)
        return wait

    def succeeded(self) -> int:
        """A good passphrase: the count is cleared; returns how many wrong ones preceded it."""
        failures = self.failures()
        with contextlib.suppress(OSError):
            self.home.clear_attempts()
        return failures

    def wait(self, notify: Notify | None = None) -> None:
        """Wait out the delay left (saying so through `notify`) before a passphrase is checked."""
        left = self.wait_left()
        if left > 0:
            if notify is not None:
                notify(Text("services.profile.unlock_wait", seconds=math.ceil(left)))
            self.sleep(left)


def _unlock(home: Home, passphrase: str, delay: UnlockDelay, notify: Notify | None) -> bytes:
    delay.wait(notify)
    try:
        return keyfile.unlock(home.key_file, passphrase)
    except keyfile.WrongPassphrase:
        delay.failed()
        raise


def open_profile(
    home: Home,
    passphrase: str,
    *,
    notify: Notify | None = None,
    delay: UnlockDelay | None = None,
) -> FieldService:
    """Unlock with the passphrase. Raises keyfile.WrongPassphrase, keyfile.CorruptKeyFile,
    NoProfile, DamagedDatabase or migrate.NewerSchema.

    A missing key file is first restored from its backup (`restore_key_file`, told to `notify`).
    After wrong passphrases the check waits out the growing delay (`UnlockDelay`); the wrong
    tries are written to the audit log once the store opens.
    """
    if not home.exists():
        raise NoProfile(home)
    restore_key_file(home, notify)
    delay = delay or UnlockDelay(home)
    service = open_with_key(home, _unlock(home, passphrase, delay, notify))
    if (home.root / guard.MARKER).exists():
        guard.forget_marker(home.root)  # a creation interrupted after its last move is complete
    failures = delay.succeeded()
    _write_label(service)
    service.audit("unlock")
    if failures:
        # Failed tries cannot be written before the store opens: logged at the next success.
        service.audit("unlock_failed", count=failures)
    return service


def open_with_key(home: Home, data_key: bytes) -> FieldService:
    if not home.db_file.exists():
        raise DamagedDatabase(home, Text("services.profile.file_missing"))
    try:
        engine = open_engine(home.db_file, _db_key(data_key))
    except DatabaseLocked as exc:
        # The key file vouched for the key, so the database itself is at fault.
        raise DamagedDatabase(home) from exc
    try:
        migrate.upgrade(engine, home.db_file, home.backups)
        return FieldService.load(home, engine)
    except Exception:
        engine.dispose()
        raise


def check_passphrase(home: Home, passphrase: str, *, notify: Notify | None = None) -> None:
    """WrongPassphrase unless `passphrase` opens this profile (asked before a new one is typed)."""
    if not home.exists():
        raise NoProfile(home)
    restore_key_file(home, notify)
    delay = UnlockDelay(home)
    _unlock(home, passphrase, delay, notify)
    delay.succeeded()


def check_recovery_key(home: Home, recovery_key: str, *, notify: Notify | None = None) -> None:
    """WrongRecoveryKey unless `recovery_key` opens this profile."""
    if not home.exists():
        raise NoProfile(home)
    restore_key_file(home, notify)
    keyfile.unlock_with_recovery(home.key_file, recovery_key)


def change_passphrase(home: Home, old: str, new: str, *, notify: Notify | None = None) -> None:
    if not home.exists():
        raise NoProfile(home)
    check_new_passphrase(new)
    restore_key_file(home, notify)
    keyfile.change_passphrase(home.key_file, old, new)


def recover(
    home: Home, recovery_key: str, new_passphrase: str, *, notify: Notify | None = None
) -> None:
    if not home.exists():
        raise NoProfile(home)
    check_new_passphrase(new_passphrase)
    restore_key_file(home, notify)
    keyfile.recover(home.key_file, recovery_key, new_passphrase)


def public_signing_key(private_b64: str) -> bytes:
    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(private_b64))
    return bytes(key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def _db_key(data_key: bytes) -> bytes:
    return keyfile.derive_subkey(data_key, "sqlcipher")


def _sidecars(db: Path) -> tuple[Path, Path]:
    return db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")
