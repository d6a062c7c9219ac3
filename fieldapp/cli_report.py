"""`fieldapp coord report` (registered into `fieldapp coord` by fieldapp.cli).

fieldapp coord report --workspace DIR --format csv|xlsx|pdf --out FILE [--k 5]
                      [--from DATE --to DATE] [--structure ID] [--db URL] [--json]
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from fieldapp.services.coordination import CoordinationService
from fieldapp.services.reporting import FORMATS, ReportError, coord_report


def _cli() -> Any:
    from fieldapp import cli

    return cli


def _day(text: str | None, option: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReportError(f"{option} : date invalide « {text} » (attendu AAAA-MM-JJ)") from None


def _register_pdf_renderer() -> None:
    # Only fieldapp.ui may import Qt; without PySide6 the service says PDF is unavailable.
    try:
        from fieldapp.ui.report_pdf import register_pdf_renderer
    except ImportError:
        return
    register_pdf_renderer()


def cmd_report(args: argparse.Namespace) -> int:
    date_from, date_to = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if args.format not in FORMATS:
        raise ReportError(f"format inconnu : {args.format} (possibles : {', '.join(FORMATS)})")
    if args.format == "pdf":
        _register_pdf_renderer()
    passphrase = _cli()._secret("FIELDAPP_PASSPHRASE", args.passphrase_file, "Phrase de passe")
    service = CoordinationService.open(Path(args.workspace), passphrase, db_url=args.db)
    try:
        report = coord_report(
            service,
            args.format,
            Path(args.out),
            k=args.k,
            date_from=date_from,
            date_to=date_to,
            structure=args.structure,
        )
    finally:
        service.close()
    if args.json:
        _cli()._print_json(
            {
                "out": str(Path(args.out)),
                "format": args.format,
                "k": args.k,
                "period": report.period_text(),
                "tables": [t.key for t in report.tables],
            }
        )
    else:
        print(f"Rapport écrit : {args.out} ({report.period_text()}, secret k = {args.k})")
    return 0


def register(coord: Any, as_json: argparse.ArgumentParser) -> None:
    """Add `report` to the `coord` subparsers."""
    p = coord.add_parser(
        "report",
        parents=[as_json],
        help="indicateurs pour la commission (CSV, XLSX ou PDF), secret statistique appliqué",
    )
    p.add_argument("--workspace", required=True, help="dossier de l'espace coordinateur")
    p.add_argument("--passphrase-file", help="lire la phrase de passe dans ce fichier")
    p.add_argument(
        "--db", help="base PostgreSQL régionale (postgresql+psycopg://…), retenue ensuite"
    )
    p.add_argument("--format", required=True, choices=FORMATS, help="format du fichier")
    p.add_argument("--out", required=True, help="fichier à écrire")
    p.add_argument("--k", type=int, default=5, help="seuil du secret statistique (5)")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="début de période AAAA-MM-JJ")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="fin de période AAAA-MM-JJ")
    p.add_argument("--structure", metavar="ID", help="une seule structure (identifiant)")
    p.set_defaults(func=cmd_report)
