"""Hybrid logical clock (Kulkarni et al., 2014) for ordering events across devices.

Laptops in the field have clocks that drift or get reset; an HLC stays close to wall time yet
never goes backwards, and after `observe` it orders an event after everything it has seen.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.messages import Text

WALL_DIGITS = 16
COUNTER_DIGITS = 5
MAX_WALL_MS = 10**WALL_DIGITS - 1
MAX_COUNTER = 10**COUNTER_DIGITS - 1
_ENCODED = re.compile(rf"\d{{{WALL_DIGITS}}}-\d{{{COUNTER_DIGITS}}}")


@dataclass(frozen=True, order=True)
class Hlc:
    wall_ms: int
    counter: int

    def __post_init__(self) -> None:
        # Fixed-width encoding only sorts correctly if both parts fit their digits.
        if isinstance(self.wall_ms, bool) or not isinstance(self.wall_ms, int):
            raise TypeError("wall_ms doit être un entier")
        if isinstance(self.counter, bool) or not isinstance(self.counter, int):
            raise TypeError("counter doit être un entier")
        if not 0 <= self.wall_ms <= MAX_WALL_MS:
            raise ValueError(f"wall_ms hors limites : {self.wall_ms}")
        if not 0 <= self.counter <= MAX_COUNTER:
            raise ValueError(f"counter hors limites : {self.counter}")

    def encode(self) -> str:
        """Fixed-width text whose string order is the clock order (usable as a sort key in SQL)."""
        return f"{self.wall_ms:0{WALL_DIGITS}d}-{self.counter:0{COUNTER_DIGITS}d}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        if not isinstance(text, str) or not _ENCODED.fullmatch(text):
            raise ValidationError([Problem("hlc", Text("domain.clock.hlc_format"))])
        wall, counter = text.split("-")
        return cls(int(wall), int(counter))

    def __str__(self) -> str:
        return self.encode()


def wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


def _bump(wall_ms: int, counter: int) -> Hlc:
    # A counter that outgrows its digits spills into the next millisecond rather than wrapping.
    if counter > MAX_COUNTER:
        return Hlc(wall_ms + 1, 0)
    return Hlc(wall_ms, counter)


class HybridClock:
    """Issues strictly increasing Hlc values; seed with `last` from the store after a restart."""

    def __init__(
        self, now_ms: Callable[[], int] = wall_clock_ms, *, last: Hlc | None = None
    ) -> None:
        self._now_ms = now_ms
        self._last = last
        self._lock = threading.Lock()

    @property
    def last(self) -> Hlc | None:
        """The last value issued or observed (None before the first one)."""
        return self._last

    def tick(self) -> Hlc:
        """Timestamp for a local event (HLC send rule)."""
        with self._lock:
            physical = self._now_ms()
            last = self._last
            if last is None or physical > last.wall_ms:
                new = Hlc(physical, 0)
            else:
                # Wall clock stalled or went backwards: keep the logical part moving instead.
                new = _bump(last.wall_ms, last.counter + 1)
            self._last = new
            return new

    def observe(self, remote: Hlc) -> Hlc:
        """Merge a timestamp received from another device (HLC receive rule)."""
        with self._lock:
            physical = self._now_ms()
            last = self._last if self._last is not None else Hlc(0, 0)
            wall = max(last.wall_ms, remote.wall_ms, physical)
            if wall == last.wall_ms == remote.wall_ms:
                new = _bump(wall, max(last.counter, remote.counter) + 1)
            elif wall == last.wall_ms:
                new = _bump(wall, last.counter + 1)
            elif wall == remote.wall_ms:
                new = _bump(wall, remote.counter + 1)
            else:
                new = Hlc(wall, 0)
            self._last = new
            return new
