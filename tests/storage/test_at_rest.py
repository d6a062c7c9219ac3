"""Nothing readable at rest: the profile folder holds ciphertext only."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fieldapp.services import profile
from fieldapp.services.field import FieldService
from fieldapp.storage import keyfile
from fieldapp.storage.engine import DatabaseLocked, open_engine
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile, sample_contact

MARKER = "ZX-MARQUEUR-4471"


def _files_containing(root: Path, needle: bytes) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_marker_in_notes_is_in_no_file_of_the_profile(home: Home) -> None:
    service, _ = make_profile(home.root)
    try:
        for n in range(50):
            service.record_contact(sample_contact(note=f"{MARKER} visite {n}"))
        home.write_settings({"language": "en"})
        # While the store is open, the WAL holds the latest pages: check it as well.
        assert home.db_file.with_name("relais.db-wal").exists()
        open_files = {p.name for p in home.root.rglob("*") if p.is_file()}
        assert {"relais.db", "relais.db-wal", "relais.key", "settings.json"} <= open_files
        for needle in (MARKER.encode(), MARKER.encode("utf-16-le"), b"pied-immeuble", b"QN07601M"):
            assert _files_containing(home.root, needle) == []
    finally:
        service.close()
    for needle in (MARKER.encode(), b"pied-immeuble"):
        assert _files_containing(home.root, needle) == []


def test_database_is_not_plain_sqlite(service: FieldService, home: Home) -> None:
    service.record_contact(sample_contact())
    conn = sqlite3.connect(home.db_file)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
    conn.close()
    assert not home.db_file.read_bytes().startswith(b"SQLite format 3")


def test_database_refuses_a_wrong_key(service: FieldService, home: Home) -> None:
    service.close()
    with pytest.raises(DatabaseLocked):
        open_engine(home.db_file, bytes(32))
    good = keyfile.derive_subkey(keyfile.unlock(home.key_file, PASSPHRASE), "sqlcipher")
    open_engine(home.db_file, good).dispose()


def test_pragmas_are_the_ones_promised(service: FieldService) -> None:
    with service.engine.connect() as conn:
        values = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in (
                "journal_mode",
                "synchronous",
                "secure_delete",
                "temp_store",
                "cipher_version",
            )
        }
    assert values["journal_mode"] == "wal"
    assert values["synchronous"] == 2  # FULL
    assert values["secure_delete"] == 1
    assert values["temp_store"] == 2  # MEMORY
    assert str(values["cipher_version"]).startswith("4.")


def test_wrong_passphrase_and_corrupted_key_file_say_different_things(home: Home) -> None:
    service, _ = make_profile(home.root)
    service.close()
    with pytest.raises(keyfile.WrongPassphrase) as wrong:
        profile.open_profile(home, "pas la bonne phrase")
    raw = bytearray(home.key_file.read_bytes())
    raw[len(raw) // 2] ^= 0x55
    home.key_file.write_bytes(bytes(raw))
    with pytest.raises(keyfile.CorruptKeyFile) as corrupt:
        profile.open_profile(home, PASSPHRASE)
    assert str(wrong.value) == "Phrase de passe incorrecte"
    assert str(corrupt.value) != str(wrong.value)
    assert "relais.key" in str(corrupt.value)


def test_damaged_database_names_the_database_and_the_backup(home: Home) -> None:
    service, _ = make_profile(home.root)
    service.record_contact(sample_contact())
    service.close()
    raw = bytearray(home.db_file.read_bytes())
    raw[0:64] = bytes(64)  # SQLCipher's salt and first page header
    home.db_file.write_bytes(bytes(raw))
    with pytest.raises(profile.DamagedDatabase) as err:
        profile.open_profile(home, PASSPHRASE)
    assert "relais.db" in str(err.value) and "sauvegarde" in str(err.value)
