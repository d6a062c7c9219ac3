"""Coordinator workspace, invitation file and enrolment (fieldapp.sync.invitation / workspace)."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from fieldapp.services import coordination as coordination_service
from fieldapp.services import sync as sync_service
from fieldapp.services.field import FieldService
from fieldapp.services.profile import ProfileError
from fieldapp.storage import envelope, keyfile
from fieldapp.sync import invitation as inv
from fieldapp.sync import workspace as ws
from fieldapp.sync.batch import (
    SUITE_XWING,
    canonical_json,
    open_batch,
    seal_batch,
    suite_available,
)
from fieldapp.sync.transports import DropSettings
from tests.helpers import COORD_PASSPHRASE, FAST, Coordination, make_coordination
from tests.helpers.sync import make_sync, record


def test_code_format_and_normalisation() -> None:
    code = inv.new_code()
    groups = code.split("-")
    assert [len(g) for g in groups] == [5, 5, 5, 5]
    assert set(code.replace("-", "")) <= set(inv.CODE_ALPHABET)
    assert inv.new_code() != code
    # Typed in lower case, with spaces, I/L/O for 1/1/0: the same code.
    typed = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert inv.normalise_code(typed) == code.replace("-", "")
    with pytest.raises(inv.WrongInvitationCode, match="mal formé"):
        inv.normalise_code("ABCDE-FGHJK")
    with pytest.raises(inv.WrongInvitationCode, match="mal formé"):
        inv.normalise_code("UUUUU-UUUUU-UUUUU-UUUUU")  # U is not in Crockford's alphabet


def test_right_code_opens_and_carries_everything(coordination: Coordination) -> None:
    opened = inv.open_invitation(coordination.invitation, coordination.code.lower())
    workspace = coordination.open()
    assert opened.hpke_public == workspace.keys.hpke_public
    assert opened.hpke_fingerprint == coordination.info["hpke_fingerprint"]
    assert opened.signing_public == workspace.keys.signing_public
    assert opened.signing_fingerprint == coordination.info["signing_fingerprint"]
    assert opened.territory_key == workspace.keys.territory_key
    assert len(opened.territory_key) == 32
    assert opened.territory == "Métropole Rouen Normandie"
    assert opened.issued.endswith("Z")
    # No secret in the repr, the public view or the file itself.
    text = coordination.invitation.read_text(encoding="utf-8")
    secret = base64.b64encode(opened.territory_key).decode()
    assert secret not in repr(opened) and secret not in json.dumps(opened.public_json())
    assert secret not in text and "Rouen" not in text


def test_wrong_code_and_damaged_file_get_different_messages(
    coordination: Coordination, tmp_path: Path
) -> None:
    wrong = inv.new_code()
    with pytest.raises(inv.WrongInvitationCode) as wrong_code:
        inv.open_invitation(coordination.invitation, wrong)
    document = json.loads(coordination.invitation.read_text(encoding="utf-8"))
    ciphertext = bytearray(base64.b64decode(document["ciphertext"]))
    ciphertext[10] ^= 0x01
    document["ciphertext"] = base64.b64encode(bytes(ciphertext)).decode()
    altered = tmp_path / "altered.relais-invitation"
    altered.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(inv.DamagedInvitation) as damaged:
        inv.open_invitation(altered, coordination.code)
    truncated = tmp_path / "truncated.relais-invitation"
    truncated.write_bytes(coordination.invitation.read_bytes()[:200])
    with pytest.raises(inv.DamagedInvitation) as cut:
        inv.open_invitation(truncated, coordination.code)
    assert "incorrect" in str(wrong_code.value)
    assert "endommagé" in str(damaged.value) and "endommagé" in str(cut.value)
    assert str(wrong_code.value) != str(damaged.value)
    assert wrong_code.value.reason == "wrong_code" and damaged.value.reason == "damaged"
    # Neither message repeats the code.
    for error in (wrong_code.value, damaged.value):
        assert coordination.code not in str(error) and wrong not in str(error)


def test_other_files_are_refused_clearly(coordination: Coordination, tmp_path: Path) -> None:
    other = tmp_path / "notes.json"
    other.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(inv.DamagedInvitation, match="pas une invitation Relais"):
        inv.open_invitation(other, coordination.code)
    newer = json.loads(coordination.invitation.read_text(encoding="utf-8"))
    newer["version"] = 3
    path = tmp_path / "newer.relais-invitation"
    path.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(inv.UnsupportedInvitation, match="plus récente"):
        inv.open_invitation(path, coordination.code)
    with pytest.raises(inv.InvitationError, match="introuvable"):
        inv.open_invitation(tmp_path / "absent", coordination.code)
    hostile = json.loads(coordination.invitation.read_text(encoding="utf-8"))
    hostile["kdf"]["memory_kib"] = 4 * 1024 * 1024  # 4 GiB per guess: refused before any work
    path.write_text(json.dumps(hostile), encoding="utf-8")
    with pytest.raises(inv.DamagedInvitation, match="démesurés"):
        inv.open_invitation(path, coordination.code)


def test_workspace_keys_open_batches_and_need_the_passphrase(
    coordination: Coordination, field: FieldService
) -> None:
    workspace = coordination.open()
    events = [e.to_dict() for e in field.store.events_from(1)]
    record(field, 2)
    events = [e.to_dict() for e in field.store.events_from(1)]
    signing = field.store.get_setting("device_signing_key")
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.from_private_bytes(base64.b64decode(signing))
    opened = inv.open_invitation(coordination.invitation, coordination.code)
    _, data = seal_batch(
        events,
        device_id=field.device_id,
        structure_id="s",
        signing_key=key,
        recipient_public=opened.hpke_public,
    )
    _, back = open_batch(
        data, recipient_private=workspace.recipient_private, device_public=key.public_key()
    )
    assert back == events
    with pytest.raises(keyfile.WrongPassphrase):
        ws.open_workspace(coordination.root, "pas la bonne phrase de passe")
    # The private keys are not readable without the passphrase: no key in any file in clear.
    secret = workspace.keys.hpke_x25519.private_bytes_raw()
    for path in coordination.root.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert secret not in content
            assert base64.b64encode(secret) not in content
    assert repr(workspace.keys).startswith("CoordinatorKeys(hpke=")


def test_workspace_creation_rules(tmp_path: Path, coordination: Coordination) -> None:
    with pytest.raises(coordination_service.WorkspaceProblem, match="existe déjà"):
        make_coordination(coordination.root)
    with pytest.raises(ProfileError, match="trop courte"):
        coordination_service.create_coordination(tmp_path / "w2", "court")
    with pytest.raises(coordination_service.WorkspaceProblem, match="Aucun espace"):
        coordination_service.open_workspace(tmp_path / "nulle-part", COORD_PASSPHRASE)
    info = ws.read_public_info(coordination.root)
    assert info["hpke_fingerprint"] == coordination.info["hpke_fingerprint"]
    # Damaged key blob: a clear message naming the backup copy.
    blob = coordination.root / ws.SECRETS_FILE
    data = json.loads(blob.read_text())
    data["ciphertext"] = base64.b64encode(b"x" * 64).decode()
    blob.write_text(json.dumps(data))
    with pytest.raises(coordination_service.WorkspaceProblem, match=r"endommagées.*\.bak"):
        coordination_service.open_workspace(coordination.root, COORD_PASSPHRASE)


def test_new_invitation_and_drop_credentials(tmp_path: Path) -> None:
    drop = DropSettings.parse(
        "https://cloud.example.org/remote.php/dav/files/relais/depot",
        username="relais",
        password="s3cret-de-test",
    )
    coord = make_coordination(tmp_path / "c", drop=drop)
    assert coord.info["drop"] == {
        "kind": "webdav",
        "location": "https://cloud.example.org/remote.php/dav/files/relais/depot/",
        "username": "relais",
        "has_password": True,
    }
    assert "s3cret" not in json.dumps(coord.info)
    assert b"s3cret" not in coord.invitation.read_bytes()
    again = coordination_service.issue_invitation(
        coord.root, COORD_PASSPHRASE, invitation_kdf=keyfile.FAST_TEST_KDF
    )
    assert again["code"] != coord.code and again["invitation"] != str(coord.invitation)
    opened = inv.open_invitation(Path(again["invitation"]), again["code"])
    assert opened.drop == drop
    # The earlier invitation still works (one invitation serves the whole territory).
    assert inv.open_invitation(coord.invitation, coord.code).hpke_public == opened.hpke_public
    with pytest.raises(inv.WrongInvitationCode):
        inv.open_invitation(Path(again["invitation"]), coord.code)


def test_drop_settings_refuse_credentials_in_clear() -> None:
    with pytest.raises(ValueError, match="en clair"):
        DropSettings.parse("http://depot.example.org/dav", username="u", password="p")
    with pytest.raises(ValueError, match="ne doit pas contenir d'identifiant"):
        DropSettings.parse("https://u:p@depot.example.org/dav")
    local = DropSettings.parse("http://127.0.0.1:8080/dav", username="u", password="Zk9-secret")
    assert local.location == "http://127.0.0.1:8080/dav/"
    assert "Zk9" not in local.describe() and "Zk9" not in json.dumps(local.public_json())
    assert "Zk9" not in repr(local) and "Zk9" not in str(local)
    folder = DropSettings.parse("~/depot")
    assert folder.kind == "folder" and Path(folder.location).is_absolute()


def test_join_existing_profile_stores_invitation_in_encrypted_db(
    field: FieldService, coordination: Coordination
) -> None:
    service = make_sync(field)
    assert not service.joined and service.territory_key() is None
    with pytest.raises(sync_service.InvitationRefused) as wrong:
        service.join_coordination(coordination.invitation, inv.new_code())
    assert wrong.value.reason == "wrong_code" and not service.joined
    with pytest.raises(sync_service.InvitationRefused, match="requis"):
        service.join_coordination(coordination.invitation, "")
    info = service.join_coordination(coordination.invitation, coordination.code)
    assert info["hpke_fingerprint"] == coordination.info["hpke_fingerprint"]
    assert service.territory_key() == coordination.open().keys.territory_key
    assert "territory_key" not in (service.coordination() or {})
    # join_after_init is the same thing for `fieldapp init --invitation`.
    again = sync_service.join_after_init(field, coordination.invitation, coordination.code)
    assert again["territory"] == "Métropole Rouen Normandie"
    # Nothing of the invitation in clear in the profile folder.
    key = base64.b64encode(coordination.open().keys.territory_key)
    for path in field.home.root.rglob("*"):
        if path.is_file():
            assert key not in path.read_bytes()


def test_switching_coordination_with_pending_batches_is_refused(
    field: FieldService, coordination: Coordination, tmp_path: Path
) -> None:
    service = make_sync(field)
    service.join_coordination(coordination.invitation, coordination.code)
    record(field, 1)
    assert service.seal_pending() == 1
    other = make_coordination(tmp_path / "autre")
    with pytest.raises(sync_service.CoordinationConflict, match="encore 1 lot à lui remettre"):
        service.join_coordination(other.invitation, other.code)
    service.join_coordination(other.invitation, other.code, replace=True)
    assert service.coordination()["hpke_fingerprint"] == other.info["hpke_fingerprint"]  # type: ignore[index]


def test_enrolment_file(field: FieldService, coordination: Coordination, tmp_path: Path) -> None:
    service = make_sync(field)
    service.join_coordination(coordination.invitation, coordination.code)
    out = tmp_path / "enrolment.json"
    result = service.enrolment(out)
    assert result["fingerprint"] == service.device_fingerprint()
    enrolment = inv.read_enrolment(out)
    assert enrolment.device_id == field.device_id
    assert enrolment.fingerprint == result["fingerprint"]
    assert enrolment.structure["name"] == "Équipe de prévention test"
    assert enrolment.coordination == coordination.info["hpke_fingerprint"]
    text = out.read_text(encoding="utf-8")
    assert field.store.get_setting("device_signing_key") not in text
    forged = json.loads(text)
    forged["structure"]["name"] = "Autre structure"
    out.write_text(json.dumps(forged), encoding="utf-8")
    with pytest.raises(inv.EnrolmentError, match="Signature"):
        inv.read_enrolment(out)
    with pytest.raises(sync_service.SyncError, match="Écriture impossible"):
        service.enrolment(tmp_path / "absent" / "x.json")


@pytest.mark.skipif(not suite_available(SUITE_XWING), reason="ML-KEM absent de ce build")
def test_post_quantum_coordination_round_trip(tmp_path: Path, field: FieldService) -> None:
    coord = make_coordination(tmp_path / "pq", post_quantum=True)
    assert coord.info["suite"] == SUITE_XWING
    service = make_sync(field)
    service.join_coordination(coord.invitation, coord.code)
    record(field, 3)
    service.seal_pending()
    (entry,) = service.outbox_store.entries()
    data = service.outbox_store.content(entry.batch_id)
    from tests.helpers.sync import device_public

    manifest, events = open_batch(
        data, recipient_private=coord.open().recipient_private, device_public=device_public(field)
    )
    assert manifest.suite == SUITE_XWING and len(events) == 3


def test_workspace_fast_kdf_is_refused_without_allow_weak(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="trop faibles"):
        ws.create_workspace(tmp_path / "w", COORD_PASSPHRASE, kdf=keyfile.FAST_TEST_KDF)
    assert FAST["allow_weak"] is True


def test_workspace_subkeys_are_stable_and_separate(coordination: Coordination) -> None:
    first, second = coordination.open(), coordination.open()
    assert first.subkey("consolidated-db") == second.subkey("consolidated-db")
    assert first.subkey("consolidated-db") != first.subkey("autre")
    with pytest.raises(ValueError):
        first.subkey("coordinator-keys")


# --- Signed invitations (issue 14, 5): trust on first use of the coordinator's signing key ---


def _forge(content: dict[str, object], signer: inv.CoordinatorKeys, code: str, out: Path) -> Path:
    """An invitation sealed under the right code, signed by `signer` (whatever it claims)."""
    signed = dict(content)
    signature = signer.signing.sign(inv.INVITATION_SIGNATURE_CONTEXT + canonical_json(signed))
    signed["signature"] = base64.b64encode(signature).decode()
    out.write_bytes(inv.seal_content(signed, code, kdf=keyfile.FAST_TEST_KDF))
    return out


def test_an_invitation_is_signed_by_the_key_it_carries(coordination: Coordination) -> None:
    opened = inv.open_invitation(coordination.invitation, coordination.code)
    assert opened.signing_public == coordination.open().keys.signing_public
    document = json.loads(coordination.invitation.read_text(encoding="utf-8"))
    assert document["version"] == 2
    with pytest.raises(ValueError, match="ne correspond pas"):
        inv.seal_invitation(opened, coordination.code, inv.CoordinatorKeys.generate().signing)


def test_a_forged_invitation_under_the_right_code_is_refused(
    coordination: Coordination, tmp_path: Path
) -> None:
    """The attacker holds the one-time code and seals their own HPKE key, territory key and
    drop, claiming the coordinator's signing key (so the signing fingerprint read aloud
    matches): the signature, by the attacker's own key, does not verify."""
    genuine = inv.open_invitation(coordination.invitation, coordination.code)
    attacker = inv.CoordinatorKeys.generate()
    forged = inv.Invitation.for_keys(
        attacker, territory=genuine.territory, drop=DropSettings.parse(str(tmp_path / "piege"))
    )
    claimed = forged.to_json() | {
        "signing_public": base64.b64encode(genuine.signing_public).decode(),
        "signing_fingerprint": genuine.signing_fingerprint,
    }
    path = _forge(claimed, attacker, coordination.code, tmp_path / "forged.relais-invitation")
    with pytest.raises(inv.ForgedInvitation, match="pas signée par la clé") as caught:
        inv.open_invitation(path, coordination.code)
    assert caught.value.reason == "bad_signature"
    # Without any signature member, or with the genuine content but a bit of the signature
    # flipped: refused the same way.
    unsigned = tmp_path / "no-signature.relais-invitation"
    unsigned.write_bytes(inv.seal_content(claimed, coordination.code, kdf=keyfile.FAST_TEST_KDF))
    with pytest.raises(inv.ForgedInvitation):
        inv.open_invitation(unsigned, coordination.code)
    keys = coordination.open().keys
    content = inv.signed_content(genuine, keys.signing)
    raw = bytearray(base64.b64decode(str(content["signature"])))
    raw[0] ^= 1
    content["signature"] = base64.b64encode(bytes(raw)).decode()
    flipped = tmp_path / "flipped.relais-invitation"
    flipped.write_bytes(inv.seal_content(content, coordination.code, kdf=keyfile.FAST_TEST_KDF))
    with pytest.raises(inv.ForgedInvitation):
        inv.open_invitation(flipped, coordination.code)


def test_a_device_that_joined_refuses_another_coordinators_invitation(
    field: FieldService, coordination: Coordination, tmp_path: Path
) -> None:
    """Fully self-consistent forgery (the attacker's own keys, signed by the attacker): on a
    device that already joined, refused, the stored coordination untouched. On a fresh device
    it opens, and the fingerprint shown is the attacker's: the spoken check is the gate there."""
    service = make_sync(field)
    service.join_coordination(coordination.invitation, coordination.code)
    before = service.coordination()
    attacker = inv.CoordinatorKeys.generate()
    forged = inv.Invitation.for_keys(
        attacker, territory="Métropole Rouen Normandie", drop=DropSettings.parse(str(tmp_path))
    )
    path = _forge(
        forged.to_json(), attacker, coordination.code, tmp_path / "other.relais-invitation"
    )
    with pytest.raises(sync_service.InvitationRefused, match="autre coordination") as caught:
        service.join_coordination(path, coordination.code)
    assert caught.value.reason == "other_coordinator"
    assert coordination.info["signing_fingerprint"] in str(caught.value)
    assert service.coordination() == before
    assert service.drop_info() is None or str(tmp_path) not in json.dumps(service.drop_info())
    opened = inv.open_invitation(path, coordination.code)
    assert opened.signing_fingerprint != coordination.info["signing_fingerprint"]
    # A new invitation of the same coordination is still welcome (new drop settings).
    again = coordination_service.issue_invitation(
        coordination.root, COORD_PASSPHRASE, invitation_kdf=keyfile.FAST_TEST_KDF
    )
    service.join_coordination(Path(again["invitation"]), again["code"])
    assert service.coordination()["signing_public"] == before["signing_public"]  # type: ignore[index]


def test_an_unsigned_invitation_of_the_old_format_is_refused(
    coordination: Coordination, tmp_path: Path
) -> None:
    """Version 1 (unsigned) as Relais wrote it before: refused in one line, whatever the code."""
    genuine = inv.open_invitation(coordination.invitation, coordination.code)
    salt, kdf = b"\x01" * 16, keyfile.FAST_TEST_KDF
    key, check = inv._derive(inv.normalise_code(coordination.code), kdf, salt)
    header = inv._header(kdf, salt, check) | {"version": 1}
    document = envelope.seal_document(key, header, canonical_json(genuine.to_json()))
    path = tmp_path / "old.relais-invitation"
    path.write_text(json.dumps(document, sort_keys=True, indent=2), encoding="utf-8")
    for code in (coordination.code, inv.new_code()):
        with pytest.raises(inv.UnsignedInvitation) as caught:
            inv.open_invitation(path, code)
        assert caught.value.reason == "unsigned"
        assert "non signée" in str(caught.value) and "\n" not in str(caught.value)
