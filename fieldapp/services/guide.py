"""The printable guide of the offers (issue 18): `fieldapp directory guide` and « Imprimer le
guide » in the Annuaire build the same guide from the profile's pack (`reports/guide.py`) and
write it as a PDF painted by Qt.

As for the report (services/reporting.py), only `fieldapp.ui` may import Qt: the UI registers the
painter (`register_guide_renderer`, done by `ui.coordination.report_pdf.register_pdf_renderer`)
and the CLI asks for it before writing. Files are written atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from fieldapp.domain.display import neighbourhood_label
from fieldapp.errors import InputError, UnavailableError
from fieldapp.reports.guide import Guide, build_guide
from fieldapp.services import directory
from fieldapp.services.field import FieldService
from fieldapp.storage.private_files import write_private

__all__ = ["Guide", "GuideError", "guide_for", "register_guide_renderer", "write_guide"]


class GuideError(InputError):
    """A guide that cannot be made; str() is one line."""


class NoGuideRenderer(UnavailableError):
    def __init__(self) -> None:
        super().__init__("services.guide.no_renderer")


class GuideRenderer(Protocol):
    def __call__(self, guide: Guide, /) -> bytes: ...


_renderer: list[GuideRenderer] = []  # at most one: the last registered


def register_guide_renderer(renderer: GuideRenderer) -> None:
    _renderer[:] = [renderer]


def guide_for(service: FieldService, neighbourhood: str | None = None) -> Guide:
    """The guide of the profile's directory; for `neighbourhood` (a QPV code of the pack), only
    the services that serve one of its communes."""
    pack = directory.current_pack(service)
    entries = directory.entries(pack)
    place = None
    if neighbourhood:
        territory = next((t for t in pack.territories if t.get("code") == neighbourhood), None)
        if territory is None:
            raise GuideError("services.guide.unknown_neighbourhood", code=neighbourhood)
        communes = [str(c) for c in territory.get("communes") or ()]
        entries = [e for e in entries if any(e.serves_commune(c) for c in communes)]
        place = neighbourhood_label(neighbourhood, directory.neighbourhood_names(pack))
    return build_guide(entries, place=place, pack_date=pack.date)


def write_guide(service: FieldService, out: Path, neighbourhood: str | None = None) -> Guide:
    out = Path(out)
    if out.suffix.lower() != ".pdf":
        raise GuideError("services.guide.pdf_expected", name=out.name)
    if not out.parent.is_dir():
        raise GuideError("services.guide.no_folder", folder=out.parent)
    guide = guide_for(service, neighbourhood)
    if not _renderer:
        raise NoGuideRenderer()
    write_private(out, _renderer[0](guide))
    return guide
