"""The coordinator's workspace commands.

    fieldapp coord init --workspace DIR [--drop DIR|URL] [--territory NAME] [--json]
    fieldapp coord invite --workspace DIR [--out FILE] [--uses N] [--json]
    fieldapp coord enrol --workspace DIR FILE [--yes]
    fieldapp coord devices --workspace DIR [--suspend ID | --revoke ID | --trust ID] [--json]
    fieldapp coord audit --workspace DIR [--limit N] [--json]
    fieldapp coord merge --workspace DIR [--from DIR|URL] [--db URL] [--retry] [--json]
    fieldapp coord quarantine --workspace DIR [--retry] [--json]
    fieldapp coord gaps --workspace DIR [--json]

(`coord report` is in report.py, `coord pack` in directory.py.)
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

from fieldapp.cli import common
from fieldapp.cli.common import arg_flag, arg_int, arg_opt, arg_str
from fieldapp.domain.display import printable
from fieldapp.messages import render
from fieldapp.services import coordination
from fieldapp.services.coordination import CoordinationService, MergeReport


def cmd_coord_init(args: argparse.Namespace) -> int:
    root = Path(arg_str(args, "workspace")).expanduser()
    passphrase = common.passphrase(args, confirm=True)
    username = common.drop_user(args)
    result = coordination.create_coordination(
        root,
        passphrase,
        territory=arg_opt(args, "territory"),
        drop=arg_opt(args, "drop"),
        drop_username=username,
        drop_password=common.drop_password(args) if username else None,
        post_quantum=arg_flag(args, "post_quantum"),
    )
    if arg_flag(args, "json"):
        common.print_json(result)
        return 0
    print(render("cli.out.coord_created", {"workspace": result["workspace"]}))
    print(render("cli.out.territory", {"territory": result["territory"]}))
    print(render("cli.out.encryption_fingerprint", {"fingerprint": result["hpke_fingerprint"]}))
    print(render("cli.out.signing_fingerprint", {"fingerprint": result["signing_fingerprint"]}))
    _print_invitation(result)
    print(render("cli.out.workspace_recovery_key"))
    print(f"  {result['recovery_key']}")
    return 0


def cmd_coord_invite(args: argparse.Namespace) -> int:
    result = coordination.issue_invitation(
        Path(arg_str(args, "workspace")).expanduser(),
        common.passphrase(args),
        out=arg_opt(args, "out"),
        notify=common.notice,
        uses=arg_int(args, "uses"),
    )
    if arg_flag(args, "json"):
        common.print_json(result)
    else:
        _print_invitation(result)
    return 0


def _print_invitation(result: Mapping[str, object]) -> None:
    print(render("cli.out.invitation", {"path": result["invitation"]}))
    print(render("cli.out.invitation_code"))
    print(f"  {result['code']}")


def _progress(done: int, total: int, name: str) -> None:
    if name:
        print(f"[{done + 1}/{total}] {printable(name)}", file=sys.stderr)


def _print_report(report: MergeReport) -> int:
    for q in report.batches_quarantined:
        shown = {"file": printable(q["file"]), "reason": printable(q["reason"])}
        print(render("cli.out.quarantined", shown))
    print(report.summary())
    return common.EXIT_ERROR if report.batches_quarantined else 0


def cmd_enrol(args: argparse.Namespace) -> int:
    enrolment = CoordinationService.read_enrolment(Path(arg_str(args, "file")))
    # Everything in the file was written by the device: shown escaped, one line each, so that a
    # name cannot forge a line or hide the fingerprint (docs/sync.md).
    asked = {
        "device": printable(enrolment.device_id),
        "structure": printable(enrolment.structure.get("name", "?")),
    }
    print(render("cli.out.enrol_device", asked))
    print(render("cli.out.fingerprint", {"fingerprint": enrolment.fingerprint}))
    if not arg_flag(args, "yes") and sys.stdin.isatty():
        answer = input(render("cli.out.enrol_confirm"))
        if answer.strip().lower() not in {"o", "oui", "y", "yes"}:
            print(render("cli.coord.enrol_cancelled"), file=sys.stderr)
            return common.EXIT_ERROR
    with closing(common.open_workspace(args)) as service:
        device = service.enrol(enrolment)
    print(render("cli.out.enrolled", {"status": device["status"]}))
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    with closing(common.open_workspace(args)) as service:
        for status, option in (
            ("suspended", "suspend"),
            ("revoked", "revoke"),
            ("trusted", "trust"),
        ):
            device_id = arg_opt(args, option)
            if device_id:
                service.set_device_status(device_id, status)
        rows = service.devices()
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    for r in rows:
        name = printable(r["structure_name"] or "")
        print(f"{printable(r['device_id'])}  {r['status']:<9} {r['fingerprint']}  {name}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with closing(common.open_workspace(args)) as service:
        rows = service.audit_entries(arg_int(args, "limit"))
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    for r in rows:
        detail = ", ".join(f"{k}={v}" for k, v in r["detail"].items())
        print(f"{r['at']}  {r['label']}  {detail}".rstrip())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    as_json = arg_flag(args, "json")
    with closing(common.open_workspace(args)) as service:
        report = service.merge(arg_opt(args, "source"), progress=None if as_json else _progress)
        if arg_flag(args, "retry"):
            # Batches still in the drop were retried by the merge; this reaches the others.
            retried = service.retry_quarantine()
            report.batches_merged += retried.batches_merged
            report.events_inserted += retried.events_inserted
            report.events_already_present += retried.events_already_present
            report.batches_quarantined = retried.batches_quarantined
        gaps = service.completeness()
    if as_json:
        common.print_json(report.to_dict() | {"completeness": gaps})
        return common.EXIT_ERROR if report.batches_quarantined else 0
    for device in gaps:
        for text in device["gaps_text"]:
            gap = {"device": printable(device["device_id"]), "text": printable(text)}
            print(render("cli.out.device_gap", gap))
    return _print_report(report)


def cmd_quarantine(args: argparse.Namespace) -> int:
    as_json, retry = arg_flag(args, "json"), arg_flag(args, "retry")
    with closing(common.open_workspace(args)) as service:
        report = service.retry_quarantine() if retry else None
        rows = service.quarantined()
    if report is not None and not as_json:
        print(report.summary())
    if as_json:
        common.print_json(rows)
        return 0
    for r in rows:
        print(f"{printable(r['file_name'])}  {printable(r['reason'])}")
    if not rows:
        print(render("cli.out.quarantine_empty"))
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    with closing(common.open_workspace(args)) as service:
        rows = service.completeness()
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    complete = render("cli.out.complete")
    for r in rows:
        line = {
            "where": printable(r["structure"] or r["device_id"]),
            "events": r["events"],
            "last": printable(r["last_batch"] or "—"),
            "state": printable("; ".join(r["gaps_text"]) or complete),
        }
        print(render("cli.out.gaps_line", line))
    return 0


def register(commands: common.Commands) -> None:
    coord = common.coord_commands(commands)
    as_json = common.json_option()
    # Creating a workspace or an invitation opens no consolidated store: no --db.
    keys = common.workspace_options(db=False)

    p = coord.add(
        "init",
        cmd_coord_init,
        parents=[keys, as_json, common.drop_auth_options()],
        help="créer l'espace coordinateur, ses clés et une invitation",
    )
    p.add_argument("--drop", help="dossier ou adresse WebDAV où les appareils déposent les lots")
    p.add_argument("--territory", help="nom du territoire (par défaut : nom du dossier)")
    p.add_argument(
        "--post-quantum",
        action="store_true",
        help="chiffrement hybride post-quantique (ML-KEM-768 + X25519)",
    )
    p = coord.add(
        "invite",
        cmd_coord_invite,
        parents=[keys, as_json],
        help="émettre une nouvelle invitation (elle enrôle un seul appareil, ou N avec --uses)",
    )
    p.add_argument("--out", help="fichier d'invitation à écrire")
    p.add_argument(
        "--uses",
        type=int,
        default=1,
        metavar="N",
        help="nombre d'appareils que cette invitation peut enrôler (1 par défaut) ; au-delà, "
        "« coord enrol » refuse",
    )

    workspace = common.workspace_options()
    p = coord.add(
        "enrol", cmd_enrol, parents=[workspace], help="approuver un appareil (enrôlement)"
    )
    p.add_argument("file", help="fichier d'enrôlement fourni par l'appareil")
    p.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")

    p = coord.add("devices", cmd_devices, parents=[workspace, as_json], help="appareils enrôlés")
    p.add_argument("--suspend", metavar="ID", help="suspendre un appareil")
    p.add_argument("--revoke", metavar="ID", help="révoquer un appareil (définitif)")
    p.add_argument("--trust", metavar="ID", help="rétablir un appareil suspendu")

    p = coord.add("audit", cmd_audit, parents=[workspace, as_json], help="journal d'audit")
    p.add_argument("--limit", type=int, default=200, help="nombre de lignes (les plus récentes)")

    p = coord.add(
        "merge", cmd_merge, parents=[workspace, as_json], help="fusionner les lots déposés"
    )
    p.add_argument("--from", dest="source", help="dossier ou adresse WebDAV du dépôt")
    p.add_argument("--retry", action="store_true", help="retenter aussi la quarantaine")

    p = coord.add(
        "quarantine", cmd_quarantine, parents=[workspace, as_json], help="lots en quarantaine"
    )
    p.add_argument("--retry", action="store_true", help="retenter la fusion des lots écartés")

    coord.add("gaps", cmd_gaps, parents=[workspace, as_json], help="complétude par appareil")
