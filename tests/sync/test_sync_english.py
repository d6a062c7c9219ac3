"""The sync layer in English: a delivery error, what the outbox and the quarantine read back
(old French rows included), and an eligibility reason."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from sqlalchemy import insert, select, update

from fieldapp import messages
from fieldapp.domain.eligibility import assess
from fieldapp.domain.pii import Finding, summary
from fieldapp.errors import Kind
from fieldapp.messages import CATALOGUE
from fieldapp.services.field import FieldService
from fieldapp.storage import migrate
from fieldapp.storage.coord_schema import quarantine
from fieldapp.storage.coord_store import DB_FILE, open_consolidated
from fieldapp.storage.engine import open_engine
from fieldapp.storage.schema import outbox
from fieldapp.sync.batch import BatchError
from fieldapp.sync.merge import Consolidated
from fieldapp.sync.transports import DeliveryError, FolderTransport
from tests.helpers import Coordination, sample_contact
from tests.helpers.coordination import Territory
from tests.helpers.sync import Clock, make_sync, record


def _missing_folder_error(tmp_path: Path) -> DeliveryError:
    with pytest.raises(DeliveryError) as caught:
        FolderTransport(tmp_path / "absent").put("relais-d-1-1.rbatch", b"x", "0" * 64)
    return caught.value


def test_a_delivery_error_in_english_keeps_its_reason_and_its_french(
    english: None, tmp_path: Path
) -> None:
    error = _missing_folder_error(tmp_path)
    assert error.reason == "unreachable" and error.code == "sync.delivery.folder_missing"
    assert error.kind is Kind.UNAVAILABLE
    assert str(error) == (
        f"Drop folder not found: {tmp_path / 'absent'} (USB key unplugged or network share "
        "disconnected?)."
    )
    assert error.message("fr").startswith("Dossier de dépôt introuvable")
    check = FolderTransport(tmp_path / "absent").check()
    assert not check.ok and check.reason == "unreachable"
    assert check.message.startswith("Drop folder not found")
    assert str(BatchError("bad_hash")).startswith("Altered content:")


def test_the_outbox_reads_its_failure_in_the_reader_s_language(
    field: FieldService, coordination: Coordination, clock: Clock, tmp_path: Path
) -> None:
    service = make_sync(field, clock, rng=random.Random(1))
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 2)
    service.seal_pending()
    box = service.outbox_store
    (entry,) = box.entries()
    error = _missing_folder_error(tmp_path)
    box.mark_failed([entry.batch_id], error.reason, error.text)
    with box.engine.connect() as conn:
        stored = conn.execute(select(outbox.c.reason, outbox.c.reason_code)).one()
    assert stored == (error.message("fr"), "unreachable")  # the column keeps its French text
    assert box.get(entry.batch_id).reason == error.message("fr")
    messages.set_language("en")
    try:
        assert box.get(entry.batch_id).reason == error.message("en")
        assert box.get(entry.batch_id).state_label == "failed, new attempt planned"
        # A row written before reason_message existed shows its French text as it is.
        with box.engine.begin() as conn:
            conn.execute(update(outbox).values(reason_message=None))
        assert box.get(entry.batch_id).reason == error.message("fr")
    finally:
        messages.set_language("fr")


def test_the_quarantine_reads_its_reason_in_english(territory: Territory) -> None:
    stranger = territory.device("x", enrol=False)
    stranger.field.record_contacts([sample_contact() for _ in range(2)])
    stranger.sync.sync()
    with territory.open() as coord:
        (merged,) = coord.merge().batches_quarantined
        assert merged["reason"].startswith("Appareil inconnu (")
        messages.set_language("en")
        try:
            (row,) = coord.quarantined()
            assert row["reason_code"] == "unknown_device"
            assert row["reason"].startswith("Unknown device (") and "enrol it" in row["reason"]
            assert "reason_message" not in row and "content" not in row
        finally:
            messages.set_language("fr")
        (row,) = coord.quarantined()
        assert row["reason"] == merged["reason"]


def test_a_quarantine_from_before_c005_keeps_showing_its_french_reason(tmp_path: Path) -> None:
    key = os.urandom(32)
    engine = open_engine(tmp_path / DB_FILE, key, pool_size=1)
    migrate.upgrade(
        engine, tmp_path / DB_FILE, tmp_path / "backups", target="c004",
        migrations=migrate.COORD_MIGRATIONS,
    )  # fmt: skip
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO quarantine (sha256, file_name, reason_code, reason, first_seen, "
            "last_attempt, content) VALUES ('ab', 'relais-x-1-1.rbatch', 'unknown_device', "
            "'Appareil inconnu (x) : enrôlez-le, puis relancez la quarantaine.', "
            "'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', x'00')"
        )
    engine.dispose()
    upgraded = open_consolidated(tmp_path, key)
    try:
        assert migrate.current_revision(upgraded) == migrate.head_revision(migrate.COORD_MIGRATIONS)
        consolidated = Consolidated(upgraded, recipient_private=None)  # type: ignore[arg-type]
        messages.set_language("en")
        try:
            (row,) = consolidated.quarantined()
        finally:
            messages.set_language("fr")
        assert row["reason"] == "Appareil inconnu (x) : enrôlez-le, puis relancez la quarantaine."
        with upgraded.begin() as conn:
            conn.execute(
                insert(quarantine).values(
                    sha256="cd", file_name="b", reason_code="malformed", reason="…",
                    reason_message='{"params": {}, "text": "sync.merge.too_large"}',
                    first_seen="2025-01-02T00:00:00Z", last_attempt="2025-01-02T00:00:00Z",
                    content=b"\x00",
                )
            )  # fmt: skip
        messages.set_language("en")
        try:
            reasons = [r["reason"] for r in consolidated.quarantined()]
        finally:
            messages.set_language("fr")
        assert reasons[1] == "File too large to be a Relais batch."
    finally:
        upgraded.dispose()


def test_eligibility_reasons_and_pii_labels_in_english(english: None) -> None:
    _, reasons = assess({"publics": ["tous-publics"], "zone_eligibilite": ["france"]}, {}, {})
    assert [r.text for r in reasons] == ["all publics ✓", "area ✓"]
    assert reasons[0].said.message("fr") == "tous publics ✓"
    phones = [Finding("telephone", 0, 1, "x"), Finding("telephone", 2, 3, "y")]
    assert summary(phones) == ["2 phone numbers"]
    for kind in ("telephone", "email", "nir", "iban", "date_naissance", "adresse"):
        assert f"domain.pii.{kind}" in CATALOGUE and f"domain.pii.{kind}_plural" in CATALOGUE
