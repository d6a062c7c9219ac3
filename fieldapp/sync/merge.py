"""The coordinator's merge: sealed batches in, events and projections out, nothing half-done.

Each batch is checked completely before anything is written (signature against the enrolled
device key, recipient, hash, decryption, events against the manifest); its events then go in with
the ledger row in ONE transaction. Whatever fails goes to the quarantine, with its bytes and a
reason in plain words (French text, and the catalogue message read in the reader's language:
storage/stored_text.py), so it can be retried after the coordinator fixes the cause (for example
enrols the device). Merging is a set union of events keyed by id: the same batch twice, or
batches in any order, give the same store.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping
from concurrent.futures import Future
from contextlib import AbstractContextManager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from fieldapp.domain.events import Event, EventType
from fieldapp.errors import InputError, UnavailableError
from fieldapp.messages import Text
from fieldapp.storage.coord_records import (
    add_alarm,
    alarm_list,
    coord_transaction,
    device_list,
    put_in_quarantine,
    quarantine_list,
)
from fieldapp.storage.coord_schema import batches, devices, quarantine
from fieldapp.storage.erasure import ERASED_TYPE, apply_tombstones, is_tombstone
from fieldapp.storage.faults import StorageFault
from fieldapp.storage.projection import (
    EVENT_COLUMNS,
    append_events,
    defer_foreign_key_checks,
    event_values,
    events_of_entities,
    insert_new_events,
    values_to_event,
    write_tuples,
)
from fieldapp.storage.schema import events
from fieldapp.storage.stored_text import dump_text, read_text
from fieldapp.sync import merge_pipeline
from fieldapp.sync.batch import BatchError, Manifest, RecipientPrivateKey, read_manifest
from fieldapp.sync.inbox import MAX_BATCH_BYTES, Inbox, InboxError
from fieldapp.sync.invitation import Enrolment
from fieldapp.sync.merge_pipeline import Outcome, Pipeline, Prepared, Rejected, prepare

log = logging.getLogger(__name__)

CHUNK = 500
STATUSES = ("trusted", "suspended", "revoked")
# Quarantined for a reason of the coordinator's, not of the file: the next merge looks again
# (from the manifest and the device registry, before any decryption). Any other quarantined
# file is skipped by the merge without being reopened until the coordinator retries it.
WAITING_FOR_DEVICE = frozenset({"unknown_device", "suspended_device", "held"})

Progress = Callable[[int, int, str], None]


@dataclass
class _Ahead:
    """A batch handed to the worker: its outcome, valid only for the device key it used."""

    future: Future[Outcome]
    signing_public: str
    pipeline: Pipeline


class MergeError(InputError):
    """A coordinator action that cannot be done; str() is one line."""


class QuarantineFailed(UnavailableError):
    """The consolidated store refused even to keep a refused batch: the merge stops there."""


@dataclass
class MergeReport:
    batches_merged: int = 0
    batches_already_merged: int = 0
    batches_quarantined: list[dict[str, str]] = field(default_factory=list)
    events_inserted: int = 0
    events_already_present: int = 0
    # Files of the drop already in quarantine with the same SHA-256, skipped without being
    # reopened (also listed in `batches_quarantined`, with their stored reason).
    batches_skipped_in_quarantine: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def summary(self) -> str:
        return str(
            Text(
                "sync.merge.summary",
                merged=self.batches_merged,
                already=self.batches_already_merged,
                quarantined=len(self.batches_quarantined),
                inserted=self.events_inserted,
                present=self.events_already_present,
            )
        )


class _Quarantined(Exception):
    """A batch to quarantine: `reason` its short category (column `reason_code`), `text` why."""

    def __init__(self, reason: str, text: Text, alarm: Text | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.text = text
        self.alarm = alarm  # also raise this alarm (written after the rollback)


EVENT_TYPE = EVENT_COLUMNS.index("type")
EVENT_SEQ = EVENT_COLUMNS.index("seq")
EVENT_ENTITY = EVENT_COLUMNS.index("entity_id")
# Ownership (docs/merge.md § Ownership): the kinds that create a record, and those that change
# one; a record belongs to the device whose event created it.
# A reception (issue 16) is a record of its own, one per recorded status.
CREATING = frozenset(
    str(t)
    for t in (
        EventType.CONTACT_RECORDED,
        EventType.HANDOVER_PROPOSED,
        EventType.RECEPTION_RECORDED,
        EventType.OUTING_RECORDED,
        EventType.ACTION_RECORDED,
    )
)
CHANGING = frozenset(
    str(t)
    for t in (
        EventType.CONTACT_AMENDED,
        EventType.CONTACT_VOIDED,
        EventType.HANDOVER_STATUS_CHANGED,
        EventType.HANDOVER_AMENDED,
        EventType.HANDOVER_RESCHEDULED,
        EventType.HANDOVER_STATUS_UNDONE,
        EventType.OUTING_AMENDED,
        EventType.OUTING_VOIDED,
        EventType.ACTION_AMENDED,
        EventType.ACTION_VOIDED,
    )
)
# Kinds that have nothing to say without a payload (a void's reason, a stub's {} are optional).
NEEDS_PAYLOAD = frozenset(
    str(t)
    for t in (
        EventType.CONTACT_RECORDED,
        EventType.CONTACT_AMENDED,
        EventType.HANDOVER_PROPOSED,
        EventType.HANDOVER_AMENDED,
        EventType.HANDOVER_STATUS_CHANGED,
        EventType.HANDOVER_RESCHEDULED,
        EventType.HANDOVER_STATUS_UNDONE,
        EventType.RECEPTION_RECORDED,
        EventType.OUTING_RECORDED,
        EventType.OUTING_AMENDED,
        EventType.ACTION_RECORDED,
        EventType.ACTION_AMENDED,
    )
)
# A batch that changes records whose creation has not arrived: kept in the quarantine under
# this code and taken up again after each merge that brings new events.
HELD = "held"


def _now(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class Consolidated:
    """The consolidated store seen by the merge, the device registry and the completeness view."""

    def __init__(self, engine: Engine, recipient_private: RecipientPrivateKey) -> None:
        self.engine = engine
        self.recipient_private = recipient_private

    def _transaction(self) -> AbstractContextManager[Connection]:
        return coord_transaction(self.engine)

    # -- devices ---------------------------------------------------------------------------------

    def enrol(self, enrolment: Enrolment, *, now: datetime | None = None) -> dict[str, Any]:
        """Trust a device (its fingerprint was read aloud and checked by the caller)."""
        public = base64.b64encode(enrolment.signing_public).decode()
        stamp = _now(now)
        with self._transaction() as conn:
            current = conn.execute(
                select(devices).where(devices.c.device_id == enrolment.device_id)
            ).first()
            values = {
                "signing_public": public,
                "fingerprint": enrolment.fingerprint,
                "structure_id": enrolment.structure.get("id"),
                "structure_name": enrolment.structure.get("name"),
                "structure_type": enrolment.structure.get("type"),
            }
            if enrolment.encryption_public is not None:
                # An older enrolment file read again keeps the key a newer one brought.
                values["encryption_public"] = base64.b64encode(enrolment.encryption_public).decode()
            if current is None:
                conn.execute(
                    insert(devices).values(
                        device_id=enrolment.device_id,
                        status="trusted",
                        enrolled_at=stamp,
                        status_at=stamp,
                        **values,
                    )
                )
            elif current.signing_public != public:
                raise MergeError(
                    "sync.merge.other_key",
                    device=enrolment.device_id,
                    fingerprint=current.fingerprint,
                )
            elif current.status == "revoked":
                raise MergeError("sync.merge.revoked", device=enrolment.device_id)
            else:
                conn.execute(
                    update(devices)
                    .where(devices.c.device_id == enrolment.device_id)
                    .values(status="trusted", status_at=stamp, **values)
                )
        return self.device(enrolment.device_id)

    def set_status(self, device_id: str, status: str, *, now: datetime | None = None) -> None:
        if status not in STATUSES:
            raise MergeError(
                "sync.merge.unknown_status", status=status, statuses=", ".join(STATUSES)
            )
        with self._transaction() as conn:
            current = conn.execute(
                select(devices.c.status).where(devices.c.device_id == device_id)
            ).scalar()
            if current is None:
                raise MergeError("sync.merge.unknown_device_id", device=device_id)
            if current == "revoked" and status != "revoked":
                raise MergeError("sync.merge.revoked_final")
            values: dict[str, Any] = {"status": status, "status_at": _now(now)}
            if status == "revoked" and current != "revoked":
                # What the coordinator knows, not what a device says: the last seq stored from
                # it now. Later, only its batches at or below it are accepted (_verify).
                values["last_accepted_seq"] = conn.execute(
                    select(func.coalesce(func.max(events.c.seq), 0)).where(
                        events.c.device_id == device_id
                    )
                ).scalar()
            conn.execute(update(devices).where(devices.c.device_id == device_id).values(**values))

    def device(self, device_id: str) -> dict[str, Any]:
        with self.engine.connect() as conn:
            row = conn.execute(select(devices).where(devices.c.device_id == device_id)).first()
        if row is None:
            raise MergeError("sync.merge.unknown_device_id", device=device_id)
        return dict(row._mapping)

    def devices(self) -> list[dict[str, Any]]:
        return device_list(self.engine)

    # -- merge -----------------------------------------------------------------------------------

    def merge_inbox(
        self, inbox: Inbox, *, progress: Progress | None = None, pipeline: bool | None = None
    ) -> MergeReport:
        """Merge every batch file of the drop that is not merged yet.

        With many batches (or `pipeline=True`), a worker process opens, checks and folds the
        next batches while this one writes the current batch: same checks, same order, same
        transactions, same store (merge_pipeline.py).
        """
        report = MergeReport()
        names = inbox.names()
        with self.engine.connect() as conn:
            merged = dict(conn.execute(select(batches.c.file_name, batches.c.sha256)).all())
        if pipeline is None:
            pipeline = len(names) - len(merged) >= merge_pipeline.PIPELINE_MIN_BATCHES
        if pipeline:
            with Pipeline(self.recipient_private) as worker:
                self._merge_names(inbox, names, merged, report, progress, worker)
        else:
            self._merge_names(inbox, names, merged, report, progress, None)
        if progress:
            progress(len(names), len(names), "")
        return report

    def _merge_names(
        self,
        inbox: Inbox,
        names: list[str],
        merged: dict[str, str],
        report: MergeReport,
        progress: Progress | None,
        worker: Pipeline | None,
    ) -> None:
        keys: dict[str, str] = {}
        if worker is not None:
            with self.engine.connect() as conn:
                keys = dict(
                    conn.execute(select(devices.c.device_id, devices.c.signing_public)).all()
                )
        kept = self._kept_in_quarantine()
        queue: deque[tuple[str, bytes | InboxError, _Ahead | None]] = deque()
        upcoming = iter(names)

        def read_ahead() -> None:
            for name in upcoming:
                try:
                    data = inbox.read(name)
                except InboxError as exc:  # this file only (too large, vanished, refused)
                    queue.append((name, exc, None))
                else:
                    ahead = self._submit(worker, name, data, merged, keys, kept)
                    queue.append((name, data, ahead))
                if worker is None or len(queue) > merge_pipeline.LOOKAHEAD:
                    return

        for n, name in enumerate(names, start=1):
            read_ahead()
            _, data, ahead = queue.popleft()
            if progress:
                progress(n - 1, len(names), name)
            if isinstance(data, InboxError):
                report.batches_quarantined.append(
                    {"file": name, "reason_code": "unreadable", "reason": str(data)}
                )
                continue
            sha = _sha256(data)
            if name in merged and self._already_merged(sha):
                if ahead is not None:
                    ahead.future.cancel()
                report.batches_already_merged += 1
                continue
            if sha in kept:
                report.batches_skipped_in_quarantine += 1
                report.batches_quarantined.append({"file": name, **kept[sha]})
                continue
            self._merge(name, data, report, None, ahead)
        self._retry_held(report, None)

    def _retry_held(self, report: MergeReport, now: datetime | None) -> None:
        """Take up the held batches again until none merges (their creations may be in now).

        A held batch whose record turns out to be another device's is refused then
        (`foreign_record`): the batch that brought the creation stays merged.
        """
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(quarantine.c.file_name, quarantine.c.content).where(
                        quarantine.c.reason_code == HELD
                    )
                ).all()
            if not rows:
                return
            scratch = MergeReport()
            for name, content in rows:
                self._merge(name, bytes(content), scratch, now, None)
            still = {q["file"] for q in scratch.batches_quarantined if q["reason_code"] == HELD}
            settled = {name for name, _ in rows} - still
            report.batches_quarantined = [
                q for q in report.batches_quarantined if q["file"] not in settled
            ] + [q for q in scratch.batches_quarantined if q["file"] in settled]
            report.batches_merged += scratch.batches_merged
            report.events_inserted += scratch.events_inserted
            report.events_already_present += scratch.events_already_present
            if scratch.batches_merged == 0:
                return

    def _kept_in_quarantine(self) -> dict[str, dict[str, str]]:
        """The quarantined files the merge skips, by SHA-256: their reason as stored."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(
                    quarantine.c.sha256,
                    quarantine.c.reason_code,
                    quarantine.c.reason,
                    quarantine.c.reason_message,
                ).where(quarantine.c.reason_code.not_in(sorted(WAITING_FOR_DEVICE)))
            ).all()
        return {
            sha: {"reason_code": code, "reason": read_text(message, reason) or reason}
            for sha, code, reason, message in rows
        }

    @staticmethod
    def _submit(
        worker: Pipeline | None,
        name: str,
        data: bytes,
        merged: dict[str, str],
        keys: dict[str, str],
        kept: Mapping[str, object],
    ) -> _Ahead | None:
        if worker is None or len(data) > MAX_BATCH_BYTES:
            return None
        sha = _sha256(data)
        if merged.get(name) == sha or sha in kept:
            return None
        try:
            device_id = read_manifest(data).device_id
        except BatchError:
            return None  # quarantined by the merge itself, in order
        key = keys.get(device_id)
        future = worker.submit(data, base64.b64decode(key)) if key else None
        return _Ahead(future, key, worker) if future and key else None

    def retry_quarantine(self, *, progress: Progress | None = None) -> MergeReport:
        """Try every quarantined batch again (after enrolling a device, for instance)."""
        report = MergeReport()
        with self.engine.connect() as conn:
            rows = conn.execute(select(quarantine.c.file_name, quarantine.c.content)).all()
        for n, (name, content) in enumerate(rows, start=1):
            if progress:
                progress(n - 1, len(rows), name)
            self.merge_bytes(name, bytes(content), report)
        if progress:
            progress(len(rows), len(rows), "")
        return report

    def merge_bytes(
        self, name: str, data: bytes, report: MergeReport, *, now: datetime | None = None
    ) -> None:
        merged = report.batches_merged
        self._merge(name, data, report, now, None)
        if report.batches_merged > merged:
            self._retry_held(report, now)

    def _merge(
        self,
        name: str,
        data: bytes,
        report: MergeReport,
        now: datetime | None,
        ahead: _Ahead | None,
    ) -> None:
        sha = _sha256(data)
        if self._already_merged(sha):
            report.batches_already_merged += 1
            self._unquarantine(sha)
            return
        manifest: Manifest | None = None
        try:
            if len(data) > MAX_BATCH_BYTES:
                raise _Quarantined("malformed", Text("sync.merge.too_large"))
            manifest = _read(data)
            first_seen = self._first_seen(sha) or _now(now)
            batch_events = self._verify(manifest, data, sha, ahead, first_seen)
            if batch_events is None:  # another coordinator merged this very file meanwhile
                report.batches_already_merged += 1
                return
            inserted, present = self._commit(name, sha, manifest, batch_events, now, first_seen)
        except _Quarantined as problem:
            self._set_aside(name, sha, data, manifest, problem, report, now)
            return
        except StorageFault:
            raise  # the disk's fault, not the batch's: the merge stops, the file stays in the drop
        except Exception as exc:
            # The transaction was rolled back. Only the exception's type is logged: a driver's
            # message carries the failing row's parameters (record content).
            log.warning("Lot %s écarté : %s", name, type(exc).__name__)
            self._set_aside(name, sha, data, manifest, _unexpected(exc), report, now)
            return
        report.batches_merged += 1
        report.events_inserted += inserted
        report.events_already_present += present

    def _set_aside(
        self,
        name: str,
        sha: str,
        data: bytes,
        manifest: Manifest | None,
        problem: _Quarantined,
        report: MergeReport,
        now: datetime | None,
    ) -> None:
        try:
            self._quarantine(name, sha, data, manifest, problem, now)
            if problem.alarm is not None:
                self._alarm(problem.reason, problem.alarm.message("fr"))
        except Exception as exc:
            log.error("Mise en quarantaine du lot %s impossible : %s", name, type(exc).__name__)
            raise QuarantineFailed("sync.merge.quarantine_failed", file=name) from None
        report.batches_quarantined.append(
            {"file": name, "reason_code": problem.reason, "reason": str(problem.text)}
        )

    def _verify(
        self, manifest: Manifest, data: bytes, sha: str, ahead: _Ahead | None, first_seen: str
    ) -> Prepared | None:
        with self.engine.connect() as conn:
            earlier = conn.execute(
                select(batches.c.sha256).where(batches.c.batch_id == manifest.batch_id)
            ).scalar()
            device = conn.execute(
                select(devices).where(devices.c.device_id == manifest.device_id)
            ).first()
        if earlier == sha:
            return None
        if earlier is not None:
            text = Text("sync.merge.duplicate_batch_id", batch=manifest.batch_id)
            self._alarm("duplicate_batch_id", text.message("fr"))
            raise _Quarantined("duplicate_batch_id", text)
        if device is None:
            raise _Quarantined(
                "unknown_device", Text("sync.merge.unknown_device", device=manifest.device_id)
            )
        if device.status == "suspended":
            raise _Quarantined(
                "suspended_device",
                Text(
                    "sync.merge.suspended_device",
                    device=device.structure_name or manifest.device_id,
                ),
            )
        if device.status == "revoked" and not _before_revocation(device, manifest, first_seen):
            raise _Quarantined(
                "revoked_device",
                Text(
                    "sync.merge.revoked_after",
                    device=device.structure_name or manifest.device_id,
                    seq=device.last_accepted_seq or 0,
                ),
            )
        if device.structure_id is not None and manifest.structure_id != device.structure_id:
            raise _Quarantined("structure_mismatch", Text("sync.merge.structure_mismatch"))
        outcome: Outcome | None = None
        if ahead is not None and ahead.signing_public == device.signing_public:
            outcome = ahead.pipeline.result(ahead.future)
        if outcome is None:  # no worker, another key since, or the worker failed
            public = Ed25519PublicKey.from_public_bytes(base64.b64decode(device.signing_public))
            outcome = prepare(data, self.recipient_private, public)
        if isinstance(outcome, Rejected):
            raise _Quarantined(outcome.reason, outcome.text)
        return outcome

    def _commit(
        self,
        name: str,
        sha: str,
        manifest: Manifest,
        prepared: Prepared,
        now: datetime | None,
        first_seen: str | None = None,
    ) -> tuple[int, int]:
        try:
            with self._transaction() as conn:
                if conn.execute(
                    select(batches.c.batch_id).where(batches.c.batch_id == manifest.batch_id)
                ).first():
                    return 0, len(prepared.event_ids)  # another coordinator merged it meanwhile
                known = _check_ownership(conn, manifest.device_id, prepared)
                if _append_prepared(conn, prepared, known):
                    inserted, present_count = len(prepared.event_ids), 0
                    assert prepared.event_rows is not None
                    tombstones = [
                        values_to_event(row)
                        for row in prepared.event_rows
                        if is_tombstone(row[EVENT_TYPE])
                    ]
                    touched: Collection[str] = prepared.entity_ids
                else:
                    all_events = prepared.all_events()
                    _check_seqs(conn, manifest, all_events)
                    present = _present_ids(conn, prepared.event_ids)
                    _check_same_content(conn, manifest, all_events, present)
                    new = [e for e in all_events if e.id not in present]
                    append_events(conn, new)
                    inserted, present_count = len(new), len(present)
                    tombstones = [e for e in new if is_tombstone(e.type)]
                    touched = {e.entity_id for e in new}
                # Erasures and purges: this batch's, and earlier ones on what it brings.
                apply_tombstones(conn, tombstones, touched)
                conn.execute(
                    insert(batches).values(
                        batch_id=manifest.batch_id,
                        sha256=sha,
                        file_name=name,
                        device_id=manifest.device_id,
                        first_seq=manifest.first_seq,
                        last_seq=manifest.last_seq,
                        event_count=manifest.event_count,
                        events_inserted=inserted,
                        created=manifest.created,
                        merged_at=_now(now),
                        first_seen=first_seen or _now(now),
                    )
                )
                conn.execute(delete(quarantine).where(quarantine.c.sha256 == sha))
        except IntegrityError:
            # Ids and seqs were compared above: what is left is a value the store refused.
            raise _Quarantined("storage_refused", Text("sync.merge.storage_refused")) from None
        except (KeyError, TypeError, ValueError):
            raise _Quarantined("malformed", Text("sync.merge.incomplete_event")) from None
        return inserted, present_count

    def _first_seen(self, sha: str) -> str | None:
        """When this file was first seen, if it waited in the quarantine (coordinator's clock)."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(quarantine.c.first_seen).where(quarantine.c.sha256 == sha)
            ).scalar()

    def _already_merged(self, sha: str) -> bool:
        with self.engine.connect() as conn:
            return (
                conn.execute(select(batches.c.batch_id).where(batches.c.sha256 == sha)).first()
                is not None
            )

    def _unquarantine(self, sha: str) -> None:
        with self._transaction() as conn:
            conn.execute(delete(quarantine).where(quarantine.c.sha256 == sha))

    def _quarantine(
        self,
        name: str,
        sha: str,
        data: bytes,
        manifest: Manifest | None,
        problem: _Quarantined,
        now: datetime | None,
    ) -> None:
        stamp = _now(now)
        with self._transaction() as conn:
            put_in_quarantine(
                conn,
                sha,
                {**_reason_columns(problem), "last_attempt": stamp},
                file_name=name,
                batch_id=manifest.batch_id if manifest else None,
                device_id=manifest.device_id if manifest else None,
                first_seen=stamp,
                content=data,
            )

    def _alarm(self, kind: str, message: str) -> None:
        with self._transaction() as conn:
            add_alarm(conn, _now(), kind, message)

    # -- what the coordinator looks at -------------------------------------------------------------

    def quarantined(self) -> list[dict[str, Any]]:
        return [_quarantined_row(row) for row in quarantine_list(self.engine)]

    def alarms(self) -> list[dict[str, Any]]:
        return alarm_list(self.engine)

    def completeness(self) -> list[dict[str, Any]]:
        """Per device: the seq ranges received, the gaps, the last batch's date.

        The ranges are those of the events actually stored, per device seq (runs of
        consecutive seqs), never a batch's claimed first and last seq.
        """
        out = []
        run = (
            events.c.seq
            - func.row_number().over(partition_by=events.c.device_id, order_by=events.c.seq)
        ).label("run")
        numbered = select(events.c.device_id, events.c.seq, run).subquery()
        with self.engine.connect() as conn:
            known = {r.device_id: r for r in conn.execute(select(devices))}
            runs = conn.execute(
                select(
                    numbered.c.device_id,
                    func.min(numbered.c.seq),
                    func.max(numbered.c.seq),
                    func.count(),
                ).group_by(numbered.c.device_id, numbered.c.run)
            ).all()
            last_batch: dict[str, str] = dict(
                conn.execute(
                    select(batches.c.device_id, func.max(batches.c.created)).group_by(
                        batches.c.device_id
                    )
                ).all()
            )
        by_device: dict[str, list[tuple[int, int]]] = {}
        counts: dict[str, int] = {}
        for device_id, first, last, count in runs:
            by_device.setdefault(device_id, []).append((int(first), int(last)))
            counts[device_id] = counts.get(device_id, 0) + int(count)
        for device_id in sorted(set(by_device) | set(known) | set(last_batch)):
            ranges = _merge_ranges(by_device.get(device_id, []))
            gaps = _gaps(ranges)
            device = known.get(device_id)
            out.append(
                {
                    "device_id": device_id,
                    "structure": device.structure_name if device else None,
                    "status": device.status if device else "inconnu",
                    "events": int(counts.get(device_id, 0)),
                    "ranges": [list(r) for r in ranges],
                    "gaps": [list(g) for g in gaps],
                    "gaps_text": [str(Text("sync.merge.gap", first=a, last=b)) for a, b in gaps],
                    "last_batch": last_batch.get(device_id),
                }
            )
        return out


def _before_revocation(device: Any, manifest: Manifest, first_seen: str) -> bool:
    """A revoked device's batch is accepted only from what the coordinator itself knows.

    Either every seq of the batch is at or below the last one stored from the device when it
    was revoked (a batch sealed before, delivered late), or the coordinator saw the file before
    the revocation (it waited in the quarantine). The manifest's `created` is the device's own
    word: a stolen key can backdate it, so it decides nothing.
    """
    limit = device.last_accepted_seq
    if limit is not None and manifest.last_seq <= limit:
        return True
    return bool(first_seen < device.status_at)


def _read(data: bytes) -> Manifest:
    try:
        return read_manifest(data)
    except BatchError as exc:
        raise _Quarantined(exc.reason, exc.text) from exc


def _unexpected(exc: Exception) -> _Quarantined:
    """Why a batch failed in a way no check foresaw: the store refused a value, or a bug."""
    if isinstance(exc, (SQLAlchemyError, OverflowError)):
        return _Quarantined("storage_refused", Text("sync.merge.storage_refused"))
    return _Quarantined("internal", Text("sync.merge.internal"))


def _reason_columns(problem: _Quarantined) -> dict[str, str]:
    """The French text as the `reason` column always held, and the message to read it in any."""
    return {
        "reason_code": problem.reason,
        "reason": problem.text.message("fr"),
        "reason_message": dump_text(problem.text),
    }


def _quarantined_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A quarantine row as shown: its reason in the reader's language, without the bytes."""
    out = {k: v for k, v in row.items() if k not in ("content", "reason_message")}
    out["reason"] = read_text(row["reason_message"], row["reason"])
    return out


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _append_prepared(conn: Connection, prepared: Prepared, known: Collection[str]) -> bool:
    """The common case in one go: no event of the batch stored yet, no record seen before.

    Then the rows prepared from the batch alone are exactly what `append_events` would write.
    The events go in under a savepoint that skips stored ids; if any was skipped or refused,
    the savepoint is undone and False sends the caller the long way (present ids, re-folds),
    which decides and reports as it always did.
    """
    if prepared.event_rows is None or prepared.projection is None:
        return False
    if known:  # some record of the batch already has events (_check_ownership looked)
        return False
    savepoint = conn.begin_nested()
    try:
        inserted = insert_new_events(conn, prepared.event_rows)
    except IntegrityError:
        savepoint.rollback()
        return False
    if inserted != len(prepared.event_rows):
        savepoint.rollback()
        return False
    savepoint.commit()
    defer_foreign_key_checks(conn)
    write_tuples(conn, prepared.projection)
    return True


def _batch_shape(prepared: Prepared) -> Iterable[tuple[int, str, str, str]]:
    """(seq, type, entity_id, payload-is-empty) of each event, from the rows or the events."""
    if prepared.event_rows is not None:
        for row in prepared.event_rows:
            yield row[EVENT_SEQ], row[EVENT_TYPE], row[EVENT_ENTITY], row[6]
    else:
        for e in prepared.all_events():
            yield e.seq, str(e.type), e.entity_id, "{}" if not e.payload else "x"


def _check_ownership(conn: Connection, device_id: str, prepared: Prepared) -> set[str]:
    """Refuse a batch that creates or changes another device's record; hold one whose records
    are not created yet. Returns the batch's records that already have events in the store.

    Every event of a batch is the batch's device's (open_batch checks it). A record's owner is
    the device of its creating event, stored or in this batch. A record erased earlier (its
    events are stubs) has no owner left to compare: its late events are stubbed too
    (erasure.apply_tombstones), so they change nothing.
    """
    shape = list(_batch_shape(prepared))
    for seq, kind, _, payload in shape:
        if kind in NEEDS_PAYLOAD and payload == "{}":
            raise _Quarantined("empty_payload", Text("sync.merge.empty_payload", seq=seq))
    owners: dict[str, str] = {}
    stubbed: set[str] = set()
    known: set[str] = set()
    for entity, owner, kind in events_of_entities(
        conn, "entity_id, device_id, type", prepared.entity_ids
    ):
        known.add(entity)
        if kind in CREATING:
            owners[entity] = owner
        elif kind == ERASED_TYPE:
            stubbed.add(entity)
    created_here = {entity for _, kind, entity, _ in shape if kind in CREATING}
    missing: dict[str, int] = {}
    for seq, kind, entity, _ in shape:
        if kind in CREATING:
            if owners.get(entity, device_id) != device_id:
                raise _Quarantined("foreign_record", Text("sync.merge.foreign_record", seq=seq))
        elif kind in CHANGING and entity not in stubbed:
            owner = owners.get(entity)
            if owner is None and entity in created_here:
                owner = device_id
            if owner is None:
                missing.setdefault(entity, seq)
            elif owner != device_id:
                raise _Quarantined("foreign_record", Text("sync.merge.foreign_record", seq=seq))
    if missing:
        raise _Quarantined(
            HELD, Text("sync.merge.held", count=len(missing), seq=min(missing.values()))
        )
    return known


def _check_seqs(conn: Connection, manifest: Manifest, batch_events: list[Event]) -> None:
    """Another event already stored at one of this batch's seqs: a conflict, with an alarm."""
    stored = dict(
        conn.execute(
            select(events.c.seq, events.c.id).where(
                events.c.device_id == manifest.device_id,
                events.c.seq.between(manifest.first_seq, manifest.last_seq),
            )
        ).all()
    )
    for e in batch_events:
        if stored.get(e.seq, e.id) != e.id:
            raise _conflict(manifest, e, Text("sync.merge.conflict"))


def _check_same_content(
    conn: Connection, manifest: Manifest, batch_events: list[Event], present: set[str]
) -> None:
    """An id already stored must come with the same event (an erased one: the same envelope)."""
    if not present:
        return
    stored: dict[str, tuple[Any, ...]] = {}
    for chunk in _chunked(sorted(present)):
        for row in conn.execute(select(events).where(events.c.id.in_(chunk))):
            stored[row.id] = tuple(row._mapping[c] for c in EVENT_COLUMNS)
    for e in batch_events:
        old = stored.get(e.id)
        if old is None:
            continue
        new = event_values(e)
        if old[EVENT_TYPE] == ERASED_TYPE:
            same = [old[i] == new[i] for i in (1, 2, 3, EVENT_ENTITY)]
        else:
            same = [old == new]
        if not all(same):
            raise _conflict(manifest, e)


def _conflict(manifest: Manifest, event: Event, text: Text | None = None) -> _Quarantined:
    """Same id with other content, or another event at a stored seq: one code, an alarm."""
    return _Quarantined(
        "conflict",
        text or Text("sync.merge.event_conflict", seq=event.seq),
        alarm=Text(
            "sync.merge.alarm_conflict",
            device=manifest.device_id,
            event=event.id,
            batch=manifest.batch_id,
        ),
    )


def _chunked(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def _present_ids(conn: Connection, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        found.update(conn.execute(select(events.c.id).where(events.c.id.in_(chunk))).scalars())
    return found


def _merge_ranges(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def _gaps(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Missing seqs before and between the received ranges (seqs start at 1)."""
    gaps = []
    expected = 1
    for first, last in ranges:
        if first > expected:
            gaps.append((expected, first - 1))
        expected = last + 1
    return gaps
