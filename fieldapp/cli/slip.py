"""`fieldapp handover slip`: print the fiche relais of a handover (issue 16).

    fieldapp handover slip --home DIR HANDOVER_ID --out FILE.pdf [--json]

The PDF is painted with Qt by the window's renderer (fieldapp/ui/notebook/slip_pdf.py), loaded
only for this command, through the command line's one door into the window (cli/gui.py).
Nothing about the person is on it: the partner, the appointment, what to bring, the code relais.
"""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path

from fieldapp.cli import common, gui
from fieldapp.cli.common import arg_flag, arg_str
from fieldapp.messages import render
from fieldapp.services.slip import write_slip


def cmd_slip(args: argparse.Namespace) -> int:
    gui.register_slip_renderer()
    out = Path(arg_str(args, "out"))
    with closing(common.open_profile(args)) as service:
        slip = write_slip(service, arg_str(args, "handover"), out)
    if arg_flag(args, "json"):
        common.print_json({"out": str(out), "code": slip.code, "partner": slip.partner})
    else:
        print(render("cli.slip.written", {"path": out, "code": slip.code}))
    return 0


def register(commands: common.Commands) -> None:
    p = commands.group("handover", "relais accompagnés").add(
        "slip",
        cmd_slip,
        parents=[common.profile_options(), common.json_option()],
        help="écrire la fiche relais (PDF) à remettre à la personne",
    )
    p.add_argument("handover", metavar="HANDOVER_ID", help="identifiant du relais")
    p.add_argument("--out", required=True, help="fichier PDF à écrire")
