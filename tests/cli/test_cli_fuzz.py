"""Fuzz (Hypothesis) of every command that reads an input file or stdin: whatever the bytes, the
CLI answers with an exit code (0, 1 or 2, never 70, the bug code) and, on a refusal, one escaped
line on stderr, never a traceback (issue 22, item 5).

The inputs mix raw bytes, invalid UTF-8, JSON-ish text (NaN, 5,000-digit integers, nesting
100,000 deep) and valid JSON of the wrong shape. Everything runs in-process through
`fieldapp.cli.main`, on one real profile and one real workspace per module (fast KDF).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fieldapp.cli import main
from fieldapp.domain.display import printable
from fieldapp.services import sync as sync_service
from tests.helpers import COORD_PASSPHRASE, PASSPHRASE, make_coordination, make_profile

FIXTURES = Path(__file__).parent.parent / "fixtures" / "directory"
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# -- inputs ---------------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
_json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


@st.composite
def _hostile_text(draw: st.DrawFn) -> bytes:
    depth = draw(st.sampled_from([2, 65, 1_000, 100_000]))
    opener = draw(st.sampled_from(["[", '{"a":']))
    closer = "]" if opener == "[" else "}"
    return draw(
        st.sampled_from(
            [
                (opener * depth + "1" + closer * depth).encode(),
                ('{"date": ' + "9" * draw(st.integers(30, 6_000)) + "}").encode(),
                b'{"date": NaN, "note": Infinity}',
                b'{"note": 1e999}',
                b"\xff" + json.dumps(draw(_json_values)).encode(),
                json.dumps(draw(_json_values)).encode() + b"\n\x00\xfe",
            ]
        )
    )


INPUTS = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=200).map(str.encode),
    _json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode()),
    st.lists(_json_values, max_size=4).map(
        lambda rows: "\n".join(json.dumps(r) for r in rows).encode()
    ),
    _hostile_text(),
)

# -- one profile and one workspace for the module --------------------------------------------------


@dataclass
class World:
    root: Path
    home: Path  # joined to the workspace, so that `pack import` reaches the pack's bytes
    workspace: Path
    code: str
    fuzz: Path  # the file each example writes


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("fuzz")
    coord = make_coordination(root / "coord")
    service, _ = make_profile(root / "terrain")
    with closing(service):
        sync_service.SyncService(service).join_coordination(coord.invitation, coord.code)
    yield World(root, root / "terrain", coord.root, coord.code, root / "input")
    shutil.rmtree(root, ignore_errors=True)


# -- the commands ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    """A command reading `world.fuzz` (or stdin); `passphrase` is the one it opens with."""

    argv: Callable[[World], list[str]]
    passphrase: str = PASSPHRASE
    stdin: bool = False
    lines: bool = False  # refused rows are reported one line each (import-contacts)


def _pack(world: World, which: str) -> list[str]:
    files = {
        "structures": FIXTURES / "structures.json",
        "services": FIXTURES / "services.jsonl",
        "territories": FIXTURES / "qpv.csv",
    }
    files[which] = world.fuzz
    argv = ["coord", "pack", "--workspace", str(world.workspace), "--out"]
    argv.append(str(world.root / "out.relais-pack"))
    for name, path in files.items():
        argv += [f"--{name}", str(path)]
    return argv


READERS: dict[str, Reader] = {
    "contact add FILE": Reader(lambda w: ["contact", "add", "--home", str(w.home), str(w.fuzz)]),
    "contact add -": Reader(lambda w: ["contact", "add", "--home", str(w.home), "-"], stdin=True),
    "import-contacts": Reader(
        lambda w: ["import-contacts", "--home", str(w.home), str(w.fuzz)], lines=True
    ),
    "pack import": Reader(lambda w: ["pack", "import", "--home", str(w.home), str(w.fuzz)]),
    "--passphrase-file": Reader(
        lambda w: ["outbox", "--home", str(w.home), "--passphrase-file", str(w.fuzz)]
    ),
    "init --invitation": Reader(
        lambda w: [
            "init",
            "--home",
            str(w.root / "new"),
            "--structure",
            "Équipe test",
            "--structure-type",
            "prevention-specialisee",
            "--invitation",
            str(w.fuzz),
            "--invitation-code",
            w.code,
        ]
    ),
    "join --invitation": Reader(
        lambda w: [
            *("join", "--home", str(w.home), "--invitation", str(w.fuzz)),
            *("--invitation-code", w.code),
        ]
    ),
    "coord enrol": Reader(
        lambda w: ["coord", "enrol", "--workspace", str(w.workspace), str(w.fuzz), "--yes"],
        passphrase=COORD_PASSPHRASE,
    ),
    "coord pack --structures": Reader(lambda w: _pack(w, "structures"), COORD_PASSPHRASE),
    "coord pack --services": Reader(lambda w: _pack(w, "services"), COORD_PASSPHRASE),
    "coord pack --territories": Reader(lambda w: _pack(w, "territories"), COORD_PASSPHRASE),
}


def _run(reader: Reader, world: World, data: bytes) -> tuple[int, str]:
    world.fuzz.write_bytes(data)
    # Each input is a first try: no growing delay after the previous wrong passphrases.
    (world.home / "relais.attempts").unlink(missing_ok=True)
    saved_stdin, saved_env = sys.stdin, os.environ.get("FIELDAPP_PASSPHRASE")
    os.environ["FIELDAPP_PASSPHRASE"] = reader.passphrase
    if reader.stdin:
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    err = io.StringIO()
    saved_err, saved_out = sys.stderr, sys.stdout
    sys.stderr, sys.stdout = err, io.StringIO()
    try:
        try:
            code = main(reader.argv(world))
        except SystemExit as exit_:  # argparse
            code = exit_.code if isinstance(exit_.code, int) else 2
    finally:
        sys.stdin, sys.stderr, sys.stdout = saved_stdin, saved_err, saved_out
        if saved_env is None:
            os.environ.pop("FIELDAPP_PASSPHRASE", None)
        else:
            os.environ["FIELDAPP_PASSPHRASE"] = saved_env
    shutil.rmtree(world.root / "new", ignore_errors=True)  # `init` never got that far anyway
    return code, err.getvalue()


@pytest.mark.parametrize("name", sorted(READERS))
def test_no_input_makes_a_traceback(name: str, world: World) -> None:
    reader = READERS[name]

    @EXAMPLES
    @given(data=INPUTS)
    def check(data: bytes) -> None:
        code, err = _run(reader, world, data)
        assert "Traceback" not in err
        assert code in (0, 1, 2), (code, err)
        lines = err.splitlines()
        assert all(printable(line) == line for line in lines), err
        if code != 0 and not reader.lines:
            assert len(lines) == 1, err
            assert lines[0].startswith("fieldapp: ") and "bogue" not in lines[0], err

    check()


@pytest.mark.parametrize(
    "data",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b'{"date": ' + b"9" * 5_000 + b"}",
        b"\xff",
        b'{"date": NaN}',
    ],
    ids=["deep-array", "deep-object", "5000-digits", "raw-ff", "nan"],
)
@pytest.mark.parametrize("name", sorted(READERS))
def test_the_reported_inputs_are_one_line(name: str, data: bytes, world: World) -> None:
    code, err = _run(READERS[name], world, data)
    assert code in (1, 2) or (code == 0 and READERS[name].lines), (code, err)
    assert "Traceback" not in err and "bogue" not in err, err
