"""What the services word for people (the sync badge, a run's summary, its progress, refused
changes to a contact, the self-check) is rendered in the current language: English when the window
or the CLI chose it, the French of old otherwise."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from fieldapp import messages
from fieldapp.domain.errors import ValidationError
from fieldapp.errors import DamagedError, Kind
from fieldapp.services import selfcheck
from fieldapp.services.field import FieldService, IncompleteProfile, PersonalDataInNote
from fieldapp.services.sync import SyncReport, SyncService
from fieldapp.storage.store import FieldStore
from tests.helpers import sample_contact
from tests.helpers.sync import Clock, record
from tests.helpers.text import fr


def test_the_sync_badge_and_progress_speak_english(
    english: None, joined: SyncService, field: FieldService, tmp_path: Path, clock: Clock
) -> None:
    drop = tmp_path / "depot"
    drop.mkdir()
    joined.set_drop(str(drop))
    assert joined.status_summary() == "Nothing to send"
    record(field, 1)
    assert joined.status_summary() == "1 change to send"
    joined.seal_pending()
    assert joined.status_summary() == "1 batch waiting"
    lines: list[str] = []
    report = joined.sync(progress=lambda _done, _total, text: lines.append(text))
    where = report.destination  # the transport's own description of the folder
    assert lines[0] == f"Connecting to {where}…"
    assert lines[1].startswith("Sending batch 1 of 1 (") and lines[1].endswith(" events)…")
    assert report.message == lines[-1] == f"1 batch delivered to {where}."
    assert joined.status_summary(clock.now + timedelta(minutes=5)) == "Synchronised 5 min ago"
    assert joined.status_summary(clock.now + timedelta(days=2)) == "Synchronised 2 days ago"
    messages.set_language("fr")  # the window's language changes: the same report follows
    assert report.message == f"1 lot remis vers {where}."


def test_a_run_summary_in_both_languages() -> None:
    failed = SyncReport(failed=[("a.rbatch", "refus"), ("b.rbatch", "refus")])
    assert failed.text().message("fr") == fr("2 lots non remis : refus")
    assert failed.text().message("en") == "2 batches not delivered: refus"
    assert SyncReport().text().message("en") == "Nothing to send: everything is already delivered."
    assert SyncReport().message == fr("Rien à envoyer : tout est déjà remis.")


def test_refused_contact_changes_speak_english(english: None, field: FieldService) -> None:
    (contact_id,) = field.record_contacts([sample_contact()])
    field.void_contact(contact_id, "en double")
    with pytest.raises(ValidationError) as voided:
        field.void_contact(contact_id, "encore")
    assert voided.value.problems[0].render() == "this contact is already voided"
    assert voided.value.problems[0].render("fr") == "ce contact est déjà annulé"
    with pytest.raises(ValidationError) as empty:
        field.void_contact(contact_id, " ")
    assert empty.value.problems[0].render() == (
        "reason for voiding required (500 characters at most)"
    )
    with pytest.raises(ValidationError) as locked:
        field.amend_contact(contact_id, {"note": "x"})
    assert locked.value.problems[0].render("fr") == "un contact annulé ne peut plus être modifié"
    assert locked.value.problems[0].render("en") == "a voided contact can no longer be changed"


def test_personal_data_in_a_note_is_named_in_the_note_wording(field: FieldService) -> None:
    with pytest.raises(PersonalDataInNote) as found:
        field.record_contact(sample_contact(note="Rappeler au 06 12 34 56 78"))
    (problem,) = found.value.problems
    assert problem.render("fr").endswith(" dans la note (à retirer, ou à masquer)")
    assert problem.render("en").endswith(" in the note (remove it, or mask it)")


def test_an_incomplete_profile_is_damaged_data_with_a_code(field: FieldService) -> None:
    engine: Engine = field.engine
    FieldStore(engine, field.device_id).set_setting("device_id", None)
    with pytest.raises(IncompleteProfile) as incomplete:
        FieldService.load(field.home, engine)
    assert isinstance(incomplete.value, DamagedError) and incomplete.value.kind is Kind.DAMAGED
    assert incomplete.value.code == "services.field.incomplete_profile"
    assert str(incomplete.value) == fr("profil incomplet : identité de l'appareil absente")
    assert incomplete.value.message("en") == "incomplete profile: the device's identity is missing"


def test_selfcheck_lines_and_failures_in_both_languages(english: None) -> None:
    step = selfcheck.Step("écriture", "detail", 0.5)
    assert step.line() == "ok  write       detail (0.50 s)"
    failed = selfcheck.SelfCheckFailed("lot", "x")
    assert str(failed) == "self-check failed at step “batch”: x"
    assert failed.message("fr") == fr("autotest en échec à l'étape « lot » : x")
    assert failed.step == "lot"
