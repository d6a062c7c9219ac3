"""Relais confirmés (issue 16): handovers as declared by the sender and as confirmed by the
receiving structure, paired by the code relais's HMAC (docs/indicators.md § relais_confirmes).

The pairing is a join computed when the report is made, on the projection tables: the sender's
`handovers.code_hmac` and the receivers' `receptions.code_hmac`. Both are set unions of events
keyed by id, so whatever order the batches arrived in, and however often one was merged, the
same events give the same counts.

Counted: the handovers proposed with a code (older ones, and those proposed before the sender
joined, have none and cannot be confirmed), in the scope of the contact they came from (its
month and neighbourhood), by the structure type of the receiving device that confirmed them
(`NOT_CONFIRMED` while none has). Per group: proposed; entered as declared by the sender (its
history reached `entre_dispositif`); received and entered as confirmed by the receiver (a
reception `accueilli` or `entre_dispositif`, and `entre_dispositif`); days from the proposal
(UTC day) to the first confirmed reception. Receptions whose handover is not there yet wait
for it: they count once it arrives.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, Select, Table, case, func, literal, select

from fieldapp.storage.coord_schema import devices
from fieldapp.storage.schema import receptions

NOT_CONFIRMED = ""  # no receiving structure has confirmed (yet)
RECEIVED = ("accueilli", "entre_dispositif")

# (receiving structure type, neighbourhood, month)
RelayKey = tuple[str, str, str]


@dataclass
class RelayGroup:
    proposed: int = 0
    declared_entered: int = 0
    received: int = 0
    confirmed_entered: int = 0
    days: list[int] = field(default_factory=list)  # proposal → first confirmed reception


@dataclass
class RelayCounts:
    groups: dict[RelayKey, RelayGroup] = field(default_factory=dict)

    def total(self) -> RelayGroup:
        out = RelayGroup()
        for g in self.groups.values():
            out.proposed += g.proposed
            out.declared_entered += g.declared_entered
            out.received += g.received
            out.confirmed_entered += g.confirmed_entered
            out.days += g.days
        return out


def _flag(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def compute_relays(conn: Connection, scoped: Table, own_type: str | None) -> RelayCounts:
    """The relay groups of the handovers in the indicators' scope.

    `scoped` is the indicators' temporary table of the handovers in scope
    (`indicators.handover_scope`: month, neighbourhood, `s_entre_dispositif`, `propose_at`,
    `code_hmac`). `own_type` is set on a field store: it has no `devices` table, and every
    reception it holds was recorded by its own structure (of that type)."""
    out = RelayCounts()
    for month, nbh, confirmer, proposed_at, declared_in, received_on, confirmed_in in conn.execute(
        relay_query(scoped, own_type)
    ):
        kind = confirmer if received_on is not None and confirmer is not None else NOT_CONFIRMED
        group = out.groups.setdefault((str(kind), str(nbh), str(month)), RelayGroup())
        group.proposed += 1
        group.declared_entered += int(declared_in or 0)
        if received_on is not None:
            group.received += 1
            group.confirmed_entered += int(confirmed_in or 0)
            if proposed_at:
                start = date.fromisoformat(str(proposed_at)[:10])
                # A reception dated before the proposal (a clock, a typo) counts as the same day.
                group.days.append(max(0, (date.fromisoformat(str(received_on)) - start).days))
    return out


def relay_query(scoped: Table, own_type: str | None) -> Select[Any]:
    """One row per scoped handover with a code: month, neighbourhood, confirming structure type,
    proposal time, declared entry, first confirmed reception date, confirmed entry."""
    r, hs = receptions.c, scoped.c
    received = r.status.in_(RECEIVED)
    if own_type is None:
        # The structure type of the device that confirmed (devices are few: a join).
        receiver: ColumnElement[Any] = func.coalesce(devices.c.structure_type, "")
        source: Any = receptions.outerjoin(devices, devices.c.device_id == r.device_id)
    else:
        receiver, source = literal(own_type), receptions
    confirmed = (
        select(
            r.code_hmac,
            func.min(case((received, r.date))).label("received_on"),
            func.max(_flag(r.status == "entre_dispositif")).label("entered"),
            func.min(case((received, receiver))).label("stype"),
        )
        .select_from(source)
        .group_by(r.code_hmac)
        .subquery("confirmed")
    )
    return (
        select(
            hs.month,
            hs.nbh,
            confirmed.c.stype,
            hs.propose_at,
            hs.s_entre_dispositif,
            confirmed.c.received_on,
            confirmed.c.entered,
        )
        .select_from(scoped.outerjoin(confirmed, confirmed.c.code_hmac == hs.code_hmac))
        .where(hs.code_hmac.is_not(None))
    )
