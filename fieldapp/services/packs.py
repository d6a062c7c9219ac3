"""The reference pack: publishing it (coordinator), verifying and installing it (field), the demo.

Coordinator side: `make_pack` reads the data·inclusion structures and services files and the QPV
CSV, reports refused rows, and writes a pack signed with the workspace's Ed25519 key.
`make_workspace_pack` also puts in each territory its « carte des manques» (issue 18): the needs
marked « sans solution » there over the 12 full months before the pack's date, counted on the
workspace's consolidated store and suppressed (`fieldapp.reports.unmet_map`).

Field side: `import_pack` installs a pack only when it is signed by the coordinator the profile
joined (the `signing_public` key of the invitation, stored by `services.sync`) and is newer than
the installed one; the pack is kept in the encrypted profile (`profile_settings`,
key `reference_pack`). Without one, the directory shows the built-in demo pack (fictional data in
`resources/demo-pack/`). Browsing and searching a pack is `fieldapp.services.directory`.
"""

from __future__ import annotations

import base64
import binascii
import threading
import weakref
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.domain import directory as dom
from fieldapp.domain.directory import DirectoryFileError, RowProblem
from fieldapp.domain.territories import parse_qpv_csv
from fieldapp.messages import Text, render
from fieldapp.reports.publish import DEFAULT_K
from fieldapp.reports.unmet_map import period_before, unmet_map
from fieldapp.services.field import FieldService
from fieldapp.services.profile import ProfileError
from fieldapp.storage.atomic import atomic_write
from fieldapp.sync.batch import key_fingerprint
from fieldapp.sync.pack import (
    DEFAULT_EXPIRATION_JOURS,
    DEFAULT_RELANCE_JOURS,
    DEFAULT_RETENTION_MONTHS,
    MANQUES_KEY,
    MAX_PACK_BYTES,
    RELAIS_VOCAB_VERSION,
    Pack,
    PackError,
    build_pack,
    check_delays,
    read_header,
    stored_pack,
    verify_pack,
)
from fieldapp.sync.pack import demo_pack as _demo_pack

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fieldapp.sync.workspace import Workspace

__all__ = [
    "DEFAULT_EXPIRATION_JOURS",
    "DEFAULT_RELANCE_JOURS",
    "DEFAULT_RETENTION_MONTHS",
    "DirectoryError",
    "PackRefused",
    "PackReport",
    "RowProblem",
    "coordination_key",
    "demo_dir",
    "demo_pack",
    "demo_sources",
    "import_pack",
    "installed_pack",
    "make_pack",
    "make_workspace_pack",
    "previous_version",
]

PACK_SETTING: Final = "reference_pack"
COORDINATION_SETTING: Final = "coordination"  # written by services.sync.join_coordination
PACK_SUFFIX: Final = ".relais-pack"
ARCHIVE_DIR: Final = "packs"  # in the coordinator workspace: every pack published, by version
DEMO_DATE: Final = "2026-10-01T00:00:00Z"
_PACKAGE = Path(__file__).resolve().parent.parent
_T = TypeVar("_T")


# --- errors (ProfileError: fieldapp.cli prints them as one line) -----------------------------


class DirectoryError(ProfileError):
    """A directory or pack problem the user can act on; `reason` is a stable short name."""

    def __init__(self, code: str, /, reason: str = "error", **params: object) -> None:
        super().__init__(code, **params)
        self.reason = reason


class PackRefused(DirectoryError):
    """A pack that was not installed: `reason` is `malformed`, `unsupported`, `tampered`,
    `wrong_signer`, `not_newer` or `not_joined`; the installed pack stays in use."""

    @property
    def says_not_installed(self) -> bool:
        """Whether the message already says "pack non installé" (else the window prefixes it)."""
        return self.code in SAYS_NOT_INSTALLED


# Refusals whose message already says "pack non installé".
SAYS_NOT_INSTALLED: Final = frozenset({"services.packs.not_newer", "services.packs.wrong_key"})

# What `_read` reads (the key of its messages): pack, structures, services, quartiers.
_FILES: Final = {
    "pack": "services.packs.not_found.pack",
    "structures": "services.packs.not_found.structures",
    "services": "services.packs.not_found.services",
    "quartiers": "services.packs.not_found.quartiers",
}


def _read(path: Path | str, what: str, limit: int = MAX_PACK_BYTES) -> bytes:
    path = Path(path)
    name = Text(f"services.packs.what.{what}")
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise DirectoryError(_FILES[what], "not_found", path=path) from None
    except OSError as exc:
        raise DirectoryError(
            "services.packs.read_failed", "io", what=name, path=path, detail=exc.strerror or exc
        ) from None
    if len(data) > limit:
        raise DirectoryError("services.packs.too_large", "too_large", path=path, what=name)
    return data


# --- coordinator side -------------------------------------------------------------------------


@dataclass
class PackReport:
    path: Path
    version: int
    content_sha256: str
    counts: dict[str, int]
    signer_fingerprint: str
    problems: dict[str, list[RowProblem]] = field(default_factory=dict)  # file name -> rows
    manques: int = 0  # territories carrying a « carte des manques »

    @property
    def refused(self) -> int:
        return sum(len(p) for p in self.problems.values())

    def problem_lines(self) -> list[str]:
        return [
            render("services.packs.row_problem", {"file": name, "problem": problem})
            for name, rows in self.problems.items()
            for problem in rows
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "pack": str(self.path),
            "version": self.version,
            "content_sha256": self.content_sha256,
            "signer_fingerprint": self.signer_fingerprint,
            "counts": dict(self.counts),
            "refused": self.refused,
            "manques": self.manques,
            "problems": [
                {
                    "file": name,
                    "line": p.line,
                    "id": p.record_id,
                    "field": p.field,
                    "message": p.message,
                }
                for name, rows in self.problems.items()
                for p in rows
            ],
        }


def _vocab_version() -> dict[str, Any]:
    try:
        schema = metadata.version("data-inclusion-schema")
    except metadata.PackageNotFoundError:  # a frozen bundle without the dist-info
        schema = "inconnue"
    return {"data_inclusion": "v1", "data_inclusion_schema": schema, "relais": RELAIS_VOCAB_VERSION}


def _published_version(path: Path, signer: bytes) -> int:
    """Version of an existing pack file signed by `signer`, else 0 (unreadable, someone else's)."""
    try:
        header = read_header(path.read_bytes())
        public = base64.b64decode(header["signer"]["public_key"], validate=True)
    except (OSError, PackError, ValueError, binascii.Error):
        return 0
    return int(header["version"]) if public == signer else 0


def previous_version(signing_public: bytes, *, archive_dir: Path | None, out: Path | None) -> int:
    """Highest version already published with this key (archive folder and target file)."""
    best = 0
    if archive_dir is not None and archive_dir.is_dir():
        for path in archive_dir.glob(f"*{PACK_SUFFIX}"):
            best = max(best, _published_version(path, signing_public))
    if out is not None and out.is_file():
        best = max(best, _published_version(out, signing_public))
    return best


def _load(loader: Callable[..., _T], path: Path, what: str, **kw: Any) -> _T:
    try:
        return loader(_read(path, what), **kw)
    except DirectoryFileError as exc:
        raise DirectoryError(
            "services.packs.bad_file", "bad_file", path=path, problem=exc
        ) from None


def make_pack(
    signing_key: Ed25519PrivateKey,
    structures_path: Path | str,
    services_path: Path | str,
    territories_path: Path | str,
    out: Path | str,
    *,
    version: int | None = None,
    retention_months: int = DEFAULT_RETENTION_MONTHS,
    coordination: str = "",
    archive_dir: Path | str | None = None,
    now: datetime | None = None,
    relance_jours: int = DEFAULT_RELANCE_JOURS,
    expiration_jours: int = DEFAULT_EXPIRATION_JOURS,
    manques: Mapping[str, Mapping[str, Any]] | None = None,
) -> PackReport:
    """Validate the three files, then write a signed pack to `out`.

    `manques`: neighbourhood code → its « carte des manques » (`reports.unmet_map`), written
    into the pack's territories of those codes (the others are left without one).

    Refused rows are reported in the result and left out; the pack is written when at least one
    structure, one service and one neighbourhood are valid. `version=None` takes the highest
    version published with this key (in `archive_dir` and in `out`) plus one; an explicit
    version must be above it. With `archive_dir`, a copy named `pack-vNNNN.relais-pack` is kept
    there.
    """
    out = Path(out)
    archive = Path(archive_dir) if archive_dir is not None else None
    structures_path, services_path = Path(structures_path), Path(services_path)
    territories_path = Path(territories_path)
    structures, s_problems = _load(dom.load_structures, structures_path, "structures")
    services, v_problems = _load(
        dom.load_services,
        services_path,
        "services",
        structure_ids={s["id"] for s in structures},
    )
    neighbourhoods, t_problems = _load(parse_qpv_csv, territories_path, "quartiers")
    for rows, what, path in (
        (structures, "structure", structures_path),
        (services, "service", services_path),
        (neighbourhoods, "quartier", territories_path),
    ):
        if not rows:
            raise DirectoryError(f"services.packs.empty.{what}", "empty", path=path)
    public = signing_key.public_key().public_bytes_raw()
    previous = previous_version(public, archive_dir=archive, out=out)
    if version is None:
        version = previous + 1
    elif version <= previous:
        raise DirectoryError("services.packs.version_taken", "version", previous=previous)
    if not 1 <= retention_months <= 120:
        raise DirectoryError("services.packs.retention_months", "retention")
    check_delays(relance_jours, expiration_jours)  # PackSettingError: one line, input kind
    territories = [n.to_json() for n in neighbourhoods]
    carried = 0
    for territory in territories:
        carte = (manques or {}).get(str(territory["code"]))
        if carte:
            territory[MANQUES_KEY] = dict(carte)
            carried += 1
    data = build_pack(
        signing_key,
        version=version,
        territories=territories,
        structures=structures,
        services=services,
        retention_months=retention_months,
        coordination=coordination,
        vocab_version=_vocab_version(),
        now=now,
        relance_jours=relance_jours,
        expiration_jours=expiration_jours,
    )
    try:
        atomic_write(out, data)
        if archive is not None:
            archive.mkdir(parents=True, exist_ok=True)
            atomic_write(archive / f"pack-v{version:04d}{PACK_SUFFIX}", data)
    except OSError as exc:
        raise DirectoryError(
            "services.packs.write_failed", "io", path=out, detail=exc.strerror or exc
        ) from None
    header = read_header(data)
    return PackReport(
        path=out,
        version=version,
        content_sha256=header["content_sha256"],
        counts=dict(header["counts"]),
        signer_fingerprint=key_fingerprint(public),
        problems={
            name: rows
            for name, rows in (
                (structures_path.name, s_problems),
                (services_path.name, v_problems),
                (territories_path.name, t_problems),
            )
            if rows
        },
        manques=carried,
    )


def make_workspace_pack(
    workspace: Workspace,
    structures_path: Path | str,
    services_path: Path | str,
    territories_path: Path | str,
    out: Path | str,
    *,
    store: Engine | None = None,
    manques: bool = True,
    now: datetime | None = None,
    **kw: Any,
) -> PackReport:
    """`make_pack` with an open coordinator workspace: its signing key, its territory name, its
    `packs/` folder as the archive and, unless `manques=False`, the « carte des manques »
    counted on its consolidated store over the 12 full months before the pack's date.

    `store`: the workspace's open consolidated store; without it, the store is opened for the
    count (the remembered server, else the workspace's file), then closed.
    """
    cartes = None
    if manques:
        du, au = period_before((now or datetime.now(UTC)).astimezone(UTC).date())
        if store is not None:
            cartes = unmet_map(store, du, au, k=DEFAULT_K)
        else:
            from fieldapp.services import coordination  # heavy (transports): only when needed

            engine = coordination.consolidated_engine(workspace)
            try:
                cartes = unmet_map(engine, du, au, k=DEFAULT_K)
            finally:
                engine.dispose()
    return make_pack(
        workspace.keys.signing,
        structures_path,
        services_path,
        territories_path,
        out,
        coordination=workspace.territory,
        archive_dir=Path(workspace.root) / ARCHIVE_DIR,
        now=now,
        manques=cartes,
        **kw,
    )


# --- field side -------------------------------------------------------------------------------

_cache_lock = threading.Lock()
# The installed pack of each open profile, read once (see installed_pack).
_installed: weakref.WeakKeyDictionary[FieldService, Pack | None] = weakref.WeakKeyDictionary()


def coordination_key(service: FieldService) -> bytes | None:
    """The coordinator's Ed25519 public key from the invitation the profile joined, if any."""
    stored = service.store.get_setting(COORDINATION_SETTING)
    if not isinstance(stored, Mapping) or not stored.get("signing_public"):
        return None
    try:
        key = base64.b64decode(str(stored["signing_public"]), validate=True)
    except (ValueError, binascii.Error):
        return None
    return key if len(key) == 32 else None


def installed_pack(service: FieldService, *, reload: bool = False) -> Pack | None:
    """The pack installed in this profile (None: none yet), read once per open profile.

    `reload`: read it again (another process, e.g. `fieldapp pack import`, may have changed it).
    """
    with _cache_lock:
        if service in _installed and not reload:
            return _installed[service]
    document = service.store.get_setting(PACK_SETTING)
    pack: Pack | None = None
    if document is not None:
        try:
            pack = stored_pack(document)
        except PackError:
            pack = None  # written by a newer Relais: the demo pack is better than a crash
    with _cache_lock:
        _installed[service] = pack
    return pack


def import_pack(
    service: FieldService, pack_path: Path | str, *, coordinator_key: bytes | None = None
) -> Pack:
    """Verify and install a pack file; raises PackRefused (the installed pack stays).

    The trusted key is the one of the coordination the profile joined. `coordinator_key` is for
    a profile that has not joined one (tests, a coordinator's own check); it cannot override
    the joined coordination's key.
    """
    data = _read(pack_path, "pack")
    joined = coordination_key(service)
    if joined is not None:
        if coordinator_key is not None and coordinator_key != joined:
            raise PackRefused("services.packs.wrong_key", "wrong_signer")
        key = joined
    elif coordinator_key is not None:
        key = coordinator_key
    else:
        raise PackRefused("services.packs.not_joined", "not_joined")
    current = installed_pack(service)
    try:
        pack = verify_pack(data, key, current_version=current.version if current else None)
    except PackError as exc:
        code = "services.packs.not_newer" if exc.reason == "not_newer" else "services.packs.refused"
        raise PackRefused(code, exc.reason, problem=exc) from None
    assert pack.document is not None
    service.store.set_setting(PACK_SETTING, pack.document)
    service.audit("pack_import", version=pack.version)
    with _cache_lock:
        _installed[service] = pack
    return pack


# --- demo pack --------------------------------------------------------------------------------


def demo_dir() -> Path:
    """`resources/demo-pack/` of a source checkout, or `fieldapp/resources/demo-pack/` when
    installed as package data."""
    for candidate in (
        _PACKAGE / "resources" / "demo-pack",
        _PACKAGE.parent / "resources" / "demo-pack",
    ):
        if (candidate / "structures.json").is_file():
            return candidate
    return _PACKAGE.parent / "resources" / "demo-pack"


def demo_sources() -> tuple[Path, Path, Path]:
    """(structures, services, territories) files of the demo directory, e.g. for `make_pack`."""
    root = demo_dir()
    return root / "structures.json", root / "services.jsonl", root / "qpv.csv"


@cache
def demo_pack() -> Pack:
    """The fictional demo directory, version 0 and unsigned (see docs/directory.md).

    Read without the data·inclusion validators: they refuse dates after today's date, and a
    laptop with a wrong clock must still show the demo (a test validates these files).
    """
    structures_path, services_path, territories_path = demo_sources()
    try:
        structures = dom.parse_rows(structures_path.read_bytes())
        services = dom.parse_rows(services_path.read_bytes())
        territories, problems = parse_qpv_csv(territories_path.read_bytes())
    except (OSError, DirectoryFileError) as exc:
        raise DirectoryError("services.packs.demo_unreadable", "demo", problem=exc) from None
    if problems:
        raise DirectoryError("services.packs.demo_invalid", "demo", problem=problems[0])
    return _demo_pack(
        territories=[t.to_json() for t in territories],
        structures=structures,
        services=services,
        date=DEMO_DATE,
    )
