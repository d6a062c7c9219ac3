"""Offers known and made known (issue 18): feedback on directory sheets, the guide of the offers.

    fieldapp directory feedback --home DIR (--service ID | --structure ID) --reason CODE
                                [--comment TEXT] [--redact] [--json]
    fieldapp coord directory-feedback --workspace DIR [--db URL] [--handled ID] [--json]
    fieldapp directory guide --home DIR [--neighbourhood CODE] --out FILE.pdf [--json]

`--json` keys of `coord directory-feedback`: service_id, structure_id, reason, comment, date,
device_id, handled (plus id, handled_by, structure_name, service_name).
"""

from __future__ import annotations

import argparse
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_opt, arg_path, arg_str
from fieldapp.domain.display import printable
from fieldapp.domain.feedback import FEEDBACK_REASONS
from fieldapp.messages import language, render
from fieldapp.services import feedback, guide


def cmd_directory_feedback(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        feedback_id = feedback.report_feedback(
            service,
            reason=arg_str(args, "reason"),
            service_id=arg_opt(args, "service"),
            structure_id=arg_opt(args, "structure"),
            comment=arg_opt(args, "comment"),
            redact=arg_flag(args, "redact"),
        )
    if arg_flag(args, "json"):
        common.print_json({"id": feedback_id})
    else:
        print(render("cli.feedback.recorded", {"id": feedback_id}))
    return 0


def _state(row: dict[str, object]) -> str:
    if row["handled_by"] == "pack":
        return render("cli.feedback.handled_by_pack")
    return render("cli.feedback.handled" if row["handled"] else "cli.feedback.open")


def cmd_coord_directory_feedback(args: argparse.Namespace) -> int:
    with closing(common.open_workspace(args)) as service:
        handled = arg_opt(args, "handled")
        if handled:
            feedback.mark_handled(service, handled)
            if not arg_flag(args, "json"):
                print(render("cli.feedback.marked", {"id": handled}))
                return 0
        rows = feedback.coordination_feedback(service)
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    if not rows:
        print(render("cli.feedback.none"))
        return 0
    structure = None
    for row in rows:  # names and comments come from packs and devices: escaped
        if row["structure_id"] != structure:
            structure = row["structure_id"]
            name = printable(row["structure_name"] or "—")
            print(render("cli.feedback.structure", {"name": name, "id": printable(structure)}))
        target = printable(row["service_name"] or row["service_id"] or row["structure_name"])
        comment = f" — {printable(row['comment'])}" if row["comment"] else ""
        line = {
            "date": row["date"],
            "target": target or "—",
            "reason": FEEDBACK_REASONS.label(str(row["reason"]), language()),
            "comment": comment,
            "state": _state(row),
            "id": row["id"],
        }
        print(render("cli.feedback.line", line))
    return 0


def cmd_directory_guide(args: argparse.Namespace) -> int:
    out = arg_path(args, "out")
    with closing(common.open_profile(args)) as service:
        written = guide.write_guide(service, out, arg_opt(args, "neighbourhood"))
    count = written.service_count
    if arg_flag(args, "json"):
        common.print_json({"path": str(out), "services": count})
    else:
        print(render("cli.guide.written", {"path": out, "services": count}))
    return 0


def register(commands: common.Commands) -> None:
    as_json = common.json_option()
    directory = commands.group("directory", "annuaire des partenaires : signalements, guide")
    p = directory.add(
        "feedback",
        cmd_directory_feedback,
        parents=[common.profile_options(), as_json],
        help="signaler une information à corriger sur une fiche de l'annuaire",
    )
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--service", help="identifiant du service (data·inclusion)")
    target.add_argument("--structure", help="identifiant de la structure (data·inclusion)")
    reasons = ", ".join(FEEDBACK_REASONS.codes())
    p.add_argument("--reason", required=True, help=f"motif du signalement : {reasons}")
    p.add_argument("--comment", help="commentaire court, sans donnée personnelle")
    p.add_argument(
        "--redact", action="store_true", help="masquer les données personnelles du commentaire"
    )

    p = directory.add(
        "guide",
        cmd_directory_guide,
        parents=[common.profile_options(), as_json],
        help="guide des offres à imprimer (PDF), pour un quartier ou tout le territoire",
    )
    p.add_argument("--neighbourhood", metavar="CODE", help="code QPV du quartier")
    p.add_argument("--out", required=True, help="fichier PDF à écrire")
    p.set_defaults(writes_pdf=True)  # cli.main loads the Qt painter first

    p = common.coord_commands(commands).add(
        "directory-feedback",
        cmd_coord_directory_feedback,
        parents=[common.workspace_options(), as_json],
        help="signalements des fiches de l'annuaire, par structure",
    )
    p.add_argument("--handled", metavar="ID", help="marquer ce signalement comme traité")
