"""Command line: the stable contract of DESIGN.md § Command line. `fieldapp` alone opens the window.

Every command reports bad input as one French line on stderr and a non-zero exit code; it never
prints a traceback for something the user can fix.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from fieldapp import __version__, cli_coord, cli_directory, cli_package, cli_report, cli_sync
from fieldapp.domain.errors import TransitionError, ValidationError
from fieldapp.services import profile, sync
from fieldapp.services.field import FieldService, PersonalDataInNote
from fieldapp.storage import keyfile, migrate
from fieldapp.storage.home import Home, default_home
from fieldapp.storage.store import ContactFilter, UnknownRecord
from fieldapp.sync.workspace import WorkspaceError

EXIT_ERROR = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A one-line message for stderr."""


# -- secrets ---------------------------------------------------------------------------------------


def _read_secret_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"lecture impossible de {path} : {exc.strerror}") from exc
    return text.rstrip("\r\n")


def _secret(env: str, file: str | None, prompt: str, *, confirm: bool = False) -> str:
    """From the file option, then the environment, then a prompt on the terminal."""
    if file:
        return _read_secret_file(file)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError(f"{prompt} requise : définissez {env} ou donnez un fichier (option …-file)")
    first = getpass.getpass(f"{prompt} : ")
    if confirm and getpass.getpass(f"{prompt} (confirmation) : ") != first:
        raise CliError("les deux saisies ne correspondent pas")
    return first


def _passphrase(args: argparse.Namespace) -> str:
    return _secret("FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe")


def _new_passphrase(args: argparse.Namespace) -> str:
    return _secret(
        "FIELDAPP_NEW_PASSPHRASE",
        args.new_passphrase_file,
        "Nouvelle phrase de passe",
        confirm=True,
    )


def _home(args: argparse.Namespace) -> Home:
    return Home(Path(args.home).expanduser() if args.home else default_home())


def _open(args: argparse.Namespace) -> FieldService:
    home = _home(args)
    if not home.exists():
        raise profile.NoProfile(home)
    return profile.open_profile(home, _passphrase(args))


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str))


# -- commands --------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    home = _home(args)
    if home.exists():
        raise profile.ProfileExists(home)
    if bool(args.invitation) != bool(args.invitation_code):
        raise CliError("--invitation et --invitation-code vont ensemble")
    # Open the invitation first: a wrong code must not leave a half-joined profile behind.
    invitation = (
        sync.check_invitation(args.invitation, args.invitation_code) if args.invitation else None
    )
    passphrase = _secret(
        "FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe", confirm=True
    )
    service, recovery_key = profile.create_profile(
        home, passphrase, structure=args.structure, structure_type=args.structure_type
    )
    try:
        result: dict[str, Any] = {
            "home": str(home.root),
            "device_id": service.device_id,
            "structure": service.structure,
            "recovery_key": recovery_key,
        }
        if invitation is not None:
            result["coordination"] = sync.join_after_init(service, invitation)
    finally:
        service.close()
    if args.json:
        _print_json(result)
    else:
        print(f"Profil créé dans {home.root}")
        print(f"Appareil : {result['device_id']}")
        print("Clé de secours (notez-la maintenant, elle ne sera plus affichée) :")
        print(f"  {recovery_key}")
    return 0


def _load_json_records(source: str | None) -> list[dict[str, Any]]:
    if source in (None, "-"):
        text = sys.stdin.read()
        label = "entrée standard"
    else:
        assert source is not None
        label = source
        try:
            text = Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise CliError(f"lecture impossible de {source} : {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CliError(f"{source} n'est pas un texte UTF-8") from exc
    text = text.strip()
    if not text:
        raise CliError(f"aucun contact dans {label}")
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [whole]
    if whole is not None:
        raise CliError("un objet JSON ou des lignes JSON (un objet par ligne) sont attendus")
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CliError(f"ligne {number} : JSON invalide ({exc.msg})") from exc
        if not isinstance(item, dict):
            raise CliError(f"ligne {number} : un objet JSON est attendu")
        records.append(item)
    return records


def cmd_contact_add(args: argparse.Namespace) -> int:
    records = _load_json_records(args.file)
    service = _open(args)
    try:
        ids = service.record_contacts(records, redact=args.redact)
    finally:
        service.close()
    for contact_id in ids:
        print(contact_id)
    return 0


def cmd_contact_list(args: argparse.Namespace) -> int:
    flt = ContactFilter(
        date_from=_date_arg(args.date_from, "--from"),
        date_to=_date_arg(args.date_to, "--to"),
        neighbourhood=args.neighbourhood,
        need=args.need,
        outcome=args.outcome,
        text=args.text,
        include_voided=args.all,
    )
    service = _open(args)
    try:
        rows = service.contacts(flt)
    finally:
        service.close()
    if args.json:
        _print_json([_public_contact(r) for r in rows])
        return 0
    for r in rows:
        voided = " (annulé)" if r["voided"] else ""
        print(f"{r['id']}  {r['date']}  {r['neighbourhood']:<10} {r['outcome']}{voided}")
    print(f"{len(rows)} contact(s)", file=sys.stderr)
    return 0


def _public_contact(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in {"device_id", "created_hlc", "updated_hlc"}}


def _date_arg(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(f"{option} : date attendue au format AAAA-MM-JJ, reçu « {value} »") from exc


def cmd_import_contacts(args: argparse.Namespace) -> int:
    from fieldapp.services.csv_import import CsvFileError, import_contacts

    service = _open(args)
    try:
        report = import_contacts(service, Path(args.file))
    except CsvFileError as exc:
        raise CliError(f"{args.file} : {exc}") from exc
    finally:
        service.close()
    for error in report.errors:
        print(str(error), file=sys.stderr)
    if report.ignored_columns:
        names = ", ".join(f"« {c} »" for c in report.ignored_columns)
        print(f"colonnes ignorées (jamais lues) : {names}", file=sys.stderr)
    if args.json:
        _print_json(
            {
                "imported": report.imported,
                "errors": [{"line": e.line, "message": str(e)} for e in report.errors],
                "ignored_columns": report.ignored_columns,
            }
        )
    else:
        imported, refused = len(report.imported), len(report.errors)
        print(f"{imported} contact(s) importé(s), {refused} ligne(s) refusée(s)")
    return 0 if not report.errors else EXIT_ERROR


def cmd_handover_add(args: argparse.Namespace) -> int:
    data: dict[str, Any] = {
        "contact_id": args.contact,
        "partner": args.partner,
        "mode": args.mode,
        "consent": args.consent,
    }
    if args.follow_up:
        data["follow_up"] = args.follow_up
    service = _open(args)
    try:
        handover_id = service.propose_handover(data)
    finally:
        service.close()
    print(handover_id)
    return 0


def cmd_handover_status(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        service.change_handover_status(args.handover, args.status, reason=args.reason)
        current = service.handover(args.handover)
    finally:
        service.close()
    print(f"{args.handover}  {current['status']}")
    return 0


def cmd_handover_list(args: argparse.Namespace) -> int:
    service = _open(args)
    try:
        rows = service.handovers(status=args.status or None)
    finally:
        service.close()
    if args.json:
        _print_json([{k: v for k, v in r.items() if not k.endswith("_hlc")} for r in rows])
        return 0
    for r in rows:
        follow = r["follow_up"] or "-"
        print(f"{r['id']}  {r['status']:<16} suivi {follow:<10}  {r['partner']}")
    return 0


def cmd_passphrase_change(args: argparse.Namespace) -> int:
    home = _home(args)
    if not home.exists():
        raise profile.NoProfile(home)
    old = _passphrase(args)
    keyfile.unlock(home.key_file, old)  # say "wrong passphrase" before asking for a new one
    profile.change_passphrase(home, old, _new_passphrase(args))
    print("Phrase de passe changée.")
    return 0


def cmd_passphrase_recover(args: argparse.Namespace) -> int:
    home = _home(args)
    if not home.exists():
        raise profile.NoProfile(home)
    recovery_key = _secret("FIELDAPP_RECOVERY_KEY", args.recovery_key_file, "Clé de secours")
    keyfile.unlock_with_recovery(home.key_file, recovery_key)
    profile.recover(home, recovery_key, _new_passphrase(args))
    print("Nouvelle phrase de passe enregistrée.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from fieldapp.services import demo

    home = _home(args)
    if home.exists():
        raise profile.ProfileExists(home)
    if args.contacts < 0:
        raise CliError("--contacts : nombre positif attendu")
    passphrase = os.environ.get("FIELDAPP_PASSPHRASE") or demo.DEMO_PASSPHRASE
    result = demo.create_demo(home.root, passphrase, contacts=args.contacts)
    if args.json:
        _print_json(result)
    else:
        print(
            f"Profil de démonstration créé dans {home.root} ({result['contacts']} contacts fictifs)"
        )
        print(f"Espace coordinateur de démonstration : {result['workspace']}")
        print(f"Phrase de passe de démonstration (profil et coordination) : {passphrase}")
    return 0


def cmd_person_erase(args: argparse.Namespace) -> int:
    from fieldapp.services import privacy

    service = _open(args)
    try:
        removed = privacy.erase_person(service, args.pseudonym)
    except ValueError as exc:  # malformed code: the message never repeats the input
        raise CliError(str(exc)) from exc
    finally:
        service.close()
    print(
        f"Effacé de ce carnet : {removed.contacts} contact(s), {removed.handovers} relais. "
        "La coordination l'effacera en fusionnant votre prochain envoi."
    )
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from fieldapp.ui.app.main import run  # imported here so the CLI never loads Qt

    return int(run(_home(args)))


def cmd_screenshot(args: argparse.Namespace) -> int:
    from fieldapp.ui.app import screenshot  # Qt only for this command

    home = _home(args)
    needs_passphrase = args.view not in screenshot.NO_PASSPHRASE_VIEWS
    if args.view not in screenshot.VIEWS:
        raise CliError(str(screenshot.UnknownView(args.view)))
    if args.view not in screenshot.COORDINATION_VIEWS and needs_passphrase and not home.exists():
        raise profile.NoProfile(home)
    out = Path(args.out)
    if out.suffix.lower() != ".png":
        raise CliError(f"--out : fichier .png attendu ({out.name})")
    passphrase = _passphrase(args) if needs_passphrase else ""
    workspace = Path(args.workspace).expanduser() if args.workspace else None
    screenshot.render_view(home, passphrase, args.view, out, lang=args.lang, workspace=workspace)
    print(out)
    return 0


# -- parser ----------------------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, in the contract's spirit, instead of argparse's usage block.
        self.exit(EXIT_USAGE, f"fieldapp: {message} (voir « {self.prog} --help »)\n")


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--home", help="dossier du profil (par défaut : FIELDAPP_HOME ou le dossier utilisateur)"
    )
    common.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")
    new_pass = _Parser(add_help=False)
    new_pass.add_argument(
        "--new-passphrase-file", help="lire la nouvelle phrase de passe dans ce fichier"
    )
    as_json = _Parser(add_help=False)
    as_json.add_argument("--json", action="store_true", help="sortie JSON")

    parser = _Parser(prog="fieldapp", description="Relais : carnet de terrain chiffré.")
    parser.add_argument("--version", action="version", version=f"fieldapp {__version__}")
    parser.add_argument("--home", dest="gui_home", help="dossier du profil pour l'application")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def add(
        name: str, func: Callable[[argparse.Namespace], int], parents: list[Any], **kw: Any
    ) -> Any:
        p = sub.add_parser(name, parents=parents, **kw)
        p.set_defaults(func=func)
        return p

    p = add("init", cmd_init, [common, as_json], help="créer le profil de cet appareil")
    p.add_argument("--structure", required=True, help="nom de la structure")
    p.add_argument("--structure-type", required=True, help="type de structure (code)")
    p.add_argument("--invitation", help="fichier d'invitation de la coordination")
    p.add_argument("--invitation-code", help="code d'invitation (donné à part)")

    p = add("demo", cmd_demo, [common, as_json], help="profil de démonstration (données fictives)")
    p.add_argument("--contacts", type=int, default=300, help="nombre de contacts fictifs")

    contact = sub.add_parser("contact", help="rencontres").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = contact.add_parser("add", parents=[common], help="enregistrer un ou plusieurs contacts")
    p.add_argument(
        "file",
        nargs="?",
        help="fichier JSON (un objet, ou un objet par ligne) ; - pour l'entrée standard",
    )
    p.add_argument(
        "--redact", action="store_true", help="masquer les données personnelles des notes"
    )
    p.set_defaults(func=cmd_contact_add)
    p = contact.add_parser("list", parents=[common, as_json], help="lister les contacts")
    p.add_argument("--from", dest="date_from", help="depuis la date AAAA-MM-JJ")
    p.add_argument("--to", dest="date_to", help="jusqu'à la date AAAA-MM-JJ")
    p.add_argument("--neighbourhood", help="code du quartier")
    p.add_argument("--need", help="besoin (catégorie data·inclusion)")
    p.add_argument("--outcome", help="suite donnée")
    p.add_argument("--text", help="texte cherché dans les notes")
    p.add_argument("--all", action="store_true", help="inclure les contacts annulés")
    p.set_defaults(func=cmd_contact_list)

    p = add(
        "import-contacts", cmd_import_contacts, [common, as_json], help="importer un tableur CSV"
    )
    p.add_argument("file", help="fichier CSV (séparateur ; ou ,)")

    handover = sub.add_parser("handover", help="relais accompagnés").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = handover.add_parser("add", parents=[common], help="proposer un relais")
    p.add_argument("--contact", required=True, help="identifiant du contact")
    p.add_argument("--partner", required=True, help="structure partenaire")
    p.add_argument("--mode", required=True, help="modalité du relais (code)")
    p.add_argument("--consent", action="store_true", help="la personne a donné son accord")
    p.add_argument("--follow-up", help="date de suivi AAAA-MM-JJ")
    p.set_defaults(func=cmd_handover_add)
    p = handover.add_parser("status", parents=[common], help="changer l'état d'un relais")
    p.add_argument("handover", help="identifiant du relais")
    p.add_argument("status", help="nouvel état")
    p.add_argument("--reason", help="motif (obligatoire pour refus_partenaire)")
    p.set_defaults(func=cmd_handover_status)
    p = handover.add_parser("list", parents=[common, as_json], help="lister les relais")
    p.add_argument("--status", action="append", help="filtrer par état (répétable)")
    p.set_defaults(func=cmd_handover_list)

    passphrase = sub.add_parser("passphrase", help="phrase de passe").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = passphrase.add_parser(
        "change", parents=[common, new_pass], help="changer la phrase de passe"
    )
    p.set_defaults(func=cmd_passphrase_change)
    p = passphrase.add_parser(
        "recover",
        parents=[common, new_pass],
        help="nouvelle phrase de passe avec la clé de secours",
    )
    p.add_argument("--recovery-key-file", help="lire la clé de secours dans ce fichier")
    p.set_defaults(func=cmd_passphrase_recover)
    person = sub.add_parser("person", help="droits des personnes").add_subparsers(
        dest="action", required=True, parser_class=_Parser
    )
    p = person.add_parser(
        "erase", parents=[common], help="effacer une personne (pseudonyme), ici et à la fusion"
    )
    p.add_argument("--pseudonym", required=True, help="code de la personne, XXXX-XXXX")
    p.set_defaults(func=cmd_person_erase)
    p = add("screenshot", cmd_screenshot, [common], help="rendre une vue hors écran (PNG)")
    p.add_argument("--view", required=True, help="vue : aujourdhui, contacts, saisie, relais…")
    p.add_argument("--out", required=True, help="fichier PNG à écrire")
    p.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue de l'interface")
    p.add_argument(
        "--workspace", help="espace de coordination (vues coordination, tableau-de-bord)"
    )
    coord = cli_sync.register(sub, common, as_json, add)
    cli_coord.register(coord, as_json)
    cli_report.register(coord, as_json)
    cli_directory.register(sub, common, as_json, add, coord=coord)
    cli_package.register(sub, add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args.home = args.gui_home
        args.func = cmd_gui
    try:
        return int(args.func(args))
    except PersonalDataInNote as exc:
        # One line per kind of personal data found, so the user sees what to remove.
        for problem in exc.problems:
            print(f"fieldapp: {problem}", file=sys.stderr)
        print("fieldapp: rien n'a été enregistré (option --redact pour masquer)", file=sys.stderr)
        return EXIT_ERROR
    except (
        CliError,
        profile.ProfileError,
        keyfile.KeyFileError,
        migrate.NewerSchema,
        WorkspaceError,
        ValidationError,
        TransitionError,
        UnknownRecord,
    ) as exc:
        print(f"fieldapp: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("fieldapp: interrompu", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"fieldapp: erreur système{where} : {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
