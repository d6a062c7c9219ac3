"""The partner directory: structures and services in the data·inclusion v1 schema.

Input is what data·inclusion publishes: a JSON array, or JSON lines (one object per line). Each
row is validated with the `data-inclusion-schema` pydantic models; a bad row is reported (line,
field, reason in French) and skipped, the others are kept as plain JSON dicts (`model_dump`), so
that a pack can carry them and the field app never needs pydantic to read them.

No I/O here: callers hand over the file content (bytes or text).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Final

import pydantic
from data_inclusion.schema.v1 import (
    Categorie,
    ModeAccueil,
    ModeMobilisation,
    Public,
    Service,
    Structure,
    Thematique,
    TypeService,
)

from fieldapp.domain import jsontext
from fieldapp.domain.employers import parse_extension
from fieldapp.errors import InputError
from fieldapp.messages import Text, render

__all__ = [
    "DirectoryFileError",
    "RowProblem",
    "categories_of",
    "format_opening_hours",
    "label",
    "load_services",
    "load_structures",
    "normalise_text",
    "parse_rows",
]

# Fields that the models hold as sets: dumped as sorted lists, so the same input always gives
# the same bytes (a signed pack must not depend on the hash seed of the process).
_SET_FIELDS: Final = frozenset(
    {
        "thematiques",
        "publics",
        "modes_accueil",
        "modes_mobilisation",
        "mobilisable_par",
        "reseaux_porteurs",
    }
)
MAX_ROWS: Final = 200_000  # far above any territory; bounds memory on a hostile file


class DirectoryFileError(InputError, ValueError):
    """The file as a whole cannot be read (not JSON, wrong shape); str() is one line."""


@dataclass(frozen=True)
class RowProblem:
    """One refused row: where it is, which field, why (`text`: a catalogue Text, or a validator's
    own words). `message` is the why in the current language."""

    line: int  # 1-based line of the file where the row starts
    index: int  # 1-based position of the row in the file
    record_id: str | None
    field: str
    text: Text | str

    @property
    def message(self) -> str:
        return self.text.message() if isinstance(self.text, Text) else self.text

    def __str__(self) -> str:
        where = Text(
            "domain.directory.row_id" if self.record_id else "domain.directory.row",
            line=self.line,
            record_id=self.record_id or "",
        )
        if self.field:
            return render(
                "domain.directory.row_field",
                {"where": where, "field": self.field, "detail": self.text},
            )
        return render("domain.directory.row_problem", {"where": where, "detail": self.text})


# --- reading rows ---------------------------------------------------------------------------


def _text(content: bytes | str) -> str:
    if isinstance(content, bytes):
        try:
            return content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise DirectoryFileError("domain.directory.not_utf8", byte=exc.start + 1) from None
    return content.removeprefix("\ufeff")


def _iter_rows(text: str) -> Iterator[tuple[int, Any | json.JSONDecodeError]]:
    """(line, parsed row or the error for that line); raises DirectoryFileError if hopeless."""
    start = len(text) - len(text.lstrip())
    if start == len(text):
        return
    if text[start] == "[":
        yield from _iter_array(text, start)
    else:
        yield from _iter_lines(text)


def _iter_array(text: str, start: int) -> Iterator[tuple[int, Any | json.JSONDecodeError]]:
    # Element by element with raw_decode, to know the line where each row starts.
    try:
        jsontext.check_depth(text, max_depth=jsontext.MAX_DEPTH + 1)  # + 1: the array itself
    except jsontext.JsonLimitError as exc:
        raise DirectoryFileError("domain.directory.json_refused", problem=exc.text) from None
    pos, line, counted = start + 1, 1, 0
    expect_value = True
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            raise DirectoryFileError("domain.directory.array_truncated")
        if text[pos] == "]":
            if text[pos + 1 :].strip():
                raise DirectoryFileError("domain.directory.after_array")
            return
        if not expect_value:
            if text[pos] != ",":
                line += text.count("\n", counted, pos)
                raise DirectoryFileError("domain.directory.comma_expected", line=line)
            pos += 1
            expect_value = True
            continue
        line += text.count("\n", counted, pos)
        counted = pos
        try:
            value, pos = jsontext.raw_decode(text, pos)
        except jsontext.JsonLimitError as exc:
            raise DirectoryFileError(
                "domain.directory.json_refused_line", line=line, problem=exc.text
            ) from None
        except json.JSONDecodeError as exc:
            raise DirectoryFileError(
                "domain.directory.array_unreadable", line=exc.lineno, column=exc.colno
            ) from None
        except RecursionError:
            raise DirectoryFileError("domain.directory.too_nested", line=line) from None
        yield line, value
        expect_value = False


def _iter_lines(text: str) -> Iterator[tuple[int, Any | json.JSONDecodeError]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            yield number, jsontext.loads(raw)
        except json.JSONDecodeError as exc:
            yield number, exc
        except RecursionError:
            yield number, json.JSONDecodeError("trop imbriqué", raw, 0)


# --- translating pydantic errors ------------------------------------------------------------

_PATTERN_HINTS: Final[Mapping[str, Text]] = {
    "code_postal": Text("domain.directory.hint_postcode"),
    "code_insee": Text("domain.directory.hint_insee"),
    "siret": Text("domain.directory.hint_siret"),
}


def _shown(value: Any) -> Text:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > 60:
        text = text[:57] + "…"
    return Text("domain.field.quoted", value=text)


def _worded(field: str, error: Mapping[str, Any]) -> Text | str:
    """The catalogue's wording of one pydantic error (a validator's own words stay as they are)."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if field == "zone_eligibilite" and len(error.get("loc", ())) > 1:
        return Text("domain.directory.zone_invalid", value=_shown(value))
    if kind == "missing":
        return Text("domain.field.missing")
    if kind in {"string_type", "str_type"}:
        return Text("domain.directory.text_expected")
    if kind == "string_too_short":
        if field in _PATTERN_HINTS:
            return Text("domain.directory.hinted", hint=_PATTERN_HINTS[field], value=_shown(value))
        return Text("domain.directory.too_short", min=ctx.get("min_length"))
    if kind == "string_too_long":
        if field in _PATTERN_HINTS:
            return Text("domain.directory.hinted", hint=_PATTERN_HINTS[field], value=_shown(value))
        return Text("domain.directory.too_long", max=ctx.get("max_length"))
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(field, Text("domain.directory.hint_format"))
        return Text("domain.directory.hinted", hint=hint, value=_shown(value))
    if kind == "enum":
        return Text("domain.directory.enum_unknown", value=_shown(value))
    if kind.startswith("date") or kind.startswith("datetime"):
        return Text("domain.directory.date_invalid", value=_shown(value))
    if kind.startswith("url"):
        return Text("domain.directory.url_invalid", value=_shown(value))
    if kind == "too_short":
        return Text("domain.directory.one_value_expected")
    if kind in {"list_type", "set_type", "iterable_type"}:
        return Text("domain.directory.list_expected")
    if kind in {"float_parsing", "float_type", "int_parsing", "int_type", "int_from_float"}:
        return Text("domain.directory.number_expected", value=_shown(value))
    if kind in {"greater_than_equal", "greater_than"}:
        return Text("domain.directory.too_small", min=ctx.get("ge", ctx.get("gt")))
    if kind == "model_type":
        return Text("domain.event.payload_expected")
    if kind == "value_error":
        if field == "courriel":
            return Text("domain.directory.email_invalid", value=_shown(value))
        # data·inclusion's own validators already speak French: their words are kept.
        return str(error.get("msg", "")).removeprefix("Value error, ")
    if "msg" in error:
        return str(error["msg"])
    return Text("domain.directory.value_invalid")


def _problems(
    line: int, index: int, record_id: str | None, exc: pydantic.ValidationError
) -> list[RowProblem]:
    # One problem per field: a union type (zone_eligibilite) yields one error per branch.
    by_field: dict[str, Text | str] = {}
    for error in exc.errors(include_url=False):
        loc = error.get("loc", ())
        field = str(loc[0]) if loc else ""
        by_field.setdefault(field, _worded(field, error))
    return [RowProblem(line, index, record_id, f, m) for f, m in by_field.items()]


def _dump(model: pydantic.BaseModel) -> dict[str, Any]:
    data: dict[str, Any] = model.model_dump(mode="json", exclude_none=True)
    for name in _SET_FIELDS & data.keys():
        data[name] = sorted(data[name])
    return data


def _load(
    content: bytes | str,
    model: type[pydantic.BaseModel],
    what: str,
    structure_ids: Collection[str] | None,
    extension: bool = False,
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    valid: list[dict[str, Any]] = []
    problems: list[RowProblem] = []
    seen: dict[str, int] = {}
    text = _text(content)
    for index, (line, row) in enumerate(_iter_rows(text), start=1):
        if index > MAX_ROWS:
            raise DirectoryFileError("domain.directory.too_many_rows", max=MAX_ROWS, what=what)
        if isinstance(row, json.JSONDecodeError):
            why = (
                row.text
                if isinstance(row, jsontext.JsonLimitError)
                else Text("domain.directory.json_invalid", column=row.colno)
            )
            problems.append(RowProblem(line, index, None, "", why))
            continue
        if not isinstance(row, dict):
            problems.append(
                RowProblem(
                    line, index, None, "", Text("domain.directory.object_expected", what=what)
                )
            )
            continue
        raw_id = row.get("id")
        record_id = raw_id if isinstance(raw_id, str) and raw_id else None
        try:
            record = _dump(model.model_validate(row))
        except pydantic.ValidationError as exc:
            problems.extend(_problems(line, index, record_id, exc))
            continue
        if extension:
            # The Relais extension (employers): data·inclusion's model ignores these fields.
            kept, refused = parse_extension(row)
            if refused:
                problems.extend(
                    RowProblem(line, index, record_id, f, why) for f, why in refused.items()
                )
                continue
            record.update(kept)
        if record["id"] in seen:
            problems.append(
                RowProblem(
                    line,
                    index,
                    record_id,
                    "id",
                    Text("domain.directory.duplicate_id", line=seen[record["id"]]),
                )
            )
            continue
        if structure_ids is not None and record["structure_id"] not in structure_ids:
            problems.append(
                RowProblem(
                    line,
                    index,
                    record_id,
                    "structure_id",
                    Text(
                        "domain.directory.structure_unknown", value=_shown(record["structure_id"])
                    ),
                )
            )
            continue
        seen[record["id"]] = line
        valid.append(record)
    return valid, problems


def parse_rows(content: bytes | str) -> list[dict[str, Any]]:
    """The objects of a JSON array or JSON lines content, unvalidated (trusted files only, such
    as the built-in demo directory). Raises DirectoryFileError on anything else."""
    rows = []
    for line, row in _iter_rows(_text(content)):
        if not isinstance(row, dict):
            raise DirectoryFileError("domain.directory.line_object_expected", line=line)
        rows.append(row)
    return rows


def load_structures(content: bytes | str) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """Valid structures (data·inclusion v1, as JSON dicts) and the refused rows.

    Raises DirectoryFileError when the content is not JSON lines nor a JSON array at all.
    Employers keep the Relais extension fields (`employeur`, `metiers`, `accepte_pmsmp`,
    `capacite_mensuelle`; domain/employers.py), validated too.
    """
    return _load(content, Structure, "structure", None, extension=True)


def load_services(
    content: bytes | str, *, structure_ids: Collection[str] | None = None
) -> tuple[list[dict[str, Any]], list[RowProblem]]:
    """Valid services and the refused rows; with `structure_ids`, a service whose structure is
    not among them is refused too (it could not be shown with its structure)."""
    return _load(content, Service, "service", structure_ids)


# --- vocabulary helpers ---------------------------------------------------------------------

_ENUMS: Final[Mapping[str, Any]] = {
    "categorie": Categorie,
    "thematique": Thematique,
    "public": Public,
    "type": TypeService,
    "mode_mobilisation": ModeMobilisation,
    "mode_accueil": ModeAccueil,
}


def label(kind: str, code: str) -> str:
    """French label of a data·inclusion code (`kind`: categorie, thematique, public, type,
    mode_mobilisation, mode_accueil); the code itself when unknown (newer schema)."""
    enum = _ENUMS[kind]
    try:
        return str(enum(code).label)
    except ValueError:
        return code


def choices(kind: str) -> list[tuple[str, str]]:
    """(code, French label) of every value of a data·inclusion vocabulary, in label order."""
    return sorted(((str(e.value), str(e.label)) for e in _ENUMS[kind]), key=lambda c: c[1])


def categories_of(service: Mapping[str, Any]) -> set[str]:
    """The need categories a service covers: the prefix of each `thematiques` code."""
    return {t.split("--", 1)[0] for t in service.get("thematiques") or ()}


_NON_WORD: Final = re.compile(r"[\W_]+")
_COMBINING: Final = re.compile(r"[\u0300-\u036f]+")  # accents, once decomposed (NFKD)
# Scripts other than Latin: kept searchable through the slower, fully Unicode path.
_OTHER_SCRIPTS: Final = re.compile(r"[\u0370-\u1fff\u2c00-\ud7ff\uf900-\uffef]")
# Punctuation that joins words ("l’emploi", "lundi–vendredi") and ligatures NFKD leaves alone.
_BEFORE_DECOMPOSING: Final = (
    ("’", " "),
    ("‘", " "),
    ("–", " "),
    ("—", " "),
    ("œ", "oe"),
    ("æ", "ae"),
)
# ASCII letters and digits kept, every other byte a space.
_ASCII_WORDS: Final = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))


def normalise_text(text: str) -> str:
    """Lower case, no accents, words separated by one space: for searching, not for display.

    Runs once per service when a pack is indexed (20,000 services in well under a second), hence
    the byte-level fast path for Latin text.
    """
    text = text.casefold()  # also ß -> ss
    if not text.isascii():
        for char, ascii_ in _BEFORE_DECOMPOSING:
            text = text.replace(char, ascii_)
        text = unicodedata.normalize("NFKD", text)
        if _OTHER_SCRIPTS.search(text):
            return _NON_WORD.sub(" ", _COMBINING.sub("", text)).strip()
        # Dropping what is left outside ASCII drops the accents (combining marks after NFKD).
        text = text.encode("ascii", "ignore").decode()
    return " ".join(text.encode().translate(_ASCII_WORDS).decode().split())


# --- opening hours --------------------------------------------------------------------------

_DAYS: Final[Mapping[str, str]] = {
    "Mo": "lun.",
    "Tu": "mar.",
    "We": "mer.",
    "Th": "jeu.",
    "Fr": "ven.",
    "Sa": "sam.",
    "Su": "dim.",
}
_DAY_RE: Final = re.compile(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b")


def format_opening_hours(value: str) -> str:
    """OpenStreetMap `opening_hours` ("Mo-Fr 08:30-12:30; PH off") read aloud in French.

    Only the common forms are translated; anything else is shown as written, which is still
    readable by a person.
    """
    parts = []
    for rule in (r.strip() for r in value.split(";")):
        if not rule:
            continue
        if rule == "PH off":
            parts.append("fermé les jours fériés")
            continue
        if rule == "24/7":
            parts.append("tous les jours, 24 h/24")
            continue
        text = _DAY_RE.sub(lambda m: _DAYS[m.group(1)], rule)
        text = re.sub(r"(\d{2}:\d{2})-(\d{2}:\d{2})", r"\1–\2", text)
        text = re.sub(r"(?<=\.)-(?=\w)", "–", text)  # day ranges: lun.–ven.
        text = text.replace(" off", " fermé").replace("PH", "jours fériés")
        parts.append(text.replace(",", ", "))
    return " ; ".join(parts)
