"""Projection tables of issue 17: street rounds (`outings`) and joint actions (`actions`), with
their counts by gender × age band and the action's partners and employers. Part of the field
store's `metadata` (revision 0009) and copied into the consolidated store (revision c009)."""

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from fieldapp.storage.schema import metadata


def _record_columns() -> list[Column[object]]:
    return [
        Column("voided", Boolean, nullable=False, default=False),
        Column("void_reason", Text),
        Column("version", Integer, nullable=False, default=1),
        Column("created_hlc", String(32), nullable=False),
        Column("updated_hlc", String(32), nullable=False),
    ]


outings = Table(
    "outings",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("date", String(10), nullable=False),
    Column("slot", String(32), nullable=False),
    Column("neighbourhood", String(16), nullable=False),
    Column("commune", String(5)),
    Column("duration_minutes", Integer, nullable=False),
    Column("people_seen", Integer, nullable=False),
    Column("ambiance", String(16), nullable=False),
    Column("mediations", Integer, nullable=False),
    Column("note", Text),
    *_record_columns(),
    Index("ix_outings_date", "date"),
)

outing_seen = Table(
    "outing_seen",
    metadata,
    Column("outing_id", String(36), ForeignKey("outings.id"), primary_key=True),
    Column("gender", String(32), primary_key=True),
    Column("age_band", String(16), primary_key=True),
    Column("count", Integer, nullable=False),
)

actions = Table(
    "actions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("device_id", String(64), nullable=False),
    Column("date", String(10), nullable=False),
    Column("neighbourhood", String(16), nullable=False),
    Column("commune", String(5)),
    Column("action_type", String(32), nullable=False),
    Column("employer_count", Integer, nullable=False),
    Column("participant_count", Integer, nullable=False),
    Column("note", Text),
    *_record_columns(),
    Index("ix_actions_date", "date"),
)

action_partners = Table(
    "action_partners",
    metadata,
    Column("action_id", String(36), ForeignKey("actions.id"), primary_key=True),
    Column("structure_id", String(128), primary_key=True),
)

action_employers = Table(
    "action_employers",
    metadata,
    Column("action_id", String(36), ForeignKey("actions.id"), primary_key=True),
    Column("employer_id", String(128), primary_key=True),
)

action_participants = Table(
    "action_participants",
    metadata,
    Column("action_id", String(36), ForeignKey("actions.id"), primary_key=True),
    Column("gender", String(32), primary_key=True),
    Column("age_band", String(16), primary_key=True),
    Column("count", Integer, nullable=False),
)

# Parents first (insertion order; deletion goes the other way).
PRESENCE_TABLES = (
    outings,
    outing_seen,
    actions,
    action_partners,
    action_employers,
    action_participants,
)
