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
from fieldapp.messages import Text

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
                raise DirectoryFileError("domain.territories.encoding") from None
    return content.removeprefix("\ufeff")


def _quoted_or_empty(cell: str) -> Text:
    return (
        Text("domain.field.quoted", value=cell) if cell else Text("domain.territories.empty_cell")
    )


def _delimiter(header_line: str) -> str:
    return ";" if header_line.count(";") >= header_line.count(",") else ","


def _key(name: str) -> str:
    return name.strip().strip('"').lower()


def parse_qpv_csv(content: bytes | str) -> tuple[list[Neighbourhood], list[RowProblem]]:
    """Neighbourhoods in file order (communes in file order, no duplicates), and refused rows.

    Raises DirectoryFileError when the header lacks a required column, or when the csv module
    cannot read the file (a cell past its size limit, a NUL byte).
    """
    try:
        return _parse_qpv_csv(content)
    except csv.Error:
        raise DirectoryFileError("domain.territories.csv_unreadable") from None


def _parse_qpv_csv(content: bytes | str) -> tuple[list[Neighbourhood], list[RowProblem]]:
    text = _decode(content)
    lines = text.splitlines(keepends=True)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise DirectoryFileError("domain.territories.empty")
    reader = csv.reader(lines[first:], delimiter=_delimiter(lines[first]))
    header = [_key(h) for h in next(reader)]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        read = ", ".join(h for h in header if h)
        raise DirectoryFileError(
            "domain.territories.columns_missing",
            count=len(missing),
            missing=", ".join(missing),
            read=read or Text("domain.territories.none"),
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
            raise DirectoryFileError("domain.territories.too_many_rows", max=MAX_ROWS)
        cells = {name: (row[i].strip() if i < len(row) else "") for name, i in col.items()}
        code = cells["code_qp"].upper()
        record_id = code or None
        bad = False
        if not QPV_CODE.fullmatch(code):
            what = _quoted_or_empty(cells["code_qp"] if code else "")
            problems.append(
                RowProblem(
                    line, index, None, "code_qp", Text("domain.territories.qpv_invalid", what=what)
                )
            )
            bad = True
        name = cells["lib_qp"]
        if not name or len(name) > MAX_NAME:
            problems.append(
                RowProblem(
                    line,
                    index,
                    record_id,
                    "lib_qp",
                    Text("domain.territories.name_required", max=MAX_NAME),
                )
            )
            bad = True
        commune = cells["insee_com"].upper()
        if len(commune) == 4 and commune.isdigit():
            commune = "0" + commune  # a spreadsheet dropped the leading zero (Ain, Aisne…)
        if not INSEE_COMMUNE.fullmatch(commune):
            what = _quoted_or_empty(cells["insee_com"] if commune else "")
            problems.append(
                RowProblem(
                    line,
                    index,
                    record_id,
                    "insee_com",
                    Text("domain.territories.insee_invalid", what=what),
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
                    Text("domain.territories.name_differs", kept=current.name),
                )
            )
        if commune not in current.communes:
            current.communes.append(commune)
    return list(found.values()), problems
