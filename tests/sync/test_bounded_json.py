"""The limit-aware decoder of batch events: same result as json.loads on what it accepts,
however the bytes are cut, and each limit refused at its exact value."""

from __future__ import annotations

import json
import time
import zlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.sync.bounded_json import (
    EventStream,
    InflatedTooLarge,
    InflateError,
    JsonLimitError,
    JsonSyntaxError,
    Limits,
    NotObjectsError,
    decode_events,
)


def stream(data: bytes, limits: Limits | None = None, cut: int = 0) -> list[Any]:
    decoder = EventStream(limits or Limits())
    step = cut or len(data) or 1
    for i in range(0, len(data), step):
        decoder.feed(data[i : i + step])
    return decoder.finish()


def code_of(data: bytes, limits: Limits | None = None) -> str:
    with pytest.raises(JsonLimitError) as caught:
        stream(data, limits)
    return caught.value.text.code


values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=10,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    events=st.lists(st.dictionaries(st.text(max_size=6), values, max_size=4), max_size=5),
    cut=st.integers(1, 40),
    spaced=st.booleans(),
)
def test_same_as_json_loads_however_cut(
    events: list[dict[str, Any]], cut: int, spaced: bool
) -> None:
    indent = 1 if spaced else None
    data = json.dumps(events, ensure_ascii=False, indent=indent).encode()
    assert stream(data, cut=cut) == json.loads(data)


def test_escapes_and_brackets_inside_strings_are_not_structure() -> None:
    events = [{"a": 'x"]}[{\\', "b": ["\u00e9\u2603", '\\\\"']}, {"c": "}"}]
    data = json.dumps(events).encode()
    for cut in (1, 2, 3, 7):
        assert stream(data, cut=cut) == events


def test_depth_is_refused_past_its_limit_exactly() -> None:
    limits = Limits(max_depth=5)  # array, event, then three more levels
    assert stream(b'[{"a":[[{}]]}]', limits) == [{"a": [[{}]]}]
    assert code_of(b'[{"a":[[[[]]]]}]', limits) == "sync.batch.json_too_deep"
    assert code_of(b"[{" + b'"a":[' * 100_000, Limits()) == "sync.batch.json_too_deep"


def test_containers_elements_strings_and_sizes() -> None:
    # The top-level array counts too: 1 + event + "a" + two arrays = 5.
    assert stream(b'[{"a":[[],[]]}]', Limits(max_containers=5))
    assert code_of(b'[{"a":[[],[],[]]}]', Limits(max_containers=5)) == (
        "sync.batch.json_too_many_containers"
    )
    assert stream(b'[{"a":[1,2,3]}]', Limits(max_elements=4))
    assert code_of(b'[{"a":[1,2,3,4,5]}]', Limits(max_elements=4)) == (
        "sync.batch.json_too_many_elements"
    )
    # Commas inside strings count too: a bound, never below the real count.
    assert stream(b'[{"a":",,,"}]', Limits(max_elements=4))
    assert code_of(b'[{"a":",,,,"}]', Limits(max_elements=4)) == (
        "sync.batch.json_too_many_elements"
    )
    event = b'{"a":"123"}'
    assert stream(b"[" + event + b"]", Limits(max_event=len(event)))
    assert code_of(b"[" + event + b"]", Limits(max_event=len(event) - 1)) == (
        "sync.batch.json_event_too_large"
    )
    two = b"[" + event + b"," + event + b"]"
    assert stream(two, Limits(max_total=2 * len(event)))
    assert code_of(two, Limits(max_total=2 * len(event) - 1)) == "sync.batch.json_events_too_large"
    assert code_of(two, Limits(max_events=1)) == "sync.batch.json_too_many_events"


@pytest.mark.parametrize(
    "number",
    [
        b"9007199254740993",
        b"-9007199254740993",
        b"1" + b"0" * 5000,
        b"NaN",
        b"-Infinity",
        b"1e400",
        b"0." + b"1" * 40,
    ],
)
def test_numbers_out_of_bounds(number: bytes) -> None:
    assert code_of(b'[{"n":' + number + b"}]") == "sync.batch.json_number"


def test_numbers_in_bounds() -> None:
    assert stream(b'[{"n":9007199254740992,"m":-9007199254740992,"f":1.5e300}]') == [
        {"n": 2**53, "m": -(2**53), "f": 1.5e300}
    ]


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", JsonSyntaxError),
        (b"[", JsonSyntaxError),
        (b"[{}", JsonSyntaxError),
        (b"[{},]", JsonSyntaxError),
        (b"[{}{}]", JsonSyntaxError),
        (b"[{}] x", JsonSyntaxError),
        (b'[{"a":[}]', JsonSyntaxError),
        (b'[{"a":1,}]', JsonSyntaxError),
        (b'[{"a":"\xff"}]', JsonSyntaxError),
        (b'{"a":1}', NotObjectsError),
        (b"[1]", NotObjectsError),
        (b"[[]]", NotObjectsError),
        (b'[{}, "x"]', NotObjectsError),
    ],
)
def test_what_is_not_an_array_of_objects(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        stream(data)


def test_inflating_is_capped_and_checked() -> None:
    data = b"[" + b" " * 10_000 + b"{}]"
    assert decode_events(zlib.compress(data), Limits(max_inflated=len(data))) == [{}]
    with pytest.raises(InflatedTooLarge):
        decode_events(zlib.compress(data), Limits(max_inflated=len(data) - 1))
    with pytest.raises(InflateError):
        decode_events(zlib.compress(data)[:-5], Limits())
    with pytest.raises(InflateError):
        decode_events(zlib.compress(data) + b"x", Limits())
    with pytest.raises(InflateError):
        decode_events(b"not zlib", Limits())


def test_an_unterminated_run_of_escaped_quotes_costs_linear_time() -> None:
    """A string regex that failed and restarted at each quote would take hours here. (A string
    cut across chunks is scanned again from its start: max_event bounds that.)"""
    data = b'[{"a":"' + b'\\"' * 2_000_000
    assert code_of(data) == "sync.batch.json_event_too_large"
    lifted = Limits(max_event=2**30, max_total=2**30)
    started = time.monotonic()
    with pytest.raises(JsonSyntaxError):
        stream(data, lifted)
    assert time.monotonic() - started < 5
