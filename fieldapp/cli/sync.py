"""Device synchronisation commands.

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
import sys
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import CliError, arg_flag, arg_opt, arg_path, arg_str
from fieldapp.messages import render
from fieldapp.services import privacy
from fieldapp.services import sync as sync_service
from fieldapp.services.sync import DropSettings


def _to_drop(args: argparse.Namespace) -> str | DropSettings | None:
    """`--to`, with credentials if given (option, environment or file).

    Without an identifier the text is passed on as is, so that the usual server's stored
    credentials are reused.
    """
    to = arg_opt(args, "to")
    if not to:
        return None
    username = common.drop_user(args)
    if not username or not to.lower().startswith(("http://", "https://")):
        return to
    try:
        return DropSettings.parse(to, username=username, password=common.drop_password(args))
    except ValueError as exc:
        raise CliError("cli.sync.bad_destination", detail=exc) from exc


def cmd_join(args: argparse.Namespace) -> int:
    invitation = sync_service.check_invitation(
        arg_str(args, "invitation"), arg_str(args, "invitation_code")
    )
    with closing(common.open_profile(args)) as service:
        result = sync_service.SyncService(service).join_coordination(invitation)
    if arg_flag(args, "json"):
        common.print_json(result)
    else:
        print(render("cli.out.joined", {"territory": result["territory"]}))
        fingerprint = {"fingerprint": result["hpke_fingerprint"]}
        print(render("cli.out.coordinator_fingerprint", fingerprint))
        drop = result.get("drop")
        if drop:
            print(render("cli.out.drop", {"location": drop["location"]}))
    return 0


def cmd_enrolment(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        result = sync_service.SyncService(service).enrolment(arg_path(args, "out"))
    if arg_flag(args, "json"):
        common.print_json(result)
    else:
        print(render("cli.out.enrolment_written", {"path": result["path"]}))
        print(render("cli.out.device", {"device": result["device_id"]}))
        print(render("cli.out.enrolment_fingerprint", {"fingerprint": result["fingerprint"]}))
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    to = _to_drop(args)
    as_json = arg_flag(args, "json")
    with closing(common.open_profile(args)) as service:
        sync = sync_service.SyncService(service)
        if arg_flag(args, "check"):
            ok, message = sync.test_connection(to)
            if as_json:
                common.print_json({"ok": ok, "message": message})
            else:
                print(message)
            return 0 if ok else common.EXIT_ERROR
        progress = None if as_json or not sys.stderr.isatty() else _progress
        # As the window does at unlock: records past retention go before the next batch.
        privacy.apply_retention(service)
        report = sync.sync(to, progress)
    if as_json:
        common.print_json(report.to_dict())
    else:
        if report.sealed:
            print(render("cli.out.sync_sealed", {"n": report.sealed}))
        for name in report.delivered:
            print(render("cli.out.sync_delivered", {"name": name}))
        if report.confirmations:
            print(render("services.returns.received", {"n": report.confirmations}))
        print(report.message)
        if report.ok and report.returns_problem is not None:
            # Not a failure of the run (no key yet, drop silent on the return file): told once.
            print(f"fieldapp: {report.returns_problem}", file=sys.stderr)
    if not report.ok:
        print(f"fieldapp: {report.message}", file=sys.stderr)
        return common.EXIT_ERROR
    return 0


def _progress(done: int, total: int, message: str) -> None:
    print(f"[{done}/{total}] {message}", file=sys.stderr)


def cmd_outbox(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        sync = sync_service.SyncService(service)
        rows = sync.outbox()
        summary = sync.status_summary()
    if arg_flag(args, "json"):
        common.print_json(rows)
        return 0
    events = render("cli.out.outbox_events")
    for row in rows:
        when = row["delivered_at"] or row["last_attempt"] or row["created_at"]
        line = f"{row['file_name']}  {row['event_count']:>5} {events}  {row['state']:<10}  {when}"
        if row["state"] == "failed":
            retry = {"attempts": row["attempts"], "next": row["next_attempt"]}
            line += "  " + render("cli.out.outbox_retry", retry)
            line += f"  {row['reason']}"
        print(line)
    print(summary, file=sys.stderr)
    return 0


def register(commands: common.Commands) -> None:
    profile_options, as_json = common.profile_options(), common.json_option()

    p = commands.add(
        "join",
        cmd_join,
        parents=[profile_options, as_json],
        help="rejoindre une coordination (invitation)",
    )
    p.add_argument("--invitation", required=True, help="fichier d'invitation du coordinateur")
    p.add_argument("--invitation-code", required=True, help="code d'invitation à usage unique")

    p = commands.add(
        "enrolment",
        cmd_enrolment,
        parents=[profile_options, as_json],
        help="écrire le fichier d'enrôlement de cet appareil",
    )
    p.add_argument("--out", required=True, help="fichier à écrire")

    p = commands.add(
        "sync",
        cmd_sync,
        parents=[profile_options, as_json, common.drop_auth_options()],
        help="sceller les nouveaux événements et envoyer la boîte d'envoi",
    )
    p.add_argument("--to", help="destination pour cet envoi : dossier ou adresse WebDAV")
    p.add_argument("--check", action="store_true", help="tester la connexion seulement")

    commands.add(
        "outbox", cmd_outbox, parents=[profile_options, as_json], help="afficher la boîte d'envoi"
    )
