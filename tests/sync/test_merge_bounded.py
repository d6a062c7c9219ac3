"""Bounded memory whatever the drop holds: a bomb batch and a 3 GiB WebDAV body, each refused
under 300 MB peak RSS, measured in a child process running the real merge (getrusage)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cheroot import wsgi

from fieldapp.sync import bounded_json
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.sync.hostile import Sealer, bomb

ROOT = Path(__file__).resolve().parents[2]
PEAK_LIMIT_MB = 300

# The merge as `fieldapp coord merge --from SOURCE` runs it; prints the report and the peak.
CHILD = """
import json, resource, sys, time
from pathlib import Path
from fieldapp.services.coordination import CoordinationService
from tests.helpers import COORD_PASSPHRASE

start = time.monotonic()
service = CoordinationService.open(Path(sys.argv[1]), COORD_PASSPHRASE)
try:
    report = service.merge(sys.argv[2])
finally:
    service.close()
peak = max(
    resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,  # a merge worker, if any
)
print(json.dumps({"report": report.to_dict(), "peak_kib": peak,
                  "seconds": time.monotonic() - start}))
"""


# Linux keeps a process's peak RSS across exec (getrusage(2)): a child started straight from
# pytest would report pytest's own peak. Started by this small launcher, it reports its own.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def _merge_in_child(territory: Territory, source: str) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = [sys.executable, "-c", CHILD, str(territory.coordination.root), source]
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *child],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"peak {result['peak_kib'] / 1024:.0f} MiB, {result['seconds']:.1f} s")
    return result


def _honest(territory: Territory) -> str:
    device = territory.device("h")
    device.field.record_contacts([sample_contact() for _ in range(3)])
    assert device.sync.sync().ok
    (name,) = [p.name for p in territory.drop.glob("relais-*.rbatch")]
    return name


def _bomb_file(territory: Territory) -> bytes:
    bomber = territory.device("b")
    bomber.field.record_contacts([sample_contact()])
    (event,) = [e.to_dict() for e in bomber.field.store.events_from(1)]
    return Sealer.of(territory, bomber).seal_plaintext(bomb(event))


def test_a_bomb_batch_is_refused_in_seconds_under_300_mb(territory: Territory) -> None:
    data = _bomb_file(territory)
    assert 200_000 < len(data) < 256_000  # 83 million "[]" inside the decompression limit
    (territory.drop / "a-bomb.rbatch").write_bytes(data)
    honest = _honest(territory)
    result = _merge_in_child(territory, str(territory.drop))
    report = result["report"]
    assert [(q["file"], q["reason_code"]) for q in report["batches_quarantined"]] == [
        ("a-bomb.rbatch", "malformed")
    ]
    assert "objets et de listes" in report["batches_quarantined"][0]["reason"]
    assert report["batches_merged"] == 1 and report["events_inserted"] == 3
    assert result["peak_kib"] < PEAK_LIMIT_MB * 1024
    assert result["seconds"] < 30
    assert honest.startswith("relais-")


def test_the_bomb_is_never_held_even_with_the_count_limits_lifted() -> None:
    """With no count limit, the bomb's one event passes the event size limit after 1 MiB: the
    decoder kept about that much, never the 250 MB it inflates to (tracemalloc's peak)."""
    event = {"device_id": "d", "entity_id": "e", "hlc": "h", "id": "i", "seq": 1, "type": "t"}
    compressed = bomb(event | {"payload": {}, "schema": 1})
    lifted = bounded_json.Limits(max_containers=10**9, max_elements=10**9, max_depth=10**9)
    tracemalloc.start()
    # CPU time, not wall time: a loaded machine must not fail it, and reading the 250 MB would
    # take minutes of CPU where stopping after 1 MiB takes well under a second.
    started = time.process_time()
    try:
        with pytest.raises(bounded_json.JsonLimitError) as caught:
            bounded_json.decode_events(compressed, lifted)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert caught.value.text.code == "sync.batch.json_event_too_large"
    assert peak < 8 * 2**20
    assert time.process_time() - started < 10


# -- WebDAV ----------------------------------------------------------------------------------

GIB = 2**30


class HugeDrop:
    """A tiny WSGI WebDAV collection on 127.0.0.1: a listing, one honest batch, and two files
    whose GET streams 3 GiB of generated bytes (one announcing its length, one chunked)."""

    def __init__(self, honest: tuple[str, bytes]) -> None:
        self.honest = honest
        self.sent = 0
        self.server = wsgi.Server(("127.0.0.1", 0), self.app, numthreads=4)
        self.server.expiration_interval = 0.05
        self.server.prepare()
        self.url = f"http://127.0.0.1:{self.server.bind_addr[1]}/depot/"
        self._thread = threading.Thread(target=self.server.serve, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.server.stop()

    def _listing(self) -> bytes:
        def entry(href: str, collection: bool = False) -> str:
            kind = "<d:collection/>" if collection else ""
            return (
                f"<d:response><d:href>{href}</d:href><d:propstat><d:prop>"
                f"<d:resourcetype>{kind}</d:resourcetype></d:prop>"
                "<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
            )

        entries = [
            entry("/depot/", True),
            entry("/depot/a-huge-announced.rbatch"),
            entry("/depot/a-huge-streamed.rbatch"),
            entry("/depot/a-folder.rbatch/", True),
            entry(f"/depot/{self.honest[0]}"),
        ]
        body = '<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">' + "".join(entries)
        return (body + "</d:multistatus>").encode()

    def _generate(self) -> Iterator[bytes]:
        block = b"\x00" * 2**20
        for _ in range(3 * GIB // len(block)):
            self.sent += len(block)
            yield block

    def app(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        method, path = environ["REQUEST_METHOD"], environ["PATH_INFO"]
        if method == "PROPFIND":
            body = self._listing()
            start_response("207 Multi-Status", [("Content-Type", "application/xml")])
            return [body]
        if path.endswith("a-huge-announced.rbatch"):
            start_response("200 OK", [("Content-Length", str(3 * GIB))])
            return self._generate()
        if path.endswith("a-huge-streamed.rbatch"):
            start_response("200 OK", [])  # no length: chunked
            return self._generate()
        if path.endswith(self.honest[0]):
            start_response("200 OK", [("Content-Length", str(len(self.honest[1])))])
            return [self.honest[1]]
        start_response("404 Not Found", [])
        return [b""]


def test_a_3_gib_webdav_body_is_refused_under_300_mb(territory: Territory) -> None:
    name = _honest(territory)
    drop = HugeDrop((name, (territory.drop / name).read_bytes()))
    try:
        result = _merge_in_child(territory, drop.url)
    finally:
        drop.stop()
    report = result["report"]
    got = {q["file"]: q["reason_code"] for q in report["batches_quarantined"]}
    assert got == {"a-huge-announced.rbatch": "unreadable", "a-huge-streamed.rbatch": "unreadable"}
    assert all("trop volumineux" in q["reason"] for q in report["batches_quarantined"])
    assert report["batches_merged"] == 1 and report["events_inserted"] == 3  # the folder skipped
    assert result["peak_kib"] < PEAK_LIMIT_MB * 1024
    assert drop.sent < GIB // 4  # far from the 3 GiB offered: the read stopped at the limit


def test_limits_are_the_documented_ones() -> None:
    limits = bounded_json.Limits()
    assert (limits.max_depth, limits.max_containers, limits.max_elements) == (16, 100_000, 500_000)
    assert (limits.max_event, limits.max_total, limits.max_inflated) == (2**20, 32 * 2**20, 2**28)
