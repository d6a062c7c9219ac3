"""Commands for installed copies and bundles.

    fieldapp selfcheck [--tmp DIR] [--no-qt]

Prints one line per step, then "OK" (exit code 0). A failure is one line on stderr naming the
step, exit code 1. See fieldapp/services/selfcheck.py and docs/packaging.md.
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
from fieldapp.messages import render


def _qt_check(workdir: Path | None) -> Callable[[], str]:
    def check() -> str:
        if importlib.util.find_spec("PySide6") is None:
            return render("cli.out.selfcheck_no_qt")
        from fieldapp.ui.app import selfcheck_qt  # Qt only here

        return selfcheck_qt.check(workdir)

    return check


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from fieldapp.services import selfcheck

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
