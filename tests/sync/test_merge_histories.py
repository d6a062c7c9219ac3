"""Random histories of several devices, plus forgeries by one of them, merged in random orders:
the projections are exactly those of the honest events alone (issue 14, docs/merge.md).

The devices are real enrolled profiles (their keys seal the batches, the project's own code
`seal_batch`); their histories are drawn by Hypothesis from real events' payloads: contacts
recorded, amended and voided, cut into batches. The forger (device 0) adds batches that amend or
void another device's contact with a far-future clock, create a contact under another device's
record id, or reuse a stored event id with other content. First arrival wins an id (docs/merge.md
§ Limits): a forgery that reuses an id, event or record, is merged after the honest batches;
every other batch, honest or forged, comes in any order.
"""

from __future__ import annotations

import itertools
import random
import uuid
from dataclasses import dataclass
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from fieldapp.services.coordination import CoordinationService
from fieldapp.storage.coord_schema import coord_metadata
from fieldapp.sync.merge import MergeReport
from tests.helpers import sample_contact
from tests.helpers.coordination import Territory
from tests.sync.hostile import FAR_FUTURE_HLC, Sealer, own_events

PROJECTIONS = ("contacts", "contact_needs", "contact_registrations", "handovers")
OUTCOMES = ("rdv-propose", "relais-effectue", "information-donnee")
FORGERIES = ("amend_other", "void_other", "create_other", "reuse_id")


@dataclass
class Batch:
    name: str
    data: bytes
    events: list[dict[str, Any]]
    after: str | None = None  # a forgery's prerequisite: the batch holding the original


def _uuid(ids: random.Random) -> str:
    """A UUID from the example's own seed: the same example gives the same ids when replayed."""
    return str(uuid.UUID(int=ids.getrandbits(128), version=4))


def _history(
    draw: st.DrawFn, device: int, template: dict[str, Any], ids: random.Random
) -> list[dict[str, Any]]:
    """One device's valid events: contacts recorded, then amendments and voids of its own."""
    n = draw(st.integers(1, 3))
    wall = draw(st.integers(10**12, 10**12 + 1000))
    evs: list[dict[str, Any]] = []
    contacts: list[str] = []
    for _ in range(n):
        contacts.append(f"c{device}-{_uuid(ids)[:8]}")
        evs.append({**template, "type": "contact.recorded", "entity_id": contacts[-1]})
    for index, kind, outcome in draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1), st.sampled_from(["amend", "void"]), st.sampled_from(OUTCOMES)
            ),
            max_size=3,
        )
    ):
        if kind == "amend":
            payload = {**template["payload"], "outcome": outcome}
            evs.append(
                {
                    **template,
                    "type": "contact.amended",
                    "entity_id": contacts[index],
                    "payload": payload,
                }
            )
        else:
            evs.append(
                {
                    **template,
                    "type": "contact.voided",
                    "entity_id": contacts[index],
                    "payload": {"reason": "doublon"},
                }
            )
    for seq, e in enumerate(evs, start=1):
        wall += draw(st.integers(1, 50))
        e.update(id=_uuid(ids), seq=seq, hlc=f"{wall:016d}-00000")
    return evs


@st.composite
def scenarios(draw: st.DrawFn, template: dict[str, Any], devices: int) -> dict[str, Any]:
    count = draw(st.integers(2, devices))
    seed = draw(st.integers(0, 2**32))
    ids = random.Random(seed)
    histories = [_history(draw, d, template, ids) for d in range(count)]
    cuts = [
        sorted(draw(st.sets(st.integers(1, len(h) - 1), max_size=len(h) - 1))) if len(h) > 1 else []
        for h in histories
    ]
    forgeries = draw(
        st.lists(
            st.tuples(
                st.sampled_from(FORGERIES),
                st.integers(1, count - 1),  # whose record or event
                st.integers(0, 100),  # which one
            ),
            min_size=1,
            max_size=3,
        )
    )
    return {
        "histories": histories,
        "cuts": cuts,
        "forgeries": forgeries,
        "order": draw(st.randoms(use_true_random=False)),
        "ids": ids,
    }


def _seal(sealer: Sealer, device_id: str, evs: list[dict[str, Any]], name: str) -> Batch:
    evs = [{**e, "device_id": device_id} for e in evs]
    return Batch(name, sealer.seal_events(evs), evs)


def _batches(scenario: dict[str, Any], sealers: list[Sealer]) -> tuple[list[Batch], list[Batch]]:
    honest: list[Batch] = []
    for d, (history, cuts) in enumerate(zip(scenario["histories"], scenario["cuts"], strict=True)):
        bounds = [0, *cuts, len(history)]
        for a, b in itertools.pairwise(bounds):
            honest.append(
                _seal(sealers[d], sealers[d].device_id, history[a:b], f"h{d}-{a + 1}-{b}")
            )
    forger = sealers[0]
    ids = scenario["ids"]
    seq = len(scenario["histories"][0])
    forged: list[Batch] = []
    for n, (kind, victim, pick) in enumerate(scenario["forgeries"]):
        seq += 1
        victim_events = scenario["histories"][victim]
        created = [e for e in victim_events if e["type"] == "contact.recorded"]
        target = created[pick % len(created)]
        base = {**target, "id": _uuid(ids), "seq": seq}
        if kind == "amend_other":
            payload = {
                **target["payload"],
                "outcome": "information-donnee",
                "age_band": "55-plus",
            }  # a valid code: the ownership rule decides
            event = {**base, "type": "contact.amended", "hlc": FAR_FUTURE_HLC, "payload": payload}
        elif kind == "void_other":
            event = {
                **base,
                "type": "contact.voided",
                "hlc": FAR_FUTURE_HLC,
                "payload": {"reason": "doublon"},
            }
        elif kind == "create_other":
            event = {**base, "payload": {**target["payload"], "outcome": "information-donnee"}}
        else:  # reuse_id: any honest event's id (the forger's own included), other content
            pool = [e for h in scenario["histories"] for e in h]
            original = pool[pick % len(pool)]
            event = {
                **original,
                "seq": seq,
                "hlc": FAR_FUTURE_HLC,
                "payload": {**created[0]["payload"], "outcome": "information-donnee"},
            }
            event["type"] = (
                "contact.amended" if original["type"] != "contact.amended" else "contact.voided"
            )
            if event["type"] == "contact.voided":  # valid content: the id rule must decide
                event["payload"] = {"reason": "doublon"}
            target = original
        batch = _seal(forger, forger.device_id, [event], f"f{n}-{kind}")
        if kind in ("create_other", "reuse_id"):
            batch.after = next(
                h.name for h in honest if any(e["id"] == target["id"] for e in h.events)
            )
        forged.append(batch)
    return honest, forged


def _ordered(honest: list[Batch], forged: list[Batch], rnd: Any) -> list[Batch]:
    """Any order, except that a forgery reusing an id comes after every honest batch (the
    original may sit in a held batch until its own predecessors arrive)."""
    free = [*honest, *(b for b in forged if b.after is None)]
    rnd.shuffle(free)
    late = [b for b in forged if b.after is not None]
    rnd.shuffle(late)
    return free + late


def _reset(coord: CoordinationService) -> None:
    with coord.consolidated.engine.begin() as conn:
        for name, table in coord_metadata.tables.items():
            if name != "devices":  # every record and every trace of the last example
                conn.execute(delete(table))


def _projections(coord: CoordinationService) -> dict[str, list[tuple[Any, ...]]]:
    with coord.consolidated.engine.connect() as conn:
        return {
            name: sorted(tuple(r) for r in conn.execute(select(coord_metadata.tables[name])))
            for name in PROJECTIONS
        }


def _merge(coord: CoordinationService, order: list[Batch]) -> MergeReport:
    report = MergeReport()
    for batch in order:
        coord.consolidated.merge_bytes(batch.name, batch.data, report)
    return report


def test_forgeries_in_any_order_leave_the_honest_projections(territory: Territory) -> None:
    devices = [territory.device(name) for name in ("f", "g", "h")]
    devices[0].field.record_contacts([sample_contact()])
    template = {k: v for k, v in own_events(devices[0])[0].items() if k not in ("id", "seq")}
    sealers = [Sealer.of(territory, d) for d in devices]
    with territory.open() as coord:

        @settings(
            max_examples=20,
            deadline=None,
            suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
            derandomize=True,
        )
        @given(scenarios(template, len(devices)))
        def check(scenario: dict[str, Any]) -> None:
            honest, forged = _batches(scenario, sealers)
            _reset(coord)
            alone = _merge(coord, honest)
            assert alone.batches_merged == len(honest), alone.batches_quarantined
            expected = _projections(coord)
            _reset(coord)
            report = _merge(coord, _ordered(honest, forged, scenario["order"]))
            assert _projections(coord) == expected
            assert report.batches_merged == len(honest)
            refused = {q["file"]: q["reason_code"] for q in report.batches_quarantined}
            assert set(refused) == {b.name for b in forged}
            assert set(refused.values()) <= {"foreign_record", "conflict"}

        check()
