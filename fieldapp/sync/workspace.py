"""A minimal coordinator workspace: the coordinator's keys and the invitations it issues.

    coordinator.key        key file (data key wrapped by the passphrase and the recovery key),
    coordinator.key.bak    the same format and rules as a field profile's `relais.key`
    coordinator-keys.enc   private keys, territory key and drop settings, AES-256-GCM under
    coordinator-keys.enc.bak   derive_subkey(data key, "coordinator-keys")
    workspace.json         public facts only: territory, fingerprints, suite, creation date
    invitations/           invitation files, each sealed under its own one-time code
    invitations.enc        the invitations issued: id, enrolments allowed, devices enrolled
                           (AES-256-GCM under derive_subkey(data key, "invitation-ledger"))

Beside them: `consolidated.db` (the consolidated store, `-wal`/`-shm` while open), `backups/`
(copies taken before its migrations) and `database-url.enc` (a remembered PostgreSQL URL).

No command deletes or overwrites any of these (`PROTECTED`): `create_workspace` refuses a folder
that holds one (storage/guard.py: only the provable leftovers of an unfinished creation are
cleared), and a missing `coordinator.key` or `coordinator-keys.enc` is restored from its backup
when the workspace is opened, saying so.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from fieldapp.errors import DamagedError, RelaisError
from fieldapp.messages import Text
from fieldapp.storage import envelope, guard, keyfile
from fieldapp.storage.atomic import atomic_write
from fieldapp.sync.batch import RecipientPrivateKey, canonical_json
from fieldapp.sync.invitation import (
    INVITATION_KDF,
    INVITATION_SUFFIX,
    CoordinatorKeys,
    Invitation,
    new_code,
    write_invitation,
)
from fieldapp.sync.transports import DropError, DropSettings

__all__ = [
    "DamagedWorkspace",
    "NoWorkspace",
    "Workspace",
    "WorkspaceError",
    "WorkspaceExists",
    "WorkspaceInUse",
    "create_workspace",
    "open_workspace",
]

KEY_FILE: Final = "coordinator.key"
SECRETS_FILE: Final = "coordinator-keys.enc"
PUBLIC_FILE: Final = "workspace.json"
LEDGER_FILE: Final = "invitations.enc"
INVITATIONS_DIR: Final = "invitations"
_SECRETS_FORMAT: Final = "relais-coordinator-keys"
_PUBLIC_FORMAT: Final = "relais-workspace"
_VERSION: Final = 1
_SUBKEY_PURPOSE: Final = "coordinator-keys"
_NONCE_LEN: Final = 12
# What a creation must never delete or overwrite (the key file first). The consolidated store's
# names are those of storage/coord_store.py and services/coordination.py.
PROTECTED: Final = (
    KEY_FILE,
    KEY_FILE + ".bak",
    SECRETS_FILE,
    SECRETS_FILE + ".bak",
    PUBLIC_FILE,
    "consolidated.db",
    "consolidated.db-wal",
    "consolidated.db-shm",
    "database-url.enc",
    LEDGER_FILE,
    "backups",
)
MAX_INVITATION_USES: Final = 1000
_LEDGER_PURPOSE: Final = "invitation-ledger"

Notify = Callable[[Text], None]


class WorkspaceError(RelaisError):
    """A workspace problem the coordinator can act on; str() is one line."""


class NoWorkspace(WorkspaceError):
    def __init__(self, root: Path) -> None:
        super().__init__("sync.workspace.none", root=root)


class WorkspaceExists(WorkspaceError):
    def __init__(self, root: Path) -> None:
        super().__init__("sync.workspace.exists", root=root)


class WorkspaceInUse(WorkspaceExists):
    """The folder holds a store, a key file or a backup that a creation would destroy."""

    def __init__(self, root: Path, file: Path) -> None:
        WorkspaceError.__init__(self, "sync.workspace.folder_in_use", root=root, file=file.name)
        self.file = file


class DamagedWorkspace(WorkspaceError, DamagedError):
    def __init__(self, root: Path, detail: Text) -> None:
        super().__init__("sync.workspace.damaged", root=root, detail=detail, file=SECRETS_FILE)


def _stamp(moment: datetime | None = None) -> str:
    return (moment or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, repr=False)
class Workspace:
    root: Path
    keys: CoordinatorKeys
    territory: str
    drop: DropSettings | None
    created: str
    _data_key: bytes

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r}, territory={self.territory!r})"

    @property
    def recipient_private(self) -> RecipientPrivateKey:
        """The key that opens batches sealed to this coordinator (`open_batch`)."""
        return self.keys.recipient_private

    @property
    def invitations_dir(self) -> Path:
        return self.root / INVITATIONS_DIR

    def public_info(self) -> dict[str, Any]:
        return {
            "workspace": str(self.root),
            "territory": self.territory,
            "created": self.created,
            "suite": self.keys.suite,
            "hpke_fingerprint": self.keys.hpke_fingerprint,
            "signing_fingerprint": self.keys.signing_fingerprint,
            "drop": self.drop.public_json() if self.drop is not None else None,
        }

    def subkey(self, purpose: str) -> bytes:
        """An independent key for another part of the workspace (e.g. the consolidated
        database), derived from the workspace data key: HKDF(data key, "relais/" + purpose)."""
        if purpose == _SUBKEY_PURPOSE:
            raise ValueError("this purpose is reserved for the coordinator key blob")
        return keyfile.derive_subkey(self._data_key, purpose)

    def issue_invitation(
        self,
        out: Path | None = None,
        *,
        kdf: keyfile.KdfParams = INVITATION_KDF,
        now: datetime | None = None,
        uses: int = 1,
        _ledger_dir: Path | None = None,
    ) -> tuple[Path, str]:
        """Write a new invitation file; returns (path, one-time code). The code is not kept.

        The invitation enrols `uses` devices (1 by default): its id and that number are recorded
        in the ledger before the file is written, so no invitation exists uncounted.
        """
        if type(uses) is not int or not 1 <= uses <= MAX_INVITATION_USES:
            raise WorkspaceError("sync.workspace.invitation_uses", max_uses=MAX_INVITATION_USES)
        invitation = Invitation.for_keys(
            self.keys, territory=self.territory, drop=self.drop, issued=now
        )
        ledger_dir = _ledger_dir or self.root
        ledger = _read_ledger(ledger_dir, self._data_key)
        ledger[invitation.invitation_id] = {"uses": uses, "devices": []}
        _write_ledger(ledger_dir, self._data_key, ledger)
        if out is None:
            self.invitations_dir.mkdir(mode=0o700, exist_ok=True)
            stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
            out = self.invitations_dir / f"invitation-{stamp}-{secrets.token_hex(2)}"
            out = out.with_name(out.name + INVITATION_SUFFIX)
        code = new_code()
        write_invitation(out, invitation, code, self.keys.signing, kdf=kdf)
        return out, code

    def check_enrolment(self, invitation_id: str | None, device_id: str) -> None:
        """WorkspaceError when the invitation named has enrolled all the devices it may.

        An enrolment naming no invitation (a device of an older version) or an invitation this
        ledger does not hold (issued before invitations were counted) is accepted as before; a
        device enrolled again with the same invitation does not use it again.
        """
        entry = _read_ledger(self.root, self._data_key).get(invitation_id or "")
        if entry is None or device_id in entry["devices"]:
            return
        if len(entry["devices"]) >= entry["uses"]:
            raise WorkspaceError("sync.workspace.invitation_used_up", uses=entry["uses"])

    def record_enrolment(self, invitation_id: str | None, device_id: str) -> None:
        """Count `device_id` against its invitation (after `check_enrolment` and the enrolment)."""
        ledger = _read_ledger(self.root, self._data_key)
        entry = ledger.get(invitation_id or "")
        if entry is None or device_id in entry["devices"]:
            return
        entry["devices"].append(device_id)
        _write_ledger(self.root, self._data_key, ledger)

    def invitations(self) -> dict[str, dict[str, Any]]:
        """Invitation id → {"uses": allowed, "devices": [device ids enrolled with it]}."""
        return _read_ledger(self.root, self._data_key)

    def set_drop(self, drop: DropSettings | None) -> Workspace:
        """Change the drop settings given to devices by the next invitations."""
        updated = replace(self, drop=drop)
        _write_secrets(self.root, self._data_key, updated)
        return updated


def _header() -> dict[str, object]:
    return {"format": _SECRETS_FORMAT, "version": _VERSION}


def _read_ledger(root: Path, data_key: bytes) -> dict[str, dict[str, Any]]:
    path = root / LEDGER_FILE
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return {}  # a workspace of an older version: no invitation counted yet
    except OSError:
        raise DamagedWorkspace(root, Text("sync.workspace.file_unreadable")) from None
    try:
        content = json.loads(
            envelope.open_blob(keyfile.derive_subkey(data_key, _LEDGER_PURPOSE), blob)
        )
        entries = content["invitations"]
        if content.get("version") != _VERSION or not isinstance(entries, dict):
            raise ValueError("format inconnu")
        for entry in entries.values():
            if not (
                isinstance(entry, dict)
                and type(entry.get("uses")) is int
                and isinstance(entry.get("devices"), list)
            ):
                raise ValueError("entrée invalide")
    except (envelope.EnvelopeError, ValueError, KeyError, TypeError, AttributeError):
        raise DamagedWorkspace(
            root, Text("sync.workspace.ledger_damaged", file=LEDGER_FILE)
        ) from None
    return entries


def _write_ledger(root: Path, data_key: bytes, entries: dict[str, dict[str, Any]]) -> None:
    content = canonical_json({"version": _VERSION, "invitations": entries})
    key = keyfile.derive_subkey(data_key, _LEDGER_PURPOSE)
    atomic_write(root / LEDGER_FILE, envelope.seal_blob(key, content))


def _write_secrets(root: Path, data_key: bytes, workspace: Workspace) -> None:
    """Write `root/coordinator-keys.enc` and its backup (`root` is the staging folder at
    creation, the workspace afterwards)."""
    content = {
        "keys": workspace.keys.to_secret_json(),
        "territory": workspace.territory,
        "drop": workspace.drop.to_json() if workspace.drop is not None else None,
        "created": workspace.created,
    }
    key = keyfile.derive_subkey(data_key, _SUBKEY_PURPOSE)
    document = envelope.seal_document(key, _header(), canonical_json(content))
    raw = (json.dumps(document, sort_keys=True, indent=2) + "\n").encode()
    # Main copy first, then the backup: a crash leaves at least one complete copy.
    atomic_write(root / SECRETS_FILE, raw)
    atomic_write(root / (SECRETS_FILE + ".bak"), raw)


def _read_secrets(root: Path, data_key: bytes) -> Workspace:
    path = root / SECRETS_FILE
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != _SECRETS_FORMAT or document.get("version") != _VERSION:
            raise ValueError("format inconnu")
        nonce = base64.b64decode(document["nonce"], validate=True)
        ciphertext = base64.b64decode(document["ciphertext"], validate=True)
    except FileNotFoundError:
        raise DamagedWorkspace(root, Text("sync.workspace.file_missing")) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise DamagedWorkspace(root, Text("sync.workspace.file_unreadable")) from None
    key = keyfile.derive_subkey(data_key, _SUBKEY_PURPOSE)
    try:
        plaintext = envelope.open_document(key, _header(), nonce, ciphertext)
    except envelope.EnvelopeError:
        raise DamagedWorkspace(root, Text("sync.workspace.altered")) from None
    try:
        content = json.loads(plaintext)
        keys = CoordinatorKeys.from_secret_json(content["keys"])
        drop = None if content["drop"] is None else DropSettings.from_json(content["drop"])
        territory, created = content["territory"], content["created"]
        if not isinstance(territory, str) or not isinstance(created, str):
            raise ValueError("champs invalides")
    except (ValueError, KeyError, TypeError, DropError) as exc:
        raise DamagedWorkspace(root, Text("sync.workspace.inconsistent", detail=str(exc))) from None
    return Workspace(root, keys, territory, drop, created, data_key)


def create_workspace(
    root: Path,
    passphrase: str,
    *,
    territory: str | None = None,
    drop: DropSettings | None = None,
    post_quantum: bool = False,
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    allow_weak: bool = False,
    invitation_kdf: keyfile.KdfParams = INVITATION_KDF,
    invitation_uses: int = 1,
) -> tuple[Workspace, str, Path, str]:
    """Create keys and a first invitation; returns (workspace, recovery key, invitation, code).

    As for a field profile, the folder must hold none of `PROTECTED` (`check_new_workspace`),
    the files are built in `.creation/` and moved in by `guard.install`, key file last: until it
    exists there is no workspace, and an interrupted creation can be started again. Passphrase
    rules are the caller's (`profile.check_new_passphrase`), so that this layer does not depend
    on services.
    """
    root = Path(root)
    check_new_workspace(root)
    name = (territory or root.name or "Territoire").strip()
    if not 1 <= len(name) <= 200:
        raise WorkspaceError("sync.workspace.territory_name")
    root.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        root.chmod(0o700)  # the coordinator's keys, even wrapped, are nobody else's business
    staging = root / ".creation"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    try:
        data_key, recovery_key = keyfile.create_key_file(
            staging / KEY_FILE, passphrase, kdf=kdf, allow_weak=allow_weak
        )
        workspace = Workspace(
            root=root,
            keys=CoordinatorKeys.generate(post_quantum=post_quantum),
            territory=name,
            drop=drop,
            created=_stamp(),
            _data_key=data_key,
        )
        _write_secrets(staging, data_key, workspace)
        public = {"format": _PUBLIC_FORMAT, "version": _VERSION} | {
            k: v for k, v in workspace.public_info().items() if k not in ("workspace", "drop")
        }
        atomic_write(
            staging / PUBLIC_FILE,
            (json.dumps(public, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode(),
        )
        invitation, code = workspace.issue_invitation(
            kdf=invitation_kdf, uses=invitation_uses, _ledger_dir=staging
        )
        check_new_workspace(root)  # nothing appeared meanwhile
        names = (
            SECRETS_FILE,
            SECRETS_FILE + ".bak",
            PUBLIC_FILE,
            LEDGER_FILE,
            KEY_FILE + ".bak",
            KEY_FILE,
        )
        guard.install(root, [(staging / name, name) for name in names])
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return workspace, recovery_key, invitation, code


def check_new_workspace(root: Path) -> None:
    """WorkspaceExists when `root` holds a workspace; WorkspaceInUse (naming the file) when it
    holds any of `PROTECTED`. The provable leftovers of an unfinished creation are cleared."""
    root = Path(root)
    if (root / KEY_FILE).exists():
        raise WorkspaceExists(root)
    if not root.is_dir():
        return
    found = guard.occupied(root, PROTECTED, key_file=KEY_FILE)
    if found is not None:
        raise WorkspaceInUse(root, found)


def _exists(root: Path) -> bool:
    return (root / KEY_FILE).exists() or keyfile.backup_path(root / KEY_FILE).exists()


def _restore(root: Path, name: str, notify: Notify | None) -> None:
    """Bring back a missing `name` from `name.bak` (checked by the reader afterwards)."""
    path, backup = root / name, root / (name + ".bak")
    if path.exists() or not backup.exists():
        return
    if name == KEY_FILE:
        keyfile.restore_backup(path)  # parses the backup first: CorruptKeyFile if damaged
    else:
        atomic_write(path, backup.read_bytes())
    if notify is not None:
        notify(Text("sync.workspace.key_restored", name=name, backup_name=backup.name))


def open_workspace(root: Path, passphrase: str, *, notify: Notify | None = None) -> Workspace:
    """Unlock the workspace; the returned object holds the private keys (`recipient_private`).

    A missing key file or key blob is first restored from its backup, told to `notify`.
    Raises NoWorkspace, DamagedWorkspace, or the key file's errors (keyfile.WrongPassphrase,
    keyfile.CorruptKeyFile...).
    """
    root = Path(root)
    if not _exists(root):
        raise NoWorkspace(root)
    _restore(root, KEY_FILE, notify)
    data_key = keyfile.unlock(root / KEY_FILE, passphrase)
    _restore(root, SECRETS_FILE, notify)
    workspace = _read_secrets(root, data_key)
    guard.forget_marker(root)  # a creation interrupted after its last move is complete
    return workspace


def read_public_info(root: Path) -> dict[str, Any]:
    """Fingerprints and territory, without the passphrase (for display)."""
    root = Path(root)
    if not _exists(root):
        raise NoWorkspace(root)
    try:
        data = json.loads((root / PUBLIC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise DamagedWorkspace(
            root, Text("sync.workspace.public_unreadable", file=PUBLIC_FILE)
        ) from None
    if not isinstance(data, dict):
        raise DamagedWorkspace(root, Text("sync.workspace.public_unreadable", file=PUBLIC_FILE))
    return data
