"""Street rounds and joint actions (issue 17).

fieldapp outing add --home DIR [FILE|-]      one JSON object, or JSON lines
fieldapp outing list --home DIR [--all] [--json]
fieldapp action add --home DIR [FILE|-]
fieldapp action list --home DIR [--all] [--json]
fieldapp outing|action void --home DIR ID --reason TEXTE

As `contact add`: a file (or a whole object on stdin) is all or nothing; JSON lines on stdin
are saved one by one, each id written and flushed right after its commit, so a program feeding
records knows which were saved even if this process dies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from contextlib import closing

from fieldapp.cli import common
from fieldapp.cli.common import CliError, arg_flag, arg_opt, arg_str
from fieldapp.domain import jsontext
from fieldapp.errors import RelaisError
from fieldapp.messages import Text, render
from fieldapp.services.presence import PresenceService

_HIDDEN = frozenset({"device_id", "created_hlc", "updated_hlc", "version"})


def _records(text: str, label: str, kind: str) -> list[dict[str, object]]:
    return common.json_records(text, label, empty=f"cli.presence.empty_{kind}")


def _add(args: argparse.Namespace, kind: str) -> int:
    source = arg_opt(args, "file")
    redact = arg_flag(args, "redact")
    if source not in (None, "-"):
        text, label = common.read_input(source)
        records = _records(text, label, kind)
        with closing(common.open_profile(args)) as field:
            ids = PresenceService(field).record(kind, records, redact=redact)
        for record_id in ids:
            print(record_id, flush=True)
        return 0
    label = render("cli.contact.stdin")
    lines = common.numbered_stdin(label)
    with closing(common.open_profile(args)) as field:
        service = PresenceService(field)
        number, first = next(lines, (0, ""))
        try:
            item = jsontext.loads(first) if first else None
        except (jsontext.JsonLimitError, json.JSONDecodeError):
            item = None
        if not isinstance(item, dict):  # not JSON lines: the whole input, all or nothing
            rest = "".join(t for _, t in lines)
            records = _records(first + rest, label, kind)
            for record_id in service.record(kind, records, redact=redact):
                print(record_id, flush=True)
            return 0
        saved = 0
        while True:
            try:
                (record_id,) = service.record(kind, [item], redact=redact)
            except RelaisError as error:
                if not saved:
                    raise
                problem = Text(error.code, **error.params)
                raise CliError(
                    "cli.presence.stream_stopped", line=number, saved=saved, problem=problem
                ) from error
            print(record_id, flush=True)
            saved += 1
            number, text = next(lines, (0, ""))
            if not number:
                return 0
            try:
                item = common.json_line(text, number)
            except CliError as refused:
                problem = Text(refused.code, **refused.params)
                raise CliError(
                    "cli.presence.stream_stopped", line=number, saved=saved, problem=problem
                ) from None


def _public(row: Mapping[str, object]) -> dict[str, object]:
    return {k: v for k, v in row.items() if k not in _HIDDEN}


def _list(args: argparse.Namespace, kind: str) -> int:
    with closing(common.open_profile(args)) as field:
        rows = PresenceService(field).list(kind, include_voided=arg_flag(args, "all"))
    if arg_flag(args, "json"):
        common.print_json([_public(r) for r in rows])
        return 0
    voided = " " + render("cli.out.contact_voided")
    for r in rows:
        mark = voided if r["voided"] else ""
        if kind == "outing":
            detail = render(
                "cli.presence.outing_line",
                {"minutes": r["duration_minutes"], "seen": r["people_seen"], "mood": r["ambiance"]},
            )
        else:
            detail = render(
                "cli.presence.action_line",
                {"type": r["action_type"], "people": r["participant_count"]},
            )
        print(f"{r['id']}  {r['date']}  {r['neighbourhood']:<10} {detail}{mark}")
    print(render(f"cli.presence.count_{kind}", {"n": len(rows)}), file=sys.stderr)
    return 0


def _void(args: argparse.Namespace, kind: str) -> int:
    with closing(common.open_profile(args)) as field:
        PresenceService(field).void(
            kind, arg_str(args, "record"), arg_str(args, "reason"), redact=arg_flag(args, "redact")
        )
    return 0


def cmd_outing_void(args: argparse.Namespace) -> int:
    return _void(args, "outing")


def cmd_action_void(args: argparse.Namespace) -> int:
    return _void(args, "action")


def cmd_outing_add(args: argparse.Namespace) -> int:
    return _add(args, "outing")


def cmd_outing_list(args: argparse.Namespace) -> int:
    return _list(args, "outing")


def cmd_action_add(args: argparse.Namespace) -> int:
    return _add(args, "action")


def cmd_action_list(args: argparse.Namespace) -> int:
    return _list(args, "action")


def register(commands: common.Commands) -> None:
    profile_options, as_json = common.profile_options(), common.json_option()
    for name, help_group, add, show, void, what in (
        ("outing", "tournées (présence sociale)", cmd_outing_add, cmd_outing_list,
         cmd_outing_void, "tournées"),
        ("action", "actions collectives", cmd_action_add, cmd_action_list, cmd_action_void,
         "actions"),
    ):  # fmt: skip
        group = commands.group(name, help_group)
        p = group.add("add", add, parents=[profile_options], help=f"enregistrer des {what}")
        p.add_argument(
            "file",
            nargs="?",
            help="fichier JSON (un objet, ou un objet par ligne) ; - pour l'entrée standard",
        )
        p.add_argument(
            "--redact", action="store_true", help="masquer les données personnelles des notes"
        )
        p = group.add("list", show, parents=[profile_options, as_json], help=f"lister les {what}")
        p.add_argument("--all", action="store_true", help=f"inclure les {what} annulées")
        p = group.add("void", void, parents=[profile_options], help="annuler (saisie par erreur)")
        p.add_argument("record", help="identifiant")
        p.add_argument("--reason", required=True, help="motif de l'annulation")
        p.add_argument(
            "--redact", action="store_true", help="masquer les données personnelles du motif"
        )
