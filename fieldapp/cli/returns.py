"""`fieldapp coord returns`: publish each device's return file (issue 16, docs/returns.md).

    fieldapp coord returns --workspace DIR [--to DIR|URL] [--db URL] [--json]

One file per trusted device, sealed to its key and signed by the coordinator, into the drop
(`--to`, else the workspace's). A device enrolled before issue 16 has no key: it is named on
stderr, asked to enrol again, and the others still get their file.
"""

from __future__ import annotations

import argparse
import sys
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_opt
from fieldapp.domain.display import printable
from fieldapp.services.returns import publish_returns


def cmd_returns(args: argparse.Namespace) -> int:
    with closing(common.open_workspace(args)) as service:
        report = publish_returns(service, arg_opt(args, "to"))
    if arg_flag(args, "json"):
        common.print_json(report.to_dict())
        return 0
    *notices, summary = report.lines()
    for text in notices:
        print(f"fieldapp: {printable(str(text))}", file=sys.stderr)
    print(printable(str(summary)))
    return 0


def register(commands: common.Commands) -> None:
    p = common.coord_commands(commands).add(
        "returns",
        cmd_returns,
        parents=[common.workspace_options(), common.json_option()],
        help="publier pour chaque appareil les accueils confirmés par les structures (retours)",
    )
    p.add_argument("--to", help="dossier ou adresse WebDAV du dépôt (sinon : celui de l'espace)")
