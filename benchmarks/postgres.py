"""PostgreSQL's server binaries, found where Debian puts them, and a throwaway cluster on them.

Debian keeps the server binaries off PATH (/usr/lib/postgresql/<version>/bin) and `initdb`
refuses to run as root, so as root the cluster is created and started as the `postgres` user.
Used by the benchmarks and by the tests' `postgres_server` fixture (tests/helpers/postgres.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path


def find_pg_bin() -> Path | None:
    found = shutil.which("pg_ctl")
    if found:
        return Path(found).parent
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0,
    )
    return candidates[-1].parent if candidates else None


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str | None]:
    """A throwaway PostgreSQL cluster (database `postgres`), or None where none can start."""
    bin_dir = find_pg_bin()
    if bin_dir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        yield None
        return

    def as_server(cmd: list[str]) -> list[str]:
        return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd

    base = Path(tempfile.mkdtemp(prefix="relais-pg-bench-"))
    if os.geteuid() == 0:
        shutil.chown(base, user="postgres", group="postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    data = base / "data"
    pg_ctl = str(bin_dir / "pg_ctl")
    subprocess.run(
        as_server([str(bin_dir / "initdb"), "-D", str(data), "-U", "relais", "--auth=trust"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        as_server([pg_ctl, "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"]),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://relais@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(as_server([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), check=False)
        shutil.rmtree(base, ignore_errors=True)
