"""Identifiers: UUIDv7 for events and records, random device ids.

UUIDv7 (RFC 9562 § 5.7) sorts by creation time, which keeps B-tree inserts cheap and lets a
human read the rough creation time of an event from its id.
"""

from __future__ import annotations

import re
import secrets
import threading
import time
import uuid

_MAX_MS = (1 << 48) - 1
# Monotonicity (RFC 9562 § 6.2, method 1): a 42-bit counter spread over rand_a (12 bits) and the
# top 30 bits of rand_b; the last 32 bits stay random so two processes do not collide.
_COUNTER_BITS = 42
_COUNTER_LOW_BITS = 30
_COUNTER_MAX = (1 << _COUNTER_BITS) - 1


class _Monotonic:
    """Per-process state so that ids made in the same millisecond still sort in call order."""

    def __init__(self, *, clamp: bool) -> None:
        # clamp: never go back in time (used with the wall clock, which can be set backwards).
        self._clamp = clamp
        self._last_ms = -1
        self._counter = 0
        self._lock = threading.Lock()

    def next(self, ms: int) -> tuple[int, int]:
        with self._lock:
            if self._clamp and ms < self._last_ms:
                ms = self._last_ms
            if ms == self._last_ms:
                counter = self._counter + 1
                if counter > _COUNTER_MAX:
                    # 2**41 ids in one millisecond: borrow the next millisecond (RFC 9562 § 6.2).
                    ms += 1
                    counter = _fresh_counter()
            else:
                counter = _fresh_counter()
            if ms > _MAX_MS:
                raise ValueError("horodatage hors de la plage d'un UUIDv7")
            self._last_ms = ms
            self._counter = counter
            return ms, counter


def _fresh_counter() -> int:
    # Random start with the top bit clear leaves at least 2**41 increments in the millisecond.
    return secrets.randbits(_COUNTER_BITS - 1)


_WALL = _Monotonic(clamp=True)
# Explicit timestamps (demo data, tests) are honoured exactly, so they get their own state.
_EXPLICIT = _Monotonic(clamp=False)


def uuid7(now_ms: int | None = None) -> str:
    """A new UUIDv7 in canonical form; strictly increasing within the process for a given clock.

    With `now_ms` None the wall clock is used and ids never go backwards, even if the clock does.
    With an explicit `now_ms` the id carries exactly that millisecond, and ids made with the same
    or a later millisecond sort after the previous one.
    """
    if now_ms is None:
        ms, counter = _WALL.next(time.time_ns() // 1_000_000)
    else:
        if isinstance(now_ms, bool) or not isinstance(now_ms, int) or not 0 <= now_ms <= _MAX_MS:
            raise ValueError(f"now_ms doit être un entier entre 0 et {_MAX_MS}")
        ms, counter = _EXPLICIT.next(now_ms)
    value = (
        (ms << 80)
        | (0x7 << 76)
        | ((counter >> _COUNTER_LOW_BITS) << 64)
        | (0b10 << 62)
        | ((counter & ((1 << _COUNTER_LOW_BITS) - 1)) << 32)
        | secrets.randbits(32)
    )
    return str(uuid.UUID(int=value))


def uuid7_ms(value: str) -> int:
    """The Unix time in milliseconds carried by a UUIDv7 string."""
    parsed = uuid.UUID(value)
    if parsed.version != 7:
        raise ValueError("ce n'est pas un UUIDv7")
    return parsed.int >> 80


def new_device_id() -> str:
    """A random device id (32 hex digits); it carries nothing about the machine or its user."""
    return uuid.uuid4().hex


# What a device id may be, wherever one arrives from outside (an enrolment, a batch manifest):
# the app writes 32 hex digits; older or test devices may use letters, digits, `_` and `-`.
DEVICE_ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def is_device_id(value: object) -> bool:
    return isinstance(value, str) and DEVICE_ID_PATTERN.fullmatch(value) is not None
