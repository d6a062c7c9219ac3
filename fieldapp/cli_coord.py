"""Coordinator commands of the merge issue (registered into `fieldapp coord` by fieldapp.cli).

fieldapp coord enrol --workspace DIR FILE [--yes]
fieldapp coord devices --workspace DIR [--suspend ID | --revoke ID | --trust ID] [--json]
fieldapp coord merge --workspace DIR [--from DIR|URL] [--db URL] [--retry] [--json]
fieldapp coord quarantine --workspace DIR [--retry] [--json]
fieldapp coord gaps --workspace DIR [--json]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from fieldapp.services.coordination import CoordinationService
from fieldapp.sync.merge import MergeReport

EXIT_ERROR = 1


def _cli() -> Any:
    from fieldapp import cli

    return cli


def _open(args: argparse.Namespace) -> CoordinationService:
    cli = _cli()
    passphrase = cli._secret("FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe")
    return CoordinationService.open(
        Path(args.workspace), passphrase, db_url=getattr(args, "db", None)
    )


def _progress(done: int, total: int, name: str) -> None:
    if name:
        print(f"[{done + 1}/{total}] {name}", file=sys.stderr)


def _print_report(args: argparse.Namespace, report: MergeReport) -> int:
    if args.json:
        _cli()._print_json(report.to_dict())
    else:
        for q in report.batches_quarantined:
            print(f"quarantaine : {q['file']} — {q['reason']}")
        print(report.summary())
    return EXIT_ERROR if report.batches_quarantined else 0


def cmd_enrol(args: argparse.Namespace) -> int:
    enrolment = CoordinationService.read_enrolment(Path(args.file))
    structure = enrolment.structure.get("name", "?")
    print(f"Appareil {enrolment.device_id} — structure « {structure} »")
    print(f"Empreinte : {enrolment.fingerprint}")
    if not args.yes and sys.stdin.isatty():
        answer = input("L'empreinte lue par l'appareil est-elle identique ? [o/N] ")
        if answer.strip().lower() not in {"o", "oui", "y", "yes"}:
            print("Enrôlement annulé.", file=sys.stderr)
            return EXIT_ERROR
    service = _open(args)
    try:
        device = service.enrol(enrolment)
    finally:
        service.close()
    print(f"Appareil enrôlé ({device['status']}).")
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        for status, device_id in (
            ("suspended", args.suspend),
            ("revoked", args.revoke),
            ("trusted", args.trust),
        ):
            if device_id:
                service.set_device_status(device_id, status)
        rows = service.devices()
    finally:
        service.close()
    if args.json:
        _cli()._print_json(rows)
        return 0
    for r in rows:
        print(f"{r['device_id']}  {r['status']:<9} {r['fingerprint']}  {r['structure_name'] or ''}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        rows = service.audit_entries(args.limit)
    finally:
        service.close()
    if args.json:
        _cli()._print_json(rows)
        return 0
    for r in rows:
        detail = ", ".join(f"{k}={v}" for k, v in r["detail"].items())
        print(f"{r['at']}  {r['label']}  {detail}".rstrip())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        report = service.merge(args.source, progress=None if args.json else _progress)
        if args.retry:
            # Batches still in the drop were retried by the merge; this reaches the others.
            retried = service.retry_quarantine()
            report.batches_merged += retried.batches_merged
            report.events_inserted += retried.events_inserted
            report.events_already_present += retried.events_already_present
            report.batches_quarantined = retried.batches_quarantined
        gaps = service.completeness()
    finally:
        service.close()
    if args.json:
        _cli()._print_json(report.to_dict() | {"completeness": gaps})
        return EXIT_ERROR if report.batches_quarantined else 0
    for device in gaps:
        for text in device["gaps_text"]:
            print(f"appareil {device['device_id']} : {text}")
    return _print_report(args, report)


def cmd_quarantine(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        if args.retry:
            report = service.retry_quarantine()
        rows = service.quarantined()
    finally:
        service.close()
    if args.retry and not args.json:
        print(report.summary())
    if args.json:
        _cli()._print_json(rows)
        return 0
    for r in rows:
        print(f"{r['file_name']}  {r['reason']}")
    if not rows:
        print("Quarantaine vide.")
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        rows = service.completeness()
    finally:
        service.close()
    if args.json:
        _cli()._print_json(rows)
        return 0
    for r in rows:
        where = r["structure"] or r["device_id"]
        state = "; ".join(r["gaps_text"]) or "complet"
        print(
            f"{where} : {r['events']} événement(s), dernier lot {r['last_batch'] or '—'} — {state}"
        )
    return 0


def register(coord: Any, as_json: argparse.ArgumentParser) -> None:
    """Add the merge-side commands to the `coord` subparsers made by cli_sync.register."""
    parser_class = type(as_json)
    workspace = parser_class(add_help=False)
    workspace.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
    workspace.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")
    workspace.add_argument(
        "--db", help="base PostgreSQL régionale (postgresql+psycopg://…), retenue ensuite"
    )

    p = coord.add_parser("enrol", parents=[workspace], help="approuver un appareil (enrôlement)")
    p.add_argument("file", help="fichier d'enrôlement fourni par l'appareil")
    p.add_argument("--yes", action="store_true", help="ne pas demander de confirmation")
    p.set_defaults(func=cmd_enrol)

    p = coord.add_parser("devices", parents=[workspace, as_json], help="appareils enrôlés")
    p.add_argument("--suspend", metavar="ID", help="suspendre un appareil")
    p.add_argument("--revoke", metavar="ID", help="révoquer un appareil (définitif)")
    p.add_argument("--trust", metavar="ID", help="rétablir un appareil suspendu")
    p.set_defaults(func=cmd_devices)

    p = coord.add_parser("audit", parents=[workspace, as_json], help="journal d'audit")
    p.add_argument("--limit", type=int, default=200, help="nombre de lignes (les plus récentes)")
    p.set_defaults(func=cmd_audit)

    p = coord.add_parser("merge", parents=[workspace, as_json], help="fusionner les lots déposés")
    p.add_argument("--from", dest="source", help="dossier ou adresse WebDAV du dépôt")
    p.add_argument("--retry", action="store_true", help="retenter aussi la quarantaine")
    p.set_defaults(func=cmd_merge)

    p = coord.add_parser("quarantine", parents=[workspace, as_json], help="lots en quarantaine")
    p.add_argument("--retry", action="store_true", help="retenter la fusion des lots écartés")
    p.set_defaults(func=cmd_quarantine)

    p = coord.add_parser("gaps", parents=[workspace, as_json], help="complétude par appareil")
    p.set_defaults(func=cmd_gaps)
