"""Schema migrations: the first released schema keeps opening, a newer one is refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from fieldapp.services import profile
from fieldapp.storage import migrate
from fieldapp.storage.home import Home
from fieldapp.storage.schema import metadata
from tests.helpers import PASSPHRASE, make_profile, sample_contact

FIXTURE_V1 = Path(__file__).resolve().parents[1] / "fixtures" / "store-v1"


@pytest.fixture
def v1_home(tmp_path: Path) -> Home:
    target = tmp_path / "v1"
    shutil.copytree(FIXTURE_V1, target)
    return Home(target)


def test_version_1_store_upgrades_keeps_its_data_and_is_backed_up(v1_home: Home) -> None:
    original = v1_home.db_file.read_bytes()
    service = profile.open_profile(v1_home, PASSPHRASE)
    try:
        assert migrate.current_revision(service.engine) == migrate.head_revision()
        rows = service.contacts()
        assert len(rows) == 3
        assert {r["age_band"] for r in rows} == {"18-25", "30-44", "16-17"}
        (handover,) = service.handovers()
        assert handover["status"] == "propose"
        # The upgraded store keeps working: new saves continue the same gap-free seq.
        service.record_contact(sample_contact())
        assert [e.seq for e in service.store.events_from(1)] == [1, 2, 3, 4, 5]
        with service.engine.connect() as conn:
            indexes = {r[1] for r in conn.exec_driver_sql("PRAGMA index_list('contacts')")}
        assert {"ix_contacts_date", "ix_contacts_neighbourhood"} <= indexes
    finally:
        service.close()
    backups = list(v1_home.backups.iterdir())
    assert len(backups) == 1 and "schema0001" in backups[0].name
    assert backups[0].read_bytes() == original
    # Opening again does not migrate (nor back up) a second time.
    profile.open_profile(v1_home, PASSPHRASE).close()
    assert len(list(v1_home.backups.iterdir())) == 1


def test_head_schema_matches_the_declared_tables(home: Home) -> None:
    service, _ = make_profile(home.root)
    try:
        with service.engine.connect() as conn:
            tables = {
                r[0]
                for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")
            }
            for table in metadata.sorted_tables:
                assert table.name in tables
                columns = {r[1] for r in conn.exec_driver_sql(f"PRAGMA table_info('{table.name}')")}
                assert columns == {c.name for c in table.columns}, table.name
                indexes = {r[1] for r in conn.exec_driver_sql(f"PRAGMA index_list('{table.name}')")}
                assert {i.name for i in table.indexes} <= indexes, table.name
    finally:
        service.close()


def test_store_from_a_newer_version_is_refused_untouched(home: Home) -> None:
    service, _ = make_profile(home.root)
    with service.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    service.close()
    before = home.db_file.read_bytes()
    with pytest.raises(migrate.NewerSchema) as err:
        profile.open_profile(home, PASSPHRASE)
    assert "version plus récente" in str(err.value)
    assert home.db_file.read_bytes() == before
    assert not home.backups.exists()
