"""fieldapp received add|list: the receiving structure's inbox (issue 16)."""

from __future__ import annotations

import argparse
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_opt, arg_str
from fieldapp.domain.vocab import RECEPTION_REFUSAL_REASONS, RECEPTION_STATUSES
from fieldapp.services.receptions import ReceptionService


def cmd_received_add(args: argparse.Namespace) -> int:
    day = common.parse_date(arg_opt(args, "date"), "--date")
    with closing(common.open_profile(args)) as service:
        row = ReceptionService(service).record(
            arg_str(args, "code"), arg_str(args, "status"), day=day, reason=arg_opt(args, "reason")
        )
    if arg_flag(args, "json"):
        common.print_json(row)
    else:
        print(f"{row['code']}  {row['status']}  {row['date']}")
    return 0


def cmd_received_list(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        rows = ReceptionService(service).receptions()
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    for r in rows:
        reason = f"  {r['reason']}" if r["reason"] else ""
        print(f"{r['date']}  {r['code'] or '-':<11}  {r['status']}{reason}")
    return 0


def register(commands: common.Commands) -> None:
    profile_options, as_json = common.profile_options(), common.json_option()
    received = commands.group("received", "relais reçus (structure d'accueil)")
    p = received.add(
        "add",
        cmd_received_add,
        parents=[profile_options, as_json],
        help="enregistrer l'accueil d'une personne venue avec un code relais",
    )
    p.add_argument("--code", required=True, help="code relais (XXXX-XXXX-X), tapé ou scanné")
    p.add_argument(
        "--status", required=True, help="état : " + ", ".join(RECEPTION_STATUSES.codes())
    )
    p.add_argument("--date", help="date AAAA-MM-JJ (par défaut : aujourd'hui)")
    p.add_argument(
        "--reason",
        help="motif d'un refus_structure : " + ", ".join(RECEPTION_REFUSAL_REASONS.codes()),
    )
    received.add(
        "list",
        cmd_received_list,
        parents=[profile_options, as_json],
        help="lister les relais reçus",
    )
