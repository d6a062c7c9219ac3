"""Bulk import of contacts from a spreadsheet saved as CSV (landlord staff, Excel users).

A row is a contact. Columns may carry the JSON field names (`docs/records.md`) or the form's
French labels ("Date", "Créneau", "Quartier", …, the headings of `write_template`); cells may hold
codes or the French labels shown in the app. Valid rows are saved together in one transaction;
each invalid row is reported with its line number and every problem, named by the form's labels,
and nothing of it is stored.

An import never doubles: the file's SHA-256 is remembered inside the encrypted notebook with the
contacts it saved (same transaction), and importing the same bytes again is refused
(`AlreadyImported`) unless the caller says `again`; a row identical to a contact already saved
for the same day is flagged (`RowCheck.duplicate`) and left out unless chosen (or `again`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from fieldapp.domain.contacts import CONTACT_FIELDS, parse_contact
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
from fieldapp.messages import Text, language
from fieldapp.messages.plural import Count
from fieldapp.messages.typography import french
from fieldapp.services.field import ContactFilter, FieldService, PersonalDataInNote, guard_text

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


REQUIRED_COLUMNS = ("date", "slot", "neighbourhood", "place_type", "outcome")
# The template's headings: the form's own labels, in the form's order (the importer reads them).
TEMPLATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("date", "Date"),
    ("slot", "Créneau"),
    ("neighbourhood", "Quartier"),
    ("commune", "Commune (hors QPV)"),
    ("place_type", "Lieu"),
    ("contact_mode", "Type de contact"),
    ("age_band", "Tranche d'âge"),
    ("gender", "Genre"),
    ("situation", "Situation"),
    ("registrations", "Inscriptions"),
    ("needs", "Besoins"),
    ("outcome", "Suite donnée"),
    ("note", "Note"),
)
# The example row's values (codes; the template writes their French labels). Synthetic.
_EXAMPLE = {
    "slot": "matin",
    "neighbourhood": "QN07601M",
    "place_type": "pied-immeuble",
    "contact_mode": "premier-contact",
    "age_band": "18-25",
    "gender": "non-renseigne",
    "situation": "inconnue",
    "registrations": "inconnue",
    "needs": "mobilite",
    "outcome": "information-donnee",
    "note": "Ligne d'exemple",
}
IMPORTED_FILES_SETTING = "imported_files"
MAX_REMEMBERED_FILES = 500
_DATE_SHAPE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")


class CsvFileError(InputError):
    """The file as a whole cannot be read (not a row problem); str() is for the user."""


class AlreadyImported(InputError):
    """These exact bytes were imported before (`when`: ISO date, `imported`: contacts saved)."""

    def __init__(self, name: str, when: str, imported: int) -> None:
        self.name = name
        self.when = when
        self.imported = imported
        super().__init__(
            "services.csv.already_imported",
            name=name,
            when=_french_date(when),
            contacts=Count(
                imported, "services.csv.count.contacts.one", "services.csv.count.contacts.other"
            ),
        )


class FileChanged(InputError):
    """The file changed between its preview and its import."""

    def __init__(self, name: str) -> None:
        super().__init__("services.csv.changed", name=name)


def field_label(name: str) -> Text | str:
    """The form's label of a field (« Lieu »), for messages; an unknown key as is."""
    return Text(f"domain.label.{name}") if name in FIELDS else name


class _Labels:
    """The labels of a vocabulary, rendered in the reader's language (a message parameter)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def message(self, lang: str | None = None) -> str:
        chosen = lang or language()
        # French guillemets typeset as every message's (narrow no-break spaces: a wrapped list
        # never leaves « » alone on a line).
        return ", ".join(
            french(f"« {t.fr} »") if chosen == "fr" else f"“{t.en}”" for t in self.vocab
        )


@dataclass(frozen=True)
class RowError:
    line: int
    problems: list[Problem]

    def text(self) -> Text:
        """« ligne 3 : Lieu (place_type) : valeur inconnue … ; Date (date) : … »: label first,
        the column's code in parentheses for scripts."""
        return Text(
            "services.csv.row_error",
            line=self.line,
            problems=[
                Text(
                    "services.csv.row_problem",
                    field=field_label(p.field),
                    code=p.field,
                    detail=p.text,
                )
                for p in self.problems
            ],
        )

    def __str__(self) -> str:
        return self.text().message()


@dataclass(frozen=True)
class RowCheck:
    """One row as the preview shows it: what it would save, every problem, and whether an
    identical contact is already saved for that day."""

    line: int
    values: dict[str, str]
    data: dict[str, Any]
    problems: list[Problem]
    duplicate: bool = False

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def selected_by_default(self) -> bool:
        return self.valid and not self.duplicate


@dataclass(frozen=True)
class Preview:
    """What `preview` read: every row checked, the file's digest, and whether it was imported."""

    name: str
    sha256: str
    rows: list[RowCheck]
    ignored_columns: list[str]
    previous: dict[str, Any] | None  # {"at": ISO date, "imported": n} when seen before

    @property
    def valid(self) -> int:
        return sum(r.valid for r in self.rows)

    @property
    def duplicates(self) -> int:
        return sum(r.valid and r.duplicate for r in self.rows)

    def default_lines(self) -> set[int]:
        return {r.line for r in self.rows if r.selected_by_default}


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    # Headings that are not Relais fields ("Nom", "Téléphone"…): their cells are never read.
    ignored_columns: list[str] = field(default_factory=list)
    # Valid rows not saved: identical to a contact of the same day, or not chosen in the preview.
    duplicates: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    sha256: str = ""

    @property
    def rows(self) -> int:
        return len(self.imported) + len(self.errors) + len(self.duplicates) + len(self.skipped)


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


def _read_bytes(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CsvFileError("services.csv.read_failed", name=path.name, detail=exc.strerror) from exc
    if len(raw) > MAX_BYTES:
        raise CsvFileError("services.csv.too_large", max_mb=MAX_BYTES // (1024 * 1024))
    return raw


def read_rows(path: Path, ignored: list[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """(line number, {field: cell}) for every non-empty row; raises CsvFileError.

    Headings that name no field are appended to `ignored` (their cells are skipped)."""
    return parse_rows(_read_bytes(path), ignored)


def parse_rows(raw: bytes, ignored: list[str] | None = None) -> list[tuple[int, dict[str, str]]]:
    """`read_rows` on the file's bytes (so the digest and the rows come from the same read)."""
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
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        names = [Text("services.csv.column", field=field_label(n), code=n) for n in missing]
        raise CsvFileError("services.csv.missing_columns", columns=_Joined(names))
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


class _Joined:
    """Texts joined with ", " in the reader's language (a message parameter)."""

    def __init__(self, parts: list[Text]) -> None:
        self.parts = parts

    def message(self, lang: str | None = None) -> str:
        return ", ".join(p.message(lang) for p in self.parts)


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
    return cell  # check_row names the problem (an impossible day, or an unreadable date)


def _date_problem(cell: str) -> Text:
    """Why a date cell was not read: a day the calendar lacks (31/02/2026), or another shape."""
    quoted = Text("domain.field.quoted", value=cell[:40])
    if _DATE_SHAPE.fullmatch(cell):
        return Text("services.csv.date_impossible", value=quoted)
    return Text("services.csv.date_unreadable", value=quoted)


def check_row(values: dict[str, str], *, today: date) -> tuple[dict[str, Any], list[Problem]]:
    """The row as a contact and *every* problem of it: the fields, and the note guard even when
    other fields are wrong (a phone number in a note is never hidden by a bad date)."""
    data = row_to_contact(values)
    problems: list[Problem] = []
    try:
        parse_contact(data, today=today)
    except ValidationError as exc:
        problems.extend(_worded(p, values) for p in exc.problems)
    note = values.get("note")
    if note:
        try:
            guard_text(
                note,
                field="note",
                redact=False,
                today=today,
                code="services.field.personal_data",
            )
        except PersonalDataInNote as exc:
            problems.extend(exc.problems)
    return data, problems


def _worded(problem: Problem, values: dict[str, str]) -> Problem:
    """A problem in the words of the spreadsheet: labels instead of codes."""
    name = problem.field
    if problem.code == "domain.field.date_invalid" and name == "date" and "date" in values:
        return Problem(name, _date_problem(values["date"]))
    vocab = (CODED | MULTI).get(name)
    if problem.code == "domain.field.unknown_code" and vocab is not None:
        text = Text(
            "services.csv.unknown_value", value=problem.params["value"], allowed=_Labels(vocab)
        )
        return Problem(name, text)
    return problem


def _key(contact: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """What makes two contacts identical (lists in any order, absent = empty)."""
    out = []
    for name in sorted(CONTACT_FIELDS):
        value = contact.get(name)
        if isinstance(value, list | tuple):
            value = tuple(sorted(value)) or None
        out.append((name, value))
    return tuple(out)


def _saved_keys(service: FieldService, days: Iterable[str]) -> set[tuple[tuple[str, Any], ...]]:
    keys: set[tuple[tuple[str, Any], ...]] = set()
    for day in sorted(set(days)):
        d = date.fromisoformat(day)
        for row in service.contacts(ContactFilter(date_from=d, date_to=d)):
            keys.add(_key(row))
    return keys


def _checked(
    service: FieldService,
    rows: list[tuple[int, dict[str, str]]],
    day: date,
    progress: Callable[[int, int], None] | None = None,
) -> list[RowCheck]:
    checks: list[tuple[int, dict[str, str], dict[str, Any], list[Problem], dict[str, Any] | None]]
    checks = []
    for n, (line, values) in enumerate(rows, start=1):
        data, problems = check_row(values, today=day)
        payload = None
        if not problems:
            payload = parse_contact(data, today=day).to_payload()
        checks.append((line, values, data, problems, payload))
        if progress and n % 500 == 0:
            progress(n, len(rows))
    saved = _saved_keys(service, (p["date"] for *_, p in checks if p is not None))
    return [
        RowCheck(line, values, data, problems, payload is not None and _key(payload) in saved)
        for line, values, data, problems, payload in checks
    ]


def file_digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def previous_import(service: FieldService, sha256: str) -> dict[str, Any] | None:
    """{"at": ISO date, "imported": n} if a file with this SHA-256 was imported here."""
    for entry in service.store.get_setting(IMPORTED_FILES_SETTING, []) or []:
        if isinstance(entry, dict) and entry.get("sha256") == sha256:
            return entry
    return None


def preview(service: FieldService, path: Path, *, today: date | None = None) -> Preview:
    """Read and check every row, saving nothing: what the window's preview shows."""
    raw = _read_bytes(path)
    ignored: list[str] = []
    rows = parse_rows(raw, ignored)
    digest = file_digest(raw)
    checked = _checked(service, rows, today or date.today())
    return Preview(path.name, digest, checked, ignored, previous_import(service, digest))


def import_contacts(
    service: FieldService,
    path: Path,
    *,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    again: bool = False,
    lines: Collection[int] | None = None,
    expected_sha256: str | None = None,
) -> ImportReport:
    """Save the file's valid rows; every refused row in `report.errors`.

    Refuses a file already imported here (`AlreadyImported`) unless `again`. `lines` (the rows
    chosen in a preview) limits what is saved; without it, rows identical to a contact of the
    same day are left out (`report.duplicates`) unless `again`. `expected_sha256`: the digest
    the preview read; a file changed since is refused (`FileChanged`)."""
    day = today or date.today()
    raw = _read_bytes(path)
    digest = file_digest(raw)
    if expected_sha256 is not None and digest != expected_sha256:
        raise FileChanged(path.name)
    before = previous_import(service, digest)
    if before is not None and not again:
        raise AlreadyImported(path.name, str(before.get("at", "")), int(before.get("imported", 0)))
    report = ImportReport(sha256=digest)
    rows = parse_rows(raw, report.ignored_columns)
    good: list[dict[str, Any]] = []
    for check in _checked(service, rows, day, progress):
        if check.problems:
            report.errors.append(RowError(check.line, check.problems))
        elif lines is not None and check.line not in lines:
            report.skipped.append(check.line)
        elif lines is None and check.duplicate and not again:
            report.duplicates.append(check.line)
        else:
            good.append(check.data)
    remembered = [
        e
        for e in service.store.get_setting(IMPORTED_FILES_SETTING, []) or []
        if isinstance(e, dict) and e.get("sha256") != digest
    ]
    entry = {"sha256": digest, "at": date.today().isoformat(), "imported": len(good)}
    remembered = [*remembered, entry][-MAX_REMEMBERED_FILES:]
    if good:  # the digest is saved with the contacts, in the same transaction
        report.imported = service.record_contacts(
            good, today=today, settings={IMPORTED_FILES_SETTING: remembered}
        )
    service.audit(
        "import", rows=len(rows), imported=len(report.imported), refused=len(report.errors)
    )
    if progress:
        progress(len(rows), len(rows))
    return report


def template_rows(today: date | None = None) -> list[list[str]]:
    """The template's heading row and its one example row (yesterday, so it imports)."""
    day = (today or date.today()) - timedelta(days=1)
    example: list[str] = []
    for name, _heading in TEMPLATE_COLUMNS:
        if name == "date":
            example.append(day.strftime("%d/%m/%Y"))
        elif name in CODED | MULTI:
            example.append((CODED | MULTI)[name].label(_EXAMPLE[name], "fr"))
        else:
            example.append(_EXAMPLE.get(name, ""))
    return [[heading for _name, heading in TEMPLATE_COLUMNS], example]


def write_template(path: Path, *, today: date | None = None) -> None:
    """The template CSV: the headings the importer reads and one example row, in « CSV UTF-8 »
    with « ; » (what Excel and LibreOffice open in French)."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(template_rows(today))
    try:
        path.write_text(out.getvalue(), encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise CsvFileError(
            "services.csv.write_failed", name=path.name, detail=exc.strerror
        ) from exc


def _french_date(iso: str) -> str:
    try:
        return date.fromisoformat(iso).strftime("%d/%m/%Y")
    except ValueError:
        return iso
