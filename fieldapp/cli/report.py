"""`fieldapp coord report`: the indicators for the commission, statistical secrecy applied.

fieldapp coord report --workspace DIR --format csv|xlsx|pdf|json --out FILE [--k 5]
                      [--from DATE --to DATE] [--structure ID] [--db URL] [--json]
"""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_int, arg_opt, arg_str
from fieldapp.messages import render
from fieldapp.services.reporting import FORMATS, check_format, coord_report


def cmd_report(args: argparse.Namespace) -> int:
    date_from = common.parse_date(arg_opt(args, "date_from"), "--from", code="cli.report.bad_date")
    date_to = common.parse_date(arg_opt(args, "date_to"), "--to", code="cli.report.bad_date")
    fmt, out, k = arg_str(args, "format"), arg_str(args, "out"), arg_int(args, "k")
    check_format(fmt)  # before the passphrase is asked for
    with closing(common.open_workspace(args)) as service:
        report = coord_report(
            service,
            fmt,
            Path(out),
            k=k,
            date_from=date_from,
            date_to=date_to,
            structure=arg_opt(args, "structure"),
        )
    if arg_flag(args, "json"):
        common.print_json(
            {
                "out": str(Path(out)),
                "format": fmt,
                "k": k,
                "period": report.period_text(),
                "tables": [t.key for t in report.tables],
            }
        )
    else:
        print(
            render("cli.out.report_written", {"out": out, "period": report.period_text(), "k": k})
        )
    return 0


def register(commands: common.Commands) -> None:
    p = common.coord_commands(commands).add(
        "report",
        cmd_report,
        parents=[common.workspace_options(), common.json_option()],
        help="indicateurs pour la commission (CSV, XLSX, PDF ou JSON), secret statistique appliqué",
    )
    p.add_argument("--format", required=True, choices=FORMATS, help="format du fichier")
    p.add_argument("--out", required=True, help="fichier à écrire")
    p.add_argument("--k", type=int, default=5, help="seuil du secret statistique (5)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="début de période AAAA-MM-JJ")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="fin de période AAAA-MM-JJ")
    p.add_argument("--structure", metavar="ID", help="une seule structure (identifiant)")
