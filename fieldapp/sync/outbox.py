"""The outbox: sealed batches kept in the encrypted store until their delivery is confirmed.

States (docs/sync.md):

    sealed ──▶ delivering ──▶ delivered ──(retention over)──▶ removed
                   │  ▲
                   ▼  │ (next attempt, with backoff)
                 failed

* **Sealing** takes this device's events with `seq` above the last sealed one, in runs of at most
  5,000 contiguous `seq`, and stores each batch file with its hash and size, in the same write
  transaction as the new "sealed through" mark: a batch is either fully recorded or not at all,
  and a range is never sealed twice.
* A **delivering** row found at the start of a run was left by a crash: it becomes `failed`
  and due at once (the transports' delivery is idempotent, so sending it again is safe).
* **failed** rows keep the reason (French text, short category, and the catalogue message that
  is shown in the reader's language: storage/stored_text.py) and get a next attempt time with
  exponential backoff and jitter, capped.
* **delivered** rows keep their bytes for the retention period, then are removed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final, Literal

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from fieldapp.errors import DamagedError
from fieldapp.messages import Text
from fieldapp.storage.engine import write_transaction
from fieldapp.storage.projection import row_to_event
from fieldapp.storage.schema import events, outbox, profile_settings
from fieldapp.storage.store import write_setting
from fieldapp.storage.stored_text import dump_text, read_text
from fieldapp.sync.batch import MAX_EVENTS, read_manifest, seal_batch

__all__ = [
    "PENDING_STATES",
    "STATES",
    "STATE_LABELS",
    "Outbox",
    "OutboxEntry",
    "RetryPolicy",
    "SealError",
    "SealIdentity",
    "format_time",
    "parse_time",
]

State = Literal["sealed", "delivering", "delivered", "failed"]
STATES: Final = ("sealed", "delivering", "delivered", "failed")
PENDING_STATES: Final = ("sealed", "delivering", "failed")
STATE_LABELS: Final = {
    "sealed": Text("sync.outbox.sealed"),
    "delivering": Text("sync.outbox.delivering"),
    "delivered": Text("sync.outbox.delivered"),
    "failed": Text("sync.outbox.failed"),
}
SEALED_THROUGH_KEY: Final = "sync.sealed_through"
_TIME_FORMAT: Final = "%Y-%m-%dT%H:%M:%SZ"

INTERRUPTED: Final = Text("sync.outbox.interrupted")
# The French text kept in the `reason` column (and what a French reader sees).
INTERRUPTED_REASON: Final = INTERRUPTED.message("fr")


def format_time(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("datetime sans fuseau horaire")
    return moment.astimezone(UTC).strftime(_TIME_FORMAT)


def parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential backoff with jitter: base × factor^(attempts-1), capped, times [1-jitter, 1].

    Defaults: 1 min, 2 min, 4 min... up to 1 hour. The jitter spreads the retries of many
    devices that lost the same server at the same time.
    """

    base: timedelta = timedelta(minutes=1)
    factor: float = 2.0
    cap: timedelta = timedelta(hours=1)
    jitter: float = 0.5

    def delay(self, attempts: int, rng: random.Random) -> timedelta:
        exponent = min(max(attempts, 1) - 1, 30)  # no float overflow for huge counts
        raw = min(self.base.total_seconds() * self.factor**exponent, self.cap.total_seconds())
        spread = 1.0 - self.jitter * rng.random()
        return timedelta(seconds=raw * spread)


@dataclass(frozen=True, repr=False)
class SealIdentity:
    """What sealing needs: who signs, for whom, with which suite."""

    device_id: str
    structure_id: str
    signing_key: Ed25519PrivateKey
    recipient_public: bytes
    suite: str

    def __repr__(self) -> str:
        return f"SealIdentity(device_id={self.device_id!r})"


@dataclass(frozen=True)
class OutboxEntry:
    batch_id: str
    file_name: str
    first_seq: int
    last_seq: int
    event_count: int
    sha256: str
    size: int
    state: State
    attempts: int
    created_at: datetime
    last_attempt: datetime | None = None
    next_attempt: datetime | None = None
    reason: str | None = None
    reason_code: str | None = None
    delivered_at: datetime | None = None
    destination: str | None = None

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly (times as UTC strings), for `outbox --json` and the GUI table."""

        def t(value: datetime | None) -> str | None:
            return format_time(value) if value is not None else None

        return {
            "batch_id": self.batch_id,
            "file_name": self.file_name,
            "first_seq": self.first_seq,
            "last_seq": self.last_seq,
            "event_count": self.event_count,
            "sha256": self.sha256,
            "size": self.size,
            "state": self.state,
            "state_label": self.state_label,
            "attempts": self.attempts,
            "created_at": t(self.created_at),
            "last_attempt": t(self.last_attempt),
            "next_attempt": t(self.next_attempt),
            "reason": self.reason,
            "reason_code": self.reason_code,
            "delivered_at": t(self.delivered_at),
            "destination": self.destination,
        }


_ENTRY_COLUMNS = [c for c in outbox.c if c.name != "content"]


def _entry(row: Any) -> OutboxEntry:
    m = row._mapping
    return OutboxEntry(
        batch_id=m["batch_id"],
        file_name=m["file_name"],
        first_seq=m["first_seq"],
        last_seq=m["last_seq"],
        event_count=m["event_count"],
        sha256=m["sha256"],
        size=m["size"],
        state=m["state"],
        attempts=m["attempts"],
        created_at=parse_time(m["created_at"]) or utc_now(),
        last_attempt=parse_time(m["last_attempt"]),
        next_attempt=parse_time(m["next_attempt"]),
        reason=read_text(m["reason_message"], m["reason"]),
        reason_code=m["reason_code"],
        delivered_at=parse_time(m["delivered_at"]),
        destination=m["destination"],
    )


class SealError(DamagedError):
    """Events that cannot be sealed (the store itself is damaged); str() is one line."""


class Outbox:
    """The outbox table of one device's store. Thread-safe as the engine is."""

    def __init__(
        self,
        engine: Engine,
        device_id: str,
        *,
        policy: RetryPolicy | None = None,
        now: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self.engine = engine
        self.device_id = device_id
        self.policy = policy or RetryPolicy()
        self.now = now
        self.rng = rng or random.SystemRandom()

    # -- sealing ---------------------------------------------------------------------------------

    def sealed_through(self, conn: Connection | None = None) -> int:
        """The highest seq already sealed (0 if none)."""
        if conn is None:
            with self.engine.connect() as own:
                return self.sealed_through(own)
        mark = conn.execute(
            select(profile_settings.c.value).where(profile_settings.c.key == SEALED_THROUGH_KEY)
        ).scalar()
        in_table = conn.execute(select(func.max(outbox.c.last_seq))).scalar()
        # The setting survives the purge of old rows; the table is a second witness.
        return max(int(mark) if mark else 0, int(in_table or 0))

    def unsealed_count(self) -> int:
        with self.engine.connect() as conn:
            through = self.sealed_through(conn)
            return int(
                conn.execute(
                    select(func.count())
                    .select_from(events)
                    .where(events.c.device_id == self.device_id, events.c.seq > through)
                ).scalar()
                or 0
            )

    def seal_pending(
        self, identity: SealIdentity, *, max_events: int = MAX_EVENTS
    ) -> list[OutboxEntry]:
        """Seal every event not sealed yet; returns the new entries (oldest first).

        Each batch is one write transaction holding SQLite's write lock, so two callers (the
        window's timer and a command) can never seal the same range twice.
        """
        if not 1 <= max_events <= MAX_EVENTS:
            raise ValueError(f"taille de lot entre 1 et {MAX_EVENTS} événements")
        sealed: list[OutboxEntry] = []
        while True:
            entry = self._seal_one(identity, max_events)
            if entry is None:
                return sealed
            sealed.append(entry)

    def _seal_one(self, identity: SealIdentity, max_events: int) -> OutboxEntry | None:
        with write_transaction(self.engine) as conn:
            through = self.sealed_through(conn)
            rows = conn.execute(
                select(events)
                .where(events.c.device_id == self.device_id, events.c.seq > through)
                .order_by(events.c.seq)
                .limit(max_events)
            ).all()
            if not rows:
                return None
            batch = [row_to_event(r._mapping).to_dict() for r in _contiguous(rows, through + 1)]
            name, data = seal_batch(
                batch,
                device_id=identity.device_id,
                structure_id=identity.structure_id,
                signing_key=identity.signing_key,
                recipient_public=identity.recipient_public,
                suite=identity.suite,
            )
            now = format_time(self.now())
            batch_id = read_manifest(data).batch_id
            values = {
                "batch_id": batch_id,
                "file_name": name,
                "first_seq": batch[0]["seq"],
                "last_seq": batch[-1]["seq"],
                "event_count": len(batch),
                "sha256": hashlib.sha256(data).hexdigest(),
                "size": len(data),
                "state": "sealed",
                "attempts": 0,
                "created_at": now,
                "content": data,
            }
            conn.execute(insert(outbox).values(**values))
            write_setting(conn, SEALED_THROUGH_KEY, batch[-1]["seq"])
            row = conn.execute(select(*_ENTRY_COLUMNS).where(outbox.c.batch_id == batch_id)).one()
            return _entry(row)

    # -- reading ---------------------------------------------------------------------------------

    def entries(self, states: Iterable[str] | None = None) -> list[OutboxEntry]:
        """Newest batches first (what the outbox table shows)."""
        query = select(*_ENTRY_COLUMNS).order_by(outbox.c.first_seq.desc())
        if states is not None:
            query = query.where(outbox.c.state.in_(list(states)))
        with self.engine.connect() as conn:
            return [_entry(r) for r in conn.execute(query)]

    def get(self, batch_id: str) -> OutboxEntry:
        with self.engine.connect() as conn:
            row = conn.execute(select(*_ENTRY_COLUMNS).where(outbox.c.batch_id == batch_id)).one()
        return _entry(row)

    def content(self, batch_id: str) -> bytes:
        with self.engine.connect() as conn:
            data = conn.execute(
                select(outbox.c.content).where(outbox.c.batch_id == batch_id)
            ).scalar()
        if data is None:
            raise LookupError(f"lot {batch_id} absent de la boîte d'envoi")
        return bytes(data)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(outbox.c.state, func.count()).group_by(outbox.c.state))
            found = {state: int(n) for state, n in rows}
        return {state: found.get(state, 0) for state in STATES}

    def to_deliver(self, *, only_due: bool, now: datetime | None = None) -> list[OutboxEntry]:
        """Batches to send in this run, oldest first; with only_due, failed ones wait their turn."""
        now = now or self.now()
        query = select(*_ENTRY_COLUMNS).where(outbox.c.state.in_(PENDING_STATES))
        with self.engine.connect() as conn:
            rows = [_entry(r) for r in conn.execute(query.order_by(outbox.c.first_seq))]
        if not only_due:
            return rows
        return [e for e in rows if e.state != "failed" or _due(e, now)]

    def next_retry_time(self) -> datetime | None:
        """When the earliest failed batch may be tried again; None if none is waiting."""
        with self.engine.connect() as conn:
            value = conn.execute(
                select(func.min(outbox.c.next_attempt)).where(outbox.c.state == "failed")
            ).scalar()
        return parse_time(value)

    def due_for_retry(self, now: datetime | None = None) -> bool:
        """Whether a run now would have something to send (sealed, interrupted or due)."""
        now = now or self.now()
        return bool(self.to_deliver(only_due=True, now=now))

    def last_delivered_at(self) -> datetime | None:
        with self.engine.connect() as conn:
            value = conn.execute(
                select(func.max(outbox.c.delivered_at)).where(outbox.c.state == "delivered")
            ).scalar()
        return parse_time(value)

    # -- state changes ---------------------------------------------------------------------------

    def recover_interrupted(self) -> int:
        """`delivering` rows left by a crash become failed and due now; returns how many."""
        now = format_time(self.now())
        with write_transaction(self.engine) as conn:
            result = conn.execute(
                update(outbox)
                .where(outbox.c.state == "delivering")
                .values(
                    state="failed",
                    reason=INTERRUPTED_REASON,
                    reason_code="interrupted",
                    reason_message=dump_text(INTERRUPTED),
                    next_attempt=now,
                )
            )
            return int(result.rowcount or 0)

    def mark_delivering(self, batch_id: str) -> None:
        now = format_time(self.now())
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.batch_id == batch_id, outbox.c.state != "delivered")
                .values(state="delivering", attempts=outbox.c.attempts + 1, last_attempt=now)
            )

    def mark_delivered(self, batch_id: str, destination: str) -> None:
        now = format_time(self.now())
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(outbox)
                .where(outbox.c.batch_id == batch_id)
                .values(
                    state="delivered",
                    delivered_at=now,
                    destination=destination,
                    reason=None,
                    reason_code=None,
                    reason_message=None,
                    next_attempt=None,
                )
            )

    def mark_failed(
        self, batch_ids: Sequence[str], reason: str, text: Text | str, *, attempted: bool = True
    ) -> None:
        """Record a failure (`reason` its short category) and schedule each batch's next attempt.

        `text` is a catalogue `Text`; a plain `str` is kept and shown as is in every language.

        `attempted=False` is for batches that the run gave up on without sending them (the
        destination failed on an earlier one): they count one more attempt all the same, so
        their backoff grows with the outage.
        """
        now = self.now()
        with write_transaction(self.engine) as conn:
            for batch_id in batch_ids:
                attempts = conn.execute(
                    select(outbox.c.attempts).where(outbox.c.batch_id == batch_id)
                ).scalar()
                if attempts is None:
                    continue
                if not attempted:
                    attempts += 1
                delay = self.policy.delay(int(attempts), self.rng)
                values: dict[str, Any] = {
                    "state": "failed",
                    "reason": text.message("fr") if isinstance(text, Text) else text,
                    "reason_code": reason,
                    "reason_message": dump_text(text) if isinstance(text, Text) else None,
                    "attempts": attempts,
                    "next_attempt": format_time(now + delay),
                }
                if not attempted:
                    values["last_attempt"] = format_time(now)
                conn.execute(
                    update(outbox)
                    .where(outbox.c.batch_id == batch_id, outbox.c.state != "delivered")
                    .values(**values)
                )

    def purge_delivered(self, retention: timedelta, now: datetime | None = None) -> int:
        """Remove delivered batches older than `retention`; returns how many."""
        limit = format_time((now or self.now()) - retention)
        with write_transaction(self.engine) as conn:
            # Keep the "sealed through" mark even when the rows that witnessed it go.
            through = self.sealed_through(conn)
            write_setting(conn, SEALED_THROUGH_KEY, through)
            result = conn.execute(
                delete(outbox).where(outbox.c.state == "delivered", outbox.c.delivered_at < limit)
            )
            return int(result.rowcount or 0)


def _due(entry: OutboxEntry, now: datetime) -> bool:
    return entry.next_attempt is None or entry.next_attempt <= now


def _contiguous(rows: Sequence[Any], expected_first: int) -> list[Any]:
    """The leading run of rows whose seq follow each other from `expected_first`."""
    out = []
    expected = expected_first
    for row in rows:
        if row.seq != expected:
            break
        out.append(row)
        expected += 1
    if not out:
        # The store guarantees gap-free seqs; a hole means the store itself is damaged.
        raise SealError("sync.outbox.seq_missing", seq=expected_first)
    return out
