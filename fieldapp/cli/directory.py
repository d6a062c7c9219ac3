"""The partner directory's reference packs.

    fieldapp coord pack --workspace DIR --structures FILE --services FILE --territories FILE
                        --out PACK [--retention-months N] [--version N] [--no-manques] [--json]
    fieldapp pack import --home DIR PACK [--json]
    fieldapp pack show --home DIR [--json]
    fieldapp directory unmet --home DIR [--neighbourhood CODE] [--json]

`coord pack` puts the « carte des manques » (needs marked « sans solution » over the 12 full
months before today, suppressed) in the pack's neighbourhoods, unless `--no-manques`;
`directory unmet` shows the one of the installed pack.

Refused rows of the input files are printed on stderr, one line each; the pack is still written
with the valid rows (exit code 0). A refused pack is one line on stderr (exit code 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from contextlib import closing
from typing import Any

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_int, arg_opt, arg_opt_int, arg_path
from fieldapp.domain.display import printable
from fieldapp.messages import render
from fieldapp.services import directory, packs


def _counts(summary: Mapping[str, object]) -> str:
    counts = {k: summary[k] for k in ("structures", "services", "territories")}
    return render("cli.out.pack_counts", counts)


def cmd_coord_pack(args: argparse.Namespace) -> int:
    from fieldapp.services import coordination  # heavy (transports): only when needed

    retention_months = arg_int(args, "retention_months")
    sources = (arg_path(args, "structures"), arg_path(args, "services"),
               arg_path(args, "territories"), arg_path(args, "out"))  # fmt: skip
    settings: dict[str, Any] = {
        "version": arg_opt_int(args, "pack_version"),
        "retention_months": retention_months,
        "relance_jours": arg_int(args, "relance_jours"),
        "expiration_jours": arg_int(args, "expiration_jours"),
    }
    if arg_flag(args, "no_manques"):  # the workspace's keys are enough
        root = arg_path(args, "workspace")
        workspace = coordination.open_workspace(root, common.passphrase(args))
        report = packs.make_workspace_pack(workspace, *sources, manques=False, **settings)
    else:  # the carte des manques is counted on the consolidated store
        try:
            service = common.open_workspace(args)
        except coordination.StoreProblem as exc:  # the keys alone would do: say so
            raise coordination.StoreProblem(
                "cli.manques.store_unavailable", problem=exc.__cause__
            ) from exc
        with closing(service):
            report = packs.make_workspace_pack(
                service.workspace, *sources, store=service.consolidated.engine, **settings
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
    if report.manques:
        print("  " + render("cli.manques.pack_carried", {"n": report.manques}))
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


def _count_text(n: int | None, seuil: int) -> str:
    return render("cli.manques.hidden", {"k": seuil}) if n is None else str(n)


def cmd_directory_unmet(args: argparse.Namespace) -> int:
    wanted = arg_opt(args, "neighbourhood")
    with closing(common.open_profile(args)) as service:
        pack = directory.current_pack(service)
        place = directory.neighbourhood_label(service, wanted) if wanted else ""
    cartes = directory.unmet_map(pack)
    if wanted is not None:
        wanted = directory.neighbourhood_code(wanted)
        if wanted not in pack.neighbourhood_codes:
            line = render("cli.manques.unknown_neighbourhood", {"code": wanted})
            print(f"fieldapp: {printable(line)}", file=sys.stderr)
            return 1
        cartes = [c for c in cartes if c.code == wanted]
    if arg_flag(args, "json"):
        common.print_json({"manques": [c.to_json() for c in cartes]})
        return 0
    if not cartes:
        if wanted is None:
            print(render("cli.manques.none"))
        else:
            print(render("cli.manques.none_here", {"label": printable(place)}))
        return 0
    for carte in cartes:
        period = {"du": directory.month_text(carte.du), "au": directory.month_text(carte.au)}
        print(render("cli.manques.heading", {"label": printable(carte.label), **period}))
        for row in carte.rows:
            count = _count_text(row.count, carte.seuil)
            print("  " + render("cli.manques.row", {"need": row.label, "count": count}))
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
        "--no-manques",
        action="store_true",
        help="ne pas joindre la carte des manques (besoins sans solution par quartier)",
    )
    p.add_argument(
        "--version",
        dest="pack_version",
        type=common.positive,
        metavar="N",
        help="numéro de version (par défaut : dernière version publiée + 1)",
    )

    p = commands.group("directory", "annuaire des partenaires : signalements, guide").add(
        "unmet",
        cmd_directory_unmet,
        parents=[common.profile_options(), as_json],
        help="carte des manques : besoins restés sans solution par quartier (pack installé)",
    )
    p.add_argument("--neighbourhood", metavar="CODE", help="code QPV du quartier")

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
