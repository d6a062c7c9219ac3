"""What a coordinator does: create and open the workspace, invite and enrol devices, merge the drop,
handle quarantine and watch completeness.

`open_workspace` is the one way to unlock a workspace; `CoordinationService.open` uses it and
adds the consolidated store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from fieldapp.services.profile import ProfileError, check_new_passphrase
from fieldapp.storage import audit, envelope, keyfile
from fieldapp.storage.atomic import atomic_write
from fieldapp.storage.coord_store import StoreUnavailable, open_consolidated
from fieldapp.storage.engine import truncate_wal
from fieldapp.sync import workspace as ws
from fieldapp.sync.inbox import InboxError, open_inbox
from fieldapp.sync.invitation import INVITATION_KDF, EnrolmentError, read_enrolment
from fieldapp.sync.invitation import Enrolment as Enrolment
from fieldapp.sync.merge import Consolidated, MergeError, Progress
from fieldapp.sync.merge import MergeReport as MergeReport
from fieldapp.sync.transports import DropError, DropSettings
from fieldapp.sync.workspace import NoWorkspace as NoWorkspace


class CoordinationError(ProfileError):
    """A coordination problem the coordinator can act on (one line, printed by the CLI)."""


class StoreProblem(CoordinationError):
    """The workspace opened, but its consolidated store cannot (damaged file, server away);
    `problem` is the storage layer's error."""


class WorkspaceProblem(CoordinationError):
    """The workspace cannot be created or opened; `problem` is the workspace layer's error."""

    def __init__(self, problem: ws.WorkspaceError) -> None:
        super().__init__("services.coordination.workspace", problem=problem)
        self.problem = problem


DB_URL_FILE = "database-url.enc"


AUDIT_ACTOR = "coordination"


def _remembered_url(workspace: ws.Workspace) -> str | None:
    path = workspace.root / DB_URL_FILE
    if not path.exists():
        return None
    blob = path.read_bytes()
    try:
        return envelope.open_blob(workspace.subkey("database-url"), blob).decode()
    except (envelope.EnvelopeError, UnicodeDecodeError) as exc:
        raise CoordinationError("services.coordination.database_url_damaged", path=path) from exc


def _remember_url(workspace: ws.Workspace, url: str | None) -> None:
    """The server URL may hold a password: it is kept encrypted under the workspace key."""
    path = workspace.root / DB_URL_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return
    atomic_write(path, envelope.seal_blob(workspace.subkey("database-url"), url.encode()))


def consolidated_engine(workspace: ws.Workspace, db_url: str | None = None) -> Engine:
    """The workspace's consolidated store: `db_url`, else the remembered server, else the
    SQLCipher file in the workspace (CoordinationError when it cannot be opened)."""
    url = db_url or _remembered_url(workspace)
    try:
        return open_consolidated(workspace.root, workspace.subkey("sqlcipher"), url)
    except StoreUnavailable as exc:
        raise StoreProblem("services.coordination.problem", problem=exc) from exc


class CoordinationService:
    def __init__(self, workspace: ws.Workspace, consolidated: Consolidated) -> None:
        self.workspace = workspace
        self.consolidated = consolidated

    @classmethod
    def open(
        cls,
        root: Path,
        passphrase: str,
        *,
        db_url: str | None = None,
        notify: ws.Notify | None = None,
    ) -> CoordinationService:
        """Open the workspace and its consolidated store.

        `db_url` (PostgreSQL) is remembered for the next opening; without it, the remembered one
        or else the SQLCipher file in the workspace is used. A key file restored from its backup
        is told to `notify`.
        """
        workspace = open_workspace(root, passphrase, notify=notify)
        engine = consolidated_engine(workspace, db_url)
        if db_url:
            _remember_url(workspace, db_url)
        return cls(workspace, Consolidated(engine, workspace.recipient_private))

    def close(self) -> None:
        self.consolidated.engine.dispose()

    # -- devices ---------------------------------------------------------------------------------

    @staticmethod
    def read_enrolment(path: Path) -> Enrolment:
        try:
            return read_enrolment(path)
        except EnrolmentError as exc:
            raise CoordinationError("services.coordination.problem", problem=exc) from exc

    def enrol(self, enrolment: Enrolment) -> dict[str, Any]:
        """Trust the device; refused when its invitation has enrolled all it may (`--uses`)."""
        invitation, device = enrolment.invitation, enrolment.device_id
        try:
            self.workspace.check_enrolment(invitation, device)
            result = self.consolidated.enrol(enrolment)
            self.workspace.record_enrolment(invitation, device)
        except (MergeError, ws.WorkspaceError) as exc:
            raise CoordinationError("services.coordination.problem", problem=exc) from exc
        self.audit("enrol")
        return result

    def set_device_status(self, device_id: str, status: str) -> None:
        try:
            self.consolidated.set_status(device_id, status)
        except MergeError as exc:
            raise CoordinationError("services.coordination.problem", problem=exc) from exc
        self.audit("device_status", status=status)

    # -- audit -----------------------------------------------------------------------------------

    def audit(self, action: str, **detail: Any) -> None:
        """The coordinator's audit log, in the consolidated store (counts and codes only)."""
        audit.record_quietly(self.consolidated.engine, AUDIT_ACTOR, action, **detail)

    def audit_entries(self, limit: int = 200) -> list[dict[str, Any]]:
        return audit.entries(self.consolidated.engine, limit)

    def devices(self) -> list[dict[str, Any]]:
        return self.consolidated.devices()

    # -- merge -----------------------------------------------------------------------------------

    def source(self, text: str | None) -> DropSettings:
        """The drop to read: as given (`--from`), else the workspace's own drop settings."""
        drop = self.workspace.drop
        if text is None:
            if drop is None:
                raise CoordinationError("services.coordination.no_drop")
            return drop
        try:
            given = DropSettings.parse(text)
        except DropError as exc:
            raise CoordinationError("services.coordination.problem", problem=exc) from exc
        # The workspace's credentials serve when the same WebDAV collection is named again.
        if drop is not None and drop.kind == given.kind and drop.location == given.location:
            return drop
        return given

    def merge(self, source: str | None = None, *, progress: Progress | None = None) -> MergeReport:
        drop = self.source(source)
        try:
            inbox = open_inbox(drop)
            try:
                report = self.consolidated.merge_inbox(inbox, progress=progress)
            finally:
                inbox.close()
        except InboxError as exc:
            raise CoordinationError("services.coordination.problem", problem=exc) from exc
        self._after_merge(report)
        return report

    def retry_quarantine(self, *, progress: Progress | None = None) -> MergeReport:
        report = self.consolidated.retry_quarantine(progress=progress)
        self._after_merge(report, retry=True)
        return report

    def _after_merge(self, report: MergeReport, *, retry: bool = False) -> None:
        engine = self.consolidated.engine
        if engine.dialect.name == "sqlite":
            truncate_wal(engine)  # erasures in this merge must not linger in the WAL
        self.audit(
            "merge",
            retry=retry,
            batches=report.batches_merged,
            quarantined=len(report.batches_quarantined),
            events=report.events_inserted,
        )

    def quarantined(self) -> list[dict[str, Any]]:
        return self.consolidated.quarantined()

    def completeness(self) -> list[dict[str, Any]]:
        return self.consolidated.completeness()


# -- the workspace itself --------------------------------------------------------------------


def create_coordination(
    root: Path | str,
    passphrase: str,
    *,
    territory: str | None = None,
    drop: str | DropSettings | None = None,
    drop_username: str | None = None,
    drop_password: str | None = None,
    post_quantum: bool = False,
    kdf: keyfile.KdfParams = keyfile.DEFAULT_KDF,
    allow_weak: bool = False,
    invitation_kdf: keyfile.KdfParams = INVITATION_KDF,
    invitation_uses: int = 1,
) -> dict[str, Any]:
    """`coord init`: keys, workspace and a first invitation.

    Returns the workspace facts plus `recovery_key`, `invitation` (path) and `code`: the last
    three are shown once and never stored in clear.
    """
    if not allow_weak:
        check_new_passphrase(passphrase)
    settings: DropSettings | None
    try:
        if drop is None or isinstance(drop, DropSettings):
            settings = drop
        else:
            settings = DropSettings.parse(drop, username=drop_username, password=drop_password)
    except DropError as exc:
        raise CoordinationError("services.coordination.problem", problem=exc) from None
    try:
        workspace, recovery_key, invitation, code = ws.create_workspace(
            Path(root),
            passphrase,
            territory=territory,
            drop=settings,
            post_quantum=post_quantum,
            kdf=kdf,
            allow_weak=allow_weak,
            invitation_kdf=invitation_kdf,
            invitation_uses=invitation_uses,
        )
    except ws.WorkspaceError as exc:
        raise WorkspaceProblem(exc) from None
    return workspace.public_info() | {
        "recovery_key": recovery_key,
        "invitation": str(invitation),
        "code": code,
    }


def open_workspace(
    root: Path | str, passphrase: str, *, notify: ws.Notify | None = None
) -> ws.Workspace:
    """Unlock a coordinator workspace: WorkspaceProblem (its `problem` says which, e.g.
    `NoWorkspace`), or the key file's own errors (wrong passphrase, damaged key file). A missing
    key file is restored from its backup first, told to `notify`."""
    try:
        return ws.open_workspace(Path(root), passphrase, notify=notify)
    except ws.WorkspaceError as exc:
        raise WorkspaceProblem(exc) from None


def issue_invitation(
    root: Path | str,
    passphrase: str,
    *,
    out: Path | str | None = None,
    invitation_kdf: keyfile.KdfParams = INVITATION_KDF,
    notify: ws.Notify | None = None,
    uses: int = 1,
) -> dict[str, Any]:
    """`coord invite`: a new invitation file and its one-time code, enrolling `uses` devices."""
    workspace = open_workspace(root, passphrase, notify=notify)
    try:
        path, code = workspace.issue_invitation(
            Path(out) if out is not None else None, kdf=invitation_kdf, uses=uses
        )
    except ws.WorkspaceError as exc:
        raise WorkspaceProblem(exc) from None
    except OSError as exc:
        raise CoordinationError(
            "services.coordination.invitation_write_failed", detail=exc.strerror or exc
        ) from None
    return workspace.public_info() | {"invitation": str(path), "code": code, "uses": uses}
