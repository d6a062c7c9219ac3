"""The audit log: counts and codes only, inside the encrypted store, written by the services."""

from __future__ import annotations

from pathlib import Path

import pytest

from fieldapp.services import csv_import, profile
from fieldapp.storage import audit
from fieldapp.storage.home import Home
from tests.helpers import PASSPHRASE, make_profile


def test_only_counts_and_codes_are_accepted(tmp_path: Path) -> None:
    service, _ = make_profile(tmp_path / "p")
    try:
        service.audit("export", format="csv")
        service.audit("import", rows=3, imported=2, refused=1)
        refused = (
            {"note": "rencontré devant le 12 rue des Lilas"},  # free text
            {"file": "/home/educ/contacts.csv"},  # a path
            {"Format": "csv"},  # not a code key
            {"rows": 2.5},  # not a count
        )
        for detail in refused:
            with pytest.raises(audit.AuditDetailRefused):
                service.audit("export", **detail)
        with pytest.raises(audit.AuditDetailRefused):
            service.audit("whatever")
        entries = service.audit_entries()
        assert [e["action"] for e in entries[:2]] == ["import", "export"]  # latest first
        assert entries[0]["detail"] == {"rows": 3, "imported": 2, "refused": 1}
        assert entries[0]["label"] == "Import de contacts (tableur)"
        assert all(e["actor"] == service.device_id for e in entries)
    finally:
        service.close()


def test_opening_and_importing_are_logged(tmp_path: Path) -> None:
    home = Home(tmp_path / "p")
    make_profile(home.root)[0].close()
    sheet = tmp_path / "contacts.csv"
    sheet.write_text(
        "date;créneau;quartier;lieu;suite donnée\n"
        "2026-11-02;matin;QN07699B;pied-immeuble;pas-interesse\n"
        "pas une date;matin;QN07699B;pied-immeuble;pas-interesse\n",
        encoding="utf-8",
    )
    service = profile.open_profile(home, PASSPHRASE)
    try:
        report = csv_import.import_contacts(service, sheet)
        assert (len(report.imported), len(report.errors)) == (1, 1)
        actions = [(e["action"], e["detail"]) for e in service.audit_entries()]
        assert actions[0] == (
            "import",
            {"rows": 2, "imported": len(report.imported), "refused": len(report.errors)},
        )
        assert ("unlock", {}) in actions
    finally:
        service.close()


def test_a_store_that_cannot_take_the_line_does_not_fail_the_action(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """An unlock or an import already happened: a read-only store only loses the audit line."""
    service, _ = make_profile(tmp_path / "p")
    try:
        with service.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE audit_log")  # stands for a store refusing writes
        service.audit("export", format="csv")  # no exception
        assert "ligne « export » non écrite" in caplog.text
        assert "csv" not in caplog.text  # only the action code is logged
        with pytest.raises(audit.AuditDetailRefused):  # a bug still shows
            service.audit("export", note="texte libre interdit")
    finally:
        service.close()
