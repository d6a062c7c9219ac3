"""The profile folder ("home"): where a device keeps its key file, database and settings.

relais.key        key file (data key wrapped by the passphrase and by the recovery key)
relais.key.bak    identical copy, rewritten after every change
relais.db         SQLCipher database (+ -wal, -shm while open)
relais.attempts   wrong passphrases in a row and the time before which no new try is checked
                  (JSON, two numbers, written atomically; removed at the next good passphrase)
settings.json     display preferences (language, auto-lock), the last coordination folder and
                  the notebook's label (structure name, demo or not): never record data
backups/          copies of the database taken before each schema migration

No command deletes or overwrites any of these (`PROTECTED`, see storage/guard.py): creating a
profile refuses a folder that holds one, and a missing `relais.key` is restored from its backup
when the profile is opened (`restore_key_file`).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from fieldapp.storage import keyfile
from fieldapp.storage.atomic import atomic_write

APP_NAME = "Relais"

# A workspace folder path is the one non-display setting: where to look, never what is there.
# The notebook's label ({"structure": name, "demo": bool}) is what the unlock screen shows before
# the store is open: the structure's name, never a record; rewritten at each unlock.
DEFAULT_SETTINGS: dict[str, Any] = {
    "language": "fr",
    "autolock_minutes": 5,
    "last_workspace": None,
    "label": None,
}


def default_home() -> Path:
    """FIELDAPP_HOME if set, else the platform's per-user data folder."""
    env = os.environ.get("FIELDAPP_HOME")
    if env:
        return Path(env).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def key_file(self) -> Path:
        return self.root / "relais.key"

    @property
    def key_backup(self) -> Path:
        return keyfile.backup_path(self.key_file)

    @property
    def db_file(self) -> Path:
        return self.root / "relais.db"

    @property
    def attempts_file(self) -> Path:
        """Wrong passphrases in a row (the growing delay, services/profile.py): beside the key."""
        return self.key_file.with_name("relais.attempts")

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def protected(self) -> tuple[str, ...]:
        """What a creation must never delete or overwrite (the key file first)."""
        db = self.db_file.name
        key = self.key_file.name
        return (key, key + ".bak", db, db + "-wal", db + "-shm", self.backups.name)

    def exists(self) -> bool:
        """A profile is here: its key file, or the backup that `restore_key_file` brings back."""
        return self.key_file.exists() or self.key_backup.exists()

    def restore_key_file(self) -> bool:
        """Bring back a missing `relais.key` from `relais.key.bak`; True when it did.

        Raises keyfile.CorruptKeyFile when the backup is damaged (nothing is written then).
        """
        if self.key_file.exists() or not self.key_backup.exists():
            return False
        keyfile.restore_backup(self.key_file)
        return True

    def prepare(self) -> None:
        # Owner-only: a shared office PC must not expose even the encrypted files to other users.
        self.root.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            self.root.chmod(0o700)

    def read_settings(self) -> dict[str, Any]:
        settings = dict(DEFAULT_SETTINGS)
        try:
            loaded = json.loads(self.settings_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return settings  # a missing or damaged preferences file is not worth refusing to start
        if isinstance(loaded, dict):
            settings.update({k: v for k, v in loaded.items() if k in DEFAULT_SETTINGS})
        return settings

    def write_settings(self, changes: dict[str, Any]) -> None:
        unknown = set(changes) - set(DEFAULT_SETTINGS)
        if unknown:
            raise KeyError(f"réglage inconnu : {', '.join(sorted(unknown))}")
        settings = self.read_settings() | changes
        atomic_write(self.settings_file, json.dumps(settings, indent=2).encode())

    def read_attempts(self) -> tuple[int, float]:
        """(wrong passphrases in a row, time before which no try is checked); (0, 0) when the
        file is missing or unreadable."""
        try:
            loaded = json.loads(self.attempts_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return 0, 0.0
        if not isinstance(loaded, dict):
            return 0, 0.0
        failures, until = loaded.get("failures"), loaded.get("not_before")
        if type(failures) is not int or not isinstance(until, int | float) or failures < 0:
            return 0, 0.0
        return min(failures, 1_000_000), float(until)

    def write_attempts(self, failures: int, not_before: float) -> None:
        data = {"failures": failures, "not_before": round(not_before, 3)}
        atomic_write(self.attempts_file, json.dumps(data).encode())

    def clear_attempts(self) -> None:
        self.attempts_file.unlink(missing_ok=True)
