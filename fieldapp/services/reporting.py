"""Indicators for people: the coordinator's report (CLI, dashboard) and the field "Mon activité".

Both sides use the same definitions (fieldapp.reports.indicators); only the coordinator's
publication applies small-cell suppression, since a field worker only sees their own data.
Files are written atomically: a report is either the old file or the whole new one.

The PDF is painted by Qt, which only `fieldapp.ui` may import: the UI registers its renderer
(`register_pdf_renderer`) when the window starts, and the CLI's report command asks the UI to do
so before writing a PDF. Without one, a PDF export is a clear `ReportError`.

Partners and services are named from the directory (`directory_names`): the last pack the
coordination published (its workspace's `packs/` folder, checked against its own signing key),
or the pack installed in a field profile.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine as Engine  # a report's source: the window passes one too

from fieldapp.errors import UnavailableError
from fieldapp.messages import render as render_message
from fieldapp.reports.indicators import Scope as Scope
from fieldapp.reports.indicators import compute_indicators, dimension_values
from fieldapp.reports.publish import DEFAULT_K as DEFAULT_K
from fieldapp.reports.publish import DirectoryNames as DirectoryNames
from fieldapp.reports.publish import Report as Report
from fieldapp.reports.publish import build_report
from fieldapp.reports.publish import neighbourhood_label as neighbourhood_label
from fieldapp.reports.publish import structure_type_label as structure_type_label
from fieldapp.reports.tables import Cell as Cell
from fieldapp.reports.tables import Table as Table
from fieldapp.reports.tables import display as display
from fieldapp.reports.tables import legend as legend
from fieldapp.services.profile import ProfileError
from fieldapp.storage.private_files import write_private

if TYPE_CHECKING:
    from fieldapp.services.coordination import CoordinationService
    from fieldapp.services.field import FieldService

FORMATS = ("csv", "xlsx", "pdf", "json")
MIN_K = 2


class ReportError(ProfileError):
    """A report that cannot be produced; str() is one line in the current language."""


class NoPdfRenderer(ReportError, UnavailableError):
    def __init__(self) -> None:
        super().__init__("services.reporting.no_pdf_renderer")


class PdfRenderer(Protocol):
    """Paints a finished report (suppression applied) as the bytes of a PDF file."""

    def __call__(self, report: Report, /) -> bytes: ...


_pdf_renderer: list[PdfRenderer] = []  # at most one: the last registered


def register_pdf_renderer(renderer: PdfRenderer) -> None:
    _pdf_renderer[:] = [renderer]


def make_scope(
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    neighbourhood: str | None = None,
    structure_type: str | None = None,
    structure: str | None = None,
) -> Scope:
    if date_from and date_to and date_from > date_to:
        raise ReportError(
            "services.reporting.empty_period",
            date_from=f"{date_from:%d/%m/%Y}",
            date_to=f"{date_to:%d/%m/%Y}",
        )
    return Scope(date_from, date_to, neighbourhood or None, structure_type or None, structure)


def coordination_report(
    source: CoordinationService | Engine, scope: Scope, *, k: int | None = DEFAULT_K
) -> Report:
    """The published report of a consolidated store (suppression with threshold k)."""
    if k is not None and k < MIN_K:
        raise ReportError("services.reporting.k", k=k, min_k=MIN_K)
    engine = source if isinstance(source, Engine) else source.consolidated.engine
    names = None if isinstance(source, Engine) else directory_names(source)
    return build_report(compute_indicators(engine, scope), k=k, names=names)


def names_of(
    structures: Iterable[Mapping[str, Any]],
    services: Iterable[Mapping[str, Any]],
    territories: Iterable[Mapping[str, Any]] = (),
) -> DirectoryNames:
    """Directory names by id from a pack's structures, services and neighbourhoods."""
    return DirectoryNames(
        {str(s["id"]): str(s.get("nom") or "") for s in structures if s.get("nom")},
        {str(v["id"]): str(v.get("nom") or "") for v in services if v.get("nom")},
        {str(t["code"]): str(t.get("name") or "") for t in territories if t.get("name")},
    )


_published_lock = threading.Lock()
_published: dict[Path, tuple[tuple[int, int], DirectoryNames]] = {}  # read once per file version


def directory_names(source: CoordinationService | FieldService) -> DirectoryNames | None:
    """The directory's names of partners and services for a report of `source` (None: none)."""
    from fieldapp.services.coordination import CoordinationService

    if not isinstance(source, CoordinationService):
        from fieldapp.services.directory import current_pack

        pack = current_pack(source)
        return names_of(pack.structures, pack.services, pack.territories)
    from fieldapp.services.packs import ARCHIVE_DIR, PACK_SUFFIX
    from fieldapp.sync.pack import PackError, verify_pack

    workspace = source.workspace
    files = sorted(Path(workspace.root, ARCHIVE_DIR).glob(f"pack-v*{PACK_SUFFIX}"))
    if not files:
        return None
    latest = files[-1]  # pack-vNNNN: the highest version sorts last
    try:
        stat = latest.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
        with _published_lock:
            cached = _published.get(latest)
        if cached is not None and cached[0] == stamp:
            return cached[1]
        public = workspace.keys.signing.public_key().public_bytes_raw()
        pack = verify_pack(latest.read_bytes(), public)
    except (OSError, PackError):
        return None  # the report still names partners by the text of their handovers
    names = names_of(pack.structures, pack.services, pack.territories)
    with _published_lock:
        _published[latest] = (stamp, names)
    return names


def render(report: Report, fmt: str) -> bytes:
    # Writers are imported when used: every CLI command imports this module.
    if fmt == "csv":
        from fieldapp.reports.csv_export import report_csv

        return report_csv(report)
    if fmt == "xlsx":
        from fieldapp.reports.xlsx_export import report_xlsx

        return report_xlsx(report)
    if fmt == "json":
        from fieldapp.reports.json_export import report_json

        return report_json(report)
    if fmt == "pdf":
        if not _pdf_renderer:
            raise NoPdfRenderer()
        return _pdf_renderer[0](report)
    check_format(fmt)
    raise AssertionError(fmt)  # unreachable: every format is handled above


def check_format(fmt: str) -> None:
    """ReportError unless `fmt` is one of FORMATS (the CLI asks before opening the workspace)."""
    if fmt not in FORMATS:
        raise ReportError("services.reporting.format", format=fmt, choices=", ".join(FORMATS))


def export(report: Report, fmt: str, out: Path) -> Path:
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("services.reporting.no_folder", folder=out.parent)
    data = render(report, fmt)
    try:
        write_private(out, data)
    except OSError as exc:
        raise ReportError(
            "services.reporting.write_failed", path=out, detail=exc.strerror or exc
        ) from exc
    return out


def coord_report(
    coordination_service: CoordinationService,
    fmt: str,
    out: Path,
    k: int = DEFAULT_K,
    date_from: date | None = None,
    date_to: date | None = None,
    structure: str | None = None,
    *,
    neighbourhood: str | None = None,
    structure_type: str | None = None,
) -> Report:
    """`fieldapp coord report`: compute, publish with suppression, write `out` atomically."""
    check_format(fmt)
    scope = make_scope(
        date_from,
        date_to,
        neighbourhood=neighbourhood,
        structure_type=structure_type,
        structure=structure,
    )
    report = coordination_report(coordination_service, scope, k=k)
    export(report, fmt, out)
    coordination_service.audit("export", format=fmt, k=k)
    return report


def my_activity(
    field_service: FieldService,
    date_from: date | None = None,
    date_to: date | None = None,
    *,
    neighbourhood: str | None = None,
) -> Report:
    """ "Mon activité": the same indicators on the device's own store, nothing hidden."""
    return activity_report(
        field_service, make_scope(date_from, date_to, neighbourhood=neighbourhood)
    )


def activity_report(field_service: FieldService, scope: Scope) -> Report:
    own_type = str(field_service.structure.get("type") or "")
    indicators = compute_indicators(field_service.engine, scope, own_structure_type=own_type)
    return build_report(
        indicators,
        k=None,
        title=render_message("services.reporting.my_activity"),
        names=directory_names(field_service),
    )


def coordination_filters(source: CoordinationService | Engine) -> tuple[list[str], list[str]]:
    """Neighbourhood codes and structure types to offer as filters."""
    engine = source if isinstance(source, Engine) else source.consolidated.engine
    return dimension_values(engine)
