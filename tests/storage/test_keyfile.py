"""Key hierarchy (fieldapp.storage.keyfile) and atomic writes (fieldapp.storage.atomic).

Profiles use FAST_TEST_KDF (allow_weak=True) except the two tests that are about DEFAULT_KDF.
"""

from __future__ import annotations

import base64
import errno
import json
import os
import random
import re
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from fieldapp.storage import keyfile
from fieldapp.storage.atomic import atomic_write, cleanup_temp_files
from fieldapp.storage.keyfile import (
    DEFAULT_KDF,
    FAST_TEST_KDF,
    CorruptKeyFile,
    KdfParams,
    KeyFileError,
    UnsupportedKeyFile,
    WrongPassphrase,
    WrongRecoveryKey,
    backup_path,
    change_passphrase,
    create_key_file,
    derive_subkey,
    read_kdf_params,
    recover,
    restore_backup,
    unlock,
    unlock_with_recovery,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).with_name("keyfile_crash_child.py")
OLD = "vieille phrase de passe"
NEW = "nouvelle phrase de passe"
RECOVERY_RE = re.compile(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){7}")
TEMP_RE = re.compile(r"\.relais\.key(\.bak)?\.[a-z0-9_]{8}\.tmp")


@pytest.fixture(autouse=True)
def private_system_temp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the system temp folder at an empty folder, to prove nothing is written there."""
    sentinel = tmp_path_factory.mktemp("systemtemp")
    saved = tempfile.tempdir
    tempfile.tempdir = str(sentinel)
    try:
        yield sentinel
    finally:
        tempfile.tempdir = saved
    assert list(sentinel.iterdir()) == [], "key material went to the system temp folder"


@pytest.fixture
def key_path(tmp_path: Path) -> Path:
    folder = tmp_path / "profil"
    folder.mkdir()
    return folder / "relais.key"


def make(path: Path, passphrase: str = OLD, kdf: KdfParams = FAST_TEST_KDF) -> tuple[bytes, str]:
    return create_key_file(path, passphrase, kdf=kdf, allow_weak=True)


def encodings(secret: bytes) -> list[bytes]:
    """The forms in which a leaked key would show up in a file."""
    return [
        secret,
        secret.hex().encode(),
        secret.hex().upper().encode(),
        base64.b64encode(secret),
        base64.b32encode(secret),
    ]


def assert_no_key_material(folder: Path, data_key: bytes) -> None:
    for file in folder.iterdir():
        content = file.read_bytes()
        for form in encodings(data_key):
            assert form not in content, f"data key visible in {file.name}"


def folder_names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# ------------------------------------------------------------------------------------------
# Parameters


def test_default_kdf_meets_design_minimum() -> None:
    assert DEFAULT_KDF.memory_kib >= 64 * 1024
    assert DEFAULT_KDF.iterations >= 3
    assert DEFAULT_KDF.lanes >= 1
    assert not DEFAULT_KDF.is_weak
    assert FAST_TEST_KDF.is_weak


def test_create_and_unlock_with_default_kdf(key_path: Path) -> None:
    data_key, recovery_key = create_key_file(key_path, OLD)
    assert read_kdf_params(key_path) == DEFAULT_KDF
    assert unlock(key_path, OLD) == data_key
    assert unlock_with_recovery(key_path, recovery_key) == data_key


def test_weak_parameters_need_explicit_opt_in(key_path: Path) -> None:
    with pytest.raises(ValueError, match="trop faibles"):
        create_key_file(key_path, OLD, kdf=FAST_TEST_KDF)
    assert not key_path.exists()
    assert not backup_path(key_path).exists()
    with pytest.raises(ValueError, match="trop faibles"):
        create_key_file(key_path, OLD, kdf=KdfParams(memory_kib=64 * 1024, iterations=2, lanes=1))

    make(key_path)
    before = key_path.read_bytes()
    with pytest.raises(ValueError, match="trop faibles"):
        change_passphrase(key_path, OLD, NEW, kdf=FAST_TEST_KDF)
    assert key_path.read_bytes() == before


@pytest.mark.parametrize(
    ("memory_kib", "iterations", "lanes"),
    [(7, 1, 1), (15, 1, 2), (8, 0, 1), (8, 1, 0), (True, 1, 1), (8, 1, 65), (2**23, 1, 1)],
)
def test_kdf_params_reject_nonsense(memory_kib: Any, iterations: Any, lanes: Any) -> None:
    with pytest.raises(ValueError):
        KdfParams(memory_kib=memory_kib, iterations=iterations, lanes=lanes)


# ------------------------------------------------------------------------------------------
# Create, unlock, recovery


def test_create_unlock_roundtrip(key_path: Path) -> None:
    data_key, recovery_key = make(key_path)
    assert len(data_key) == 32
    assert unlock(key_path, OLD) == data_key
    assert unlock_with_recovery(key_path, recovery_key) == data_key
    # Backup copy written with identical bytes.
    assert backup_path(key_path).name == "relais.key.bak"
    assert backup_path(key_path).read_bytes() == key_path.read_bytes()
    assert read_kdf_params(key_path) == FAST_TEST_KDF
    # Nothing secret stored in clear; only the two files in the folder.
    assert folder_names(key_path.parent) == {"relais.key", "relais.key.bak"}
    assert_no_key_material(key_path.parent, data_key)
    assert OLD.encode() not in key_path.read_bytes()
    if sys.platform != "win32":
        assert stat.S_IMODE(key_path.stat().st_mode) == 0o600


def test_file_is_self_describing(key_path: Path) -> None:
    make(key_path)
    doc = json.loads(key_path.read_text("utf-8"))
    assert doc["magic"] == "relais-keyfile"
    assert doc["version"] == 1
    kdf = doc["slots"]["passphrase"]["kdf"]
    assert kdf["alg"] == "argon2id"
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (8, 1, 1)
    assert doc["slots"]["recovery"]["kdf"]["alg"] == "hkdf-sha256"


def test_each_profile_gets_its_own_keys(tmp_path: Path) -> None:
    key_a, rec_a = make(tmp_path / "a.key")
    key_b, rec_b = make(tmp_path / "b.key")
    assert key_a != key_b
    assert rec_a != rec_b


def test_create_refuses_to_overwrite(key_path: Path) -> None:
    make(key_path)
    before = key_path.read_bytes()
    with pytest.raises(FileExistsError):
        make(key_path, "autre")
    assert key_path.read_bytes() == before
    # A leftover backup alone is also protected.
    key_path.unlink()
    with pytest.raises(FileExistsError):
        make(key_path, "autre")


def test_empty_passphrase_refused(key_path: Path) -> None:
    with pytest.raises(ValueError, match="vide"):
        make(key_path, "")
    assert not key_path.exists()


def test_wrong_passphrase(key_path: Path) -> None:
    make(key_path)
    with pytest.raises(WrongPassphrase) as info:
        unlock(key_path, OLD + " ")
    assert str(info.value) == "Phrase de passe incorrecte"
    assert OLD not in str(info.value)
    with pytest.raises(WrongPassphrase):
        unlock(key_path, "")


def test_passphrase_is_nfc_normalised(key_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "Éléphant été ñandú")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    data_key, _ = make(key_path, decomposed)
    assert unlock(key_path, composed) == data_key
    assert unlock(key_path, decomposed) == data_key


def test_recovery_key_format_and_lenient_parsing(key_path: Path) -> None:
    data_key, recovery_key = make(key_path)
    assert RECOVERY_RE.fullmatch(recovery_key)
    raw = base64.b32decode(recovery_key.replace("-", ""))
    assert len(raw) * 8 >= 160
    variants = [
        recovery_key.lower(),
        recovery_key.replace("-", " "),
        recovery_key.replace("-", ""),
        "  " + recovery_key.lower().replace("-", "  ") + "\n",
        recovery_key.replace("O", "0").replace("I", "1").replace("B", "8"),
    ]
    for variant in variants:
        assert unlock_with_recovery(key_path, variant) == data_key
    # The look-alike digits map to the letters they are mistaken for.
    parse = keyfile._parse_recovery_key
    assert parse("0" * 32) == parse("O" * 32)
    assert parse("1" * 32) == parse("I" * 32)
    assert parse("8" * 32) == parse("B" * 32)


@pytest.mark.parametrize(
    "attempt",
    ["", "ABCD", "ABCD-" * 8, "!" * 32, "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD"],
)
def test_malformed_recovery_key(key_path: Path, attempt: str) -> None:
    make(key_path)
    with pytest.raises(WrongRecoveryKey) as info:
        unlock_with_recovery(key_path, attempt)
    assert str(info.value) == "Clé de secours incorrecte"


def test_wrong_recovery_key(key_path: Path) -> None:
    make(key_path)
    _, other = make(key_path.with_name("autre.key"))
    with pytest.raises(WrongRecoveryKey):
        unlock_with_recovery(key_path, other)


def test_derive_subkey() -> None:
    data_key = bytes(range(32))
    db_key = derive_subkey(data_key, "sqlcipher")
    expected = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"relais/sqlcipher"
    ).derive(data_key)
    assert db_key == expected
    assert derive_subkey(data_key, "sqlcipher") == db_key
    assert derive_subkey(data_key, "autre") != db_key
    assert db_key != data_key
    assert len(derive_subkey(data_key, "x", 64)) == 64
    with pytest.raises(ValueError):
        derive_subkey(b"short", "sqlcipher")
    with pytest.raises(ValueError):
        derive_subkey(data_key, "")


# ------------------------------------------------------------------------------------------
# Passphrase change and recovery


def test_change_passphrase(key_path: Path) -> None:
    data_key, recovery_key = make(key_path)
    recovery_slot_before = json.loads(key_path.read_text())["slots"]["recovery"]
    salt_before = json.loads(key_path.read_text())["slots"]["passphrase"]["kdf"]["salt"]
    change_passphrase(key_path, OLD, NEW)
    with pytest.raises(WrongPassphrase):
        unlock(key_path, OLD)
    assert unlock(key_path, NEW) == data_key
    assert unlock_with_recovery(key_path, recovery_key) == data_key
    doc = json.loads(key_path.read_text())
    assert doc["slots"]["recovery"] == recovery_slot_before  # rewrap, not re-encrypt
    assert doc["slots"]["passphrase"]["kdf"]["salt"] != salt_before  # fresh salt
    assert read_kdf_params(key_path) == FAST_TEST_KDF  # kdf=None keeps the parameters
    assert backup_path(key_path).read_bytes() == key_path.read_bytes()
    assert folder_names(key_path.parent) == {"relais.key", "relais.key.bak"}


def test_change_passphrase_with_new_parameters(key_path: Path) -> None:
    data_key, _ = make(key_path)
    stronger = KdfParams(memory_kib=64, iterations=2, lanes=2)
    change_passphrase(key_path, OLD, NEW, kdf=stronger, allow_weak=True)
    assert read_kdf_params(key_path) == stronger
    assert unlock(key_path, NEW) == data_key


def test_change_with_wrong_old_passphrase_changes_nothing(key_path: Path) -> None:
    make(key_path)
    before = key_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        change_passphrase(key_path, "pas la bonne", NEW)
    assert key_path.read_bytes() == before
    assert backup_path(key_path).read_bytes() == before


def test_recover_sets_new_passphrase(key_path: Path) -> None:
    data_key, recovery_key = make(key_path)
    change_passphrase(key_path, OLD, NEW)  # recovery still valid after a change
    assert recover(key_path, recovery_key.lower(), "troisième") == data_key
    for old in (OLD, NEW):
        with pytest.raises(WrongPassphrase):
            unlock(key_path, old)
    assert unlock(key_path, "troisième") == data_key
    assert unlock_with_recovery(key_path, recovery_key) == data_key
    with pytest.raises(WrongRecoveryKey):
        recover(key_path, "AAAA-" * 7 + "AAAA", "quatrième")
    assert unlock(key_path, "troisième") == data_key


# ------------------------------------------------------------------------------------------
# Damaged and tampered files


def value_spans(text: str) -> list[tuple[str, bool, int, int]]:
    """(field, in_recovery_slot, start, end) of each value in the serialized key file."""
    recovery_at = text.index('"recovery"')
    spans = []
    for match in re.finditer(
        r'"(check|ciphertext|nonce|salt|memory_kib|iterations|lanes|version)": "?([^",\n]*)', text
    ):
        spans.append((match[1], match.start(2) > recovery_at, match.start(2), match.end(2)))
    return spans


def region_of(spans: list[tuple[str, bool, int, int]], pos: int) -> str:
    for field, in_recovery, start, end in spans:
        if start <= pos < end:
            if field == "version":
                return "version"
            if in_recovery or field in ("nonce", "ciphertext"):
                return "sealed"  # inside the passphrase slot's AES-GCM input or AAD
            return "derivation"  # salt, check, Argon2 parameters of the passphrase slot
    return "structure"


@pytest.mark.parametrize("mask", [0x01, 0x04, 0x40])
def test_flipping_any_byte_never_yields_the_key(key_path: Path, mask: int) -> None:
    data_key, recovery_key = make(key_path)
    pristine = key_path.read_bytes()
    spans = value_spans(pristine.decode())
    outcomes: dict[str, set[type[BaseException]]] = {}
    for pos in range(len(pristine)):
        damaged = bytearray(pristine)
        damaged[pos] ^= mask
        key_path.write_bytes(bytes(damaged))
        region = region_of(spans, pos)
        with pytest.raises(KeyFileError) as info:
            unlock(key_path, OLD)
        outcomes.setdefault(region, set()).add(type(info.value))
        allowed: set[type[BaseException]] = {CorruptKeyFile}
        if region == "derivation":
            allowed.add(WrongPassphrase)  # a different salt or cost is a different KEK
        if region == "version":
            allowed.add(UnsupportedKeyFile)
        assert type(info.value) in allowed, (pos, region, info.value)
        # The recovery slot does not cover the passphrase slot, but it never gives a wrong key.
        with suppress(KeyFileError):
            assert unlock_with_recovery(key_path, recovery_key) == data_key
    assert outcomes["sealed"] == {CorruptKeyFile}
    assert outcomes["structure"] == {CorruptKeyFile}
    key_path.write_bytes(pristine)
    assert unlock(key_path, OLD) == data_key


def test_damaged_ciphertext_is_corrupt_not_wrong_passphrase(key_path: Path) -> None:
    make(key_path)
    doc = json.loads(key_path.read_text())
    for slot in ("passphrase", "recovery"):
        tampered = json.loads(json.dumps(doc))
        ct = bytearray(base64.b64decode(tampered["slots"][slot]["ciphertext"]))
        ct[5] ^= 0x80
        tampered["slots"][slot]["ciphertext"] = base64.b64encode(bytes(ct)).decode()
        write_canonical(key_path, tampered)
        with pytest.raises(CorruptKeyFile) as info:
            unlock(key_path, OLD)
        message = str(info.value)
        assert message != str(WrongPassphrase())
        assert "endommagé" in message
        assert "relais.key.bak" in message
        assert info.value.backup == backup_path(key_path)
        # Never silently replaced by the backup.
        assert key_path.read_bytes() != backup_path(key_path).read_bytes()
    # With the wrong passphrase the same damaged file still reads as a wrong passphrase.
    with pytest.raises(WrongPassphrase):
        unlock(key_path, "pas la bonne")


def write_canonical(path: Path, doc: dict[str, Any]) -> None:
    """Write `doc` exactly as keyfile would, so only the semantic change is tested."""
    path.write_text(json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=True) + "\n")


def test_weakened_kdf_header_is_detected(key_path: Path) -> None:
    make(key_path, kdf=KdfParams(memory_kib=32, iterations=2, lanes=1))
    doc = json.loads(key_path.read_text())
    doc["slots"]["passphrase"]["kdf"]["memory_kib"] = 8
    doc["slots"]["passphrase"]["kdf"]["iterations"] = 1
    write_canonical(key_path, doc)
    # Different parameters derive a different KEK: indistinguishable from a wrong passphrase,
    # but the key never comes out, and the stored parameters cannot be lowered unnoticed.
    with pytest.raises(WrongPassphrase):
        unlock(key_path, OLD)


def test_slot_transplant_is_detected(tmp_path: Path) -> None:
    a, b = tmp_path / "a.key", tmp_path / "b.key"
    make(a)
    make(b)
    doc_a, doc_b = json.loads(a.read_text()), json.loads(b.read_text())
    # b's passphrase slot (same passphrase) next to a's recovery slot: the AAD binds them.
    doc_a["slots"]["passphrase"] = doc_b["slots"]["passphrase"]
    write_canonical(a, doc_a)
    with pytest.raises(CorruptKeyFile):
        unlock(a, OLD)


def test_newer_version_is_unsupported(key_path: Path) -> None:
    make(key_path)
    doc = json.loads(key_path.read_text())
    doc["version"] = 2
    doc["slots"] = {"quelque-chose": "de nouveau"}
    write_canonical(key_path, doc)
    with pytest.raises(UnsupportedKeyFile, match="version plus récente de Relais"):
        unlock(key_path, OLD)


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\x00" * 100,
        b"{}",
        b"[]",
        b"null",
        b'{"magic": "relais-keyfile"}',
        b'{"magic": "autre-chose", "version": 1}',
        b'{"magic": "relais-keyfile", "version": 0, "slots": {}}',
        b'{"magic": "relais-keyfile", "version": 1, "slots": {}}',
        b"x" * 100_000,
    ],
)
def test_garbled_file_is_corrupt(key_path: Path, content: bytes) -> None:
    make(key_path)
    key_path.write_bytes(content)
    with pytest.raises(CorruptKeyFile):
        unlock(key_path, OLD)
    with pytest.raises(CorruptKeyFile):
        read_kdf_params(key_path)


def test_missing_field_and_bad_base64_are_corrupt(key_path: Path) -> None:
    make(key_path)
    doc = json.loads(key_path.read_text())
    missing = json.loads(json.dumps(doc))
    del missing["slots"]["passphrase"]["check"]
    write_canonical(key_path, missing)
    with pytest.raises(CorruptKeyFile):
        unlock(key_path, OLD)
    bad = json.loads(json.dumps(doc))
    bad["slots"]["passphrase"]["nonce"] = "%%%%" + bad["slots"]["passphrase"]["nonce"][4:]
    write_canonical(key_path, bad)
    with pytest.raises(CorruptKeyFile):
        unlock(key_path, OLD)
    extra = json.loads(json.dumps(doc))
    extra["slots"]["passphrase"]["extra"] = 1
    write_canonical(key_path, extra)
    with pytest.raises(CorruptKeyFile):
        unlock(key_path, OLD)


def test_every_truncation_is_corrupt(key_path: Path) -> None:
    make(key_path)
    pristine = key_path.read_bytes()
    for length in range(len(pristine)):
        key_path.write_bytes(pristine[:length])
        with pytest.raises(CorruptKeyFile):
            unlock(key_path, OLD)


def test_corrupt_main_with_intact_backup_then_restore(key_path: Path) -> None:
    data_key, _ = make(key_path)
    key_path.write_bytes(key_path.read_bytes()[:100])
    with pytest.raises(CorruptKeyFile) as info:
        unlock(key_path, OLD)
    assert "relais.key.bak" in str(info.value)
    assert "intacte" in str(info.value)
    assert info.value.backup == backup_path(key_path)
    assert len(key_path.read_bytes()) == 100  # not silently repaired
    restore_backup(key_path)
    assert unlock(key_path, OLD) == data_key
    assert folder_names(key_path.parent) == {"relais.key", "relais.key.bak"}


def test_corrupt_main_and_backup(key_path: Path) -> None:
    make(key_path)
    key_path.write_bytes(b"{")
    backup_path(key_path).write_bytes(b"{")
    with pytest.raises(CorruptKeyFile) as info:
        unlock(key_path, OLD)
    assert info.value.backup is None
    assert "sauvegarde" in str(info.value)
    with pytest.raises(CorruptKeyFile):
        restore_backup(key_path)
    backup_path(key_path).unlink()
    with pytest.raises(CorruptKeyFile):
        restore_backup(key_path)


def test_missing_main_file(key_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        unlock(key_path, OLD)
    data_key, _ = make(key_path)
    key_path.unlink()
    with pytest.raises(CorruptKeyFile, match=r"relais\.key\.bak"):
        unlock(key_path, OLD)
    restore_backup(key_path)
    assert unlock(key_path, OLD) == data_key


# ------------------------------------------------------------------------------------------
# Interrupted writes (in process): fail the k-th file-system step, for every k


class Crash(BaseException):
    """Stands for the process dying: a BaseException so no `except Exception` swallows it."""


@contextmanager
def failing_step(fail_at: int | None, kind: str) -> Iterator[list[str]]:
    """Count os.write/os.fsync/os.replace calls and fail the `fail_at`-th one.

    kind "crash": raise Crash before the step; "torn": for a write, write half then Crash;
    "oserror": raise OSError(ENOSPC) before the step.
    """
    calls: list[str] = []
    real: dict[str, Callable[..., Any]] = {
        "write": os.write,
        "fsync": os.fsync,
        "replace": os.replace,
    }

    def wrap(name: str) -> Callable[..., Any]:
        def step(*args: Any) -> Any:
            index = len(calls)
            calls.append(name)
            if index == fail_at:
                if kind == "oserror":
                    raise OSError(errno.ENOSPC, "disque plein (simulé)")
                if kind == "torn" and name == "write":
                    fd, data = args
                    real["write"](fd, bytes(data)[: len(data) // 2])
                raise Crash
            return real[name](*args)

        return step

    with pytest.MonkeyPatch.context() as mp:
        for name in real:
            mp.setattr(os, name, wrap(name))
        yield calls


def count_steps(action: Callable[[], object]) -> list[str]:
    with failing_step(None, "crash") as calls:
        action()
    return list(calls)


@pytest.mark.parametrize("kind", ["crash", "torn", "oserror"])
@pytest.mark.parametrize("operation", ["change", "recover"])
def test_interrupted_change_at_every_step(tmp_path: Path, kind: str, operation: str) -> None:
    template = tmp_path / "modele"
    template.mkdir()
    data_key, recovery_key = make(template / "relais.key")

    def action(path: Path) -> Callable[[], object]:
        if operation == "change":
            return lambda: change_passphrase(path, OLD, NEW)
        return lambda: recover(path, recovery_key, NEW)

    probe = tmp_path / "sonde"
    shutil.copytree(template, probe)
    steps = count_steps(action(probe / "relais.key"))
    # Two atomic writes (main then backup), each: write, fsync, replace, fsync(folder).
    assert steps.count("replace") == 2
    assert steps.count("fsync") == 4

    for k in range(len(steps)):
        folder = tmp_path / f"{kind}-{k}"
        shutil.copytree(template, folder)
        path = folder / "relais.key"
        with pytest.raises(Crash if kind != "oserror" else OSError), failing_step(k, kind):
            action(path)()
        main_ok = [p for p in (OLD, NEW) if opens(path, p, data_key)]
        assert len(main_ok) == 1, (k, steps[k])
        bak = backup_path(path)
        bak_ok = [p for p in (OLD, NEW) if opens(bak, p, data_key)]
        assert len(bak_ok) == 1, (k, steps[k])
        # The backup never runs ahead of the main file.
        assert not (main_ok == [OLD] and bak_ok == [NEW])
        assert unlock_with_recovery(path, recovery_key) == data_key
        # atomic_write cleaned up after the exception: no temporary file left behind.
        assert folder_names(folder) == {"relais.key", "relais.key.bak"}
        # And the store keeps working: the next change succeeds from whichever state.
        change_passphrase(path, main_ok[0], "après")
        assert unlock(path, "après") == data_key


def opens(path: Path, passphrase: str, data_key: bytes) -> bool:
    try:
        key = unlock(path, passphrase)
    except WrongPassphrase:
        return False
    assert key == data_key
    return True


# ------------------------------------------------------------------------------------------
# Interrupted writes (real crashes): SIGKILL a child that changes the passphrase in a loop


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_during_repeated_changes(key_path: Path) -> None:
    prefix = "phrase-é-"
    data_key, recovery_key = make(key_path, f"{prefix}0")
    rng = random.Random(20261125)  # fixed seed: a failure can be replayed
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    current = 0
    bak_index = 0
    kills = 0
    mid_write = 0  # kills that left the main file ahead of the acknowledgements or a temp file
    for _ in range(24):
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(key_path), prefix, str(current), str(current + 10**6)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=key_path.parent.parent,
            env=env,
        )
        assert proc.stdout is not None
        if proc.stdout.readline() != b"ready\n":  # the child failed to start: show why
            proc.kill()
            pytest.fail(proc.communicate(timeout=30)[1].decode(errors="replace"))
        time.sleep(rng.uniform(0.0, 0.04))
        proc.kill()
        out, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode(errors="replace")
        kills += 1
        acked = [int(line.split()[1]) for line in out.decode().splitlines()]
        last_ack = acked[-1] if acked else current

        # Acknowledged changes are durable; at most the one in flight may also have landed.
        main_ok = [i for i in (last_ack, last_ack + 1) if opens(key_path, f"{prefix}{i}", data_key)]
        assert len(main_ok) == 1, (last_ack, main_ok)
        # The backup is written after the main file: it may lag behind it, down to the state it
        # had before this child started if no change was acknowledged.
        lowest = last_ack if acked else bak_index
        bak = backup_path(key_path)
        bak_ok = [i for i in range(lowest, main_ok[0] + 1) if opens(bak, f"{prefix}{i}", data_key)]
        assert len(bak_ok) == 1, (lowest, main_ok)
        bak_index = bak_ok[0]
        assert unlock_with_recovery(key_path, recovery_key) == data_key

        # Leftover temp files may exist, but only in the profile folder and with their own name.
        names = folder_names(key_path.parent) - {"relais.key", "relais.key.bak"}
        assert all(TEMP_RE.fullmatch(name) for name in names), names
        assert_no_key_material(key_path.parent, data_key)
        if names or main_ok[0] != last_ack:
            mid_write += 1
        current = main_ok[0]

    assert kills >= 20
    assert current > 0, "the child never completed a change: the harness tests nothing"
    # The next successful change removes leftovers.
    change_passphrase(key_path, f"{prefix}{current}", NEW)
    assert folder_names(key_path.parent) == {"relais.key", "relais.key.bak"}
    assert unlock(key_path, NEW) == data_key
    print(f"{kills} kills, {mid_write} during a write, {current} changes acknowledged")


# ------------------------------------------------------------------------------------------
# atomic_write


def test_atomic_write_creates_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "reglages.json"
    atomic_write(target, b"un")
    assert target.read_bytes() == b"un"
    atomic_write(target, b"deux" * 10_000)
    assert target.read_bytes() == b"deux" * 10_000
    atomic_write(target, b"")
    assert target.read_bytes() == b""
    assert folder_names(tmp_path) == {"reglages.json"}


@pytest.mark.parametrize("kind", ["crash", "torn", "oserror"])
@pytest.mark.parametrize("existed", [True, False])
def test_atomic_write_interrupted_keeps_old_content(
    tmp_path: Path, kind: str, existed: bool
) -> None:
    target = tmp_path / "fichier"
    steps = count_steps(lambda: atomic_write(tmp_path / "sonde", b"nouveau"))
    assert steps == ["write", "fsync", "replace", "fsync"]
    for k in range(len(steps)):
        if existed:
            target.write_bytes(b"ancien")
        elif target.exists():
            target.unlink()
        with pytest.raises(Crash if kind != "oserror" else OSError), failing_step(k, kind):
            atomic_write(target, b"nouveau")
        renamed = k > steps.index("replace")
        if renamed:
            assert target.read_bytes() == b"nouveau"
        elif existed:
            assert target.read_bytes() == b"ancien"
        else:
            assert not target.exists()
        assert folder_names(tmp_path) <= {"fichier", "sonde"}


def test_atomic_write_failure_in_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "absent" / "fichier", b"x")


def test_cleanup_temp_files_only_touches_its_own(tmp_path: Path) -> None:
    target = tmp_path / "relais.key"
    own = tmp_path / ".relais.key.abcd_123.tmp"
    others = [
        tmp_path / ".relais.key.bak.abcd_123.tmp",  # belongs to the backup, not to target
        tmp_path / "relais.key.tmp",
        tmp_path / ".relais.key.abc.tmp",
        tmp_path / ".autre.abcd_123.tmp",
    ]
    for file in [own, *others]:
        file.write_bytes(b"x")
    assert cleanup_temp_files(target) == [own]
    assert not own.exists()
    assert all(file.exists() for file in others)
