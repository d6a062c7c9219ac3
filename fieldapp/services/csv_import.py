"""Bulk import of contacts from a spreadsheet saved as CSV (landlord staff, Excel users).

A row is a contact. Columns may carry the JSON field names (`docs/records.md`) or their French
headings ("Date", "Créneau", "Quartier", …); cells may hold codes or the French labels shown in
the app. Valid rows are saved together in one transaction; each invalid row is reported with its
line number and what is wrong, and nothing of it is stored.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from fieldapp.domain.contacts import parse_contact
from fieldapp.domain.errors import Problem, ValidationError
from fieldapp.domain.vocab import (
    AGE_BANDS,
    CONTACT_MODES,
    GENDERS,
    NEEDS,
    OUTCOMES,
    PLACE_TYPES,
    REGISTRATIONS,
    SITUATIONS,
    SLOTS,
    Vocabulary,
)
from fieldapp.errors import InputError
from fieldapp.services.field import FieldService, guard_note

MAX_ROWS = 50_000
MAX_BYTES = 20 * 1024 * 1024

HEADINGS: dict[str, str] = {
    "date": "date",
    "creneau": "slot",
    "quartier": "neighbourhood",
    "qpv": "neighbourhood",
    "commune": "commune",
    "commune (hors qpv)": "commune",
    "lieu": "place_type",
    "type de lieu": "place_type",
    "mode de contact": "contact_mode",
    "type de contact": "contact_mode",  # the form's own label
    "contact": "contact_mode",
    "tranche d'age": "age_band",
    "age": "age_band",
    "genre": "gender",
    "situation": "situation",
    "inscriptions": "registrations",
    "inscription": "registrations",
    "besoins": "needs",
    "suite": "outcome",
    "suite donnee": "outcome",
    "pseudonyme": "pseudonym",
    "note": "note",
}
CODED: dict[str, Vocabulary] = {
    "slot": SLOTS,
    "place_type": PLACE_TYPES,
    "contact_mode": CONTACT_MODES,
    "age_band": AGE_BANDS,
    "gender": GENDERS,
    "situation": SITUATIONS,
    "outcome": OUTCOMES,
}
MULTI: dict[str, Vocabulary] = {"registrations": REGISTRATIONS, "needs": NEEDS}
FIELDS = {
    "date", "slot", "neighbourhood", "commune", "place_type", "contact_mode", "age_band",
    "gender", "situation", "registrations", "needs", "outcome", "pseudonym", "note",
}  # fmt: skip


class CsvFileError(InputError):
    """The file as a whole cannot be read (not a row problem); str() is for the user."""


@dataclass(frozen=True)
class RowError:
    line: int
    problems: list[Problem]

    def __str__(self) -> str:
        return f"ligne {self.line} : " + "; ".join(str(p) for p in self.problems)


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Headings that are not Relais fields ("Nom", "Téléphone"…): their cells are never read.
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return len(self.imported) + len(self.errors)


def _fold(text: str) -> str:
    """Lower case, no accents, single spaces, typographic apostrophes folded."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("–", "-").replace("—", "-"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.lower().replace("_", " ").split())


def _lookup(vocab: Vocabulary) -> dict[str, str]:
    table = {}
    for term in vocab:
        for text in (term.code, term.fr, term.en):
            table[_fold(text)] = term.code
            # Spreadsheets write ages as "18-25" or "18-25 ans", and "55+" for the last band.
            table[_fold(text).removesuffix(" ans")] = term.code
    if vocab is AGE_BANDS:
        table["55+"] = "55-plus"
    return table


LOOKUPS = {name: _lookup(v) for name, v in (CODED | MULTI).items()}


def _decode(raw: bytes) -> str:
    # Excel on Windows still saves "CSV" in cp1252 unless "CSV UTF-8" is chosen.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvFileError("services.csv.encoding")


def read_rows(path: Path, ignored: list[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, {field: cell}) for every non-empty row; raises CsvFileError.

    Headings that name no field are appended to `ignored` (their cells are skipped)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvFileError("services.csv.read_failed", name=path.name, detail=exc.strerror) from exc
    if len(raw) > MAX_BYTES:
        raise CsvFileError("services.csv.too_large", max_mb=MAX_BYTES // (1024 * 1024))
    text = _decode(raw)
    if not text.strip():
        raise CsvFileError("services.csv.empty")
    first = text.splitlines()[0]
    delimiter = ";" if first.count(";") >= first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except csv.Error as exc:
        raise CsvFileError("services.csv.header", detail=exc) from exc
    columns: list[str | None] = []
    for heading in header:
        key = _fold(heading)
        name = key.replace(" ", "_") if key.replace(" ", "_") in FIELDS else HEADINGS.get(key)
        columns.append(name)
        if name is None and heading.strip() and ignored is not None:
            ignored.append(heading.strip())
    missing = {"date", "slot", "neighbourhood", "place_type", "outcome"} - set(columns)
    if missing:
        raise CsvFileError("services.csv.missing_columns", columns=", ".join(sorted(missing)))
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise CsvFileError("services.csv.too_many_rows", max_rows=MAX_ROWS)
            values = {
                name: cell.strip()
                for name, cell in zip(columns, cells, strict=False)
                if name and cell.strip()
            }
            rows.append((reader.line_num, values))
    except csv.Error as exc:
        raise CsvFileError("services.csv.row", line=reader.line_num, detail=exc) from exc
    return rows


def row_to_contact(values: dict[str, str]) -> dict[str, Any]:
    """Turn spreadsheet cells into the JSON shape `parse_contact` validates."""
    data: dict[str, Any] = {}
    for name, cell in values.items():
        if name in CODED:
            data[name] = LOOKUPS[name].get(_fold(cell), cell)
        elif name in MULTI:
            parts = [
                p
                for p in (x.strip() for x in cell.replace("|", ",").replace("+", ",").split(","))
                if p
            ]
            data[name] = [LOOKUPS[name].get(_fold(p), p) for p in parts]
        elif name == "date":
            data[name] = _iso_date(cell)
        elif name == "neighbourhood":
            folded = _fold(cell)
            data[name] = "hors-qpv" if folded in {"hors qpv", "hors-qpv"} else cell.upper()
        else:
            data[name] = cell
    return data


def _iso_date(cell: str) -> str:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(cell, fmt).date().isoformat()
        except ValueError:
            continue
    return cell  # parse_contact reports it with the expected format


def import_contacts(
    service: FieldService,
    path: Path,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    report = ImportReport()
    day = today or date.today()
    good: list[dict[str, Any]] = []
    rows = read_rows(path, report.ignored_columns)
    for n, (line, values) in enumerate(rows, start=1):
        data = row_to_contact(values)
        try:
            # Same checks as a single save, the note guard included, so one bad row cannot
            # make the whole batch fail afterwards.
            guard_note(parse_contact(data, today=day), redact=False, today=day)
        except ValidationError as exc:
            report.errors.append(RowError(line, exc.problems))
        else:
            good.append(data)
        if progress and n % 500 == 0:
            progress(n, len(rows))
    if good:
        report.imported = service.record_contacts(good, today=today)
    service.audit(
        "import", rows=len(rows), imported=len(report.imported), refused=len(report.errors)
    )
    if progress:
        progress(len(rows), len(rows))
    return report
