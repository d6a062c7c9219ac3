"""Hybrid logical clock: close to wall time, never backwards, causally ordered."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.clock import MAX_COUNTER, Hlc, HybridClock
from fieldapp.domain.errors import ValidationError


def scripted(times: list[int]) -> Callable[[], int]:
    source: Iterator[int] = iter(times)
    return lambda: next(source)


def test_encoding_is_fixed_width_and_round_trips() -> None:
    hlc = Hlc(1_732_550_000_000, 7)
    assert hlc.encode() == "0001732550000000-00007"
    assert str(hlc) == hlc.encode()
    assert Hlc.parse(hlc.encode()) == hlc


@settings(database=None)
@given(
    st.tuples(st.integers(0, 10**16 - 1), st.integers(0, MAX_COUNTER)),
    st.tuples(st.integers(0, 10**16 - 1), st.integers(0, MAX_COUNTER)),
)
def test_string_order_is_clock_order(a: tuple[int, int], b: tuple[int, int]) -> None:
    left, right = Hlc(*a), Hlc(*b)
    assert (left < right) == (left.encode() < right.encode())
    assert Hlc.parse(left.encode()) == left


@pytest.mark.parametrize(
    "text", ["", "1732550000000-00000", "0001732550000000-0000", "0001732550000000_00000", "x"]
)
def test_parse_refuses_malformed_text(text: str) -> None:
    with pytest.raises(ValidationError, match="champ hlc"):
        Hlc.parse(text)


@pytest.mark.parametrize("wall, counter", [(-1, 0), (10**16, 0), (0, -1), (0, MAX_COUNTER + 1)])
def test_out_of_range_parts_are_refused(wall: int, counter: int) -> None:
    with pytest.raises(ValueError, match="hors limites"):
        Hlc(wall, counter)


def test_tick_follows_wall_clock_when_it_advances() -> None:
    clock = HybridClock(scripted([100, 200]))
    assert clock.tick() == Hlc(100, 0)
    assert clock.tick() == Hlc(200, 0)
    assert clock.last == Hlc(200, 0)


def test_tick_stays_increasing_when_wall_clock_goes_backwards() -> None:
    clock = HybridClock(scripted([1000, 1000, 400, 999, 1001]))
    values = [clock.tick() for _ in range(5)]
    assert values == [Hlc(1000, 0), Hlc(1000, 1), Hlc(1000, 2), Hlc(1000, 3), Hlc(1001, 0)]


def test_seeded_clock_continues_after_last_stored_value() -> None:
    clock = HybridClock(scripted([50]), last=Hlc(1000, 4))
    assert clock.tick() == Hlc(1000, 5)


def test_counter_overflow_moves_to_next_millisecond() -> None:
    clock = HybridClock(scripted([10]), last=Hlc(10, MAX_COUNTER))
    assert clock.tick() == Hlc(11, 0)


def test_observe_remote_ahead_takes_remote_time() -> None:
    clock = HybridClock(scripted([100, 100]))
    clock.tick()
    assert clock.observe(Hlc(500, 3)) == Hlc(500, 4)


def test_observe_same_wall_time_takes_larger_counter() -> None:
    clock = HybridClock(scripted([500]), last=Hlc(500, 9))
    assert clock.observe(Hlc(500, 3)) == Hlc(500, 10)


def test_observe_remote_behind_keeps_local_time() -> None:
    clock = HybridClock(scripted([100]), last=Hlc(800, 2))
    assert clock.observe(Hlc(500, 7)) == Hlc(800, 3)


def test_observe_with_wall_clock_ahead_resets_counter() -> None:
    clock = HybridClock(scripted([900]), last=Hlc(800, 2))
    assert clock.observe(Hlc(500, 7)) == Hlc(900, 0)


def test_default_clock_uses_wall_time() -> None:
    first = HybridClock().tick()
    assert first.wall_ms > 1_700_000_000_000


@settings(database=None, max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 10**12),
            st.none() | st.tuples(st.integers(0, 10**12), st.integers(0, 1000)),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_clock_is_strictly_monotonic_whatever_the_wall_clock_does(
    steps: list[tuple[int, tuple[int, int] | None]],
) -> None:
    times = [physical for physical, _ in steps]
    clock = HybridClock(scripted(times))
    previous: Hlc | None = None
    for _, remote in steps:
        value = clock.tick() if remote is None else clock.observe(Hlc(*remote))
        if previous is not None:
            assert value > previous
        if remote is not None:
            # Causality: what we send after receiving is later than what we received.
            assert value > Hlc(*remote)
        previous = value
