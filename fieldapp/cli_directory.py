"""Command-line commands for the partner directory and reference packs (registered by fieldapp.cli).

    fieldapp coord pack --workspace DIR --structures FILE --services FILE --territories FILE
                        --out PACK [--retention-months N] [--version N] [--json]
    fieldapp pack import --home DIR PACK [--json]
    fieldapp pack show --home DIR [--json]

Refused rows of the input files are printed on stderr, one line each; the pack is still written
with the valid rows (exit code 0). A refused pack is one French line on stderr (exit code 1).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.services import directory, packs

AddCommand = Callable[..., Any]


def _cli() -> Any:
    # fieldapp.cli imports this module to register the commands: import it back lazily.
    from fieldapp import cli

    return cli


def _counts(summary: dict[str, Any]) -> str:
    return (
        f"{summary['structures']} structure(s), {summary['services']} service(s), "
        f"{summary['territories']} quartier(s)"
    )


def cmd_coord_pack(args: argparse.Namespace) -> int:
    from fieldapp.services import coordination  # heavy (transports): only when needed

    cli = _cli()
    passphrase = cli._secret("FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe")
    workspace = coordination.open_workspace(Path(args.workspace).expanduser(), passphrase)
    report = packs.make_workspace_pack(
        workspace,
        Path(args.structures).expanduser(),
        Path(args.services).expanduser(),
        Path(args.territories).expanduser(),
        Path(args.out).expanduser(),
        version=args.pack_version,
        retention_months=args.retention_months,
    )
    if args.json:
        cli._print_json(report.to_dict())
        return 0
    for line in report.problem_lines():
        print(f"fieldapp: {line}", file=sys.stderr)
    counts = report.counts
    print(f"Pack de référence version {report.version} écrit : {report.path}")
    print(
        f"  {counts['structures']} structure(s), {counts['services']} service(s), "
        f"{counts['territories']} quartier(s) ; conservation {args.retention_months} mois"
    )
    print(f"  Empreinte de la clé de signature : {report.signer_fingerprint}")
    print(f"  SHA-256 du contenu : {report.content_sha256}")
    if report.refused:
        print(f"  {report.refused} ligne(s) refusée(s), détail ci-dessus (non incluses)")
    return 0


def cmd_pack_import(args: argparse.Namespace) -> int:
    cli = _cli()
    service = cli._open(args)
    try:
        pack = packs.import_pack(service, Path(args.pack).expanduser())
    finally:
        service.close()
    summary = pack.summary()
    if args.json:
        cli._print_json(summary)
        return 0
    where = f" de la coordination « {pack.coordination} »" if pack.coordination else ""
    print(f"Pack de référence version {pack.version}{where} installé : {_counts(summary)}")
    return 0


def cmd_pack_show(args: argparse.Namespace) -> int:
    cli = _cli()
    service = cli._open(args)
    try:
        summary = directory.current_pack(service).summary()
    finally:
        service.close()
    if args.json:
        cli._print_json(summary)
        return 0
    if summary["demo"]:
        print(f"Annuaire de démonstration (données fictives) : {_counts(summary)}")
    else:
        print(
            f"Pack de référence version {summary['version']} du {summary['date'][:10]} "
            f"(« {summary['coordination']} ») : {_counts(summary)}"
        )
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"nombre entier attendu, reçu « {text} »") from None
    if value < 1:
        raise argparse.ArgumentTypeError("nombre positif attendu")
    return value


def _subcommands(sub: Any, name: str, help_text: str, parser_class: type) -> Any:
    """The subcommands of `name` (e.g. `coord`), created if no other module registered it yet."""
    parser = sub.choices.get(name)
    if parser is None:
        return sub.add_parser(name, help=help_text).add_subparsers(
            dest="action", required=True, parser_class=parser_class
        )
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    raise RuntimeError(f"la commande {name} n'a pas de sous-commandes")


def register(
    sub: Any,
    common: argparse.ArgumentParser,
    as_json: argparse.ArgumentParser,
    add: AddCommand,
    coord: Any = None,
) -> None:
    """Add `coord pack`, `pack import` and `pack show` to fieldapp.cli's parser.

    `coord`: the `coord` subcommands returned by cli_sync.register; found or created otherwise.
    """
    parser_class = type(common)
    if coord is None:
        coord = _subcommands(sub, "coord", "coordination", parser_class)
    secret = parser_class(add_help=False)
    secret.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")

    p = coord.add_parser(
        "pack",
        parents=[secret, as_json],
        help="publier le pack de référence signé (annuaire, quartiers)",
    )
    p.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
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
        type=_positive,
        metavar="N",
        default=packs.DEFAULT_RETENTION_MONTHS,
        help="durée de conservation des données, en mois (24 par défaut)",
    )
    p.add_argument(
        "--version",
        dest="pack_version",
        type=_positive,
        metavar="N",
        help="numéro de version (par défaut : dernière version publiée + 1)",
    )
    p.set_defaults(func=cmd_coord_pack)

    pack = _subcommands(sub, "pack", "pack de référence (annuaire, quartiers)", parser_class)
    p = pack.add_parser(
        "import", parents=[common, as_json], help="installer un pack de référence signé"
    )
    p.add_argument("pack", help="fichier du pack (.relais-pack)")
    p.set_defaults(func=cmd_pack_import)
    p = pack.add_parser("show", parents=[common, as_json], help="pack de référence en service")
    p.set_defaults(func=cmd_pack_show)
