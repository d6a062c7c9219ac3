"""Smoke test of the PyInstaller bundle, on Linux: build it, then run it as a user would.

    .venv/bin/pip install -e ".[package]"       # PyInstaller, once
    .venv/bin/python packaging/smoke.py          # build (nice -n 10), check; exit 0 if all pass
    .venv/bin/python packaging/smoke.py --no-build   # check an existing dist/relais/

Checks, in order: the build succeeds; the bundle holds the resources (icons, relais_en.qm, demo
pack), the Qt platform plugins for offscreen and on-screen use (offscreen, xcb, wayland) and
SQLCipher; `fieldapp --version` prints the version of pyproject.toml; `fieldapp selfcheck` ends with
"OK", run from an empty folder with an environment stripped of the virtualenv, of PYTHONPATH and of
any display, so that only the bundle can answer. The output is what docs/packaging.md records.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "relais.spec"

EXPECTED_FILES = (
    "fieldapp/resources/icons/relais.svg",
    "fieldapp/resources/icons/relais-256.png",
    "fieldapp/resources/translations/relais_en.qm",
    "fieldapp/resources/demo-pack/qpv.csv",
    "fieldapp/resources/demo-pack/structures.json",
    "fieldapp/resources/demo-pack/services.jsonl",
    "fieldapp/storage/migrations/env.py",
    "fieldapp/storage/coord_migrations/env.py",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/translations/qtbase_fr.qm",
)


class SmokeFailed(Exception):
    pass


def _say(text: str) -> None:
    print(text, flush=True)


def _size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files), len(files)


def build(dist: Path, work: Path) -> float:
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        raise SmokeFailed(
            'PyInstaller absent : .venv/bin/pip install -e ".[package]" d\'abord'
        ) from None
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    _say("== build: nice -n 10 pyinstaller packaging/relais.spec --clean")
    start = time.monotonic()
    done = subprocess.run(
        command,
        cwd=ROOT,
        preexec_fn=lambda: os.nice(10),  # the machine is shared: stay behind interactive work
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.monotonic() - start
    if done.returncode != 0:
        sys.stderr.write(done.stderr[-4000:])
        raise SmokeFailed(f"la construction a échoué (code {done.returncode})")
    _say(f"built in {seconds:.0f} s")
    return seconds


def check_layout(bundle: Path) -> None:
    _say("== layout")
    internal = bundle / "_internal"
    missing = [name for name in EXPECTED_FILES if not (internal / name).exists()]
    sqlcipher = sorted((internal / "sqlcipher3").glob("_sqlite3*.so"))
    if not sqlcipher:
        missing.append("sqlcipher3/_sqlite3*.so")
    if missing:
        raise SmokeFailed("absent du paquet : " + ", ".join(missing))
    size, count = _size(bundle)
    _say(f"{len(EXPECTED_FILES) + 1} expected files present; {count} files, {size / 2**20:.0f} MiB")


def _clean_env(home: Path) -> dict[str, str]:
    """What a user's session would give, without the build's Python, venv or display."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "TMPDIR": str(home),
    }


def run_bundle(exe: Path, args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    _say(f"== $ {exe.name} {' '.join(args)}")
    start = time.monotonic()
    done = subprocess.run(
        [str(exe), *args],
        cwd=home,
        env=_clean_env(home),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    for line in done.stdout.splitlines():
        _say(line)
    for line in done.stderr.splitlines():
        _say(f"[stderr] {line}")
    _say(f"(exit {done.returncode}, {time.monotonic() - start:.1f} s)")
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="vérifier le paquet existant")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="dossier de sortie")
    parser.add_argument("--work", default=str(ROOT / "build" / "pyinstaller"), help="temporaire")
    args = parser.parse_args(argv)
    if not sys.platform.startswith("linux"):
        print("smoke: Linux seulement (le paquet Windows se vérifie sur Windows)", file=sys.stderr)
        return 2
    dist, work = Path(args.dist), Path(args.work)
    bundle = dist / "relais"
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]
    try:
        if not args.no_build:
            build(dist, work)
        check_layout(bundle)
        home = Path(tempfile.mkdtemp(prefix="relais-smoke-"))
        try:
            exe = bundle / "fieldapp"
            done = run_bundle(exe, ["--version"], home)
            if done.returncode != 0 or done.stdout.strip() != f"fieldapp {version}":
                raise SmokeFailed(f"--version : « fieldapp {version} » attendu")
            done = run_bundle(exe, ["selfcheck"], home)
            lines = done.stdout.strip().splitlines()
            if done.returncode != 0 or not lines or lines[-1] != "OK":
                raise SmokeFailed("selfcheck n'a pas fini par OK")
            if done.stderr.strip():
                raise SmokeFailed("selfcheck a écrit sur stderr")
            leftovers = sorted(p.name for p in home.iterdir())
            if leftovers:
                raise SmokeFailed(f"selfcheck a laissé des fichiers : {', '.join(leftovers)}")
        finally:
            shutil.rmtree(home, ignore_errors=True)
    except SmokeFailed as exc:
        print(f"smoke: ÉCHEC : {exc}", file=sys.stderr)
        return 1
    _say("smoke: OK")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
