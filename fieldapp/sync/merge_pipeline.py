"""The CPU half of a merge, ready to run beside the database half.

`prepare` opens one batch (signature, hash, recipient, decryption, events against the manifest),
checks each event and builds the rows the merge will insert: the `events` rows and the projection
rows folded from the batch alone, as tuples. It writes nothing. The merge calls it in-process for
a few batches; for many, `Pipeline` runs it in worker processes, one per core (`worker_count`):
they verify and fold the next batches while the merge inserts and commits the current one. Either
way the merge gets the same `Prepared` (or the same `Rejected` reason) and commits it the same way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.domain.errors import ValidationError
from fieldapp.domain.events import Event
from fieldapp.domain.payloads import PayloadRefused, check_event
from fieldapp.domain.projection import fold
from fieldapp.messages import Text
from fieldapp.storage.projection import event_values, values_to_event
from fieldapp.sync.batch import BatchError, RecipientPrivateKey, open_batch

log = logging.getLogger(__name__)

# Below this many batches to merge, starting a worker process costs more than it saves.
PIPELINE_MIN_BATCHES = 8
# Batches prepared ahead of the one being committed (memory: a few batches of rows).
LOOKAHEAD = 3


def worker_count() -> int:
    """Worker processes: one per core, at most LOOKAHEAD. Preparing a batch (checks in Python)
    takes longer than writing it, so even on two cores two workers beside the writing process
    finish sooner than one (measured in docs/performance.md); each waits when the look-ahead is
    full, so the writer is never starved for long."""
    return max(1, min(os.cpu_count() or 1, LOOKAHEAD))


Rows = list[tuple[Any, ...]]


@dataclass
class Prepared:
    """A batch that opened and checked, with the rows to insert if nothing of it is stored yet."""

    event_ids: list[str]
    entity_ids: list[str]  # distinct, sorted
    # `events` rows (EVENT_COLUMNS order); None if they could not be built (the commit then
    # goes the long way and reports the problem exactly as it always did).
    event_rows: Rows | None
    # Projection tuples folded from this batch alone, by table (TABLE_COLUMNS order).
    projection: dict[str, Rows] | None
    # The checked events; a worker leaves them out when its rows are complete (less to send).
    events: list[Event] | None = None

    def all_events(self) -> list[Event]:
        if self.events is not None:
            return self.events
        assert self.event_rows is not None  # a worker keeps the events when rows failed
        return [values_to_event(v) for v in self.event_rows]


@dataclass
class Rejected:
    """A batch to quarantine: its stable short `reason` and the message that says why."""

    reason: str
    text: Text


Outcome = Prepared | Rejected


def prepare(
    data: bytes,
    recipient_private: RecipientPrivateKey,
    device_public: Ed25519PublicKey,
    *,
    keep_events: bool = True,
) -> Outcome:
    """Open and check one batch and build its rows; never touches a database."""
    try:
        _, raw_events = open_batch(
            data, recipient_private=recipient_private, device_public=device_public
        )
        batch_events = [Event.from_dict(e) for e in raw_events]
        for event in batch_events:  # the device's own parsers: docs/merge.md § Content
            check_event(event)
    except PayloadRefused as exc:
        lines = [p.line() for p in exc.problems]
        return Rejected(
            "invalid_payload", Text("sync.merge.invalid_payload", seq=exc.seq, problems=lines)
        )
    except BatchError as exc:
        return Rejected(exc.reason, exc.text)
    except ValidationError as exc:
        return Rejected("malformed", Text("sync.merge.invalid_content", detail=exc))
    except Exception as exc:  # any other failure sets this batch aside, never the merge
        log.warning("Ouverture du lot impossible : %s", type(exc).__name__)
        return Rejected("internal", Text("sync.merge.internal"))
    event_rows: Rows | None
    projection: dict[str, Rows] | None
    try:
        event_rows = [event_values(e) for e in batch_events]
        projection = fold(batch_events).as_tuples()
    except Exception:  # e.g. a handover event without its date: the commit's long way decides
        event_rows, projection = None, None
    return Prepared(
        event_ids=[e.id for e in batch_events],
        entity_ids=sorted({e.entity_id for e in batch_events}),
        event_rows=event_rows,
        projection=projection,
        events=batch_events if keep_events or projection is None else None,
    )


# -- worker process --------------------------------------------------------------------------

_worker_key: RecipientPrivateKey | None = None

KeyMaterial = tuple[bytes, ...]
WorkerFunction = Callable[[bytes, bytes], Outcome]


def key_material(key: RecipientPrivateKey) -> KeyMaterial:
    """Raw private key bytes to hand to the worker (a local pipe, never a file)."""
    if isinstance(key, X25519PrivateKey):
        return (key.private_bytes_raw(),)
    mlkem_key, x25519_key = key
    return (mlkem_key.private_bytes_raw(), x25519_key.private_bytes_raw())


def _load_key(material: KeyMaterial) -> RecipientPrivateKey:
    if len(material) == 1:
        return X25519PrivateKey.from_private_bytes(material[0])
    return (
        MLKEM768PrivateKey.from_seed_bytes(material[0]),
        X25519PrivateKey.from_private_bytes(material[1]),
    )


def _init_worker(material: KeyMaterial) -> None:
    global _worker_key
    _worker_key = _load_key(material)


def prepare_in_worker(data: bytes, device_public: bytes) -> Outcome:
    """`prepare` in the worker, with the key it was started with; leaves the events out."""
    assert _worker_key is not None
    public = Ed25519PublicKey.from_public_bytes(device_public)
    return prepare(data, _worker_key, public, keep_events=False)


class Pipeline:
    """Worker processes preparing batches ahead of the merge (spawned: no inherited state); the
    merge takes their results in its own order, one batch after the other."""

    def __init__(
        self, recipient_private: RecipientPrivateKey, function: WorkerFunction | None = None
    ) -> None:
        # Looked up at each start, so that a test can stand in a failing worker function.
        self._function = function or prepare_in_worker
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            max_workers=worker_count(),
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(key_material(recipient_private),),
        )

    def submit(self, data: bytes, device_public: bytes) -> Future[Outcome] | None:
        """Start preparing a batch; None once the worker is gone (the merge then does it)."""
        if self._pool is None:
            return None
        try:
            return self._pool.submit(self._function, data, device_public)
        except RuntimeError:  # BrokenProcessPool is a RuntimeError: the worker died
            self.close()
            return None

    def result(self, future: Future[Outcome]) -> Outcome | None:
        """The worker's outcome, or None if it failed (the merge then prepares in-process)."""
        try:
            return future.result()
        except BrokenProcessPool:
            log.warning("Processus auxiliaire de fusion arrêté : suite sans lui")
            self.close()
            return None
        except Exception as exc:  # only its type: its text may quote the batch's content
            log.warning(
                "Préparation du lot dans le processus auxiliaire impossible : %s",
                type(exc).__name__,
            )
            return None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
