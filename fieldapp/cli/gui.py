"""The window and its off-screen renderings: the CLI's only way into `fieldapp.ui`.

    fieldapp [--home DIR]                       the window
    fieldapp screenshot --home DIR --view NAME --out FILE.png [--lang fr|en] [--workspace DIR]

Qt is imported inside the commands, so that every other command starts without it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from fieldapp.cli import common
from fieldapp.cli.common import CliError, arg_opt, arg_str


def window(args: argparse.Namespace) -> int:
    """`fieldapp` alone: its `--home` is the top-level one."""
    from fieldapp.ui.app.main import run

    return int(run(common.home_at(arg_opt(args, "gui_home"))))


def register_pdf_renderer() -> None:
    """The PDF report is drawn with Qt by the window's renderer; the CLI asks for it only when a
    command writes a PDF (services/reporting.py says so when none is registered)."""
    from fieldapp.ui.coordination.report_pdf import register_pdf_renderer as register

    register()


def register_slip_renderer() -> None:
    """The fiche relais is drawn with Qt too (`fieldapp handover slip`, cli/slip.py)."""
    from fieldapp.ui.notebook.slip_pdf import register_slip_renderer as register

    register()


def cmd_screenshot(args: argparse.Namespace) -> int:
    from fieldapp.ui.app import screenshot

    home = common.home(args)
    view = arg_str(args, "view")
    needs_passphrase = view not in screenshot.NO_PASSPHRASE_VIEWS
    if view not in screenshot.VIEWS:
        raise CliError("cli.gui.unknown_view", view=view, views=", ".join(screenshot.VIEWS))
    if view not in screenshot.COORDINATION_VIEWS and needs_passphrase:
        home = common.existing_home(args)
    out = Path(arg_str(args, "out"))
    if out.suffix.lower() != ".png":
        raise CliError("cli.gui.png_expected", name=out.name)
    passphrase = common.passphrase(args) if needs_passphrase else ""
    workspace = arg_opt(args, "workspace")
    screenshot.render_view(
        home,
        passphrase,
        view,
        out,
        lang=arg_str(args, "lang"),
        workspace=Path(workspace).expanduser() if workspace else None,
    )
    print(out)
    return 0


def register(commands: common.Commands) -> None:
    p = commands.add(
        "screenshot",
        cmd_screenshot,
        parents=[common.profile_options()],
        help="rendre une vue hors écran (PNG)",
    )
    p.add_argument("--view", required=True, help="vue : aujourdhui, contacts, saisie, relais…")
    p.add_argument("--out", required=True, help="fichier PNG à écrire")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue de l'interface")
    p.add_argument(
        "--workspace", help="espace de coordination (vues coordination, tableau-de-bord)"
    )
