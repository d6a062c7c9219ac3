"""The English interface: an error of each layer renders in English, nested parts included."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from fieldapp.domain.contacts import parse_contact
from fieldapp.domain.errors import Problem, TransitionError, ValidationError
from fieldapp.errors import Kind
from fieldapp.messages import Text
from fieldapp.storage.migrate import NewerSchema
from fieldapp.storage.store import UnknownRecord
from fieldapp.sync.invitation import DamagedInvitation, WrongInvitationCode
from fieldapp.sync.workspace import DamagedWorkspace, NoWorkspace
from tests.helpers.text import fr


def test_a_refused_contact_names_its_fields_in_english(english: None) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_contact({"date": "2024-13-01", "nom": "x"}, today=None)
    text = str(caught.value)
    assert "Date (date): invalid date “2024-13-01”; expected format YYYY-MM-DD" in text
    assert "field nom: Relais does not record personal data: remove this field" in text
    assert "champ" not in text and "attendu" not in text
    assert caught.value.kind is Kind.INPUT
    # The same error, read in French, is today's text.
    assert fr("Date (date) : date invalide « 2024-13-01 » ; format attendu AAAA-MM-JJ") in (
        caught.value.message("fr")
    )


def test_problems_and_transitions_survive_pickling_and_render_in_english(english: None) -> None:
    error = ValidationError([Problem("slot", Text("domain.field.missing"))])
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == "Time slot (slot): required field missing"
    assert copy.problems[0].code == "domain.field.missing"
    refused = TransitionError("expire", "rdv_fixe", ())
    assert str(pickle.loads(pickle.dumps(refused))) == (
        "Cannot move from “Expired (expire)” to “Appointment set (rdv_fixe)”: the handover is "
        "closed (“Expired (expire)” is a final state)."
    )


def test_storage_errors_in_english(english: None) -> None:
    assert str(NewerSchema("9999")) == (
        "This database was created by a newer version of Relais (schema 9999): update Relais "
        "to open it."
    )
    missing = UnknownRecord("contact", "c-1")
    assert str(missing) == "Contact not found: c-1"
    assert (missing.record_type, missing.record_id, missing.kind) == ("contact", "c-1", Kind.INPUT)


def test_sync_errors_in_english_with_their_kind(english: None, tmp_path: Path) -> None:
    assert str(NoWorkspace(tmp_path)) == (
        f"No coordinator workspace in {tmp_path}: create it with “fieldapp coord init”."
    )
    damaged = DamagedInvitation(Text("sync.invitation.size"))
    assert (
        str(damaged)
        == "Damaged invitation file (abnormal size): ask the coordinator for a new copy."
    )
    assert damaged.kind is Kind.DAMAGED and damaged.reason == "damaged"
    assert WrongInvitationCode().kind is Kind.ACCESS
    workspace = DamagedWorkspace(tmp_path, Text("sync.workspace.file_missing"))
    assert workspace.kind is Kind.DAMAGED
    assert "(file missing): restore “coordinator-keys.enc” from its copy" in str(workspace)
