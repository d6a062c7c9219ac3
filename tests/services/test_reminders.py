"""« Aujourd'hui »'s handovers to follow: follow-ups due, and handovers without news for the
pack's `relance_jours` (default 10 days)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from fieldapp.services import packs, reminders
from fieldapp.services.field import FieldService
from fieldapp.sync.pack import build_pack
from tests.helpers import sample_contact, structure
from tests.helpers import service as directory_service

TODAY = date.today()


def _propose(field: FieldService, days_ago: int) -> str:
    now = datetime.now(UTC) - timedelta(days=days_ago)
    contact_id = field.record_contact(sample_contact(date=now.date().isoformat()))
    return field.propose_handover(
        {"contact_id": contact_id, "partner": "Mission locale fictive",
         "mode": "rdv-tripartite", "consent": True},
        now=now,
    )  # fmt: skip


def test_quiet_handovers_are_listed_after_the_territorys_delay(
    service: FieldService, tmp_path: Path
) -> None:
    quiet = _propose(service, 12)
    recent = _propose(service, 4)
    closed = _propose(service, 20)
    service.change_handover_status(closed, "refus_personne", now=datetime.now(UTC) - timedelta(20))
    assert reminders.delays(service) == reminders.Delays(10, 30)
    rows = reminders.handovers_to_follow(service, TODAY)
    assert [(r["id"], r["chase"], r["days_quiet"]) for r in rows] == [(quiet, True, 12)]
    # The territory asks for a reminder after 3 days.
    key = Ed25519PrivateKey.generate()
    pack_file = tmp_path / "p.relais-pack"
    pack_file.write_bytes(
        build_pack(key, version=1, territories=[{"code": "QN07699T", "name": "Q",
                   "communes": ["76990"]}], structures=[structure(1)],
                   services=[directory_service(1)], relance_jours=3, expiration_jours=20)
    )  # fmt: skip
    packs.import_pack(service, pack_file, coordinator_key=key.public_key().public_bytes_raw())
    assert reminders.delays(service) == reminders.Delays(3, 20)
    rows = reminders.handovers_to_follow(service, TODAY)
    assert [r["id"] for r in rows] == [quiet, recent]
    assert recent not in {r["id"] for r in rows if r["due"]}


def test_a_follow_up_due_comes_first(service: FieldService) -> None:
    quiet = _propose(service, 15)
    planned = _propose(service, 1)
    service.reschedule_handover(planned, {"follow_up": (TODAY - timedelta(2)).isoformat()})
    rows = reminders.handovers_to_follow(service, TODAY)
    assert [(r["id"], r["due"]) for r in rows] == [(planned, True), (quiet, False)]
