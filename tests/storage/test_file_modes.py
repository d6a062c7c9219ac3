"""Every file Relais writes that holds secrets or records is user-only, 0600 (issue 21, 4).

One test per writer, on the real files each one writes. On a shared computer a 0644 file can be
read by every other account: the recovery sheet opens the notebook, exports and batches are
records. Windows has no mode bits (docs/privacy.md says what holds there).
"""

from __future__ import annotations

import os
import shutil
import stat
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from fieldapp.services import packs, profile, reporting
from fieldapp.services.coordination import CoordinationService
from fieldapp.services.field import FieldService
from fieldapp.storage import private_files
from fieldapp.storage.home import Home
from fieldapp.sync.pack import build_pack
from tests.helpers import (
    COORD_PASSPHRASE,
    PASSPHRASE,
    make_coordination,
    make_profile,
    sample_contact,
)
from tests.helpers.coordination import Territory
from tests.helpers.sync import make_sync

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="POSIX mode bits; on Windows the folder's ACL applies"
)

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "store-v1"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_user_only(*paths: Path) -> None:
    assert paths, "no file to check"
    modes = {str(p): oct(mode(p)) for p in paths}
    assert set(modes.values()) == {"0o600"}, modes


def files_under(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """The default umask of many desktops (022) or a careless one (000): the modes must not
    depend on it."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_a_profile_key_file_settings_and_database_are_user_only(
    tmp_path: Path, permissive_umask: None
) -> None:
    field, _ = make_profile(tmp_path / "profil")
    try:
        field.record_contact(sample_contact())
        field.home.write_settings({"language": "en"})
        written = files_under(field.home.root)
        names = {p.name for p in written}
        assert {"relais.key", "relais.key.bak", "relais.db", "settings.json"} <= names
        assert_user_only(*written)  # the -wal and -shm too
    finally:
        field.close()


def test_an_older_world_readable_database_is_tightened_when_opened(tmp_path: Path) -> None:
    """Files of earlier versions were created with the umask's mode: the migration backup is
    0600 from its creation, and the database and its companions are set to 0600."""
    target = tmp_path / "v1"
    shutil.copytree(FIXTURE_V1, target)
    home = Home(target)
    home.db_file.chmod(0o644)
    service = profile.open_profile(home, PASSPHRASE)
    try:
        (backup,) = list(home.backups.iterdir())
        assert "schema0001" in backup.name
        assert_user_only(backup, home.db_file)
        assert_user_only(*(p for p in files_under(target) if p.name.startswith("relais.db")))
    finally:
        service.close()


def test_the_coordinator_workspace_files_are_user_only(
    tmp_path: Path, permissive_umask: None
) -> None:
    made = make_coordination(tmp_path / "coord")
    service = CoordinationService.open(made.root, COORD_PASSPHRASE)
    try:
        service.workspace.issue_invitation(tmp_path / "envoi.relais-invitation")
    finally:
        service.close()
    written = files_under(made.root)
    names = {p.name for p in written}
    assert {"coordinator.key", "coordinator-keys.enc", "invitations.enc", "consolidated.db"} <= (
        names
    )
    assert made.invitation in written
    assert_user_only(*written, tmp_path / "envoi.relais-invitation")
    assert mode(made.root / "invitations") == 0o700


def test_the_enrolment_file_and_a_published_pack_are_user_only(
    field: FieldService, tmp_path: Path, permissive_umask: None
) -> None:
    made = make_coordination(tmp_path / "coord")
    sync = make_sync(field)
    sync.join_coordination(made.invitation, made.code)
    sync.enrolment(tmp_path / "appareil.enrolment")
    pack = tmp_path / "territoire.relais-pack"
    content = {
        "territories": [{"code": "QN00001T", "name": "Quartier d'essai", "communes": []}],
        "structures": [{"id": "essai--s1"}],
        "services": [{"id": "essai--v1", "nom": "Service d'essai", "structure_id": "essai--s1"}],
    }
    signing = made.open().keys.signing
    source = tmp_path / "source.relais-pack"
    source.write_bytes(build_pack(signing, version=1, **content))
    packs.import_pack(field, source)
    structures, services, quartiers = packs.demo_sources()
    packs.make_pack(signing, structures, services, quartiers, pack)
    assert_user_only(tmp_path / "appareil.enrolment", pack)


def test_batches_delivered_to_a_folder_drop_are_user_only(
    territory: Territory, permissive_umask: None
) -> None:
    device = territory.device("terrain")
    device.field.record_contact(sample_contact())
    assert device.sync.sync().ok
    batches = files_under(territory.drop)
    assert batches
    assert_user_only(*batches)


@pytest.fixture
def merged(territory: Territory) -> Territory:
    device = territory.device("terrain")
    device.field.record_contacts(
        [sample_contact(date="2026-03-02", pseudonym=None) for _ in range(6)],
        today=date(2026, 5, 1),
    )
    assert device.sync.sync().ok
    with territory.open() as coord:
        assert coord.merge().events_inserted == 6
    return territory


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_report_exports_are_user_only(
    merged: Territory, fmt: str, permissive_umask: None, qapp: object
) -> None:
    from fieldapp.ui.coordination.report_pdf import register_pdf_renderer

    register_pdf_renderer()
    out = merged.tmp / f"indicateurs.{fmt}"
    out.write_bytes(b"ancien")
    out.chmod(0o644)  # replacing a readable file does not keep its mode
    with merged.open() as coord:
        reporting.coord_report(coord, fmt, out, k=5)
    assert out.stat().st_size > 100
    assert_user_only(out)


def test_the_recovery_sheet_pdf_is_user_only(
    tmp_path: Path, qapp: object, permissive_umask: None
) -> None:
    from fieldapp.ui.onboarding import recovery_sheet

    out = tmp_path / "relais-cle-de-secours.pdf"
    recovery_sheet.save_pdf(out, "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789", "Équipe d'essai")
    assert out.read_bytes().startswith(b"%PDF")
    assert_user_only(out)


def test_the_helpers_make_user_only_files_whatever_the_umask(
    tmp_path: Path, permissive_umask: None
) -> None:
    written = tmp_path / "a.bin"
    private_files.write_private(written, b"x")
    streamed = tmp_path / "b.bin"
    streamed.write_bytes(b"old")
    streamed.chmod(0o666)
    with open(streamed, "wb", opener=private_files.private_opener) as handle:
        handle.write(b"y")
    created = tmp_path / "c.db"
    private_files.secure_database(created)
    assert created.read_bytes() == b"" and streamed.read_bytes() == b"y"
    assert_user_only(written, streamed, created)
