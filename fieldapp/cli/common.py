"""What every command group shares: exit codes, the parser's shape, typed reads of the parsed
arguments, secrets, opening a profile or a workspace, and `--json` output.

The group modules (`field`, `sync`, `coord`, …) import this module only, never each other.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import NoReturn

from fieldapp.domain import jsontext
from fieldapp.errors import InputError, Kind
from fieldapp.messages import Text, Translatable, render
from fieldapp.services import profile
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.services.profile import Home, default_home

# -- exit codes ------------------------------------------------------------------------------------

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BUG = 70  # sysexits' EX_SOFTWARE: not something the person can fix
EXIT_INTERRUPTED = 130
# Scripts written against DESIGN.md's contract test 1 for every refusal: the kind changes how
# the window presents an error, not the exit code.
EXIT_FOR_KIND: Mapping[Kind, int] = dict.fromkeys(Kind, EXIT_ERROR)


class CliError(InputError):
    """Input refused by the command line itself (a `cli.…` code)."""


# -- parser ----------------------------------------------------------------------------------------

Command = Callable[[argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, in the contract's spirit, instead of argparse's usage block.
        line = render("cli.usage", {"message": message, "prog": self.prog})
        self.exit(EXIT_USAGE, f"fieldapp: {line}\n")


@dataclass(frozen=True)
class _Handler:
    # Wrapped so that reading it back from the Namespace is typed (see `command`).
    run: Command


class Commands:
    """One level of subcommands (`fieldapp …`, `fieldapp coord …`) that the groups register into."""

    def __init__(self, action: argparse._SubParsersAction[Parser]) -> None:
        self._action = action
        self._groups: dict[str, Commands] = {}

    def add(self, name: str, run: Command, *, help: str, parents: Sequence[Parser] = ()) -> Parser:
        parser = self._action.add_parser(name, parents=list(parents), help=help)
        parser.set_defaults(func=_Handler(run))
        return parser

    def group(self, name: str, help: str) -> Commands:
        """The subcommands of `name`, created by the first group module that asks for them."""
        if name not in self._groups:
            parser = self._action.add_parser(name, help=help)
            self._groups[name] = Commands(
                parser.add_subparsers(dest="action", required=True, parser_class=Parser)
            )
        return self._groups[name]


def coord_commands(commands: Commands) -> Commands:
    """`fieldapp coord …`: coord, report and directory all add to it."""
    return commands.group("coord", "coordination : clés, invitations, fusion")


def command(args: argparse.Namespace) -> Command | None:
    """The command chosen on the command line; None when there was none (the window)."""
    handler: object = getattr(args, "func", None)
    return handler.run if isinstance(handler, _Handler) else None


# Parent parsers: the options several commands share, defined once.


def _add_passphrase_file(options: Parser) -> None:
    options.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")


def profile_options() -> Parser:
    options = Parser(add_help=False)
    options.add_argument(
        "--home", help="dossier du profil (par défaut : FIELDAPP_HOME ou le dossier utilisateur)"
    )
    _add_passphrase_file(options)
    return options


def new_passphrase_option() -> Parser:
    options = Parser(add_help=False)
    options.add_argument(
        "--new-passphrase-file", help="lire la nouvelle phrase de passe dans ce fichier"
    )
    return options


def json_option() -> Parser:
    options = Parser(add_help=False)
    options.add_argument("--json", action="store_true", help="sortie JSON")
    return options


def workspace_options(*, db: bool = True) -> Parser:
    """`--workspace`, `--passphrase-file` and, for the commands that read the consolidated store,
    `--db`."""
    options = Parser(add_help=False)
    options.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
    _add_passphrase_file(options)
    if db:
        options.add_argument(
            "--db", help="base PostgreSQL régionale (postgresql+psycopg://…), retenue ensuite"
        )
    return options


def drop_auth_options() -> Parser:
    options = Parser(add_help=False)
    options.add_argument("--drop-user", help="identifiant WebDAV (ou FIELDAPP_DROP_USER)")
    options.add_argument(
        "--drop-password-file",
        help="lire le mot de passe WebDAV dans ce fichier (ou FIELDAPP_DROP_PASSWORD)",
    )
    return options


def positive(text: str) -> int:
    """argparse `type=` for counts and version numbers (1 or more)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            render("cli.number.not_integer", {"value": text})
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(render("cli.number.not_positive"))
    return value


# -- typed reads of the parsed arguments (argparse's Namespace is untyped) ------------------------


def _arg(args: argparse.Namespace, name: str) -> object:
    value: object = getattr(args, name)
    return value


def arg_str(args: argparse.Namespace, name: str) -> str:
    value = _arg(args, name)
    if not isinstance(value, str):
        raise TypeError(f"--{name}: str expected, got {type(value).__name__}")
    return value


def arg_opt(args: argparse.Namespace, name: str) -> str | None:
    """An optional text option; None when absent."""
    value = _arg(args, name)
    if value is not None and not isinstance(value, str):
        raise TypeError(f"--{name}: str expected, got {type(value).__name__}")
    return value


def arg_flag(args: argparse.Namespace, name: str) -> bool:
    value = _arg(args, name)
    if not isinstance(value, bool):
        raise TypeError(f"--{name}: bool expected, got {type(value).__name__}")
    return value


def arg_int(args: argparse.Namespace, name: str) -> int:
    value = _arg(args, name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"--{name}: int expected, got {type(value).__name__}")
    return value


def arg_opt_int(args: argparse.Namespace, name: str) -> int | None:
    value = _arg(args, name)
    return None if value is None else arg_int(args, name)


def arg_list(args: argparse.Namespace, name: str) -> list[str]:
    """A repeatable option (`action="append"`); empty when not given."""
    value = _arg(args, name)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"--{name}: list of str expected")
    return [str(v) for v in value]


def arg_path(args: argparse.Namespace, name: str) -> Path:
    return Path(arg_str(args, name)).expanduser()


def parse_date(value: str | None, option: str, *, code: str = "cli.date.format") -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise CliError(code, option=option, value=value) from exc


# -- secrets ---------------------------------------------------------------------------------------


def read_text_file(path: str) -> str:
    """A UTF-8 text file named on the command line; one line (CliError) if it cannot be read."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise CliError("cli.read_failed", path=path, reason=exc.strerror) from exc
    return _utf8(data, path)


def read_input(source: str | None) -> tuple[str, str]:
    """(text, label) of a file argument, or of stdin when it is absent or `-`: UTF-8 checked
    here, so that a stray byte is one line and not a traceback."""
    if source not in (None, "-"):
        assert source is not None
        return read_text_file(source), source
    label = render("cli.contact.stdin")
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (a test's StringIO)
        return sys.stdin.read(), label
    return _utf8(buffer.read(), label), label


def _utf8(data: bytes, label: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CliError("cli.not_utf8", source=label, byte=exc.start + 1) from None


def read_secret_file(path: str) -> str:
    return read_text_file(path).rstrip("\r\n")


def secret(env: str, file: str | None, prompt: Text, *, confirm: bool = False) -> str:
    """From the file option, then the environment, then a prompt on the terminal."""
    if file:
        return read_secret_file(file)
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise CliError("cli.secret.required", prompt=prompt, env=env)
    first = getpass.getpass(render("cli.secret.ask", {"prompt": prompt}))
    if confirm and getpass.getpass(render("cli.secret.ask_again", {"prompt": prompt})) != first:
        raise CliError("cli.secret.mismatch")
    return first


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    """The profile's or the workspace's passphrase (FIELDAPP_PASSPHRASE, --passphrase-file)."""
    return secret(
        "FIELDAPP_PASSPHRASE",
        arg_opt(args, "passphrase_file"),
        Text("cli.secret.passphrase"),
        confirm=confirm,
    )


def new_passphrase(args: argparse.Namespace) -> str:
    return secret(
        "FIELDAPP_NEW_PASSPHRASE",
        arg_opt(args, "new_passphrase_file"),
        Text("cli.secret.new_passphrase"),
        confirm=True,
    )


def recovery_key(args: argparse.Namespace) -> str:
    return secret(
        "FIELDAPP_RECOVERY_KEY",
        arg_opt(args, "recovery_key_file"),
        Text("cli.secret.recovery_key"),
    )


def drop_user(args: argparse.Namespace) -> str | None:
    return arg_opt(args, "drop_user") or os.environ.get("FIELDAPP_DROP_USER") or None


def drop_password(args: argparse.Namespace) -> str | None:
    file = arg_opt(args, "drop_password_file")
    if file:
        return read_secret_file(file)
    return os.environ.get("FIELDAPP_DROP_PASSWORD") or None


# -- profile and workspace -------------------------------------------------------------------------


def home_at(path: str | None) -> Home:
    return Home(Path(path).expanduser() if path else default_home())


def home(args: argparse.Namespace) -> Home:
    return home_at(arg_opt(args, "home"))


def existing_home(args: argparse.Namespace) -> Home:
    found = home(args)
    if not found.exists():
        raise profile.NoProfile(found)
    return found


def new_home(args: argparse.Namespace) -> Home:
    found = home(args)
    profile.check_new_home(found)  # refuses a folder holding a store, a key file or a backup
    return found


def notice(text: Translatable) -> None:
    """Something a service did on the person's behalf: one line on stderr."""
    print(text.message(), file=sys.stderr)


def open_profile(args: argparse.Namespace) -> FieldService:
    found = existing_home(args)
    return profile.open_profile(found, passphrase(args), notify=notice)


def open_workspace(args: argparse.Namespace) -> CoordinationService:
    """The coordinator's workspace and its consolidated store (`--db` when the command has it)."""
    db: object = getattr(args, "db", None)
    return CoordinationService.open(
        Path(arg_str(args, "workspace")),
        passphrase(args),
        db_url=db if isinstance(db, str) else None,
        notify=notice,
    )


# -- output ----------------------------------------------------------------------------------------


def print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str))


# -- JSON records on the command line (`contact add`, `outing add`, `action add`) -------------


def json_line(text: str, number: int) -> dict[str, object]:
    """One line of JSON lines: an object, or CliError naming the line."""
    try:
        item = jsontext.loads(text)
    except jsontext.JsonLimitError as exc:
        raise CliError("cli.contact.bad_line", line=number, reason=exc.text) from None
    except json.JSONDecodeError as exc:
        raise CliError("cli.contact.bad_line", line=number, reason=exc.msg) from None
    if not isinstance(item, dict):
        raise CliError("cli.contact.not_object", line=number)
    return item


def json_records(text: str, label: str, *, empty: str) -> list[dict[str, object]]:
    """One JSON object, or JSON lines (one object per line); `empty` is the code for no input."""
    text = text.strip()
    if not text:
        raise CliError(empty, source=label)
    try:
        whole = jsontext.loads(text)
    except jsontext.JsonLimitError as exc:
        raise CliError("cli.json.refused", source=label, problem=exc.text) from None
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict):
        return [whole]
    if whole is not None:
        raise CliError("cli.contact.not_json")
    lines = enumerate(text.splitlines(), start=1)
    return [json_line(line, number) for number, line in lines if line.strip()]


def stdin_lines(label: str) -> Iterator[str]:
    """Standard input line by line as it arrives, each checked as UTF-8."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:  # a text stream without bytes underneath (a test's StringIO)
        yield from sys.stdin
        return
    offset = 0
    for raw in buffer:
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CliError("cli.not_utf8", source=label, byte=offset + exc.start + 1) from None
        offset += len(raw)


def numbered_stdin(label: str) -> Iterator[tuple[int, str]]:
    """The non-blank lines of standard input as they arrive, with their line numbers."""
    for number, text in enumerate(stdin_lines(label), start=1):
        if text.strip():
            yield number, text
