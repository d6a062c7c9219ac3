"""Kill a writer with SIGKILL at random moments and check that nothing acknowledged is lost.

Each round forks a child that opens the store and saves contacts (single and in small batches),
amends some and moves handovers on, writing each acknowledged id to a pipe *after* the call
returns. The parent kills it after a random delay, then reopens the store and checks:
`integrity_check` passes, every acknowledged contact is there, and the device's `seq` has no gap.

    python -m tests.reliability.crash_harness --kills 1000 --seed 1 [--home DIR] [--json]

Forking once the imports are done keeps a round at ~0.1 s, so a thousand kills take minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from select import select as wait_readable

from sqlalchemy import func, select

from fieldapp.services import profile
from fieldapp.storage import keyfile
from fieldapp.storage.engine import integrity_check
from fieldapp.storage.home import Home
from fieldapp.storage.schema import contacts, events
from tests.helpers import PASSPHRASE, make_profile, sample_contact


@dataclass
class Report:
    kills: int = 0
    acknowledged: int = 0
    stored_contacts: int = 0
    lost: list[str] = field(default_factory=list)
    integrity_failures: list[str] = field(default_factory=list)
    seq_gaps: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.lost and not self.integrity_failures and not self.seq_gaps


def _child(home: Home, data_key: bytes, ack_fd: int, seed: int) -> None:
    rng = random.Random(seed)
    service = profile.open_with_key(home, data_key)
    last_contact = None
    while True:
        roll = rng.random()
        if roll < 0.6:
            ids = [service.record_contact(sample_contact(note=f"round {seed}"))]
        elif roll < 0.8:
            ids = service.record_contacts([sample_contact() for _ in range(rng.randint(2, 20))])
        elif roll < 0.9 and last_contact:
            service.amend_contact(last_contact, {"outcome": "a-recontacter"})
            ids = []
        elif last_contact:
            handover = service.propose_handover(
                {
                    "contact_id": last_contact,
                    "partner": "Partenaire fictif",
                    "mode": "appel-a-trois",
                    "consent": True,
                }
            )
            service.change_handover_status(handover, "rdv_fixe")
            ids = []
        else:
            ids = []
        if ids:
            last_contact = ids[-1]
            os.write(ack_fd, "".join(f"{i}\n" for i in ids).encode())


def _check(home: Home, data_key: bytes, acked: set[str], report: Report) -> None:
    service = profile.open_with_key(home, data_key)
    try:
        problems = integrity_check(service.engine)
        if problems:
            report.integrity_failures.append(f"kill {report.kills}: {problems[:3]}")
        with service.engine.connect() as conn:
            present = set(conn.execute(select(contacts.c.id)).scalars())
            seq_count, seq_max = conn.execute(
                select(func.count(), func.max(events.c.seq)).where(
                    events.c.device_id == service.device_id
                )
            ).one()
        report.lost.extend(sorted(acked - present))
        report.stored_contacts = len(present)
        if (seq_max or 0) != seq_count:
            report.seq_gaps += 1
    finally:
        service.close()


def _first_line(fd: int, timeout: float = 60.0) -> bytes:
    """The writer's first acknowledgement, read byte by byte (the rest stays in the pipe)."""
    got = b""
    deadline = time.monotonic() + timeout
    while not got.endswith(b"\n"):
        ready, _, _ = wait_readable([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 1) if ready else b""
        if not chunk:
            raise RuntimeError("le processus écrivain n'a rien acquitté")
        got += chunk
    return got


def run(home_dir: Path, kills: int, seed: int, max_delay: float = 0.12) -> Report:
    home = Home(home_dir)
    if not home.exists():
        make_profile(home.root)[0].close()
    data_key = keyfile.unlock(home.key_file, PASSPHRASE)
    rng = random.Random(seed)
    acked: set[str] = set()
    report = Report()
    started = time.perf_counter()
    for round_ in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # child: write until killed
            os.close(read_fd)
            try:
                _child(home, data_key, write_fd, seed * 100_000 + round_)
            finally:
                os._exit(3)  # only reached if the child failed on its own
        os.close(write_fd)
        # Every other round lets the writer acknowledge once before the random delay starts, so
        # the kills land among writes however loaded the machine is; the others may land during
        # opening too.
        head = _first_line(read_fd) if round_ % 2 else b""
        time.sleep(rng.uniform(0.0, max_delay))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(read_fd, "rb") as pipe:
            data = (head + pipe.read()).decode()
        if not os.WIFSIGNALED(status):
            raise RuntimeError(f"le processus écrivain s'est arrêté seul (statut {status})")
        # A line cut by the kill was never fully acknowledged; only whole lines count.
        lines = data.split("\n")[:-1]
        acked.update(lines)
        report.acknowledged = len(acked)
        report.kills += 1
        _check(home, data_key, acked, report)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--home", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = run(args.home or Path(tmp) / "profil", args.kills, args.seed)
    if args.json:
        print(json.dumps(asdict(report) | {"ok": report.ok}))
    else:
        print(
            f"kills={report.kills} acknowledged={report.acknowledged} "
            f"stored={report.stored_contacts} lost={len(report.lost)} "
            f"integrity_failures={len(report.integrity_failures)} seq_gaps={report.seq_gaps} "
            f"seconds={report.seconds} -> {'OK' if report.ok else 'ECHEC'}"
        )
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
