"""Priority neighbourhoods (QPV) from a CSV shaped like the national list.

The national list has one row per neighbourhood × commune (a QPV may span several communes), with
at least `code_qp`, `lib_qp` and `insee_com`; separators `;` or `,`; UTF-8 with or without BOM.
Other columns are ignored. Rows with a problem are reported (line, field, reason) and skipped.

No I/O here: callers hand over the file content.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from typing import Any, Final

from fieldapp.domain.directory import DirectoryFileError, RowProblem

__all__ = ["Neighbourhood", "parse_qpv_csv"]

REQUIRED_COLUMNS: Final = ("code_qp", "lib_qp", "insee_com")
# Same rule as a contact's neighbourhood (domain.contacts.QPV_CODE): QN… (2024) or QP… (2015).
QPV_CODE: Final = re.compile(r"Q[NP][0-9A-Z]{5,8}")
INSEE_COMMUNE: Final = re.compile(r"\d{5}|2[AB]\d{3}")
MAX_NAME: Final = 200
MAX_ROWS: Final = 100_000


@dataclass
class Neighbourhood:
    code: str
    name: str
    communes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "communes": list(self.communes)}


def _decode(content: bytes | str) -> str:
    if isinstance(content, bytes):
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Spreadsheets saved "CSV (séparateur : point-virgule)" on Windows are often cp1252.
            try:
                return content.decode("cp1252")
            except UnicodeDecodeError:
                raise DirectoryFileError("ni UTF-8 ni Windows-1252 : encodage inconnu") from None
    return content.removeprefix("\ufeff")


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def _key(name: str) -> str:
    return name.strip().strip('"').lower()


def parse_qpv_csv(content: bytes | str) -> tuple[list[Neighbourhood], list[RowProblem]]:
    """Neighbourhoods in file order (communes in file order, no duplicates), and refused rows.

    Raises DirectoryFileError when the header lacks a required column.
    """
    text = _decode(content)
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DirectoryFileError("fichier vide : colonnes code_qp, lib_qp, insee_com attendues")
    reader = csv.reader(lines[first:], delimiter=_delimiter(lines[first]))
    header = [_key(h) for h in next(reader)]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise DirectoryFileError(
            f"colonne(s) manquante(s) : {', '.join(missing)} "
            f"(colonnes lues : {', '.join(h for h in header if h) or 'aucune'})"
        )
    col = {name: header.index(name) for name in REQUIRED_COLUMNS}
    found: dict[str, Neighbourhood] = {}
    problems: list[RowProblem] = []
    index = 0
    for row in reader:
        line = first + reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        index += 1
        if index > MAX_ROWS:
            raise DirectoryFileError(f"trop de lignes ({MAX_ROWS} au plus)")
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        code = cells["code_qp"].upper()
        record_id = code or None
        bad = False
        if not QPV_CODE.fullmatch(code):
            what = f"« {cells['code_qp']} »" if code else "vide"
            problems.append(RowProblem(line, index, None, "code_qp", f"code QPV invalide ({what})"))
            bad = True
        name = cells["lib_qp"]
        if not name or len(name) > MAX_NAME:
            problems.append(
                RowProblem(
                    line, index, record_id, "lib_qp", f"nom obligatoire ({MAX_NAME} car. au plus)"
                )
            )
            bad = True
        commune = cells["insee_com"].upper()
        if len(commune) == 4 and commune.isdigit():
            commune = "0" + commune  # a spreadsheet dropped the leading zero (Ain, Aisne…)
        if not INSEE_COMMUNE.fullmatch(commune):
            what = f"« {cells['insee_com']} »" if commune else "vide"
            problems.append(
                RowProblem(
                    line, index, record_id, "insee_com", f"code INSEE de commune invalide ({what})"
                )
            )
            bad = True
        if bad:
            continue
        current = found.get(code)
        if current is None:
            found[code] = Neighbourhood(code, name, [commune])
            continue
        if current.name != name:
            problems.append(
                RowProblem(
                    line,
                    index,
                    record_id,
                    "lib_qp",
                    f"nom différent pour le même code (« {current.name} » gardé)",
                )
            )
        if commune not in current.communes:
            current.communes.append(commune)
    return list(found.values()), problems
