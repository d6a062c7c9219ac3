"""A minimal coordinator workspace: the coordinator's keys and the invitations it issues.

    coordinator.key        key file (data key wrapped by the passphrase and the recovery key),
    coordinator.key.bak    the same format and rules as a field profile's `relais.key`
    coordinator-keys.enc   private keys, territory key and drop settings, AES-256-GCM under
    coordinator-keys.enc.bak   derive_subkey(data key, "coordinator-keys")
    workspace.json         public facts only: territory, fingerprints, suite, creation date
    invitations/           invitation files, each sealed under its own one-time code

The merge engine and the consolidated database come later and will live beside these files.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import shutil
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from fieldapp.errors import DamagedError, RelaisError
from fieldapp.messages import Text
from fieldapp.storage import envelope, keyfile
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
    "create_workspace",
    "open_workspace",
]

KEY_FILE: Final = "coordinator.key"
SECRETS_FILE: Final = "coordinator-keys.enc"
PUBLIC_FILE: Final = "workspace.json"
INVITATIONS_DIR: Final = "invitations"
_SECRETS_FORMAT: Final = "relais-coordinator-keys"
_PUBLIC_FORMAT: Final = "relais-workspace"
_VERSION: Final = 1
_SUBKEY_PURPOSE: Final = "coordinator-keys"
_NONCE_LEN: Final = 12


class WorkspaceError(RelaisError):
    """A workspace problem the coordinator can act on; str() is one line."""


class NoWorkspace(WorkspaceError):
    def __init__(self, root: Path) -> None:
        super().__init__("sync.workspace.none", root=root)


class WorkspaceExists(WorkspaceError):
    def __init__(self, root: Path) -> None:
        super().__init__("sync.workspace.exists", root=root)


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
    ) -> tuple[Path, str]:
        """Write a new invitation file; returns (path, one-time code). The code is not kept."""
        invitation = Invitation.for_keys(
            self.keys, territory=self.territory, drop=self.drop, issued=now
        )
        if out is None:
            self.invitations_dir.mkdir(exist_ok=True)
            stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")
            out = self.invitations_dir / f"invitation-{stamp}-{secrets.token_hex(2)}"
            out = out.with_name(out.name + INVITATION_SUFFIX)
        code = new_code()
        write_invitation(out, invitation, code, kdf=kdf)
        return out, code

    def set_drop(self, drop: DropSettings | None) -> Workspace:
        """Change the drop settings given to devices by the next invitations."""
        updated = replace(self, drop=drop)
        _write_secrets(self.root, self._data_key, updated)
        return updated


def _header() -> dict[str, object]:
    return {"format": _SECRETS_FORMAT, "version": _VERSION}


def _write_secrets(root: Path, data_key: bytes, workspace: Workspace) -> None:
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
) -> tuple[Workspace, str, Path, str]:
    """Create keys and a first invitation; returns (workspace, recovery key, invitation, code).

    As for a field profile, the key file is written last: until it exists there is no workspace,
    and an interrupted creation can simply be started again. Passphrase rules are the caller's
    (`profile.check_new_passphrase`), so that this layer does not depend on services.
    """
    root = Path(root)
    if (root / KEY_FILE).exists():
        raise WorkspaceExists(root)
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
        _write_secrets(root, data_key, workspace)
        public = {"format": _PUBLIC_FORMAT, "version": _VERSION} | {
            k: v for k, v in workspace.public_info().items() if k not in ("workspace", "drop")
        }
        atomic_write(
            root / PUBLIC_FILE,
            (json.dumps(public, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode(),
        )
        invitation, code = workspace.issue_invitation(kdf=invitation_kdf)
        (staging / (KEY_FILE + ".bak")).replace(root / (KEY_FILE + ".bak"))
        (staging / KEY_FILE).replace(root / KEY_FILE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return workspace, recovery_key, invitation, code


def open_workspace(root: Path, passphrase: str) -> Workspace:
    """Unlock the workspace; the returned object holds the private keys (`recipient_private`).

    Raises NoWorkspace, DamagedWorkspace, or the key file's errors (keyfile.WrongPassphrase,
    keyfile.CorruptKeyFile...).
    """
    root = Path(root)
    if not (root / KEY_FILE).exists():
        raise NoWorkspace(root)
    return _read_secrets(root, keyfile.unlock(root / KEY_FILE, passphrase))


def read_public_info(root: Path) -> dict[str, Any]:
    """Fingerprints and territory, without the passphrase (for display)."""
    root = Path(root)
    if not (root / KEY_FILE).exists():
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
