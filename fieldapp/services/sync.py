"""Device sync: joining a coordination and shipping sealed batches, as the CLI and window use it.

`SyncService` wraps one open field profile. Long calls (`sync`, `deliver`, `test_connection`,
`join_coordination`) block: the window runs them off the UI thread and turns the `progress`
callback into signals. Every error a person can act on is a `SyncError` (a `ProfileError`), whose
str() is one line in the current language. The coordinator's side is `services.coordination`.

What is stored where (all inside the encrypted database, `profile_settings`):

    coordination          the invitation's public keys, fingerprints, territory and territory key
    sync.drop             the destination, credentials included
    sync.sealed_through   last seq sealed into a batch (see fieldapp/sync/outbox.py)
    sync.retention_days   how long delivered batches are kept (default 30)
    sync.last_run         outcome of the last delivery run (time, counts, message)
    sync.last_success     last time a run left nothing pending
    device_encryption_key the device's X25519 key, to which return files are sealed (issue 16)
    returns.last_seq      sequence number of the last return file accepted (storage/confirmations)
"""

from __future__ import annotations

import base64
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.messages import Text
from fieldapp.messages.plural import Count
from fieldapp.services.field import COORDINATION_KEY, FieldService
from fieldapp.services.profile import ProfileError
from fieldapp.storage.confirmations import LAST_SEQ_KEY, replace_confirmations
from fieldapp.sync import returns
from fieldapp.sync.batch import MAX_EVENTS, key_fingerprint
from fieldapp.sync.invitation import (
    Enrolment,
    EnrolmentError,
    Invitation,
    InvitationError,
    check_signer,
    open_invitation,
    write_enrolment,
)
from fieldapp.sync.outbox import (
    PENDING_STATES,
    Outbox,
    RetryPolicy,
    SealError,
    SealIdentity,
    format_time,
    parse_time,
)
from fieldapp.sync.transports import (
    DEFAULT_TIMEOUT_S,
    DeliveryError,
    DropError,
    DropSettings,
    Transport,
    make_transport,
)

__all__ = [
    "CoordinationConflict",
    "DropError",
    "DropSettings",
    "InvitationRefused",
    "NoDestination",
    "NotJoined",
    "ProgressCallback",
    "SyncError",
    "SyncReport",
    "SyncService",
    "check_invitation",
    "join_after_init",
    "parse_time",
]

DROP_KEY: Final = "sync.drop"
RETENTION_KEY: Final = "sync.retention_days"
LAST_RUN_KEY: Final = "sync.last_run"
LAST_SUCCESS_KEY: Final = "sync.last_success"
DEFAULT_RETENTION_DAYS: Final = 30
ENCRYPTION_KEY: Final = "device_encryption_key"

# progress(done, total, message): `done` batches of `total` handled so far, message in the
# current language.
ProgressCallback = Callable[[int, int, str], None]
TransportFactory = Callable[[DropSettings, float], Transport]


# --- Errors (all ProfileError: the CLI's main() already prints them as one line) -------------


class SyncError(ProfileError):
    """A synchronisation problem the user can act on. `reason` is a stable short name."""

    def __init__(self, code: str, /, reason: str = "error", **params: object) -> None:
        super().__init__(code, **params)
        self.reason = reason


class NotJoined(SyncError):
    def __init__(self) -> None:
        super().__init__("services.sync.not_joined", "not_joined")


class NoDestination(SyncError):
    def __init__(self) -> None:
        super().__init__("services.sync.no_destination", "no_destination")


class InvitationRefused(SyncError):
    """`reason`: wrong_code, damaged, unsupported or invalid (see sync.invitation)."""


class CoordinationConflict(SyncError):
    pass


# --- Report ---------------------------------------------------------------------------------


@dataclass
class SyncReport:
    """What one run did, for the CLI, the window and logs (no secret in it)."""

    destination: str | None = None
    sealed: int = 0
    purged: int = 0
    recovered: int = 0
    connection_ok: bool | None = None
    connection_message: str | None = None
    delivered: list[str] = field(default_factory=list)
    already_present: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file name, reason)
    pending: int = 0
    # The coordinator's return file: confirmations stored (None: no file read), or why not.
    confirmations: int | None = None
    returns_problem: Text | None = None
    returns_reason: str | None = None

    @property
    def ok(self) -> bool:
        return not self.failed and self.returns_reason not in _REFUSED_RETURN

    @property
    def message(self) -> str:
        """One line summing the run up, in the current language."""
        return self.text().message()

    def text(self) -> Text:
        if self.failed:
            lots = _lots_text(len(self.failed))
            return Text("services.sync.report.failed", lots=lots, reason=self.failed[0][1])
        if self.returns_problem is not None and self.returns_reason in _REFUSED_RETURN:
            return self.returns_problem  # the batches delivered are listed by name
        if self.delivered:
            lots = _lots_text(len(self.delivered))
            if self.destination:
                return Text(
                    "services.sync.report.delivered_to", lots=lots, destination=self.destination
                )
            return Text("services.sync.report.delivered", lots=lots)
        return Text("services.sync.report.nothing")

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "message": self.message,
            "destination": self.destination,
            "sealed": self.sealed,
            "purged": self.purged,
            "recovered": self.recovered,
            "connection": {"ok": self.connection_ok, "message": self.connection_message},
            "delivered": self.delivered,
            "already_present": self.already_present,
            "failed": [{"file_name": n, "reason": r} for n, r in self.failed],
            "pending": self.pending,
            "returns": {
                "confirmations": self.confirmations,
                "reason": self.returns_reason,
                "message": None if self.returns_problem is None else str(self.returns_problem),
            },
        }


# A return file refused (forged, replayed, for another device...): the run fails, nothing stored.
# "reenrol" (no device key yet) and "unavailable" (the drop did not answer) are only told.
_REFUSED_RETURN: Final = frozenset(
    {"malformed", "unsupported", "bad_signature", "wrong_device", "replayed", "decrypt_failed"}
)


def _lots_text(n: int) -> Count:
    # « 0 lot » in French, « 0 batches » in English: the one plural rule.
    return Count(n, "services.sync.lots_one", "services.sync.lots_many")


def _ago(moment: datetime, now: datetime) -> Text:
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return Text("services.sync.ago.now")
    if seconds < 3600:
        return Text("services.sync.ago.minutes", n=seconds // 60)
    if seconds < 86400:
        return Text("services.sync.ago.hours", n=seconds // 3600)
    days = seconds // 86400
    return Text("services.sync.ago.day") if days == 1 else Text("services.sync.ago.days", n=days)


def _summary(
    joined: bool, pending: int, unsealed: int, last_success: datetime | None, now: datetime
) -> Text:
    if not joined:
        return Text("services.sync.summary.not_joined")
    if pending:
        return Text("services.sync.summary.pending", lots=_lots_text(pending))
    if unsealed:
        one = unsealed == 1
        code = "services.sync.summary.changes_one" if one else "services.sync.summary.changes_many"
        return Text(code, n=unsealed)
    if last_success is None:
        return Text("services.sync.summary.nothing")
    return Text("services.sync.summary.synced", ago=_ago(last_success, now))


def _default_factory(drop: DropSettings, timeout: float) -> Transport:
    return make_transport(drop, timeout=timeout)


def _refused(exc: InvitationError) -> InvitationRefused:
    return InvitationRefused("services.sync.invitation_refused", exc.reason, problem=exc)


def check_invitation(path: Path | str, code: str | None) -> Invitation:
    """Open an invitation (e.g. before creating a profile, to fail early on a wrong code)."""
    if not code:
        raise InvitationRefused("services.sync.invitation_code_required", "missing_code")
    try:
        return open_invitation(path, code)
    except InvitationError as exc:
        raise _refused(exc) from None


# --- Field side -----------------------------------------------------------------------------


class SyncService:
    def __init__(
        self,
        field: FieldService,
        *,
        timeout: float = DEFAULT_TIMEOUT_S,
        policy: RetryPolicy | None = None,
        now: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
        batch_events: int = MAX_EVENTS,
        transport_factory: TransportFactory | None = None,
    ) -> None:
        self.field = field
        self.store = field.store
        self.timeout = timeout
        self.batch_events = batch_events
        self._now = now or (lambda: datetime.now(UTC))
        self._factory = transport_factory or _default_factory
        self.outbox_store = Outbox(
            field.engine, field.device_id, policy=policy, now=self._now, rng=rng
        )

    # -- coordination ----------------------------------------------------------------------------

    @property
    def joined(self) -> bool:
        return self.store.get_setting(COORDINATION_KEY) is not None

    def coordination(self) -> dict[str, Any] | None:
        """Territory, fingerprints and join date; no territory key (safe to display)."""
        stored = self.store.get_setting(COORDINATION_KEY)
        if not stored:
            return None
        return {k: v for k, v in stored.items() if k not in ("territory_key", "hpke_public")}

    def territory_key(self) -> bytes | None:
        """The territory key for person pseudonyms, once joined."""
        return self.field.territory_key()

    def join_coordination(
        self, invitation: Path | str | Invitation, code: str | None = None, *, replace: bool = False
    ) -> dict[str, Any]:
        """Open an invitation and store its content in the encrypted profile.

        Joining again with a newer invitation of the same coordination updates the drop
        settings. Moving to another coordination is refused while batches sealed for the
        current one are still undelivered, unless `replace` (they could only go to the old one),
        and an invitation signed by another key than the one stored at the first join is refused
        (trust on first use), unless `replace` (a deliberate change of coordination).
        """
        if not isinstance(invitation, Invitation):
            invitation = check_invitation(invitation, code)
        current = self.store.get_setting(COORDINATION_KEY)
        pending = sum(self.outbox_store.counts()[s] for s in PENDING_STATES)
        if (
            current
            and current.get("hpke_fingerprint") != invitation.hpke_fingerprint
            and pending
            and not replace
        ):
            raise CoordinationConflict(
                "services.sync.pending_for_other",
                "pending_for_other",
                territory=current.get("territory"),
                lots=_lots_text(pending),
            )
        if current and not replace:
            # Trust on first use: the coordinator signing key stored at the first join.
            try:
                trusted = base64.b64decode(current.get("signing_public") or "") or None
                check_signer(invitation, trusted)
            except InvitationError as exc:
                raise _refused(exc) from None
        # The key return files are sealed to; its public half goes in the enrolment file.
        self._new_encryption_key()
        content = invitation.to_json()
        drop = content.pop("drop")
        content["joined_at"] = format_time(self._now())
        self.store.set_setting(COORDINATION_KEY, content)
        if drop is not None:
            self.store.set_setting(DROP_KEY, drop)
        return invitation.public_json() | {"joined_at": content["joined_at"]}

    def enrolment(self, out_path: Path | str) -> dict[str, Any]:
        """Write the enrolment file for the coordinator; returns what to read aloud."""
        signing = self._signing_key()
        coordination = self.store.get_setting(COORDINATION_KEY)
        enrolment = Enrolment(
            device_id=self.field.device_id,
            signing_public=signing.public_key().public_bytes_raw(),
            structure={k: str(v) for k, v in self.field.structure.items()},
            created=format_time(self._now()),
            coordination=coordination.get("hpke_fingerprint") if coordination else None,
            invitation=coordination.get("invitation_id") if coordination else None,
            encryption_public=self._new_encryption_key().public_key().public_bytes_raw(),
        )
        try:
            write_enrolment(Path(out_path), enrolment, signing)
        except (OSError, EnrolmentError) as exc:
            detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise SyncError(
                "services.sync.write_failed", "io", path=out_path, detail=detail
            ) from exc
        return {
            "path": str(out_path),
            "device_id": enrolment.device_id,
            "fingerprint": enrolment.fingerprint,
            "structure": enrolment.structure,
        }

    def device_fingerprint(self) -> str:
        return key_fingerprint(self._signing_key().public_key().public_bytes_raw())

    # -- destination -----------------------------------------------------------------------------

    def drop(self) -> DropSettings | None:
        stored = self.store.get_setting(DROP_KEY)
        if not stored:
            return None
        try:
            return DropSettings.from_json(stored)
        except DropError as exc:
            raise SyncError("services.sync.drop", "drop", problem=exc) from None

    def drop_info(self) -> dict[str, Any] | None:
        """The destination without its password (for the settings form)."""
        drop = self.drop()
        return drop.public_json() if drop is not None else None

    def set_drop(
        self,
        destination: str | DropSettings | None,
        *,
        username: str | None = None,
        password: str | None = None,
        allow_insecure: bool = False,
    ) -> dict[str, Any] | None:
        """Change the destination (None removes it); credentials stay in the encrypted store."""
        if destination is None:
            self.store.set_setting(DROP_KEY, None)
            return None
        drop = self._parse_drop(destination, username, password, allow_insecure)
        self.store.set_setting(DROP_KEY, drop.to_json())
        return drop.public_json()

    def _parse_drop(
        self,
        destination: str | DropSettings,
        username: str | None,
        password: str | None,
        allow_insecure: bool = False,
    ) -> DropSettings:
        if isinstance(destination, DropSettings):
            return destination
        try:
            drop = DropSettings.parse(
                destination, username=username, password=password, allow_insecure=allow_insecure
            )
        except DropError as exc:
            raise SyncError("services.sync.drop", "drop", problem=exc) from None
        stored = self.drop()
        # `--to` the usual server: reuse the stored credentials rather than ask again.
        if (
            drop.kind == "webdav"
            and drop.username is None
            and stored is not None
            and stored.kind == "webdav"
            and stored.location == drop.location
        ):
            return stored
        return drop

    def _destination(self, to: str | DropSettings | None) -> DropSettings:
        if to is not None:
            return self._parse_drop(to, None, None)
        drop = self.drop()
        if drop is None:
            raise NoDestination()
        return drop

    def test_connection(self, to: str | DropSettings | None = None) -> tuple[bool, str]:
        """ "Tester la connexion": does the destination answer? Never raises for a network fault."""
        try:
            destination = self._destination(to)
        except SyncError as exc:
            return False, str(exc)
        transport = self._factory(destination, self.timeout)
        try:
            result = transport.check()
        finally:
            transport.close()
        return result.ok, result.message

    # -- outbox ----------------------------------------------------------------------------------

    def seal_pending(self) -> int:
        """Seal every event not yet in a batch; returns the number of batches sealed."""
        identity = self._identity()
        try:
            return len(self.outbox_store.seal_pending(identity, max_events=self.batch_events))
        except SealError as exc:
            raise SyncError("services.sync.seal", "seal", problem=exc) from None

    def outbox(self) -> list[dict[str, Any]]:
        """Every batch still kept, newest first, as JSON-friendly dicts (see OutboxEntry)."""
        return [entry.to_dict() for entry in self.outbox_store.entries()]

    def retention(self) -> timedelta:
        days = self.store.get_setting(RETENTION_KEY, DEFAULT_RETENTION_DAYS)
        return timedelta(days=int(days))

    def set_retention_days(self, days: int) -> None:
        if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 3650:
            raise SyncError("services.sync.retention_days", "invalid")
        self.store.set_setting(RETENTION_KEY, days)

    def purge(self) -> int:
        return self.outbox_store.purge_delivered(self.retention(), self._now())

    def next_retry_time(self) -> datetime | None:
        return self.outbox_store.next_retry_time()

    def due_for_retry(self, now: datetime | None = None) -> bool:
        """For the window's timer: would `sync(only_due=True)` have anything to do now?"""
        if not self.joined or self.store.get_setting(DROP_KEY) is None:
            return False
        return self.outbox_store.unsealed_count() > 0 or self.outbox_store.due_for_retry(
            now or self._now()
        )

    # -- delivery --------------------------------------------------------------------------------

    def sync(
        self,
        to: str | DropSettings | None = None,
        progress: ProgressCallback | None = None,
        *,
        only_due: bool = False,
    ) -> SyncReport:
        """Seal pending events, drop delivered batches past retention, deliver the outbox.

        `only_due=True` (background timer) leaves failed batches alone until their next retry
        time; on demand ("Synchroniser maintenant", the CLI) every pending batch is tried.
        """
        sealed = self.seal_pending()
        purged = self.purge()
        report = self.deliver(progress, to=to, only_due=only_due)
        report.sealed = sealed
        report.purged = purged
        # The background timer asks the drop for the return file only when it spoke to it
        # anyway; a run on demand always asks.
        if report.connection_ok or (report.connection_ok is None and not only_due):
            self.receive_returns(self._destination(to), report)
        return report

    # -- return files ----------------------------------------------------------------------------

    def receive_returns(self, destination: DropSettings, report: SyncReport) -> None:
        """Fetch this device's return file from the drop; store its confirmations if it is
        sealed to this device, signed by its coordinator and newer than the last one."""
        key = self._encryption_key()
        if key is None:
            report.returns_reason = "reenrol"
            report.returns_problem = Text("services.returns.reenrol")
            return
        coordination = self.store.get_setting(COORDINATION_KEY)
        if not coordination:
            return
        transport = self._factory(destination, self.timeout)
        try:
            data = transport.get(returns.file_name(self.field.device_id))
        except DeliveryError as exc:
            report.returns_reason, report.returns_problem = "unavailable", exc.text
            return
        finally:
            transport.close()
        if data is None:
            return
        try:
            header, confirmations = returns.open_return(
                data,
                device_id=self.field.device_id,
                device_private=key,
                coordinator_public=base64.b64decode(coordination["signing_public"]),
                last_seq=int(self.store.get_setting(LAST_SEQ_KEY, 0)),
            )
        except returns.ReturnError as exc:
            if exc.reason == "replayed" and exc.params.get("seq") == exc.params.get("last"):
                return  # the file already applied, read again: nothing new
            report.returns_reason = exc.reason
            report.returns_problem = Text(exc.code, **exc.params)
            return
        replace_confirmations(
            self.field.engine,
            [c.to_json() for c in confirmations],
            seq=header.seq,
            received_at=format_time(self._now()),
        )
        report.confirmations = len(confirmations)

    def deliver(
        self,
        progress: ProgressCallback | None = None,
        *,
        to: str | DropSettings | None = None,
        only_due: bool = False,
    ) -> SyncReport:
        """Send the outbox's pending batches; returns once each is delivered or failed.

        Not for two threads at once on one service: the window runs every call, the timer's and
        the button's, on its one task thread (`ui/kit/tasks.py`), one after the other.
        """
        destination = self._destination(to)
        report = self._deliver(destination, progress, only_due)
        self._record_run(report)
        return report

    def _deliver(
        self, destination: DropSettings, progress: ProgressCallback | None, only_due: bool
    ) -> SyncReport:
        box = self.outbox_store
        report = SyncReport(destination=destination.describe())
        report.recovered = box.recover_interrupted()
        candidates = box.to_deliver(only_due=only_due)
        total = len(candidates)
        if not candidates:
            report.pending = self._pending_count()
            return report
        notify = progress or (lambda _done, _total, _message: None)
        connecting = Text("services.sync.progress.connecting", destination=destination.describe())
        notify(0, total, connecting.message())
        transport = self._factory(destination, self.timeout)
        try:
            check = transport.check()
            report.connection_ok, report.connection_message = check.ok, check.message
            if not check.ok:
                box.mark_failed(
                    [e.batch_id for e in candidates], check.reason, check.text, attempted=False
                )
                report.failed = [(e.file_name, check.message) for e in candidates]
            else:
                self._send_all(transport, candidates, report, notify)
        finally:
            transport.close()
        notify(total, total, report.message)
        report.pending = self._pending_count()
        return report

    def _send_all(
        self,
        transport: Transport,
        candidates: list[Any],
        report: SyncReport,
        notify: ProgressCallback,
    ) -> None:
        box = self.outbox_store
        total = len(candidates)
        for index, entry in enumerate(candidates):
            sending = Text(
                "services.sync.progress.sending",
                index=index + 1,
                total=total,
                events=entry.event_count,
            )
            notify(index, total, sending.message())
            data = box.content(entry.batch_id)
            box.mark_delivering(entry.batch_id)
            try:
                delivery = transport.put(entry.file_name, data, entry.sha256)
            except DeliveryError as exc:
                box.mark_failed([entry.batch_id], exc.reason, exc.text)
                report.failed.append((entry.file_name, str(exc)))
                if exc.stop:
                    # The destination itself is at fault: the others would fail the same way.
                    rest = candidates[index + 1 :]
                    box.mark_failed(
                        [e.batch_id for e in rest], exc.reason, exc.text, attempted=False
                    )
                    report.failed.extend((e.file_name, str(exc)) for e in rest)
                    return
                continue
            box.mark_delivered(entry.batch_id, delivery.location)
            report.delivered.append(entry.file_name)
            if delivery.already_present:
                report.already_present.append(entry.file_name)

    def _pending_count(self) -> int:
        counts = self.outbox_store.counts()
        return sum(counts[s] for s in PENDING_STATES)

    def _record_run(self, report: SyncReport) -> None:
        now = format_time(self._now())
        self.store.set_setting(
            LAST_RUN_KEY,
            {
                "at": now,
                "ok": report.ok,
                "delivered": len(report.delivered),
                "failed": len(report.failed),
                "message": report.message,
                "destination": report.destination,
            },
        )
        if report.pending == 0:
            self.store.set_setting(LAST_SUCCESS_KEY, now)

    # -- status ----------------------------------------------------------------------------------

    def status(self, now: datetime | None = None) -> dict[str, Any]:
        """Everything the status badge and its tooltip need, JSON-friendly."""
        now = now or self._now()
        counts = self.outbox_store.counts()
        next_retry = self.next_retry_time()
        last_success = parse_time(self.store.get_setting(LAST_SUCCESS_KEY))
        joined = self.joined
        pending = sum(counts[s] for s in PENDING_STATES)
        unsealed = self.outbox_store.unsealed_count()
        return {
            "joined": joined,
            "coordination": self.coordination(),
            "destination": self.drop_info(),
            "pending": pending,
            "failed": counts["failed"],
            "delivered": counts["delivered"],
            "unsealed_events": unsealed,
            "last_run": self.store.get_setting(LAST_RUN_KEY),
            "last_success": format_time(last_success) if last_success else None,
            "next_retry": format_time(next_retry) if next_retry else None,
            "summary": _summary(joined, pending, unsealed, last_success, now).message(),
        }

    def status_summary(self, now: datetime | None = None) -> str:
        """The badge, in the current language: "3 lots en attente", "Synchronisé il y a 2 min"…"""
        return str(self.status(now)["summary"])

    # -- helpers ---------------------------------------------------------------------------------

    def _signing_key(self) -> Ed25519PrivateKey:
        raw = base64.b64decode(self.store.get_setting("device_signing_key"))
        return Ed25519PrivateKey.from_private_bytes(raw)

    def _encryption_key(self) -> X25519PrivateKey | None:
        """The device's X25519 key; profiles older than issue 16 get one at their next enrolment."""
        stored = self.store.get_setting(ENCRYPTION_KEY)
        if not stored:
            return None
        return X25519PrivateKey.from_private_bytes(base64.b64decode(stored))

    def _new_encryption_key(self) -> X25519PrivateKey:
        key = self._encryption_key()
        if key is None:
            key = X25519PrivateKey.generate()
            encoded = base64.b64encode(key.private_bytes_raw()).decode()
            self.store.set_setting(ENCRYPTION_KEY, encoded)
        return key

    def _identity(self) -> SealIdentity:
        coordination = self.store.get_setting(COORDINATION_KEY)
        if not coordination:
            raise NotJoined()
        return SealIdentity(
            device_id=self.field.device_id,
            structure_id=str(self.field.structure["id"]),
            signing_key=self._signing_key(),
            recipient_public=base64.b64decode(coordination["hpke_public"]),
            suite=coordination["suite"],
        )


def join_after_init(
    service: FieldService, invitation: Path | str | Invitation, code: str | None = None
) -> dict[str, Any]:
    """For `fieldapp init --invitation FILE --invitation-code CODE`, once the profile exists."""
    return SyncService(service).join_coordination(invitation, code)
