"""Commands for installed copies and bundles.

    fieldapp selfcheck [--tmp DIR] [--no-qt]
    fieldapp selfcheck --desktop-libs

Prints one line per step, then "OK" (exit code 0). A failure is one line on stderr naming the
step, exit code 1. See fieldapp/services/selfcheck.py and docs/packaging.md.

`--desktop-libs` checks only the system libraries the window needs on Linux: nothing on stdout
and exit 0 when all are there; otherwise the Debian packages to install on stdout (one line,
space-separated, for `scripts/start`), one French line on stderr, exit code 1.
"""

from __future__ import annotations

import argparse
import importlib.util
import platform
import sys
from collections.abc import Callable
from pathlib import Path

from fieldapp import __version__
from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_opt
from fieldapp.errors import UnavailableError
from fieldapp.messages import Text, render


def _qt_check(workdir: Path | None) -> Callable[[], str]:
    def check() -> str:
        if importlib.util.find_spec("PySide6") is None:
            return render("cli.out.selfcheck_no_qt")
        from fieldapp.ui.app import selfcheck_qt  # Qt only here

        return selfcheck_qt.check(workdir)

    return check


def _desktop_libs() -> int:
    from fieldapp.services import desktop_libs

    found = desktop_libs.check()
    if found.ok:
        return 0
    if found.packages:
        print(" ".join(found.packages), flush=True)
    common.notice(
        Text(
            "cli.package.desktop_libs_missing",
            missing=", ".join(found.missing),
            command=" ".join(desktop_libs.apt_command(found)) or "—",
        )
    )
    return 1


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from fieldapp.services import selfcheck

    if arg_flag(args, "desktop_libs"):
        return _desktop_libs()

    tmp = arg_opt(args, "tmp")
    workdir = Path(tmp).expanduser() if tmp else None
    frozen = " " + render("cli.out.selfcheck_frozen") if getattr(sys, "frozen", False) else ""
    header = {
        "version": __version__,
        "frozen": frozen,
        "python": platform.python_version(),
        "system": platform.system(),
        "machine": platform.machine(),
    }
    print(render("cli.out.selfcheck_header", header), flush=True)
    try:
        selfcheck.run(
            workdir=workdir,
            progress=lambda step: print(step.line(), flush=True),
            extra=None if arg_flag(args, "no_qt") else _qt_check(workdir),
        )
    except selfcheck.SelfCheckFailed as exc:
        # What is missing or broken lies outside Relais (a folder, a library of the bundle).
        raise UnavailableError("cli.package.selfcheck_failed", detail=exc) from exc
    print("OK")
    return 0


def register(commands: common.Commands) -> None:
    p = commands.add(
        "selfcheck",
        cmd_selfcheck,
        help="autotest sans écran : magasin chiffré temporaire, lot scellé, Qt hors écran",
    )
    p.add_argument("--tmp", help="dossier où créer le profil temporaire (par défaut : TMPDIR)")
    p.add_argument("--no-qt", action="store_true", help="ne pas vérifier l'interface Qt")
    p.add_argument(
        "--desktop-libs",
        action="store_true",
        help="vérifier seulement les bibliothèques système de la fenêtre (Linux)",
    )
