"""Command-line commands for coordination and synchronisation (registered by fieldapp.cli).

    fieldapp coord init --workspace DIR [--drop DIR|URL] [--territory NAME] [--json]
    fieldapp coord invite --workspace DIR [--out FILE] [--json]
    fieldapp join --home DIR --invitation FILE --invitation-code CODE [--json]
    fieldapp enrolment --home DIR --out FILE [--json]
    fieldapp sync --home DIR [--to DIR|URL] [--check] [--json]
    fieldapp outbox --home DIR [--json]

Secrets never go on the command line except the one-time invitation code (the contract's
`--invitation-code`): passphrases come from FIELDAPP_PASSPHRASE or --passphrase-file, the WebDAV
password from FIELDAPP_DROP_PASSWORD or --drop-password-file.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.services import coordination, privacy
from fieldapp.services import sync as sync_service
from fieldapp.sync.transports import DropSettings

AddCommand = Callable[..., Any]

EXIT_ERROR = 1


def _cli() -> Any:
    # fieldapp.cli imports this module to register the commands: import it back lazily.
    from fieldapp import cli

    return cli


def _drop_password(args: argparse.Namespace) -> str | None:
    if getattr(args, "drop_password_file", None):
        return str(_cli()._read_secret_file(args.drop_password_file))
    return os.environ.get("FIELDAPP_DROP_PASSWORD") or None


def _to_drop(args: argparse.Namespace) -> str | DropSettings | None:
    """`--to`, with credentials if given (option, environment or file).

    Without an identifier the text is passed on as is, so that the usual server's stored
    credentials are reused.
    """
    if not args.to:
        return None
    username = args.drop_user or os.environ.get("FIELDAPP_DROP_USER") or None
    if not username or not args.to.lower().startswith(("http://", "https://")):
        return str(args.to)
    password = _drop_password(args)
    try:
        return DropSettings.parse(args.to, username=username, password=password)
    except ValueError as exc:
        raise _cli().CliError(f"--to : {exc}") from exc


# -- coordinator -------------------------------------------------------------------------------


def cmd_coord_init(args: argparse.Namespace) -> int:
    cli = _cli()
    root = Path(args.workspace).expanduser()
    passphrase = cli._secret(
        "FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe", confirm=True
    )
    username = args.drop_user or os.environ.get("FIELDAPP_DROP_USER") or None
    result = coordination.create_coordination(
        root,
        passphrase,
        territory=args.territory,
        drop=args.drop,
        drop_username=username,
        drop_password=_drop_password(args) if username else None,
        post_quantum=args.post_quantum,
    )
    if args.json:
        cli._print_json(result)
        return 0
    print(f"Espace coordinateur créé dans {result['workspace']}")
    print(f"Territoire : {result['territory']}")
    print(f"Empreinte de la clé de chiffrement : {result['hpke_fingerprint']}")
    print(f"Empreinte de la clé de signature   : {result['signing_fingerprint']}")
    _print_invitation(result)
    print("Clé de secours de l'espace (notez-la maintenant, elle ne sera plus affichée) :")
    print(f"  {result['recovery_key']}")
    return 0


def cmd_coord_invite(args: argparse.Namespace) -> int:
    cli = _cli()
    passphrase = cli._secret("FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe")
    result = coordination.issue_invitation(
        Path(args.workspace).expanduser(), passphrase, out=args.out
    )
    if args.json:
        cli._print_json(result)
    else:
        _print_invitation(result)
    return 0


def _print_invitation(result: dict[str, Any]) -> None:
    print(f"Invitation : {result['invitation']}")
    print("Code d'invitation (à transmettre à part, il ne sera plus affiché) :")
    print(f"  {result['code']}")


# -- field -------------------------------------------------------------------------------------


def cmd_join(args: argparse.Namespace) -> int:
    cli = _cli()
    invitation = sync_service.check_invitation(args.invitation, args.invitation_code)
    service = cli._open(args)
    try:
        result = sync_service.SyncService(service).join_coordination(invitation)
    finally:
        service.close()
    if args.json:
        cli._print_json(result)
    else:
        print(f"Rattaché à la coordination « {result['territory']} »")
        print(f"Empreinte de la clé du coordinateur : {result['hpke_fingerprint']}")
        drop = result.get("drop")
        if drop:
            print(f"Destination des lots : {drop['location']}")
    return 0


def cmd_enrolment(args: argparse.Namespace) -> int:
    cli = _cli()
    service = cli._open(args)
    try:
        result = sync_service.SyncService(service).enrolment(Path(args.out).expanduser())
    finally:
        service.close()
    if args.json:
        cli._print_json(result)
    else:
        print(f"Fichier d'enrôlement écrit : {result['path']}")
        print(f"Appareil : {result['device_id']}")
        print(f"Empreinte à lire au coordinateur : {result['fingerprint']}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    cli = _cli()
    to = _to_drop(args)
    service = cli._open(args)
    try:
        sync = sync_service.SyncService(service)
        if args.check:
            ok, message = sync.test_connection(to)
            if args.json:
                cli._print_json({"ok": ok, "message": message})
            else:
                print(message)
            return 0 if ok else EXIT_ERROR
        progress = None if args.json or not sys.stderr.isatty() else _progress
        # As the window does at unlock: records past retention go before the next batch.
        privacy.apply_retention(service)
        report = sync.sync(to, progress)
    finally:
        service.close()
    if args.json:
        cli._print_json(report.to_dict())
    else:
        if report.sealed:
            print(f"{report.sealed} nouveau(x) lot(s) scellé(s)")
        for name in report.delivered:
            print(f"remis : {name}")
        print(report.message)
    if not report.ok:
        print(f"fieldapp: {report.message}", file=sys.stderr)
        return EXIT_ERROR
    return 0


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr)


def cmd_outbox(args: argparse.Namespace) -> int:
    cli = _cli()
    service = cli._open(args)
    try:
        sync = sync_service.SyncService(service)
        rows = sync.outbox()
        summary = sync.status_summary()
    finally:
        service.close()
    if args.json:
        cli._print_json(rows)
        return 0
    for row in rows:
        when = row["delivered_at"] or row["last_attempt"] or row["created_at"]
        line = f"{row['file_name']}  {row['event_count']:>5} évén.  {row['state']:<10}  {when}"
        if row["state"] == "failed":
            line += f"  (essai n° {row['attempts']}, prochain : {row['next_attempt']})"
            line += f"  {row['reason']}"
        print(line)
    print(summary, file=sys.stderr)
    return 0


# -- registration ------------------------------------------------------------------------------


def _coord_subcommands(sub: Any, parser_class: type) -> Any:
    """The `coord` subcommands, reusing them if another module registered `coord` first."""
    existing = sub.choices.get("coord")
    if existing is None:
        return sub.add_parser(
            "coord", help="coordination : clés, invitations, fusion"
        ).add_subparsers(dest="action", required=True, parser_class=parser_class)
    for action in existing._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError("la commande coord n'a pas de sous-commandes")


def register(
    sub: Any, common: argparse.ArgumentParser, as_json: argparse.ArgumentParser, add: AddCommand
) -> Any:
    """Add the commands to fieldapp.cli's parser; returns the `coord` subcommands (for later
    coordinator commands such as `coord merge`)."""
    parser_class = type(common)
    secret = parser_class(add_help=False)
    secret.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")
    drop_auth = parser_class(add_help=False)
    drop_auth.add_argument("--drop-user", help="identifiant WebDAV (ou FIELDAPP_DROP_USER)")
    drop_auth.add_argument(
        "--drop-password-file",
        help="lire le mot de passe WebDAV dans ce fichier (ou FIELDAPP_DROP_PASSWORD)",
    )

    coord = _coord_subcommands(sub, parser_class)
    p = coord.add_parser(
        "init",
        parents=[secret, as_json, drop_auth],
        help="créer l'espace coordinateur, ses clés et une invitation",
    )
    p.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
    p.add_argument("--drop", help="dossier ou adresse WebDAV où les appareils déposent les lots")
    p.add_argument("--territory", help="nom du territoire (par défaut : nom du dossier)")
    p.add_argument(
        "--post-quantum",
        action="store_true",
        help="chiffrement hybride post-quantique (ML-KEM-768 + X25519)",
    )
    p.set_defaults(func=cmd_coord_init)
    p = coord.add_parser(
        "invite", parents=[secret, as_json], help="émettre une nouvelle invitation"
    )
    p.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
    p.add_argument("--out", help="fichier d'invitation à écrire")
    p.set_defaults(func=cmd_coord_invite)

    p = add("join", cmd_join, [common, as_json], help="rejoindre une coordination (invitation)")
    p.add_argument("--invitation", required=True, help="fichier d'invitation du coordinateur")
    p.add_argument("--invitation-code", required=True, help="code d'invitation à usage unique")

    p = add(
        "enrolment",
        cmd_enrolment,
        [common, as_json],
        help="écrire le fichier d'enrôlement de cet appareil",
    )
    p.add_argument("--out", required=True, help="fichier à écrire")

    p = add(
        "sync",
        cmd_sync,
        [common, as_json, drop_auth],
        help="sceller les nouveaux événements et envoyer la boîte d'envoi",
    )
    p.add_argument("--to", help="destination pour cet envoi : dossier ou adresse WebDAV")
    p.add_argument("--check", action="store_true", help="tester la connexion seulement")

    add("outbox", cmd_outbox, [common, as_json], help="afficher la boîte d'envoi")
    return coord
