"""The partner directory's reference packs.

    fieldapp coord pack --workspace DIR --structures FILE --services FILE --territories FILE
                        --out PACK [--retention-months N] [--version N] [--json]
    fieldapp pack import --home DIR PACK [--json]
    fieldapp pack show --home DIR [--json]

Refused rows of the input files are printed on stderr, one line each; the pack is still written
with the valid rows (exit code 0). A refused pack is one line on stderr (exit code 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_int, arg_opt_int, arg_path
from fieldapp.domain.display import printable
from fieldapp.messages import render
from fieldapp.services import directory, packs


def _counts(summary: Mapping[str, object]) -> str:
    counts = {k: summary[k] for k in ("structures", "services", "territories")}
    return render("cli.out.pack_counts", counts)


def cmd_coord_pack(args: argparse.Namespace) -> int:
    from fieldapp.services import coordination  # heavy (transports): only when needed

    retention_months = arg_int(args, "retention_months")
    workspace = coordination.open_workspace(arg_path(args, "workspace"), common.passphrase(args))
    report = packs.make_workspace_pack(
        workspace,
        arg_path(args, "structures"),
        arg_path(args, "services"),
        arg_path(args, "territories"),
        arg_path(args, "out"),
        version=arg_opt_int(args, "pack_version"),
        retention_months=retention_months,
        relance_jours=arg_int(args, "relance_jours"),
        expiration_jours=arg_int(args, "expiration_jours"),
    )
    if arg_flag(args, "json"):
        common.print_json(report.to_dict())
        return 0
    for line in report.problem_lines():  # rows quote the input files: escaped
        print(f"fieldapp: {printable(line)}", file=sys.stderr)
    counts = report.counts
    print(render("cli.out.pack_written", {"version": report.version, "path": report.path}))
    retention = {"counts": _counts(counts), "months": retention_months}
    print("  " + render("cli.out.pack_retention", retention))
    print("  " + render("cli.out.pack_signer", {"fingerprint": report.signer_fingerprint}))
    print("  " + render("cli.out.pack_sha256", {"sha": report.content_sha256}))
    if report.refused:
        print("  " + render("cli.out.pack_refused_rows", {"n": report.refused}))
    return 0


def cmd_pack_import(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        pack = packs.import_pack(service, arg_path(args, "pack"))
    summary = pack.summary()
    if arg_flag(args, "json"):
        common.print_json(summary)
        return 0
    installed = {"version": pack.version, "counts": _counts(summary)}
    if pack.coordination:
        installed["coordination"] = printable(pack.coordination)
        print(render("cli.out.pack_installed_from", installed))
    else:
        print(render("cli.out.pack_installed", installed))
    return 0


def cmd_pack_show(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        summary = directory.current_pack(service).summary()
    if arg_flag(args, "json"):
        common.print_json(summary)
        return 0
    if summary["demo"]:
        print(render("cli.out.pack_demo", {"counts": _counts(summary)}))
    elif not summary["version"]:
        print(render("cli.out.pack_none"))
    else:
        current = {
            "version": summary["version"],
            "date": summary["date"][:10],
            "coordination": printable(summary["coordination"]),
            "counts": _counts(summary),
        }
        print(render("cli.out.pack_current", current))
    return 0


def register(commands: common.Commands) -> None:
    as_json = common.json_option()
    p = common.coord_commands(commands).add(
        "pack",
        cmd_coord_pack,
        parents=[common.workspace_options(db=False), as_json],
        help="publier le pack de référence signé (annuaire, quartiers)",
    )
    p.add_argument(
        "--structures", required=True, help="structures data·inclusion (JSON ou JSON lines)"
    )
    p.add_argument("--services", required=True, help="services data·inclusion (JSON ou JSON lines)")
    p.add_argument(
        "--territories", required=True, help="liste des QPV (CSV : code_qp, lib_qp, insee_com)"
    )
    p.add_argument("--out", required=True, help="fichier du pack à écrire")
    p.add_argument(
        "--retention-months",
        type=common.positive,
        metavar="N",
        default=packs.DEFAULT_RETENTION_MONTHS,
        help="durée de conservation des données, en mois (24 par défaut)",
    )
    p.add_argument(
        "--relance-jours",
        type=common.positive,
        metavar="N",
        default=packs.DEFAULT_RELANCE_JOURS,
        help="relais sans nouvelles à relancer après N jours (10 par défaut)",
    )
    p.add_argument(
        "--expiration-jours",
        type=common.positive,
        metavar="N",
        default=packs.DEFAULT_EXPIRATION_JOURS,
        help="délai d'expiration d'un relais ouvert, en jours (30 par défaut)",
    )
    p.add_argument(
        "--version",
        dest="pack_version",
        type=common.positive,
        metavar="N",
        help="numéro de version (par défaut : dernière version publiée + 1)",
    )

    pack = commands.group("pack", "pack de référence (annuaire, quartiers)")
    profile_options = common.profile_options()
    p = pack.add(
        "import",
        cmd_pack_import,
        parents=[profile_options, as_json],
        help="installer un pack de référence signé",
    )
    p.add_argument("pack", help="fichier du pack (.relais-pack)")
    pack.add(
        "show",
        cmd_pack_show,
        parents=[profile_options, as_json],
        help="pack de référence en service",
    )
