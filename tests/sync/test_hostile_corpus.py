"""The hostile-batch corpus (issue 14, docs/reliability.md § Corpus hostile).

Every file is sealed with the project's own code (tests/sync/hostile.py) under the key of an
enrolled test device, except where the case is the key itself (an unknown device, another
coordinator). They are merged one by one into a consolidated store that already holds honest
records of three devices; each must end with its own reason code, and the store's data must be
unchanged to the byte (`store_digest`: a SHA-256 over every row of every table, in order) after
each of them. On SQLite always, and on PostgreSQL where a server binary exists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.sync import batch
from fieldapp.sync.merge import MergeReport
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.sync.hostile import (
    FAR_FUTURE_HLC,
    Sealer,
    bomb,
    compress,
    deep,
    forged,
    next_seq,
    own_events,
    store_digest,
)

MILLION = 1_000_000


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(territory: Territory, request: pytest.FixtureRequest) -> str | None:
    if request.param == "sqlite":
        return None
    url = str(request.getfixturevalue("postgres_url"))
    territory.open(url).service.close()
    return url


def _plain(sealer: Sealer, evs: list[dict[str, Any]], *, first_seq: int | None = None) -> bytes:
    """Events the writer would refuse to seal (sealed with the same pieces, seal_plaintext)."""
    first = evs[0]["seq"] if first_seq is None else first_seq
    return sealer.seal_plaintext(
        compress(iter([batch.canonical_json(evs)])), first_seq=first, count=len(evs)
    )


def _tiny_events(n: int) -> bytes:
    """A zlib stream of `n` tiny events, streamed (the test never holds the whole text)."""

    def parts() -> Any:
        yield b"["
        block = b"{}," * 100_000
        left = n - 1
        while left > 0:
            k = min(left, 100_000)
            yield block[: 3 * k]
            left -= k
        yield b"{}]"

    return compress(parts())


def _corpus(territory: Territory) -> dict[str, tuple[bytes, str]]:
    """name -> (file bytes, the outcome it must get)."""
    owner = territory.device("a")
    (contact_id,) = owner.field.record_contacts([sample_contact(outcome="rdv-propose")])
    forger = territory.device("b")
    (own,) = forger.field.record_contacts([sample_contact()])
    forger.field.amend_contact(own, {"outcome": "relais-effectue"})
    revoked = territory.device("r")
    revoked.field.record_contacts([sample_contact()])
    stranger = territory.device("x", enrol=False)
    stranger.field.record_contacts([sample_contact()])
    for device in (owner, forger, revoked):
        assert device.sync.sync().ok
    honest_files = {p.name: p.read_bytes() for p in territory.drop.glob("*.rbatch")}
    with territory.open() as coord:
        assert coord.merge().batches_merged == 3
        coord.set_device_status(revoked.field.device_id, "revoked")
    for p in territory.drop.glob("*.rbatch"):
        p.unlink()

    sealer = Sealer.of(territory, forger)
    b_id = forger.field.device_id
    recorded, amended = own_events(forger)
    seq = next_seq(forger)
    a_created = own_events(owner)[0]
    (replayed,) = [d for n, d in honest_files.items() if b_id in n]

    def case(make: Callable[[], bytes], outcome: str) -> tuple[bytes, str]:
        return make(), outcome

    revoked.field.record_contacts([sample_contact()])
    late = own_events(revoked)[-1]
    other_coordinator = dataclasses.replace(sealer, recipient=X25519PrivateKey.generate())
    stranger_events = own_events(stranger)
    return {
        # Issue 14, this part.
        "foreign-amendment": case(
            lambda: sealer.seal_events(
                [forged(amended, device_id=b_id, seq=seq, entity_id=contact_id, hlc=FAR_FUTURE_HLC)]
            ),
            "foreign_record",
        ),
        "foreign-void": case(
            lambda: sealer.seal_events(
                [
                    forged(
                        amended,
                        device_id=b_id,
                        seq=seq,
                        type="contact.voided",
                        entity_id=contact_id,
                        payload={"reason": "doublon"},
                    )
                ]
            ),
            "foreign_record",
        ),
        "foreign-creation": case(
            lambda: sealer.seal_events(
                [forged(recorded, device_id=b_id, seq=seq, entity_id=contact_id)]
            ),
            "foreign_record",
        ),
        "amendment-before-creation": case(
            lambda: sealer.seal_events(
                [forged(amended, device_id=b_id, seq=seq, entity_id="contact-pas-encore-cree")]
            ),
            "held",
        ),
        "same-id-other-content": case(
            lambda: sealer.seal_events([{**amended, "seq": seq, "hlc": FAR_FUTURE_HLC}]),
            "conflict",
        ),
        "other-device-s-id": case(
            lambda: sealer.seal_events([{**amended, "id": a_created["id"], "seq": seq}]),
            "conflict",
        ),
        "stored-seq-other-event": case(
            lambda: sealer.seal_events([forged(amended, device_id=b_id, seq=amended["seq"])]),
            "conflict",
        ),
        "empty-payload": case(
            lambda: sealer.seal_events([forged(recorded, device_id=b_id, seq=seq, payload={})]),
            "empty_payload",
        ),
        "revoked-backdated": case(
            lambda: batch.seal_batch(
                [late],
                device_id=revoked.field.device_id,
                structure_id=str(revoked.field.structure["id"]),
                signing_key=Sealer.of(territory, revoked).signing_key,
                recipient_public=sealer.recipient.public_key(),
                created=datetime(2020, 1, 1, tzinfo=UTC),
            )[1],
            "revoked_device",
        ),
        # Already handled before issue 14.
        "bomb": case(lambda: sealer.seal_plaintext(bomb(recorded, pairs=3_000_000)), "malformed"),
        "million-tiny-events": case(
            lambda: sealer.seal_plaintext(_tiny_events(MILLION), first_seq=seq, count=5000),
            "malformed",
        ),
        "deep-nesting": case(lambda: sealer.seal_plaintext(deep(recorded, 100_000)), "malformed"),
        "seq-mismatch": case(
            lambda: _plain(sealer, [forged(recorded, device_id=b_id, seq=seq + 5)], first_seq=seq),
            "inconsistent",
        ),
        "device-mismatch": case(
            lambda: _plain(sealer, [forged(recorded, device_id=owner.field.device_id, seq=seq)]),
            "inconsistent",
        ),
        "duplicate-ids": case(
            lambda: _plain(
                sealer,
                [
                    twin := forged(recorded, device_id=b_id, seq=seq),
                    {**forged(recorded, device_id=b_id, seq=seq + 1), "id": twin["id"]},
                ],
            ),
            "inconsistent",
        ),
        "replay": case(lambda: replayed, "already_merged"),
        "other-recipient": case(
            lambda: other_coordinator.seal_events([forged(recorded, device_id=b_id, seq=seq)]),
            "wrong_recipient",
        ),
        "unknown-device": case(
            lambda: Sealer.of(territory, stranger).seal_events(stranger_events), "unknown_device"
        ),
    }


def _outcome(report: MergeReport) -> str:
    if report.batches_already_merged == 1:
        return "already_merged"
    (q,) = report.batches_quarantined
    assert q["reason"]
    return q["reason_code"]


def test_every_hostile_batch_ends_with_its_code_and_leaves_the_store_unchanged(
    territory: Territory, db_url: str | None
) -> None:
    corpus = _corpus(territory)
    with territory.open() as coord:
        engine = coord.consolidated.engine
        assert engine.dialect.name == ("postgresql" if db_url else "sqlite")
        before = store_digest(engine)
        got = {}
        for name, (data, _) in corpus.items():
            report = MergeReport()
            coord.consolidated.merge_bytes(f"{name}.rbatch", data, report)
            got[name] = _outcome(report)
            assert store_digest(engine) == before, name
        assert got == {name: outcome for name, (_, outcome) in corpus.items()}
        # All but the replay are kept with their bytes, each under its code, for a retry.
        kept = {q["file_name"].removesuffix(".rbatch"): q for q in coord.quarantined()}
        assert {n: q["reason_code"] for n, q in kept.items()} == {
            n: o for n, (_, o) in corpus.items() if o != "already_merged"
        }
        assert "autre appareil" in kept["foreign-amendment"]["reason"]
        assert "même numéro" in kept["stored-seq-other-event"]["reason"]
