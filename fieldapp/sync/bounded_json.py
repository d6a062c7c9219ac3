"""A JSON array of objects decoded piece by piece, within limits checked while decoding.

`decode_events` inflates a zlib stream in chunks and hands each chunk to `EventStream`, which
finds the top-level objects (the events) with a byte scanner and decodes each one alone with
the standard library's decoder. So a hostile batch never costs more than the limits below:

- the inflated bytes are counted as they come (`max_inflated`, the zip-bomb guard), and only
  the bytes of the event being read are kept, never the whole plaintext;
- nesting depth, containers (objects and arrays), elements (counted from the commas between
  them: commas inside strings count too, so the count is never below the real one), event size
  and the events' total size are counted by the scanner *before* the event is decoded, so that
  the decoder never builds what the limits refuse and never recurses deeper than `max_depth`;
- integers beyond 2⁵³ in absolute value, over-long or non-finite numbers and NaN/Infinity are
  refused by the decoder's own hooks (`fieldapp.domain.jsontext.number_decoder`, the same
  mechanism as for files from outside, with the batch's bounds).

Each refusal is a `JsonLimitError` carrying a catalogue message; `JsonSyntaxError` is
invalid JSON, `NotObjectsError` a valid JSON text that is not a list of objects. The limits
themselves are stated in docs/batch-format.md (§ Limits).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from typing import Any, Final

from fieldapp.domain.jsontext import NumberRules, number_decoder
from fieldapp.messages import Text

INFLATE_CHUNK: Final = 1 << 20  # bytes inflated at a time

# Whole JSON strings and any byte but a quote or a bracket: the scanner stops at the next
# bracket outside a string, or at the quote of a string that goes on past the buffer. It never
# fails, so it never backtracks: linear even on a run of quotes and backslashes.
_SKIP: Final = re.compile(rb'(?:[^"\[\]{}]+|"[^"\\]*(?:\\.[^"\\]*)*")*', re.DOTALL)
_QUOTE: Final = ord('"')
_STRING: Final = rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"'


def _event_pattern(levels: int) -> re.Pattern[bytes]:
    """One whole object with at most `levels` levels of objects or arrays inside it, found in
    one call; possessive loops, so that a failed match gives nothing back (linear). Brackets
    are not paired here: the decoder refuses a mismatched pair."""
    inner = rb'(?:[^"\[\]{}]++|' + _STRING + rb")*+"
    for _ in range(levels):
        inner = rb'(?:[^"\[\]{}]++|' + _STRING + rb"|[\[{]" + inner + rb"[\]}])*+"
    return re.compile(rb"\{" + inner + rb"\}", re.DOTALL)


_EVENT_PATTERNS: dict[int, re.Pattern[bytes]] = {}
_FAST_LEVELS: Final = 14
_SPACE: Final = re.compile(rb"[ \t\n\r]*")
_OPENERS: Final = {ord("["): ord("]"), ord("{"): ord("}")}
_MAX_INT: Final = 2**53  # exact in every JSON reader (a double), far inside SQL integers
_MAX_INT_DIGITS: Final = 16  # 2⁵³ has 16 digits
_MAX_FLOAT_CHARS: Final = 32


@dataclass(frozen=True)
class Limits:
    max_inflated: int = 256 * 2**20  # zip-bomb guard: inflated bytes, whitespace included
    max_total: int = 32 * 2**20  # bytes of all events together (what is kept and decoded)
    max_event: int = 1 * 2**20  # bytes of one event
    max_depth: int = 16  # the top-level array is level 1, an event level 2
    max_containers: int = 100_000  # objects and arrays, all levels
    max_elements: int = 500_000  # array items and object members, all levels
    max_events: int = 5_000


class JsonLimitError(Exception):
    """A limit was passed while decoding; `text` says which (a catalogue message)."""

    def __init__(self, text: Text) -> None:
        super().__init__(text.code)
        self.text = text


class JsonSyntaxError(Exception):
    """Not valid JSON (or not UTF-8)."""


class NotObjectsError(Exception):
    """Valid JSON, but not an array of objects."""


_DECODER: Final = number_decoder(
    NumberRules(
        max_int_digits=_MAX_INT_DIGITS,
        too_long=Text("sync.batch.json_number"),
        not_finite=Text("sync.batch.json_number"),
        max_abs_int=_MAX_INT,
        max_float_chars=_MAX_FLOAT_CHARS,
    ),
    JsonLimitError,
)

# Top-level states.
_BEFORE, _FIRST, _NEXT, _AFTER, _DONE = range(5)


class EventStream:
    """Feed it bytes (`feed`), then `finish()`: the events, or the first limit passed."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.events: list[Any] = []
        self._buf = bytearray()
        self._pos = 0  # next byte to scan in _buf
        self._state = _BEFORE
        self._event_start = -1  # offset in _buf of the event being read, -1 between events
        self._closers: list[int] = []  # brackets open inside the current event
        self._total = 0
        self._containers = 0
        self._elements = 0

    def feed(self, chunk: bytes) -> None:
        keep = self._event_start if self._event_start >= 0 else self._pos
        if keep:
            del self._buf[:keep]
            self._pos -= keep
            if self._event_start >= 0:
                self._event_start = 0
        self._buf += chunk
        self._scan()

    def finish(self) -> list[Any]:
        if self._state != _DONE or self._event_start >= 0:
            raise JsonSyntaxError("fin inattendue")
        return self.events

    # -- scanning ------------------------------------------------------------------------------

    def _scan(self) -> None:
        while self._pos < len(self._buf):
            if self._event_start >= 0:
                if not self._scan_event():
                    return  # the event goes on in the next chunk
            elif not self._scan_top():
                return

    def _scan_top(self) -> bool:
        """Between events: whitespace, `[`, `,`, `]`, or the `{` starting an event."""
        buf = self._buf
        space = _SPACE.match(buf, self._pos)
        end = space.end() if space else self._pos
        self._pos = end
        if end == len(buf):
            return False
        byte = buf[end]
        state = self._state
        if state == _BEFORE and byte == ord("["):
            self._state = _FIRST
            self._count_container()
        elif state in (_FIRST, _NEXT) and byte == ord("{"):
            if len(self.events) >= self.limits.max_events:
                raise JsonLimitError(
                    Text("sync.batch.json_too_many_events", max=self.limits.max_events)
                )
            self._elements += 1
            if self._whole_event(end):
                return True
            self._event_start = end
            self._closers = [ord("}")]
            self._count_container()
        elif state in (_FIRST, _AFTER) and byte == ord("]"):
            self._state = _DONE
        elif state == _AFTER and byte == ord(","):
            self._state = _NEXT
        elif (state in (_BEFORE, _FIRST, _NEXT) and byte in b'"-0123456789tfn[') or (
            state == _BEFORE and byte == ord("{")
        ):
            raise NotObjectsError
        else:
            raise JsonSyntaxError("caractère inattendu")
        self._pos = end + 1
        return True

    def _scan_event(self) -> bool:
        """Inside an event, from bracket to bracket; True once the event is decoded."""
        buf, limits = self._buf, self.limits
        while True:
            # Everything up to the next bracket outside a string, in one call of the C scanner.
            skipped = _SKIP.match(buf, self._pos)
            stop = skipped.end() if skipped else self._pos
            self._elements += buf.count(b",", self._pos, stop)
            self._pos = stop
            if self._elements > limits.max_elements:
                raise JsonLimitError(
                    Text("sync.batch.json_too_many_elements", max=limits.max_elements)
                )
            if stop == len(buf) or buf[stop] == _QUOTE:  # the rest is in the next chunk
                self._check_event_size(len(buf))
                return False
            if stop - self._event_start > limits.max_event:
                self._check_event_size(stop)
            byte = buf[stop]
            if byte in _OPENERS:
                if len(self._closers) + 2 > limits.max_depth:  # the array, then the event
                    raise JsonLimitError(Text("sync.batch.json_too_deep", max=limits.max_depth))
                self._closers.append(_OPENERS[byte])
                self._count_container()
            elif self._closers.pop() != byte:
                raise JsonSyntaxError("crochets mal appariés")
            elif not self._closers:
                self._pos = stop + 1
                self._event_done(stop + 1)
                return True
            self._pos = stop + 1

    def _whole_event(self, start: int) -> bool:
        """The common case at C speed: the whole event is in the buffer, within the depth.

        Its brackets and commas are counted over its bytes, strings included: a bound above
        the real counts. If that bound would pass a limit, the exact scanner decides."""
        limits = self.limits
        levels = min(limits.max_depth - 2, _FAST_LEVELS)  # deeper: the exact scanner
        pattern = _EVENT_PATTERNS.get(levels)
        if pattern is None:
            pattern = _EVENT_PATTERNS[levels] = _event_pattern(levels)
        match = pattern.match(self._buf, start)
        if match is None:
            return False
        end = match.end()
        buf = self._buf
        containers = buf.count(b"[", start, end) + buf.count(b"{", start, end)
        elements = buf.count(b",", start, end)
        if (
            self._containers + containers > limits.max_containers
            or self._elements + elements > limits.max_elements
            or end - start > limits.max_event
            or self._total + end - start > limits.max_total
        ):
            return False
        self._containers += containers
        self._elements += elements
        self._event_start = start
        self._pos = end
        self._event_done(end)
        return True

    def _check_event_size(self, end: int) -> None:
        size = end - self._event_start
        if size > self.limits.max_event:
            raise JsonLimitError(
                Text("sync.batch.json_event_too_large", kib=self.limits.max_event // 2**10)
            )
        if self._total + size > self.limits.max_total:
            raise JsonLimitError(
                Text("sync.batch.json_events_too_large", mib=self.limits.max_total // 2**20)
            )

    def _count_container(self) -> None:
        self._containers += 1
        if self._containers > self.limits.max_containers:
            raise JsonLimitError(
                Text("sync.batch.json_too_many_containers", max=self.limits.max_containers)
            )

    def _event_done(self, end: int) -> None:
        self._check_event_size(end)
        if self._elements > self.limits.max_elements:
            raise JsonLimitError(
                Text("sync.batch.json_too_many_elements", max=self.limits.max_elements)
            )
        raw = self._buf[self._event_start : end]
        self._total += len(raw)
        try:
            self.events.append(_DECODER.decode(raw.decode("utf-8")))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise JsonSyntaxError("événement illisible") from None
        self._event_start = -1
        self._state = _AFTER


class InflatedTooLarge(Exception):
    """The zlib stream inflates past `Limits.max_inflated`."""


class InflateError(Exception):
    """The zlib stream is unreadable, truncated or followed by extra bytes."""


def decode_events(compressed: bytes, limits: Limits) -> list[Any]:
    """Inflate `compressed` chunk by chunk into an `EventStream`; the decoded events.

    Raises InflatedTooLarge, InflateError, JsonLimitError, JsonSyntaxError or NotObjectsError.
    """
    inflater = zlib.decompressobj()
    stream = EventStream(limits)
    pending = compressed
    inflated = 0
    try:
        while not inflater.eof:
            # Ask for at most one byte past the limit: getting it proves the content too large.
            chunk = inflater.decompress(
                pending, min(INFLATE_CHUNK, limits.max_inflated + 1 - inflated)
            )
            pending = inflater.unconsumed_tail
            inflated += len(chunk)
            if inflated > limits.max_inflated:
                raise InflatedTooLarge
            if not chunk and not pending:
                break  # input used up before the end of the stream
            stream.feed(chunk)
    except zlib.error:
        raise InflateError from None
    if not inflater.eof or inflater.unused_data:
        raise InflateError
    return stream.finish()
