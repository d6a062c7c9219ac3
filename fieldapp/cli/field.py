"""The field worker's notebook commands (DESIGN.md § Command line).

fieldapp init --home DIR --structure NAME --structure-type CODE [--invitation FILE
              --invitation-code CODE] [--json]
fieldapp demo --home DIR [--contacts N] [--json]
fieldapp contact add|list …, fieldapp import-contacts FILE, fieldapp handover add|status|list …
fieldapp passphrase change|recover …, fieldapp person erase --pseudonym CODE
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Mapping
from contextlib import closing
from pathlib import Path

from fieldapp.cli import common
from fieldapp.cli.common import (
    CliError,
    arg_flag,
    arg_int,
    arg_list,
    arg_opt,
    arg_str,
)
from fieldapp.domain import jsontext
from fieldapp.domain.display import printable
from fieldapp.errors import RelaisError
from fieldapp.messages import Text, render
from fieldapp.messages.plural import Count
from fieldapp.services import profile, sync
from fieldapp.services.field import ContactFilter
from fieldapp.services.returns import partner_confirmations


def cmd_init(args: argparse.Namespace) -> int:
    home = common.new_home(args)
    invitation_file, code = arg_opt(args, "invitation"), arg_opt(args, "invitation_code")
    if bool(invitation_file) != bool(code):
        raise CliError("cli.init.invitation_pair")
    # Open the invitation first: a wrong code must not leave a half-joined profile behind.
    invitation = sync.check_invitation(invitation_file, code) if invitation_file else None
    passphrase = common.passphrase(args, confirm=True)
    service, recovery_key = profile.create_profile(
        home,
        passphrase,
        structure=arg_str(args, "structure"),
        structure_type=arg_str(args, "structure_type"),
    )
    with closing(service):
        result: dict[str, object] = {
            "home": str(home.root),
            "device_id": service.device_id,
            "structure": service.structure,
            "recovery_key": recovery_key,
        }
        if invitation is not None:
            result["coordination"] = sync.join_after_init(service, invitation)
    if arg_flag(args, "json"):
        common.print_json(result)
    else:
        print(render("cli.out.init_created", {"home": home.root}))
        print(render("cli.out.device", {"device": result["device_id"]}))
        print(render("cli.out.init_recovery_key"))
        print(f"  {recovery_key}")
    return 0


def _load_json_records(source: str | None) -> list[dict[str, object]]:
    text, label = common.read_input(source)
    return _parse_json_records(text, label)


def _parse_json_records(text: str, label: str) -> list[dict[str, object]]:
    return common.json_records(text, label, empty="cli.contact.empty")


def cmd_contact_add(args: argparse.Namespace) -> int:
    source = arg_opt(args, "file")
    if source in (None, "-"):
        return _stream_contacts(args)
    records = _load_json_records(source)
    with closing(common.open_profile(args)) as service:
        ids = service.record_contacts(records, redact=arg_flag(args, "redact"))
    for contact_id in ids:
        print(contact_id, flush=True)
    return 0


def _stream_contacts(args: argparse.Namespace) -> int:
    """JSON lines from standard input: each contact saved in its own transaction and its id
    written and flushed right after the commit, so a program feeding records knows which were
    saved even if this process dies. Input that is not one object per line (a pretty-printed
    object…) is read whole, as from a file."""
    label = render("cli.contact.stdin")
    redact = arg_flag(args, "redact")
    numbered = common.numbered_stdin(label)
    with closing(common.open_profile(args)) as service:
        number, first = next(numbered, (0, ""))
        item = _one_object(first)
        if item is None:  # not JSON lines: the whole input, all or nothing as before
            text = _rejoin([(number, first), *numbered])
            records = _parse_json_records(text, label)
            for contact_id in service.record_contacts(records, redact=redact):
                print(contact_id, flush=True)
            return 0
        saved = 0
        while item is not None:
            try:
                (contact_id,) = service.record_contacts([item], redact=redact)
            except RelaisError as error:
                if not saved:
                    raise
                problem = Text(error.code, **error.params)
                raise CliError(
                    "cli.contact.stream_stopped", line=number, saved=saved, problem=problem
                ) from error
            print(contact_id, flush=True)
            saved += 1
            number, text = next(numbered, (0, ""))
            item = _parsed_line(text, number, saved) if number else None
        return 0


def _rejoin(lines: list[tuple[int, str]]) -> str:
    """The text of numbered non-blank lines, each back at its line number (for messages)."""
    out, at = [], 1
    for number, text in lines:
        out.append("\n" * max(0, number - at) + text.rstrip("\r\n") + "\n")
        at = number + 1
    return "".join(out)


def _one_object(line: str) -> dict[str, object] | None:
    """`line` as a JSON object, or None when it is not one (then the input is read whole)."""
    try:
        item = jsontext.loads(line)
    except (jsontext.JsonLimitError, json.JSONDecodeError):
        return None
    return item if isinstance(item, dict) else None


def _parsed_line(text: str, number: int, saved: int) -> dict[str, object]:
    try:
        item = jsontext.loads(text)
    except jsontext.JsonLimitError as exc:
        reason: object = exc.text
    except json.JSONDecodeError as exc:
        reason = exc.msg
    else:
        if isinstance(item, dict):
            return item
        problem = Text("cli.contact.not_object", line=number)
        raise CliError("cli.contact.stream_stopped", line=number, saved=saved, problem=problem)
    problem = Text("cli.contact.bad_line", line=number, reason=reason)
    raise CliError("cli.contact.stream_stopped", line=number, saved=saved, problem=problem)


def cmd_contact_list(args: argparse.Namespace) -> int:
    flt = ContactFilter(
        date_from=common.parse_date(arg_opt(args, "date_from"), "--from"),
        date_to=common.parse_date(arg_opt(args, "date_to"), "--to"),
        neighbourhood=arg_opt(args, "neighbourhood"),
        need=arg_opt(args, "need"),
        outcome=arg_opt(args, "outcome"),
        text=arg_opt(args, "text"),
        include_voided=arg_flag(args, "all"),
    )
    with closing(common.open_profile(args)) as service:
        rows = service.contacts(flt)
    if arg_flag(args, "json"):
        common.print_json([_public_contact(r) for r in rows])
        return 0
    voided = " " + render("cli.out.contact_voided")
    for r in rows:
        mark = voided if r["voided"] else ""
        print(f"{r['id']}  {r['date']}  {r['neighbourhood']:<10} {r['outcome']}{mark}")
    print(render("cli.out.contact_count", {"n": len(rows)}), file=sys.stderr)
    return 0


def _public_contact(row: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in row.items() if k not in {"device_id", "created_hlc", "updated_hlc"}}


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from fieldapp.services.csv_import import (
        AlreadyImported,
        CsvFileError,
        import_contacts,
        write_template,
    )

    template = arg_opt(args, "template")
    if template:
        write_template(Path(template))
        print(render("cli.import.template_written", {"path": printable(template)}))
        return 0
    file = arg_opt(args, "file")
    if not file:
        raise CliError("cli.import.no_file")
    with closing(common.open_profile(args)) as service:
        try:
            report = import_contacts(service, Path(file), again=arg_flag(args, "again"))
        except AlreadyImported as exc:
            raise CliError("cli.import.already", detail=exc) from exc
        except CsvFileError as exc:
            raise CliError("cli.import.file", path=file, detail=exc) from exc
    if report.duplicates:
        lines = ", ".join(str(n) for n in report.duplicates)
        print(render("cli.import.duplicates", {"lines": lines}), file=sys.stderr)
    if not arg_flag(args, "json"):
        for contact_id in report.imported:  # committed: each id is an acknowledged save
            print(contact_id, flush=True)
    for error in report.errors:  # a refused row's line quotes its cells: escaped
        print(printable(error), file=sys.stderr)
    if report.ignored_columns:
        quoted = (render("cli.quoted", {"text": printable(c)}) for c in report.ignored_columns)
        names = ", ".join(quoted)
        print(render("cli.import.ignored_columns", {"names": names}), file=sys.stderr)
    if arg_flag(args, "json"):
        common.print_json(
            {
                "imported": report.imported,
                "errors": [{"line": e.line, "message": str(e)} for e in report.errors],
                "ignored_columns": report.ignored_columns,
                "duplicates": report.duplicates,
            }
        )
    else:
        summary = {
            "imported": Count(
                len(report.imported), "cli.count.imported.one", "cli.count.imported.other"
            ),
            "refused": Count(
                len(report.errors), "cli.count.refused.one", "cli.count.refused.other"
            ),
        }
        print(render("cli.out.import_summary", summary))
    return 0 if not report.errors else common.EXIT_ERROR


def cmd_handover_add(args: argparse.Namespace) -> int:
    data: dict[str, object] = {
        "contact_id": arg_str(args, "contact"),
        "partner": arg_str(args, "partner"),
        "mode": arg_str(args, "mode"),
        "consent": arg_flag(args, "consent"),
    }
    follow_up = arg_opt(args, "follow_up")
    if follow_up:
        data["follow_up"] = follow_up
    action = arg_opt(args, "action")  # issue 17: the joint action it came from
    if action:
        data["action_id"] = action
    # Issue 18: the structure (an employer, for the employer modes) and service of the directory.
    for option, key in (("structure", "partner_structure_id"), ("service", "partner_service_id")):
        if value := arg_opt(args, option):
            data[key] = value
    with closing(common.open_profile(args)) as service:
        handover_id = service.propose_handover(data, redact=arg_flag(args, "redact"))
        code = service.handover_code(handover_id)
    if arg_flag(args, "json"):
        common.print_json({"id": handover_id, "code": code})
    else:
        print(handover_id)
    return 0


def cmd_handover_status(args: argparse.Namespace) -> int:
    handover = arg_str(args, "handover")
    with closing(common.open_profile(args)) as service:
        service.change_handover_status(
            handover,
            arg_str(args, "status"),
            reason=arg_opt(args, "reason"),
            redact=arg_flag(args, "redact"),
        )
        current = service.handover(handover)
    print(f"{handover}  {current['status']}")
    return 0


def cmd_handover_list(args: argparse.Namespace) -> int:
    with closing(common.open_profile(args)) as service:
        rows = service.handovers(status=arg_list(args, "status") or None)
        confirmed = partner_confirmations(service)
    if arg_flag(args, "json"):
        common.print_json(
            [
                {k: v for k, v in r.items() if not k.endswith("_hlc")}
                # What the receiving structure confirmed, from the coordinator's return file.
                | {"partner_confirmed": confirmed.get(r["id"], {}).get("status")}
                for r in rows
            ]
        )
        return 0
    follow_up = render("cli.out.handover_follow_up")
    for r in rows:
        follow = r["follow_up"] or "-"
        code = r["code"] or "-"
        print(f"{r['id']}  {code:<11}  {r['status']:<16} {follow_up} {follow:<10}  {r['partner']}")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    home = common.existing_home(args)
    old = common.passphrase(args)
    # Say "wrong passphrase" before asking for a new one.
    profile.check_passphrase(home, old, notify=common.notice)
    profile.change_passphrase(home, old, common.new_passphrase(args))
    print(render("cli.out.passphrase_changed"))
    return 0


def cmd_passphrase_recover(args: argparse.Namespace) -> int:
    home = common.existing_home(args)
    recovery_key = common.recovery_key(args)
    profile.check_recovery_key(home, recovery_key, notify=common.notice)
    profile.recover(home, recovery_key, common.new_passphrase(args))
    print(render("cli.out.passphrase_recovered"))
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.services import demo

    home = common.new_home(args)
    contacts = arg_int(args, "contacts")
    if contacts < 0:
        raise CliError("cli.demo.contacts")
    passphrase = os.environ.get("FIELDAPP_PASSPHRASE") or demo.DEMO_PASSPHRASE
    result = demo.create_demo(home.root, passphrase, contacts=contacts)
    if arg_flag(args, "json"):
        common.print_json(result)
    else:
        created = {"home": home.root, "contacts": result["contacts"]}
        print(render("cli.out.demo_created", created))
        print(render("cli.out.demo_workspace", {"workspace": result["workspace"]}))
        print(render("cli.out.demo_passphrase", {"passphrase": passphrase}))
    return 0


def cmd_person_erase(args: argparse.Namespace) -> int:
    from fieldapp.services import privacy

    with closing(common.open_profile(args)) as service:
        try:
            removed = privacy.erase_person(service, arg_str(args, "pseudonym"))
        except ValueError as exc:  # malformed code: the message never repeats the input
            raise CliError("cli.person.refused", detail=exc) from exc
    erased = {"contacts": removed.contacts, "handovers": removed.handovers}
    print(render("cli.out.person_erased", erased))
    return 0


def register(commands: common.Commands) -> None:
    profile_options, as_json = common.profile_options(), common.json_option()

    p = commands.add(
        "init", cmd_init, parents=[profile_options, as_json], help="créer le profil de cet appareil"
    )
    p.add_argument("--structure", required=True, help="nom de la structure")
    p.add_argument("--structure-type", required=True, help="type de structure (code)")
    p.add_argument("--invitation", help="fichier d'invitation de la coordination")
    p.add_argument("--invitation-code", help="code d'invitation (donné à part)")

    p = commands.add(
        "demo",
        cmd_demo,
        parents=[profile_options, as_json],
        help="profil de démonstration (données fictives)",
    )
    p.add_argument("--contacts", type=int, default=300, help="nombre de contacts fictifs")

    contact = commands.group("contact", "rencontres")
    p = contact.add(
        "add",
        cmd_contact_add,
        parents=[profile_options],
        help="enregistrer un ou plusieurs contacts",
    )
    p.add_argument(
        "file",
        nargs="?",
        help="fichier JSON (un objet, ou un objet par ligne) ; - pour l'entrée standard",
    )
    p.add_argument(
        "--redact", action="store_true", help="masquer les données personnelles des notes"
    )
    p = contact.add(
        "list", cmd_contact_list, parents=[profile_options, as_json], help="lister les contacts"
    )
    p.add_argument("--from", dest="date_from", help="depuis la date AAAA-MM-JJ")
    p.add_argument("--to", dest="date_to", help="jusqu'à la date AAAA-MM-JJ")
    p.add_argument("--neighbourhood", help="code du quartier")
    p.add_argument("--need", help="besoin (catégorie data·inclusion)")
    p.add_argument("--outcome", help="suite donnée")
    p.add_argument("--text", help="texte cherché dans les notes")
    p.add_argument("--all", action="store_true", help="inclure les contacts annulés")

    p = commands.add(
        "import-contacts",
        cmd_import_contacts,
        parents=[profile_options, as_json],
        help="importer un tableur CSV",
    )
    p.add_argument("file", nargs="?", help="fichier CSV (séparateur ; ou ,)")
    p.add_argument(
        "--again",
        action="store_true",
        help="importer même un fichier déjà importé, et les lignes identiques à un contact du jour",
    )
    p.add_argument(
        "--template",
        metavar="FICHIER",
        help="écrire le modèle CSV (les colonnes lues et une ligne d'exemple) puis s'arrêter",
    )

    handover = commands.group("handover", "relais accompagnés")
    p = handover.add(
        "add", cmd_handover_add, parents=[profile_options, as_json], help="proposer un relais"
    )
    p.add_argument("--contact", required=True, help="identifiant du contact")
    p.add_argument("--partner", required=True, help="structure partenaire")
    p.add_argument("--mode", required=True, help="modalité du relais (code)")
    p.add_argument("--consent", action="store_true", help="la personne a donné son accord")
    p.add_argument("--follow-up", help="date de suivi AAAA-MM-JJ")
    p.add_argument("--action", help="identifiant de l'action collective d'où vient le relais")
    p.add_argument("--structure", help="identifiant de la structure dans l'annuaire (employeur…)")
    p.add_argument("--service", help="identifiant du service dans l'annuaire")
    p.add_argument(
        "--redact",
        action="store_true",
        help="masquer les données personnelles du nom du partenaire",
    )
    p = handover.add(
        "status",
        cmd_handover_status,
        parents=[profile_options],
        help="changer l'état d'un relais",
    )
    p.add_argument("handover", help="identifiant du relais")
    p.add_argument("status", help="nouvel état")
    p.add_argument("--reason", help="motif (obligatoire pour refus_partenaire)")
    p.add_argument(
        "--redact", action="store_true", help="masquer les données personnelles du motif"
    )
    p = handover.add(
        "list", cmd_handover_list, parents=[profile_options, as_json], help="lister les relais"
    )
    p.add_argument("--status", action="append", help="filtrer par état (répétable)")

    new_pass = common.new_passphrase_option()
    passphrase = commands.group("passphrase", "phrase de passe")
    passphrase.add(
        "change",
        cmd_passphrase_change,
        parents=[profile_options, new_pass],
        help="changer la phrase de passe",
    )
    p = passphrase.add(
        "recover",
        cmd_passphrase_recover,
        parents=[profile_options, new_pass],
        help="nouvelle phrase de passe avec la clé de secours",
    )
    p.add_argument("--recovery-key-file", help="lire la clé de secours dans ce fichier")

    person = commands.group("person", "droits des personnes")
    p = person.add(
        "erase",
        cmd_person_erase,
        parents=[profile_options],
        help="effacer une personne (pseudonyme), ici et à la fusion",
    )
    p.add_argument("--pseudonym", required=True, help="code de la personne, XXXX-XXXX")
