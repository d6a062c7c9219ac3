"""Command line: the stable contract of DESIGN.md § Command line. `fieldapp` alone opens the window.

Every command reports what the person can fix as one line on stderr (in the language of
`FIELDAPP_LANG`: `fr` by default, `en`) and a non-zero exit code; `main` is the one place that
turns an error into that line. Anything else is a bug: one line saying so, exit code 70, and the
traceback only with `FIELDAPP_DEBUG=1`.

The commands live in one module per group (field, sync, coord, report, directory, package, gui),
each with a `register(commands)`; they share `common` and nothing else.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from fieldapp import __version__, messages
from fieldapp.cli import (
    common,
    coord,
    directory,
    field,
    gui,
    offers,
    package,
    presence,
    received,
    report,
    returns,
    slip,
    sync,
)
from fieldapp.cli.common import EXIT_BUG, EXIT_ERROR, EXIT_FOR_KIND, EXIT_INTERRUPTED, CliError
from fieldapp.domain.display import printable
from fieldapp.errors import RelaisError
from fieldapp.services.field import PersonalDataInNote

__all__ = ["EXIT_BUG", "EXIT_ERROR", "CliError", "build_parser", "main"]

_log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = common.Parser(prog="fieldapp", description="Relais : carnet de terrain chiffré.")
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--home", dest="gui_home", help="dossier du profil pour l'application")
    commands = common.Commands(parser.add_subparsers(dest="command", parser_class=common.Parser))
    # In this order, `fieldapp --help` lists the commands as it always has.
    for group in (
        field,
        gui,
        coord,
        report,
        returns,
        sync,
        directory,
        package,
        received,
        slip,
        offers,
        presence,
    ):
        group.register(commands)
    return parser


def _error_lines(error: RelaisError) -> list[str]:
    if isinstance(error, PersonalDataInNote):
        # One line per kind of personal data found, so the person sees what to remove.
        return [str(problem) for problem in error.problems] + [
            messages.render("cli.contact.nothing_saved")
        ]
    return [error.message()]


def main(argv: Sequence[str] | None = None) -> int:
    messages.set_language(os.environ.get("FIELDAPP_LANG"))
    args = build_parser().parse_args(argv)
    run = common.command(args) or gui.window
    # Only `coord report` has --format; its PDF is drawn by the window's (Qt) renderer.
    fmt: object = getattr(args, "format", None)
    try:
        if fmt == "pdf" or getattr(args, "writes_pdf", False):
            gui.register_pdf_renderer()
        return int(run(args))
    except RelaisError as error:  # the one place an error becomes a line and an exit code
        for line in _error_lines(error):  # escaped: a message may quote a file's content
            print(f"fieldapp: {printable(line)}", file=sys.stderr)
        return EXIT_FOR_KIND[error.kind]
    except KeyboardInterrupt:
        print(f"fieldapp: {messages.render('cli.interrupted')}", file=sys.stderr)
        return EXIT_INTERRUPTED
    except OSError as error:
        # The disk or the system refused (full, read-only, gone): not a bug, not advice either.
        reason = error.strerror or str(error)
        line = (
            messages.render("cli.os_error_at", {"path": error.filename, "reason": reason})
            if error.filename
            else messages.render("cli.os_error", {"reason": reason})
        )
        print(f"fieldapp: {printable(line)}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:
        if os.environ.get("FIELDAPP_DEBUG") == "1":
            _log.error("Relais internal error", exc_info=error)
        line = messages.render("cli.bug", {"type": type(error).__name__})
        print(f"fieldapp: {line}", file=sys.stderr)
        return EXIT_BUG
