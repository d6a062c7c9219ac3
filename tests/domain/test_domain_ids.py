"""UUIDv7 (RFC 9562) and device ids."""

from __future__ import annotations

import re
import time
import uuid
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain import ids
from fieldapp.domain.ids import new_device_id, uuid7, uuid7_ms

CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
MAX_MS = (1 << 48) - 1


def test_version_and_variant_bits() -> None:
    value = uuid7()
    parsed = uuid.UUID(value)
    assert CANONICAL.fullmatch(value)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert (parsed.int >> 76) & 0xF == 7
    assert (parsed.int >> 62) & 0b11 == 0b10


def test_timestamp_is_the_first_48_bits() -> None:
    assert uuid7(0x0123456789AB).startswith("01234567-89ab-7")
    assert uuid7_ms(uuid7(1_732_550_000_000)) == 1_732_550_000_000


def test_wall_clock_timestamp_is_now() -> None:
    before = time.time_ns() // 1_000_000
    value = uuid7()
    after = time.time_ns() // 1_000_000
    assert before <= uuid7_ms(value) <= after


def test_same_millisecond_ids_are_increasing_and_unique() -> None:
    values = [uuid7(1_700_000_000_000) for _ in range(2000)]
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert {uuid7_ms(v) for v in values} == {1_700_000_000_000}


def test_wall_clock_going_backwards_does_not_reorder_ids() -> None:
    times = iter([2_000_000_000_000, 1_000_000_000_000, 1_000_000_000_001])
    # A private generator, so the far-future time does not leak into later tests.
    with (
        mock.patch.object(ids, "_WALL", ids._Monotonic(clamp=True)),
        mock.patch.object(time, "time_ns", lambda: next(times) * 1_000_000),
    ):
        values = [uuid7(), uuid7(), uuid7()]
    assert values == sorted(values)
    # The id never claims a time earlier than one already issued.
    assert [uuid7_ms(v) for v in values] == [2_000_000_000_000] * 3


def test_counter_overflow_borrows_next_millisecond() -> None:
    generator = ids._Monotonic(clamp=False)
    generator.next(5)
    generator._counter = ids._COUNTER_MAX
    assert generator.next(5)[0] == 6


@pytest.mark.parametrize("bad", [-1, MAX_MS + 1, True, 1.5])
def test_out_of_range_timestamp_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="now_ms"):
        uuid7(bad)  # type: ignore[arg-type]


def test_uuid7_ms_refuses_other_versions() -> None:
    with pytest.raises(ValueError, match="UUIDv7"):
        uuid7_ms(str(uuid.uuid4()))


@settings(database=None, max_examples=200)
@given(st.lists(st.integers(min_value=0, max_value=MAX_MS - 1), min_size=1, max_size=50))
def test_ids_sort_in_time_order(times: list[int]) -> None:
    values = [uuid7(ms) for ms in sorted(times)]
    assert values == sorted(values)
    assert len(set(values)) == len(values)
    assert [uuid7_ms(v) for v in values] == sorted(times)
    assert all(CANONICAL.fullmatch(v) for v in values)


def test_device_ids_are_random_hex() -> None:
    values = {new_device_id() for _ in range(100)}
    assert len(values) == 100
    assert all(re.fullmatch(r"[0-9a-f]{32}", v) for v in values)
